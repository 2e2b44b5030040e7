import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhookEventsModule } from '../webhooks/webhook-events.module.js';
import { LedgerInvariantsRepository } from './ledger-invariants.repository.js';
import { LedgerVerifyService } from './ledger-verify.service.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';

/**
 * The points ledger. Later modules (checkout, rewards, claims, ideas) call LedgerService; nothing else
 * writes ledger tables.
 */
@Module({
  imports: [NotificationsModule, WebhookEventsModule],
  providers: [LedgerRepository, LedgerService, LedgerInvariantsRepository, LedgerVerifyService],
  exports: [LedgerService, LedgerVerifyService],
})
export class LedgerModule {}
