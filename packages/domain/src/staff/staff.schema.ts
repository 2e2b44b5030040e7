import { z } from 'zod';
import { EmailSchema, PersonNameSchema, ReasonSchema } from '../common/primitives.schema.js';
import { StaffRoles } from '../permissions/permissions.js';

export const StaffRoleSchema = z.enum(StaffRoles);
export const StaffStatus = z.enum(['invited', 'active', 'disabled']);

export const StaffUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  status: StaffStatus,
  storeIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

const storeIdsField = z.array(z.uuid('must be store ids')).max(50).default([]);

export const InviteStaffSchema = z
  .strictObject({
    email: EmailSchema,
    name: PersonNameSchema,
    role: StaffRoleSchema,
    storeIds: storeIdsField,
  })
  .refine((v) => v.role === 'admin' || v.role === 'marketing' || v.storeIds.length > 0, {
    message: 'cashiers and managers need at least one store',
    path: ['storeIds'],
  });
export type InviteStaff = z.input<typeof InviteStaffSchema>;

export const UpdateStaffSchema = z
  .strictObject({
    role: StaffRoleSchema.optional(),
    storeIds: z.array(z.uuid()).max(50).optional(),
    reason: ReasonSchema,
  })
  .refine((v) => v.role !== undefined || v.storeIds !== undefined, {
    message: 'change the role or the stores',
    path: ['role'],
  });
export type UpdateStaff = z.input<typeof UpdateStaffSchema>;

export const ReasonBodySchema = z.strictObject({ reason: ReasonSchema });
export type ReasonBody = z.input<typeof ReasonBodySchema>;

export const StoreSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  timezone: z.string(),
  createdAt: z.iso.datetime(),
});
export type Store = z.infer<typeof StoreSchema>;

export const CreateStoreSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, 'must be 2 to 20 letters, digits or dashes'),
  name: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  address: z.string().trim().max(300, 'must be at most 300 characters').nullish(),
  timezone: z
    .string()
    .default('Europe/London')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/London'),
});
export type CreateStore = z.input<typeof CreateStoreSchema>;

export const PosKeySchema = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  name: z.string(),
  /** The public start of the key, to tell keys apart; the secret is never shown again. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.uuid().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type PosKey = z.infer<typeof PosKeySchema>;

export const CreatePosKeySchema = z.strictObject({
  storeId: z.uuid('must be a store id'),
  name: z.string().trim().min(2, 'must be at least 2 characters').max(60, 'must be at most 60 characters'),
});
export type CreatePosKey = z.input<typeof CreatePosKeySchema>;

export const CreatedPosKeySchema = PosKeySchema.extend({
  /** Shown once: send it as `Authorization: Bearer <secret>`. */
  secret: z.string(),
});
export type CreatedPosKey = z.infer<typeof CreatedPosKeySchema>;

export const PosKeyQuerySchema = z.strictObject({ storeId: z.uuid().optional() });
