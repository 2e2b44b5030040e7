import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../common/pagination.schema.js';

/**
 * Events a webhook endpoint can subscribe to. `idea.status_changed` is emitted by the ideas board on
 * every state change (`data.idea`; `data.memberId` is the author).
 */
export const WebhookEvents = [
  'points.earned',
  'points.redeemed',
  'points.expired',
  'points.reversed',
  'tier.changed',
  'idea.status_changed',
] as const;
export const WebhookEventSchema = z.enum(WebhookEvents, 'must be one of the webhook events');
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

const WebhookUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(500, 'must be at most 500 characters');
const EventListSchema = z
  .array(WebhookEventSchema)
  .min(1, 'choose at least one event')
  .transform((events) => [...new Set(events)].sort());
const DescriptionSchema = z.string().trim().max(200, 'must be at most 200 characters');

export const WebhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(WebhookEventSchema),
  enabled: z.boolean(),
  /** The secret's last 4 characters, to tell secrets apart; the secret itself is shown once. */
  secretHint: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const CreateWebhookEndpointSchema = z.strictObject({
  url: WebhookUrlSchema,
  description: DescriptionSchema.default(''),
  events: EventListSchema,
  enabled: z.boolean().default(true),
});
export type CreateWebhookEndpoint = z.input<typeof CreateWebhookEndpointSchema>;

export const UpdateWebhookEndpointSchema = z.strictObject({
  url: WebhookUrlSchema.optional(),
  description: DescriptionSchema.optional(),
  events: EventListSchema.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpoint = z.input<typeof UpdateWebhookEndpointSchema>;

/** Returned on creation and on rotation only: the signing secret (`whsec_…`). */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

/** `dead`: every attempt failed; an admin may re-send it. */
export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'dead']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.uuid(),
  event: WebhookEventSchema,
  eventId: z.uuid(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookAttemptSchema = z.object({
  attempt: z.number().int(),
  statusCode: z.number().int().nullable(),
  /** The first characters of the receiver's answer. */
  responseExcerpt: z.string().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  at: z.iso.datetime(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

export const WebhookDeliveryDetailSchema = WebhookDeliverySchema.extend({
  /** The exact JSON body that is signed and sent. */
  body: z.string(),
  log: z.array(WebhookAttemptSchema),
});
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetailSchema>;

export const WebhookDeliveryQuerySchema = PageQuerySchema.extend({
  status: WebhookDeliveryStatus.optional(),
}).strict();
export type WebhookDeliveryQuery = z.input<typeof WebhookDeliveryQuerySchema>;

export const WebhookDeliveryPageSchema = pageSchema(WebhookDeliverySchema);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;

/**
 * The JSON body of every delivery. `id` is the event's id (the same for every endpoint); the
 * `Tally-Delivery` header names the delivery (stable across retries and re-sends) for deduplication.
 * No personal data: the member is named by id only.
 */
export const WebhookPayloadSchema = z.object({
  id: z.uuid(),
  type: WebhookEventSchema,
  occurredAt: z.iso.datetime(),
  data: z.object({
    memberId: z.uuid(),
    /** How many points moved, always positive: the event type says which way. */
    points: z.number().int().optional(),
    journalId: z.uuid().optional(),
    storeId: z.uuid().nullable().optional(),
    /** The till's receipt id for checkout operations, or another reference the journal carries. */
    externalRef: z.string().nullable().optional(),
    tier: z.object({ from: z.string().nullable(), to: z.string() }).optional(),
    /** `idea.status_changed`: the idea and its change (memberId is the author). */
    idea: z
      .object({
        id: z.uuid(),
        number: z.number().int(),
        from: z.string().nullable(),
        to: z.string(),
        duplicateOfId: z.uuid().nullable(),
      })
      .optional(),
  }),
});
export type WebhookPayload = z.infer<typeof WebhookPayloadSchema>;
