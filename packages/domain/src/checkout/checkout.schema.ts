import { z } from 'zod';
import { BalanceSchema, PointsSchema } from '../ledger/ledger.schema.js';
import { EarnLineSchema, ReceiptSchema } from '../earn/earn.schema.js';
import { normalizeCardNumber } from '../members/card-number.js';
import { ReasonSchema } from '../common/primitives.schema.js';
import { VoucherSchema } from '../rewards/rewards.schema.js';

export const CardNumberSchema = z
  .string()
  .trim()
  .max(30)
  .transform((value, ctx) => {
    const normalized = normalizeCardNumber(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid card number (check the digits)' });
      return z.NEVER;
    }
    return normalized;
  });

/** A till names the member by the scanned card or by id (exactly one of them). */
export const MemberRefSchema = z
  .strictObject({
    cardNumber: CardNumberSchema.optional(),
    memberId: z.uuid('must be a member id').optional(),
  })
  .refine((ref) => (ref.cardNumber === undefined) !== (ref.memberId === undefined), {
    message: 'give the member as cardNumber or memberId',
    path: ['cardNumber'],
  })
  .transform((ref): { cardNumber: string } | { memberId: string } =>
    ref.cardNumber !== undefined ? { cardNumber: ref.cardNumber } : { memberId: ref.memberId! },
  );
export type MemberRef = z.output<typeof MemberRefSchema>;

export const CheckoutEarnRequestSchema = z.strictObject({
  member: MemberRefSchema,
  /** Required for staff working in several stores; a POS key's store is implied. */
  storeId: z.uuid().optional(),
  receipt: ReceiptSchema,
  /**
   * An opaque token for the payment card from the payment terminal (never the card number). Kept with
   * the receipt only so a member cannot refer themselves and pay with the same card.
   */
  paymentCardFingerprint: z
    .string()
    .trim()
    .min(8, 'must be 8 to 128 characters')
    .max(128, 'must be 8 to 128 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
});
export type CheckoutEarnRequest = z.input<typeof CheckoutEarnRequestSchema>;

export const CheckoutEarnResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('awarded'),
    journalId: z.uuid(),
    receiptId: z.uuid(),
    points: z.number().int(),
    lines: z.array(EarnLineSchema),
    balance: BalanceSchema,
    /** When the points become spendable (after the return window). */
    availableAt: z.iso.datetime().nullable(),
  }),
  z.object({
    status: z.literal('pending_approval'),
    approvalId: z.uuid(),
    points: z.number().int(),
    lines: z.array(EarnLineSchema),
    reason: z.string(),
  }),
]);
export type CheckoutEarnResponse = z.infer<typeof CheckoutEarnResponseSchema>;

/** Spend points towards a receipt (`points` + `receiptId`), or on a reward from the catalogue (`rewardId`). */
export const CheckoutRedeemRequestSchema = z
  .strictObject({
    member: MemberRefSchema,
    storeId: z.uuid().optional(),
    points: PointsSchema.optional(),
    receiptId: z.string().trim().min(1).max(64).optional(),
    rewardId: z.uuid('must be a reward id').optional(),
  })
  .refine((r) => (r.rewardId !== undefined) !== (r.points !== undefined || r.receiptId !== undefined), {
    message: 'give either rewardId, or points and receiptId',
    path: ['rewardId'],
  })
  .refine((r) => r.rewardId !== undefined || (r.points !== undefined && r.receiptId !== undefined), {
    message: 'points need the receiptId they pay towards',
    path: ['receiptId'],
  });
export type CheckoutRedeemRequest = z.input<typeof CheckoutRedeemRequestSchema>;

export const CheckoutRedeemResponseSchema = z.object({
  journalId: z.uuid(),
  points: z.number().int(),
  balance: BalanceSchema,
  /** When a reward was redeemed: its single-use voucher. */
  voucher: VoucherSchema.optional(),
});
export type CheckoutRedeemResponse = z.infer<typeof CheckoutRedeemResponseSchema>;

export const RefundLineSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(10_000),
});

export const CheckoutRefundRequestSchema = z.strictObject({
  receiptId: z.string().trim().min(1).max(64),
  storeId: z.uuid().optional(),
  /** The lines given back; omitted: the whole receipt (what is left of it). */
  lines: z.array(RefundLineSchema).min(1).max(500).optional(),
});
export type CheckoutRefundRequest = z.input<typeof CheckoutRefundRequestSchema>;

export const CheckoutRefundResponseSchema = z.object({
  journalId: z.uuid().nullable(),
  /** Points taken back from the member for this refund (debt included). */
  pointsReversed: z.number().int(),
  /** Points the member had paid with on this receipt, given back (with their original expiry). */
  pointsReturned: z.number().int().default(0),
  balance: BalanceSchema,
});
export type CheckoutRefundResponse = z.infer<typeof CheckoutRefundResponseSchema>;

export const TierRefSchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const MemberLookupQuerySchema = z
  .strictObject({
    card: z.string().max(30).optional(),
    email: z.string().max(254).optional(),
    phone: z.string().max(30).optional(),
  })
  .refine((q) => [q.card, q.email, q.phone].filter(Boolean).length === 1, {
    message: 'give exactly one of card, email or phone',
    path: ['card'],
  });
export type MemberLookupQuery = z.input<typeof MemberLookupQuerySchema>;

export const MemberSummarySchema = z.object({
  id: z.uuid(),
  cardNumber: z.string(),
  name: z.string(),
  tier: TierRefSchema,
  balance: BalanceSchema,
});
export type MemberSummary = z.infer<typeof MemberSummarySchema>;

export const ApprovalStatus = z.enum(['pending', 'approved', 'denied']);

export const ApprovalSchema = z.object({
  id: z.uuid(),
  kind: z.literal('earn'),
  status: ApprovalStatus,
  storeId: z.uuid(),
  requestedBy: z.object({ id: z.uuid(), name: z.string() }),
  member: z.object({ id: z.uuid(), cardNumber: z.string(), name: z.string() }),
  points: z.number().int(),
  receiptRef: z.string(),
  limitReason: z.string(),
  createdAt: z.iso.datetime(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  journalId: z.uuid().nullable(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const ApprovalQuerySchema = z.strictObject({ status: ApprovalStatus.optional() });
export const ApprovalDecisionSchema = z.strictObject({ reason: ReasonSchema.optional() });
export const ApprovalDenialSchema = z.strictObject({ reason: ReasonSchema });

/** A stored till receipt as its member sees it: every line, and how each point was earned. */
export const MemberReceiptSchema = z.object({
  id: z.uuid(),
  receiptRef: z.string(),
  store: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
  currency: z.string(),
  lines: z.array(
    z.object({
      sku: z.string(),
      category: z.string().nullable(),
      description: z.string().nullable(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      kind: z.string(),
    }),
  ),
  totalAmount: z.number().int(),
  eligibleAmount: z.number().int(),
  points: z.number().int(),
  earnLines: z.array(EarnLineSchema),
  refunds: z.array(z.object({ at: z.iso.datetime(), pointsReversed: z.number().int() })),
});
export type MemberReceipt = z.infer<typeof MemberReceiptSchema>;
