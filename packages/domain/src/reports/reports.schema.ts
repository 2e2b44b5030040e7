import { z } from 'zod';

export const LiabilityQuerySchema = z.strictObject({
  /** How many calendar months (UTC) to show, ending with the current one. */
  months: z.coerce.number().int().min(1).max(60).default(12),
});
export type LiabilityQuery = z.input<typeof LiabilityQuerySchema>;

export const LiabilityMonthSchema = z.object({
  /** `YYYY-MM`, a calendar month in UTC. */
  month: z.string(),
  /** Points credited by earns. */
  issued: z.number().int(),
  /** Earned points taken back (refunds, corrections). */
  reversed: z.number().int(),
  /** Net manual adjustments (positive: credited). */
  adjusted: z.number().int(),
  /** Points spent, net of cancelled redemptions. */
  redeemed: z.number().int(),
  expired: z.number().int(),
  /** Available + pending points members held at the end of the month (or now, for the current one). */
  outstandingEnd: z.number().int(),
});
export type LiabilityMonth = z.infer<typeof LiabilityMonthSchema>;

export const LiabilityReportSchema = z.object({
  asOf: z.iso.datetime(),
  currency: z.string(),
  /** The programme's money value of one point, in minor units × 1000. */
  pointValueMilli: z.number().int(),
  outstanding: z.object({
    available: z.number().int(),
    pending: z.number().int(),
    /** Part of `available` held by unfinished redemptions. */
    held: z.number().int(),
    /** Points members owe (refunds after spending); not netted from the liability. */
    debt: z.number().int(),
    /** (available + pending) × point value, in minor units × 1000. */
    valueMilli: z.number().int(),
  }),
  months: z.array(LiabilityMonthSchema),
});
export type LiabilityReport = z.infer<typeof LiabilityReportSchema>;
