import { z } from 'zod';
import { pageSchema } from '../common/pagination.schema.js';
import { MAX_POINTS_PER_OPERATION } from './points.js';

export const MemberAccountKind = z.enum(['available', 'pending', 'debt']);
export type MemberAccountKind = z.infer<typeof MemberAccountKind>;

export const SystemAccountKind = z.enum(['issuance', 'redeemed', 'expired', 'adjustment']);
export type SystemAccountKind = z.infer<typeof SystemAccountKind>;

export const JournalKind = z.enum([
  'earn',
  'release',
  'redeem',
  'hold',
  'capture',
  'void',
  'reverse',
  'expire',
  'adjust',
]);
export type JournalKind = z.infer<typeof JournalKind>;

export const ActorType = z.enum(['member', 'staff', 'api_key', 'system']);
export type ActorType = z.infer<typeof ActorType>;

export const ActorSchema = z.object({ type: ActorType, id: z.string().min(1).max(100) });
export type Actor = z.infer<typeof ActorSchema>;

/** A positive whole number of points for one operation. */
export const PointsSchema = z.number().int().positive().max(MAX_POINTS_PER_OPERATION);

export const IdempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key must be 8 to 200 characters')
  .max(200, 'Idempotency-Key must be 8 to 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be printable ASCII without spaces');

/** What every ledger write carries besides its own fields. */
export const JournalContextSchema = z.object({
  idempotencyKey: IdempotencyKeySchema,
  /** Keys are unique within a scope (a till's key, a staff user, a job); defaults to `global`. */
  idempotencyScope: z.string().min(1).max(100).default('global'),
  actor: ActorSchema,
  storeId: z.uuid().nullish(),
  externalRef: z.string().max(200).nullish(),
  reason: z.string().max(500).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type JournalContext = z.input<typeof JournalContextSchema>;

export const EarnInputSchema = JournalContextSchema.extend({
  memberId: z.uuid(),
  points: PointsSchema,
  /** When the points stop counting; null: never. */
  expiresAt: z.coerce.date().nullish(),
  /** When set in the future the points are pending until then (the return window). */
  availableAt: z.coerce.date().nullish(),
});
export type EarnInput = z.input<typeof EarnInputSchema>;

export const RedeemInputSchema = JournalContextSchema.extend({
  memberId: z.uuid(),
  points: PointsSchema,
});
export type RedeemInput = z.input<typeof RedeemInputSchema>;

export const HoldInputSchema = RedeemInputSchema.extend({
  /** The hold is voided by the timeout job after this instant. */
  expiresAt: z.coerce.date(),
});
export type HoldInput = z.input<typeof HoldInputSchema>;

export const ResolveHoldInputSchema = JournalContextSchema.extend({ holdId: z.uuid() });
export type ResolveHoldInput = z.input<typeof ResolveHoldInputSchema>;

export const RefundPolicy = z.enum(['debt', 'forgive']);
export type RefundPolicy = z.infer<typeof RefundPolicy>;

export const ReverseInputSchema = JournalContextSchema.extend({
  journalId: z.uuid(),
  /** Points to reverse; omitted: all that is left of the original. */
  points: PointsSchema.optional(),
  /** For reversing an earn whose points were spent: book the shortfall as debt (default) or forgive it. */
  policy: RefundPolicy.default('debt'),
});
export type ReverseInput = z.input<typeof ReverseInputSchema>;

export const AdjustInputSchema = JournalContextSchema.extend({
  memberId: z.uuid(),
  /** Signed: positive credits the member, negative debits (never below zero). */
  points: z
    .number()
    .int()
    .min(-MAX_POINTS_PER_OPERATION)
    .max(MAX_POINTS_PER_OPERATION)
    .refine((n) => n !== 0, 'points must not be zero'),
  reason: z.string().trim().min(3, 'an adjustment needs a reason').max(500),
  expiresAt: z.coerce.date().nullish(),
});
export type AdjustInput = z.input<typeof AdjustInputSchema>;

export const BalanceSchema = z.object({
  /** Spendable now: the available account less what is held. */
  available: z.number().int(),
  pending: z.number().int(),
  held: z.number().int(),
  /** Points owed after a refund of points already spent; paid off by the next earn. */
  debt: z.number().int(),
});
export type Balance = z.infer<typeof BalanceSchema>;

export const LedgerResultSchema = z.object({
  journalId: z.uuid(),
  kind: JournalKind,
  /** The points this operation moved (for a reversal: what it took back, debt included). */
  points: z.number().int(),
  balance: BalanceSchema,
  holdId: z.uuid().nullable().optional(),
  /** True when this is the stored result of an earlier identical request. */
  replayed: z.boolean(),
});
export type LedgerResult = z.infer<typeof LedgerResultSchema>;

export const StatementLineSchema = z.object({
  journalId: z.uuid(),
  kind: JournalKind,
  occurredAt: z.iso.datetime(),
  /** Net change to what the member holds (available + pending - debt). */
  points: z.number().int(),
  available: z.number().int(),
  pending: z.number().int(),
  debt: z.number().int(),
  /** Spendable balance right after this line. */
  availableAfter: z.number().int().nullable(),
  reason: z.object({
    description: z.string(),
    externalRef: z.string().nullable(),
    storeId: z.uuid().nullable(),
    note: z.string().nullable(),
    reversesJournalId: z.uuid().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    /** For a till award: the stored receipt, to open its lines and how each point was earned. */
    receiptId: z.uuid().nullable().optional(),
    /** The campaigns that added points to this line, as the receipt explains them. */
    campaigns: z.array(z.string()).optional(),
  }),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const StatementPageSchema = pageSchema(StatementLineSchema);

/** Statement filters: by kind and by date range (`to` exclusive), newest first. */
export const StatementQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: z
    .union([
      JournalKind,
      z.string().transform((v, ctx) => {
        const kinds = v.split(',').map((k) => k.trim());
        for (const k of kinds) {
          if (!JournalKind.safeParse(k).success) {
            ctx.addIssue({ code: 'custom', message: `unknown kind ${k}` });
            return z.NEVER;
          }
        }
        return kinds.join(',');
      }),
    ])
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type StatementQuery = z.input<typeof StatementQuerySchema>;
export type StatementPage = z.infer<typeof StatementPageSchema>;

export const LedgerCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export const LedgerVerifyReportSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.iso.datetime(),
  checks: z.array(LedgerCheckSchema),
});
export type LedgerVerifyReport = z.infer<typeof LedgerVerifyReportSchema>;
