import { z } from 'zod';
import { BalanceSchema } from '../ledger/ledger.schema.js';

export const RewardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  costPoints: z.number().int(),
  /** null: unlimited. */
  stock: z.number().int().nullable(),
  perMemberLimit: z.number().int().nullable(),
  activeFrom: z.iso.datetime(),
  activeUntil: z.iso.datetime().nullable(),
  voucherValidDays: z.number().int(),
  archived: z.boolean(),
});
export type Reward = z.infer<typeof RewardSchema>;

const rewardFields = {
  name: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
  description: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
  imageUrl: z.url('must be a web address').max(500).nullish(),
  costPoints: z.number().int('must be whole points').min(1, 'must be at least 1').max(10_000_000),
  stock: z.number().int().min(0).nullish(),
  perMemberLimit: z.number().int().min(1).nullish(),
  activeFrom: z.iso.datetime({ offset: true }).optional(),
  activeUntil: z.iso.datetime({ offset: true }).nullish(),
  voucherValidDays: z.number().int().min(1).max(365).default(30),
};

export const CreateRewardSchema = z
  .strictObject(rewardFields)
  .refine((r) => !r.activeFrom || !r.activeUntil || Date.parse(r.activeUntil) > Date.parse(r.activeFrom), {
    message: 'must be after the start',
    path: ['activeUntil'],
  });
export type CreateReward = z.input<typeof CreateRewardSchema>;

// No defaults here: a PATCH changes only what it names.
const { description, voucherValidDays, ...required } = rewardFields;
export const UpdateRewardSchema = z
  .strictObject({
    ...required,
    description: description.removeDefault(),
    voucherValidDays: voucherValidDays.removeDefault(),
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'change at least one field')
  .refine((r) => !r.activeFrom || !r.activeUntil || Date.parse(r.activeUntil) > Date.parse(r.activeFrom), {
    message: 'must be after the start',
    path: ['activeUntil'],
  });
export type UpdateReward = z.input<typeof UpdateRewardSchema>;

export const VoucherStatus = z.enum(['active', 'used', 'cancelled', 'expired']);

export const VoucherSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  reward: z.object({ id: z.uuid(), name: z.string() }),
  points: z.number().int(),
  status: VoucherStatus,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  usedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type Voucher = z.infer<typeof VoucherSchema>;

export const VoucherResultSchema = z.object({ voucher: VoucherSchema, balance: BalanceSchema });
export type VoucherResult = z.infer<typeof VoucherResultSchema>;

export const VoucherCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^TV-[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'is not a voucher code (TV-XXXX-XXXX)');

export const RedeemVoucherRequestSchema = z.strictObject({
  code: VoucherCodeSchema,
  storeId: z.uuid().optional(),
});
export type RedeemVoucherRequest = z.input<typeof RedeemVoucherRequestSchema>;
