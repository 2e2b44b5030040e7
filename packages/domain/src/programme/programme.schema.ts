import { z } from 'zod';

/** What a receipt line is: only `item` lines earn; the rest are excluded by default. */
export const LineKind = z.enum(['item', 'tax', 'shipping', 'gift_card', 'paid_with_points']);
export type LineKind = z.infer<typeof LineKind>;

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as GBP');

/** Multipliers are integer basis points (10000 = 1×, 15000 = 1.5×): no floating point anywhere. */
export const MultiplierBpSchema = z
  .number()
  .int()
  .min(10_000, 'must be at least 1× (10000)')
  .max(100_000, 'must be at most 10× (100000)');

export const TierSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(60),
  /** Qualifying points (or spend in minor units, per the programme) over a rolling 12 months. */
  threshold: z.number().int().min(0),
  multiplierBp: MultiplierBpSchema,
  benefits: z.string().max(500).default(''),
});
export type Tier = z.infer<typeof TierSchema>;

export const ProgrammeSchema = z.object({
  currency: CurrencySchema,
  /** The spend unit in minor units (100 = one pound or euro) and the points it earns. */
  spendUnit: z.number().int().min(1).max(1_000_000),
  pointsPerUnit: z.number().int().min(0).max(10_000),
  excludedKinds: z.array(LineKind).default(['tax', 'shipping', 'gift_card', 'paid_with_points']),
  /** Days before earned points become available (the return window); 0 = at once. */
  pendingDays: z.number().int().min(0).max(365),
  /** Months after earning that points expire; null = never. */
  expiryMonths: z.number().int().min(1).max(120).nullable(),
  refundPolicy: z.enum(['debt', 'forgive']),
  tierBasis: z.enum(['points', 'spend']),
  tiers: z.array(TierSchema).max(10),
  cashierLimits: z.object({
    pointsPerReceipt: z.number().int().min(0),
    pointsPerDay: z.number().int().min(0),
  }),
  /** The money value of one point, in minor units × 1000 (e.g. 5 = half a penny), for reports only. */
  pointValueMilli: z.number().int().min(0),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const DEFAULT_PROGRAMME: Programme = {
  currency: 'GBP',
  spendUnit: 100,
  pointsPerUnit: 1,
  excludedKinds: ['tax', 'shipping', 'gift_card', 'paid_with_points'],
  pendingDays: 14,
  expiryMonths: 24,
  refundPolicy: 'debt',
  tierBasis: 'points',
  tiers: [
    { id: 'member', name: 'Member', threshold: 0, multiplierBp: 10_000, benefits: '' },
    {
      id: 'silver',
      name: 'Silver',
      threshold: 1_000,
      multiplierBp: 12_500,
      benefits: '25% more points on every purchase',
    },
    {
      id: 'gold',
      name: 'Gold',
      threshold: 5_000,
      multiplierBp: 15_000,
      benefits: '50% more points on every purchase',
    },
  ],
  cashierLimits: { pointsPerReceipt: 2_000, pointsPerDay: 20_000 },
  pointValueMilli: 10,
};
