import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { WebhookEventsModule } from '../webhooks/webhook-events.module.js';
import { IdeasController } from './ideas.controller.js';
import { IdeasRepository } from './ideas.repository.js';
import { IdeasService } from './ideas.service.js';

@Module({
  imports: [LedgerModule, NotificationsModule, OutboxModule, ProgrammeModule, WebhookEventsModule],
  controllers: [IdeasController],
  providers: [IdeasRepository, IdeasService],
  exports: [IdeasService],
})
export class IdeasModule {}
