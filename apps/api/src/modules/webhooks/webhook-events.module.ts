import { Module } from '@nestjs/common';
import { WebhookEventsService } from './webhook-events.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

/**
 * What the ledger and the programme need to emit webhook events: no configuration, no HTTP, so
 * `LedgerModule` still runs on its own (tests, benchmarks).
 */
@Module({
  providers: [WebhooksRepository, WebhookEventsService],
  exports: [WebhooksRepository, WebhookEventsService],
})
export class WebhookEventsModule {}
