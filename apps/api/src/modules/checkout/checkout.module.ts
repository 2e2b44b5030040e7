import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { RewardsModule } from '../rewards/rewards.module.js';
import { CheckoutController, CheckoutLookupController } from './checkout.controller.js';
import { CheckoutRepository } from './checkout.repository.js';
import { CheckoutService } from './checkout.service.js';

@Module({
  imports: [LedgerModule, NotificationsModule, ProgrammeModule, RewardsModule, CampaignsModule],
  controllers: [CheckoutController, CheckoutLookupController],
  providers: [CheckoutRepository, CheckoutService],
})
export class CheckoutModule {}
