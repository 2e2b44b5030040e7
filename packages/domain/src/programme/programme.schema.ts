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

/** Refer a friend: both sides earn once the friend's first purchase is past the return window. */
export const ReferralSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Points for the member whose code was used. */
  referrerPoints: z.number().int().min(0).max(100_000),
  /** Welcome points for the friend who joined with the code. */
  friendPoints: z.number().int().min(0).max(100_000),
  /** Rewarded referrals per referrer per calendar month (UTC); over it the referrer gets nothing. */
  monthlyCapPerReferrer: z.number().int().min(0).max(1_000),
});
export type ReferralSettings = z.infer<typeof ReferralSettingsSchema>;

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  enabled: true,
  referrerPoints: 500,
  friendPoints: 250,
  monthlyCapPerReferrer: 5,
};

/** Idea rewards (the ideas board): bonuses for authors whose ideas are taken up. Never for posting or voting. */
export const IdeaRewardSettingsSchema = z.object({
  /** Points to the author when their idea reaches `planned`; pending for `holdDays`. */
  acceptedPoints: z.number().int().min(0).max(100_000),
  /** Points to the author when their idea ships. */
  shippedPoints: z.number().int().min(0).max(100_000),
  /** Days the accepted bonus stays pending; declined or merged within them cancels it. */
  holdDays: z.number().int().min(0).max(365),
  /** The most idea-bonus points one member gets per calendar quarter (UTC); beyond it nothing is paid. */
  quarterlyCapPerMember: z.number().int().min(0).max(10_000_000),
});
export type IdeaRewardSettings = z.infer<typeof IdeaRewardSettingsSchema>;

export const DEFAULT_IDEA_REWARD_SETTINGS: IdeaRewardSettings = {
  acceptedPoints: 250,
  shippedPoints: 1_000,
  holdDays: 30,
  quarterlyCapPerMember: 3_000,
};

/** A colour as `#rrggbb`. */
export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb');

/**
 * The business's brand, worn by the portal, member emails and wallet passes: members see their shop, not
 * "Tally" (the product's name). `logoUrl` is an image the API serves (uploaded in the console) or null;
 * `primaryColor` fills the header, buttons and the card; `accentColor` marks highlights. The front ends
 * derive readable text colours and the dark theme from these two.
 */
export const BrandSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  logoUrl: z.string().max(500).nullable(),
  primaryColor: HexColorSchema,
  accentColor: HexColorSchema,
});
export type Brand = z.infer<typeof BrandSchema>;

export const DEFAULT_BRAND: Brand = {
  name: 'Rewards',
  logoUrl: null,
  primaryColor: '#0b5cad',
  accentColor: '#c2410c',
};

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
  /** `month_end`: points last until the end of the month they would expire in (never sooner). */
  expiryRounding: z.enum(['none', 'month_end']).default('none'),
  /**
   * Months without earning or spending after which all of a member's available points expire, whatever
   * their own expiry; null = activity does not matter. Defaulted so earlier programmes still parse.
   */
  inactivityMonths: z.number().int().min(1).max(120).nullable().default(null),
  refundPolicy: z.enum(['debt', 'forgive']),
  tierBasis: z.enum(['points', 'spend']),
  tiers: z.array(TierSchema).max(10),
  cashierLimits: z.object({
    pointsPerReceipt: z.number().int().min(0),
    pointsPerDay: z.number().int().min(0),
  }),
  /** The money value of one point, in minor units × 1000 (e.g. 5 = half a penny), for reports only. */
  pointValueMilli: z.number().int().min(0),
  /** The least notice, in days, before a change that is worse for members takes effect. */
  changeNoticeDays: z.number().int().min(0).max(365).default(30),
  /** Defaulted so a programme stored before referrals existed still parses. */
  referrals: ReferralSettingsSchema.default(DEFAULT_REFERRAL_SETTINGS),
  /** Defaulted so a programme stored before the ideas board existed still parses. */
  ideas: IdeaRewardSettingsSchema.default(DEFAULT_IDEA_REWARD_SETTINGS),
  /** Defaulted so a programme stored before brands existed still parses. Changes at once (no notice). */
  brand: BrandSchema.default(DEFAULT_BRAND),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const DEFAULT_PROGRAMME: Programme = {
  currency: 'GBP',
  spendUnit: 100,
  pointsPerUnit: 1,
  excludedKinds: ['tax', 'shipping', 'gift_card', 'paid_with_points'],
  pendingDays: 14,
  expiryMonths: 24,
  expiryRounding: 'none',
  inactivityMonths: null,
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
  changeNoticeDays: 30,
  referrals: DEFAULT_REFERRAL_SETTINGS,
  ideas: DEFAULT_IDEA_REWARD_SETTINGS,
  brand: DEFAULT_BRAND,
};

/**
 * What members and visitors may read about the programme (`GET /api/v1/programme/public`): the rules
 * that decide their points, without staff-only settings (cashier limits, the points' money value).
 */
export const PublicProgrammeSchema = ProgrammeSchema.omit({ cashierLimits: true, pointValueMilli: true });
export type PublicProgramme = z.infer<typeof PublicProgrammeSchema>;

export function toPublicProgramme(programme: Programme): PublicProgramme {
  return PublicProgrammeSchema.parse(programme);
}

/**
 * When points earned at `earnedAt` expire: `expiryMonths` calendar months later (the 31st becomes the
 * month's last day), or, with `month_end` rounding, at the end of that month (UTC). Null: never.
 */
export function lotExpiry(
  programme: Pick<Programme, 'expiryMonths' | 'expiryRounding'>,
  earnedAt: Date,
): Date | null {
  if (programme.expiryMonths === null) return null;
  if (programme.expiryRounding === 'month_end') {
    const months = earnedAt.getUTCMonth() + programme.expiryMonths;
    return new Date(Date.UTC(earnedAt.getUTCFullYear() + Math.floor(months / 12), (months % 12) + 1, 1));
  }
  return addCalendarMonths(earnedAt, programme.expiryMonths);
}

/**
 * When a member's available points expire for want of activity: `inactivityMonths` calendar months
 * after their last earn or spend (the same arithmetic as PostgreSQL's `+ interval 'N months'` in UTC,
 * which the expiry job uses). Null: the programme has no inactivity rule or the member no activity.
 */
export function inactivityExpiry(
  programme: Pick<Programme, 'inactivityMonths'>,
  lastActivityAt: Date | null,
): Date | null {
  if (programme.inactivityMonths === null || lastActivityAt === null) return null;
  return addCalendarMonths(lastActivityAt, programme.inactivityMonths);
}

/** `months` calendar months later in UTC; a day the target month lacks becomes its last day. */
function addCalendarMonths(at: Date, months: number): Date {
  const total = at.getUTCMonth() + months;
  const year = at.getUTCFullYear() + Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(at);
  out.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  return out;
}
