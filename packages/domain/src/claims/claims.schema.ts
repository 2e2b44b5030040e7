import { z } from 'zod';
import { IsoDateSchema, ReasonSchema } from '../common/primitives.schema.js';
import { pageSchema } from '../common/pagination.schema.js';
import { ReceiptSchema } from '../earn/earn.schema.js';

/** A claim is `submitted`, then answered once: `approved` (points credited) or `denied` (with a reason). */
export const ClaimState = z.enum(['submitted', 'approved', 'denied']);
export type ClaimState = z.infer<typeof ClaimState>;

/** How far back a member may claim a receipt. */
export const CLAIM_WINDOW_DAYS = 90;

/** The member's claim for a receipt that earned nothing (the card was not shown, the till was down…). */
export const CreateClaimSchema = z.strictObject({
  storeId: z.uuid('choose a store'),
  /** The receipt number printed on the receipt: the same rule as the till's receipt id. */
  receiptRef: ReceiptSchema.shape.id,
  /** The day of the purchase; not in the future, at most 90 days ago (checked in the store's time zone). */
  purchasedOn: IsoDateSchema,
  /** The receipt total in minor units (pence, cents). */
  amount: z
    .number('must be a number')
    .int('must be in whole minor units')
    .min(1, 'must be more than zero')
    .max(100_000_000, 'is too large'),
  note: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
});
export type CreateClaim = z.input<typeof CreateClaimSchema>;

/** What a member sees of their claim: its state and the staff answer. */
export const ClaimSchema = z.object({
  id: z.uuid(),
  state: ClaimState,
  store: z.object({ id: z.uuid(), name: z.string() }),
  receiptRef: z.string(),
  purchasedOn: z.iso.date(),
  amount: z.number().int(),
  currency: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Points credited (approved claims only). */
  points: z.number().int().nullable(),
  /** The staff answer: why it was approved or denied. */
  answer: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  journalId: z.uuid().nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;
export const ClaimPageSchema = pageSchema(ClaimSchema);
export type ClaimPage = z.infer<typeof ClaimPageSchema>;

/**
 * The claim checked against the till's records: `not_found` (no till receipt with this id in this
 * store), `found` (the till has the receipt's lines but it earned nothing, e.g. an award that waited
 * for or was refused a manager's approval), `already_credited` (the receipt earned points).
 */
export const ClaimMatchStatus = z.enum(['not_found', 'found', 'already_credited']);
export type ClaimMatchStatus = z.infer<typeof ClaimMatchStatus>;

export const ClaimMatchSchema = z.object({
  status: ClaimMatchStatus,
  /** Credited by the till or by a claim (already_credited only). */
  creditedBy: z.enum(['till', 'claim']).nullable(),
  /** The receipt total the till recorded, when it has one. */
  recordedAmount: z.number().int().nullable(),
  amountDiffers: z.boolean(),
  /** Points to suggest: the earn engine on the recorded lines, else the base rate on the claimed amount. */
  suggestedPoints: z.number().int(),
  suggestionBasis: z.enum(['receipt_lines', 'claimed_amount']),
});
export type ClaimMatch = z.infer<typeof ClaimMatchSchema>;

/** A claim as staff review it: the member, and how it matches the till's records. */
export const StaffClaimSchema = ClaimSchema.extend({
  member: z.object({ id: z.uuid(), cardNumber: z.string(), name: z.string() }),
  match: ClaimMatchSchema,
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type StaffClaim = z.infer<typeof StaffClaimSchema>;
export const StaffClaimPageSchema = pageSchema(StaffClaimSchema);
export type StaffClaimPage = z.infer<typeof StaffClaimPageSchema>;

export const ClaimQuerySchema = z.strictObject({
  state: ClaimState.optional(),
  storeId: z.uuid('must be a store id').optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ClaimQuery = z.input<typeof ClaimQuerySchema>;

export const MyClaimQuerySchema = ClaimQuerySchema.pick({ cursor: true, limit: true }).strict();

export const ApproveClaimSchema = z.strictObject({
  /** Omitted: the suggested points. */
  points: z
    .number('must be a number')
    .int('must be whole points')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'is too many for one claim')
    .optional(),
  reason: ReasonSchema,
});
export type ApproveClaim = z.input<typeof ApproveClaimSchema>;

export const DenyClaimSchema = z.strictObject({ reason: ReasonSchema });
export type DenyClaim = z.input<typeof DenyClaimSchema>;

/** A store a member can name in a claim (nothing staff-only). */
export const PublicStoreSchema = z.object({ id: z.uuid(), name: z.string() });
export type PublicStore = z.infer<typeof PublicStoreSchema>;
