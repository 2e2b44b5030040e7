import { z } from 'zod';
import { pageSchema } from '../common/pagination.schema.js';
import { CampaignStatus } from '../campaigns/campaign.schema.js';

/** A rolling period: the last N days (N × 24 hours) before the moment the segment is evaluated. */
const DaysSchema = z
  .number('must be a whole number of days')
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(3650, 'must be at most 3650 days (10 years)');

const MinorUnitsSchema = z
  .number('must be an amount in minor units (e.g. pence)')
  .int('must be whole minor units (e.g. pence)')
  .min(0, 'must not be negative')
  .max(1_000_000_000_000, 'is too large');

const ReceiptCountSchema = z
  .number('must be a whole number of purchases')
  .int('must be a whole number of purchases')
  .min(0, 'must not be negative')
  .max(100_000, 'must be at most 100000');

const MONTH_MESSAGE = 'must be a month from 1 (January) to 12 (December), or "current"';

/** The rule kinds, in the order the editor offers them. */
export const SegmentRuleKind = z.enum([
  'tier',
  'spend',
  'visits',
  'lastPurchase',
  'store',
  'birthdayMonth',
  'signUp',
]);
export type SegmentRuleKind = z.infer<typeof SegmentRuleKind>;

/**
 * One condition on a member. Spend is the eligible spend (what earns points: goods, not tax, shipping or
 * gift cards) of the receipts made in the period, less what was refunded of them; visits are receipts.
 */
export const SegmentRuleSchema = z.discriminatedUnion(
  'kind',
  [
    /** The member holds one of these tiers now. */
    z.strictObject({
      kind: z.literal('tier'),
      tierIds: z
        .array(z.string().trim().min(1).max(64))
        .min(1, 'choose at least one tier')
        .max(20, 'at most 20 tiers'),
    }),
    /** Net eligible spend over the last `days` days between `min` and `max` (either may be left out). */
    z.strictObject({
      kind: z.literal('spend'),
      days: DaysSchema,
      min: MinorUnitsSchema.nullable().default(null),
      max: MinorUnitsSchema.nullable().default(null),
    }),
    /** Number of receipts over the last `days` days between `min` and `max`. */
    z.strictObject({
      kind: z.literal('visits'),
      days: DaysSchema,
      min: ReceiptCountSchema.nullable().default(null),
      max: ReceiptCountSchema.nullable().default(null),
    }),
    /**
     * `within`: bought at least once in the last `days` days. `notWithin`: bought before, but not for
     * `days` days or more (a lapsed customer; members who never bought are not in it).
     */
    z.strictObject({
      kind: z.literal('lastPurchase'),
      mode: z.enum(['within', 'notWithin'], 'must be "within" or "notWithin"'),
      days: DaysSchema,
    }),
    /** Bought at one of these stores in the last `days` days. */
    z.strictObject({
      kind: z.literal('store'),
      storeIds: z
        .array(z.uuid('must be a store id'))
        .min(1, 'choose at least one store')
        .max(50, 'at most 50 stores'),
      days: DaysSchema,
    }),
    /** Born in this month (1–12), or in the month the segment is evaluated in (`current`). */
    z.strictObject({
      kind: z.literal('birthdayMonth'),
      month: z.union([z.number().int().min(1).max(12), z.literal('current')], MONTH_MESSAGE),
    }),
    /**
     * Joined within the last `withinDays` days, or between `from` and `to` (calendar dates, UTC, both
     * included; either end may be open). One or the other, not both.
     */
    z.strictObject({
      kind: z.literal('signUp'),
      withinDays: DaysSchema.nullable().default(null),
      from: z.iso.date('must be a date (YYYY-MM-DD)').nullable().default(null),
      to: z.iso.date('must be a date (YYYY-MM-DD)').nullable().default(null),
    }),
  ],
  { error: `must be one of ${SegmentRuleKind.options.join(', ')}` },
);
export type SegmentRule = z.output<typeof SegmentRuleSchema>;
export type SegmentRuleInput = z.input<typeof SegmentRuleSchema>;

