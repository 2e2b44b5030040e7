import { Module } from '@nestjs/common';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookEventsModule } from './webhook-events.module.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Webhooks: endpoints (admin), events written to the outbox in the cause's transaction
 * (`WebhookEventsModule`, used by the ledger and the programme), and their signed delivery.
 */
@Module({
  imports: [WebhookEventsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveryService],
  exports: [WebhookDeliveryService],
})
export class WebhooksModule {}
