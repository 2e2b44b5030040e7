import { z } from 'zod';
import {
  BirthdaySchema,
  EmailSchema,
  PasswordSchema,
  PersonNameSchema,
  PhoneSchema,
} from '../common/primitives.schema.js';
import { BalanceSchema, StatementLineSchema } from '../ledger/ledger.schema.js';
import { ReferralCodeSchema } from '../referrals/referral.schema.js';

export const SignUpRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  name: PersonNameSchema,
  phone: PhoneSchema.nullish(),
  birthday: BirthdaySchema.nullish(),
  marketingConsent: z.boolean().default(false),
  /** A friend's referral code (from their link); unknown codes are refused naming this field. */
  referralCode: ReferralCodeSchema.nullish(),
});
export type SignUpRequest = z.input<typeof SignUpRequestSchema>;

export const MemberStatus = z.enum(['active', 'closed']);

export const MemberSchema = z.object({
  id: z.uuid(),
  cardNumber: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  birthday: z.string().nullable(),
  marketingConsent: z.boolean(),
  status: MemberStatus,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;

export const TierSummarySchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const TierChangeSchema = z.object({
  from: z.string().nullable(),
  to: z.string(),
  /** Qualifying points (or spend) over the last 12 months when it changed. */
  qualifying: z.number().int(),
  cause: z.string(),
  at: z.iso.datetime(),
});
export type TierChange = z.infer<typeof TierChangeSchema>;

export const MeResponseSchema = MemberSchema.extend({
  balance: BalanceSchema,
  tier: TierSummarySchema,
  /** The latest tier changes, newest first: a tier never changes silently. */
  tierChanges: z.array(TierChangeSchema),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const MemberBalanceSchema = BalanceSchema.extend({ tier: TierSummarySchema });
export type MemberBalance = z.infer<typeof MemberBalanceSchema>;

export const UpdateProfileSchema = z
  .strictObject({
    name: PersonNameSchema,
    phone: PhoneSchema.nullable(),
    birthday: BirthdaySchema.nullable(),
    marketingConsent: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'change at least one field');
export type UpdateProfile = z.input<typeof UpdateProfileSchema>;

export const CloseAccountSchema = z.strictObject({
  password: z.string().min(1, 'is required').max(200),
  confirm: z.literal('CLOSE', { error: 'type CLOSE to confirm' }),
});
export type CloseAccount = z.input<typeof CloseAccountSchema>;

export const MemberExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  profile: MemberSchema,
  balance: BalanceSchema,
  statement: z.array(StatementLineSchema),
});
export type MemberExport = z.infer<typeof MemberExportSchema>;