/** The most rules one segment may have: each is one more condition in the membership query. */
export const MAX_SEGMENT_RULES = 10;

/** The rules alone, checked together (a range's minimum not above its maximum, one way to say when). */
export const SegmentRulesSchema = z
  .array(SegmentRuleSchema)
  .min(1, 'add at least one rule')
  .max(MAX_SEGMENT_RULES, `at most ${MAX_SEGMENT_RULES} rules`)
  .superRefine((rules, ctx) => {
    rules.forEach((rule, i) => {
      const at = (field: string) => [i, field];
      if (rule.kind === 'spend' || rule.kind === 'visits') {
        if (rule.min === null && rule.max === null)
          ctx.addIssue({ code: 'custom', path: at('min'), message: 'give a minimum, a maximum or both' });
        if (rule.min !== null && rule.max !== null && rule.min > rule.max)
          ctx.addIssue({ code: 'custom', path: at('max'), message: 'must not be less than the minimum' });
      }
      if (rule.kind === 'signUp') {
        const range = rule.from !== null || rule.to !== null;
        if (rule.withinDays === null && !range)
          ctx.addIssue({
            code: 'custom',
            path: at('withinDays'),
            message: 'give a number of days, or dates to join between',
          });
        if (rule.withinDays !== null && range)
          ctx.addIssue({
            code: 'custom',
            path: at('withinDays'),
            message: 'give either a number of days or dates, not both',
          });
        if (rule.from !== null && rule.to !== null && rule.from > rule.to)
          ctx.addIssue({ code: 'custom', path: at('to'), message: 'must not be before the first date' });
      }
    });
  });

/** A named group of members: those who match ALL of its rules. Each saved change is a new version. */
export const SegmentDefinitionSchema = z.strictObject({
  name: z.string().trim().min(3, 'must be at least 3 characters').max(80, 'must be at most 80 characters'),
  description: z.string().trim().max(500, 'must be at most 500 characters').default(''),
  rules: SegmentRulesSchema,
});
export type SegmentDefinition = z.output<typeof SegmentDefinitionSchema>;
export type SegmentDefinitionInput = z.input<typeof SegmentDefinitionSchema>;

export const SegmentSchema = z.object({
  id: z.uuid(),
  /** Increases with every saved edit; send it back with an edit to avoid overwriting someone else's. */
  version: z.number().int().min(1),
  definition: SegmentDefinitionSchema,
  archived: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Segment = z.infer<typeof SegmentSchema>;
export const SegmentPageSchema = pageSchema(SegmentSchema);
export type SegmentPage = z.infer<typeof SegmentPageSchema>;

/** One segment with how many members match it now and the campaigns that target it. */
export const SegmentDetailSchema = SegmentSchema.extend({
  memberCount: z.number().int().min(0),
  countedAt: z.iso.datetime(),
  campaigns: z.array(z.object({ id: z.uuid(), name: z.string(), status: CampaignStatus })),
});
export type SegmentDetail = z.infer<typeof SegmentDetailSchema>;

export const SegmentQuerySchema = z.strictObject({
  /** `active` (the default) or `archived`. */
  status: z.enum(['active', 'archived']).default('active'),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const SegmentUpdateSchema = z.strictObject({
  /** The version the edit was based on; a newer stored version means someone else saved first (409). */
  version: z.number().int().min(1),
  definition: SegmentDefinitionSchema,
});

/** The live count while editing: only the rules matter (the name may not be typed yet). */
export const SegmentCountRequestSchema = z.strictObject({
  definition: z.object({ rules: SegmentRulesSchema }),
});
export const SegmentCountSchema = z.object({
  members: z.number().int().min(0),
  countedAt: z.iso.datetime(),
});
export type SegmentCount = z.infer<typeof SegmentCountSchema>;
