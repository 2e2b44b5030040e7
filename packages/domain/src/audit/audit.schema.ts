import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../common/pagination.schema.js';

export const AuditActorType = z.enum(['member', 'staff', 'api_key', 'system']);

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorType: AuditActorType,
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
  storeId: z.uuid().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  actorId: z.string().max(100).optional(),
  storeId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditPageSchema = pageSchema(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;
