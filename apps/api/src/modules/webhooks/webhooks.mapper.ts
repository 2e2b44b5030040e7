import {
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEvent,
} from '@tally/domain';
import { type AttemptRow, type DeliveryRow, type EndpointRow } from './webhooks.repository.js';

const iso = (d: Date) => new Date(d).toISOString();
const STATUS: Record<DeliveryRow['status'], WebhookDeliveryStatus> = {
  pending: 'pending',
  sent: 'delivered',
  failed: 'dead',
};

export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEvent[],
    enabled: row.enabled,
    secretHint: row.secret_hint,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    event: row.template as WebhookEvent,
    eventId: row.subject,
    status: STATUS[row.status],
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    deliveredAt: row.sent_at ? iso(row.sent_at) : null,
  };
}

export function toWebhookAttempt(row: AttemptRow): WebhookAttempt {
  return {
    attempt: row.attempt,
    statusCode: row.status_code,
    responseExcerpt: row.response_excerpt,
    durationMs: row.duration_ms,
    error: row.error,
    at: iso(row.created_at),
  };
}
