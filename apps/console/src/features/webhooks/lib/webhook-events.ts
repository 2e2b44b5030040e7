import { WebhookEvents, type WebhookEvent } from '@tally/domain';

/** How the console names each event. */
export const EVENT_LABELS: Readonly<Record<WebhookEvent, string>> = {
  'points.earned': 'Points earned',
  'points.redeemed': 'Points redeemed',
  'points.expired': 'Points expired',
  'points.reversed': 'Points reversed (refunds)',
  'tier.changed': 'Tier changed',
  'idea.status_changed': 'Idea status changed (once ideas exist)',
};

export const EVENT_OPTIONS = WebhookEvents.map((event) => ({
  value: event,
  label: `${EVENT_LABELS[event]} — ${event}`,
}));

export const WEBHOOK_LABELS = { url: 'Endpoint URL', description: 'Description', events: 'Events' } as const;

// A type alias (not an interface) so it fits the forms' `Record<string, FieldValue>`.
export type WebhookFormValues = { url: string; description: string; events: string[] };
