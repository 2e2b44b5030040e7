import { z } from 'zod';
import { normalizeReferralCode, REFERRAL_CODE_PATTERN } from './referral.rules.js';

/** A referral code as typed or pasted: case, spaces and dashes do not matter. */
export const ReferralCodeSchema = z
  .string()
  .max(40, 'is not a referral code')
  .transform(normalizeReferralCode)
  .pipe(z.string().regex(REFERRAL_CODE_PATTERN, 'is not a referral code'));

/** Why a referral earns nothing; the referrer sees it in plain words. */
export const ReferralIneligibleReason = z.enum([
  'same_email',
  'same_phone',
  'same_card',
  'monthly_cap',
  'account_closed',
]);
export type ReferralIneligibleReason = z.infer<typeof ReferralIneligibleReason>;

/** What the referrer sees for one friend. */
export const ReferralState = z.enum(['joined', 'purchase_pending', 'rewarded', 'not_eligible']);
export type ReferralState = z.infer<typeof ReferralState>;

export const ReferralFriendSchema = z.object({
  id: z.uuid(),
  /** The friend's first name only (or a masked email); never more of their personal data. */
  displayName: z.string(),
  joinedAt: z.iso.datetime(),
  state: ReferralState,
  ineligibleReason: ReferralIneligibleReason.nullable(),
  /** When the first purchase is past its return window (state `purchase_pending`). */
  rewardDueAt: z.iso.datetime().nullable(),
  /** What the referrer can still expect for this friend (per today's programme), and what they got. */
  pointsPending: z.number().int(),
  pointsEarned: z.number().int(),
});
export type ReferralFriend = z.infer<typeof ReferralFriendSchema>;

export const MyReferralsSchema = z.object({
  enabled: z.boolean(),
  code: z.string(),
  /** Portal path with the code, e.g. `/sign-up?ref=ABCD2345`; the client prefixes its origin. */
  link: z.string(),
  referrerPoints: z.number().int(),
  friendPoints: z.number().int(),
  monthlyCap: z.number().int(),
  friends: z.array(ReferralFriendSchema),
  totals: z.object({
    joined: z.number().int(),
    pointsPending: z.number().int(),
    pointsEarned: z.number().int(),
  }),
});
export type MyReferrals = z.infer<typeof MyReferralsSchema>;

/** The public code check: deliberately only valid or not, so it reveals nobody. */
export const ReferralCodeCheckSchema = z.object({ valid: z.boolean() });
export type ReferralCodeCheck = z.infer<typeof ReferralCodeCheckSchema>;
