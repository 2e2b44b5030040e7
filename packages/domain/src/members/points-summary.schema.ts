import { z } from 'zod';
import { BalanceSchema } from '../ledger/ledger.schema.js';
import { TierChangeSchema } from './member.schema.js';

/** Points from one day's purchases that are still inside the return window. */
export const PendingGroupSchema = z.object({
  /** The day (UTC, `YYYY-MM-DD`) these points become available. */
  date: z.iso.date(),
  /** The latest moment that day any of them becomes available. */
  availableAt: z.iso.datetime(),
  points: z.number().int(),
});
export type PendingGroup = z.infer<typeof PendingGroupSchema>;

/** Available points that expire soon. The buckets are cumulative: 60 days includes the 30-day points. */
export const ExpiringSchema = z.object({
  within30Days: z.number().int(),
  within60Days: z.number().int(),
  within90Days: z.number().int(),
  /** The earliest expiry with points left in it, or null when nothing expires. */
  next: z.object({ expiresAt: z.iso.datetime(), points: z.number().int() }).nullable(),
  /**
   * When every available point expires for want of activity unless the member earns or spends before
   * then (the programme's `inactivityMonths` after their last earn or spend); null without that rule.
   */
  inactiveAt: z.iso.datetime().nullable().default(null),
});
export type Expiring = z.infer<typeof ExpiringSchema>;

export const TierProgressSchema = z.object({
  basis: z.enum(['points', 'spend']),
  /** The programme's currency, for showing a spend basis as money. */
  currency: z.string(),
  current: z.object({ id: z.string(), name: z.string(), threshold: z.number().int() }).nullable(),
  next: z.object({ id: z.string(), name: z.string(), threshold: z.number().int() }).nullable(),
  /** Qualifying points (or spend in minor units) over the last 12 months. */
  qualifying: z.number().int(),
  /** How much more qualifying points (or spend) the next tier needs; null at the top tier. */
  toNext: z.number().int().nullable(),
  /** The latest tier changes, newest first. */
  changes: z.array(TierChangeSchema),
});
export type TierProgress = z.infer<typeof TierProgressSchema>;

/** `GET /api/v1/me/points-summary`: everything the home page explains. */
export const PointsSummarySchema = z.object({
  asOf: z.iso.datetime(),
  balance: BalanceSchema,
  /** Pending points grouped by the day they become available, soonest first. */
  pending: z.array(PendingGroupSchema),
  expiring: ExpiringSchema,
  tier: TierProgressSchema,
});
export type PointsSummary = z.infer<typeof PointsSummarySchema>;
