import { z } from 'zod';
import { CurrencySchema, LineKind, MultiplierBpSchema } from '../programme/programme.schema.js';

const MAX_LINE_AMOUNT = 1_000_000_000_000;

export const ReceiptLineSchema = z
  .strictObject({
    sku: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
    category: z.string().trim().min(1).max(64, 'must be at most 64 characters').optional(),
    description: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    quantity: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10000'),
    /** Price of one unit in minor units (pence, cents), after line discounts. */
    unitPrice: z
      .number()
      .int('must be whole minor units (e.g. pence)')
      .min(0, 'must not be negative')
      .max(100_000_000),
    kind: LineKind.default('item'),
  })
  .refine((line) => line.quantity * line.unitPrice <= MAX_LINE_AMOUNT, {
    message: 'line total is too large',
    path: ['unitPrice'],
  });
export type ReceiptLine = z.output<typeof ReceiptLineSchema>;

export const ReceiptSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .regex(/^[\w.:/-]+$/, 'may use letters, digits and . : / - _'),
  currency: CurrencySchema,
  lines: z.array(ReceiptLineSchema).min(1, 'a receipt needs at least one line').max(500, 'at most 500 lines'),
});
export type Receipt = z.output<typeof ReceiptSchema>;
export type ReceiptInput = z.input<typeof ReceiptSchema>;

/** When a campaign applies: dates, then local days of the week and hours in the store's time zone. */
export const CampaignWindowSchema = z.object({
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  /** 0 = Sunday … 6 = Saturday, in the store's time zone; empty = every day. */
  daysOfWeek: z.array(z.number().int().min(0).max(6)).default([]),
  /** Local hours [from, to); null = all day. */
  hours: z
    .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
    .nullable()
    .default(null),
});

/** Who a campaign is for; every condition given must hold. */
export const CampaignAudienceSchema = z
  .object({
    tierIds: z.array(z.string()).default([]),
    /** Saved segment ids: the member must be in at least one of them (the till works that out). */
    segments: z.array(z.uuid('must be a segment id')).max(20, 'at most 20 segments').default([]),
    /** Only members who joined within this many days. */
    newMembersWithinDays: z.number().int().min(1).nullable().default(null),
    /** Only in the member's birthday month. */
    birthdayMonth: z.boolean().default(false),
  })
  .default({ tierIds: [], segments: [], newMembersWithinDays: null, birthdayMonth: false });

/** Which lines count: categories or SKUs (none = every earning line), and a minimum spend on them. */
export const CampaignBasketSchema = z
  .object({
    categories: z.array(z.string()).default([]),
    skus: z.array(z.string()).default([]),
    /** Minimum spend (minor units) on the matching lines. */
    minSpend: z.number().int().min(0).default(0),
  })
  .default({ categories: [], skus: [], minSpend: 0 });

export const CampaignEffectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('multiplier'), multiplierBp: MultiplierBpSchema }),
  z.object({ type: z.literal('bonus'), points: z.number().int().min(1).max(1_000_000) }),
]);

/** `stack`: adds to other campaigns; `exclusive`: stands alone (the member gets whichever set earns more). */
export const CampaignStackingSchema = z.enum(['stack', 'exclusive']);

/** A campaign as the engine sees it: rules plus what is left of its limits (the caller knows those). */
export const CampaignRuleSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  window: CampaignWindowSchema,
  audience: CampaignAudienceSchema,
  basket: CampaignBasketSchema,
  effect: CampaignEffectSchema,
  stacking: CampaignStackingSchema.default('stack'),
  /** What is left of the total budget and of this member's allowance; null = unlimited. */
  remainingBudget: z.number().int().min(0).nullable().default(null),
  memberRemaining: z.number().int().min(0).nullable().default(null),
});
export type CampaignRule = z.output<typeof CampaignRuleSchema>;
export type CampaignRuleInput = z.input<typeof CampaignRuleSchema>;

export const EarnMemberSchema = z.object({
  tierId: z.string().nullable(),
  /** The segments (of those the campaigns being evaluated name) the member is in. */
  segments: z.array(z.string()).default([]),
  joinedAt: z.iso.datetime(),
  birthday: z.iso.date().nullable(),
});
export type EarnMember = z.output<typeof EarnMemberSchema>;

export const EarnLineSchema = z.object({
  source: z.enum(['base', 'tier', 'campaign']),
  campaignId: z.string().nullable(),
  description: z.string(),
  points: z.number().int(),
});
export type EarnLine = z.infer<typeof EarnLineSchema>;

export const EarnResultSchema = z.object({
  points: z.number().int().min(0),
  /** Minor units that earn (item lines); the rest was excluded (tax, shipping, gift cards, points). */
  eligibleAmount: z.number().int(),
  excludedAmount: z.number().int(),
  lines: z.array(EarnLineSchema),
});
export type EarnResult = z.infer<typeof EarnResultSchema>;
