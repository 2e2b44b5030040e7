import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../common/pagination.schema.js';

/** `held`: no mail transport is configured, so the message waits here (readable in the console). */
export const OutboxStatus = z.enum(['pending', 'sent', 'failed', 'held']);

export const OutboxMessageSchema = z.object({
  id: z.string(),
  channel: z.literal('email'),
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxQuerySchema = PageQuerySchema.extend({ status: OutboxStatus.optional() }).strict();
export type OutboxQuery = z.input<typeof OutboxQuerySchema>;

export const OutboxPageSchema = pageSchema(OutboxMessageSchema);
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
