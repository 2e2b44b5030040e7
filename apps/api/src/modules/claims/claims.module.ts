import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';

@Module({
  imports: [LedgerModule, NotificationsModule, ProgrammeModule],
  controllers: [ClaimsController],
  providers: [ClaimsRepository, ClaimsService],
})
export class ClaimsModule {}
