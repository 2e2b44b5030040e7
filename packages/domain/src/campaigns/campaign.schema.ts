import { z } from 'zod';
import { pageSchema } from '../common/pagination.schema.js';
import {
  CampaignAudienceSchema,
  CampaignBasketSchema,
  CampaignEffectSchema,
  CampaignStackingSchema,
  CampaignWindowSchema,
  EarnMemberSchema,
  EarnResultSchema,
  ReceiptSchema,
} from '../earn/earn.schema.js';

export const CampaignStatus = z.enum(['draft', 'scheduled', 'live', 'paused', 'ended']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** What marketing can do to a campaign; the job starts and ends scheduled campaigns on their dates. */
export const CampaignAction = z.enum(['schedule', 'unschedule', 'pause', 'resume', 'end']);
export type CampaignAction = z.infer<typeof CampaignAction>;

export const CampaignLimitsSchema = z
  .object({
    /** Total points the campaign may ever add; null = no budget. Enforced in the ledger transaction. */
    budgetPoints: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
    /** Points one member may get from the campaign per period; null = no allowance. */
    perMember: z
      .object({
        points: z.number().int().min(1).max(1_000_000),
        period: z.enum(['day', 'week', 'month', 'campaign']),
      })
      .nullable()
      .default(null),
  })
  .default({ budgetPoints: null, perMember: null });
export type CampaignLimits = z.output<typeof CampaignLimitsSchema>;

/** Everything marketing edits; each saved change is a new version. */
export const CampaignDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(3, 'must be at least 3 characters').max(80, 'must be at most 80 characters'),
    description: z.string().trim().max(500, 'must be at most 500 characters').default(''),
    window: CampaignWindowSchema,
    audience: CampaignAudienceSchema,
    basket: CampaignBasketSchema,
    effect: CampaignEffectSchema,
    limits: CampaignLimitsSchema,
    stacking: CampaignStackingSchema.default('stack'),
  })
  .superRefine((c, ctx) => {
    if (c.window.endsAt && Date.parse(c.window.endsAt) <= Date.parse(c.window.startsAt))
      ctx.addIssue({ code: 'custom', path: ['window', 'endsAt'], message: 'must be after the start' });
    if (c.window.hours && c.window.hours.to <= c.window.hours.from)
      ctx.addIssue({
        code: 'custom',
        path: ['window', 'hours', 'to'],
        message: 'must be after the start hour',
      });
    if (new Set(c.window.daysOfWeek).size !== c.window.daysOfWeek.length)
      ctx.addIssue({ code: 'custom', path: ['window', 'daysOfWeek'], message: 'must not repeat a day' });
    if (new Set(c.audience.segments).size !== c.audience.segments.length)
      ctx.addIssue({ code: 'custom', path: ['audience', 'segments'], message: 'must not repeat a segment' });
  });
export type CampaignDefinition = z.output<typeof CampaignDefinitionSchema>;
export type CampaignDefinitionInput = z.input<typeof CampaignDefinitionSchema>;

export const CampaignSchema = z.object({
  id: z.uuid(),
  status: CampaignStatus,
  /** Increases with every saved edit; send it back with an edit to avoid overwriting someone else's. */
  version: z.number().int().min(1),
  definition: CampaignDefinitionSchema,
  issuedPoints: z.number().int().min(0),
  /** Null when the campaign has no budget. */
  budgetRemaining: z.number().int().min(0).nullable(),
  /** Why the campaign is not contributing although live (e.g. its budget is spent). */
  haltedReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignPageSchema = pageSchema(CampaignSchema);
export type CampaignPage = z.infer<typeof CampaignPageSchema>;

export const CampaignQuerySchema = z.strictObject({
  status: CampaignStatus.optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const CampaignUpdateSchema = z.strictObject({
  /** The version the edit was based on; a newer stored version means someone else saved first (409). */
  version: z.number().int().min(1),
  definition: CampaignDefinitionSchema,
});

export const CampaignActionRequestSchema = z.strictObject({
  reason: z.string().trim().max(300).optional(),
});

/** One entry of a campaign's history: an edit or a status change, with who and when. */
export const CampaignVersionSchema = z.object({
  version: z.number().int(),
  change: z.string(),
  status: CampaignStatus,
  definition: CampaignDefinitionSchema,
  /** The staff member's id; null when a job made the change (the schedule starting or ending it). */
  changedBy: z.string().nullable(),
  /** The staff member's display name; null for a job, or an id that names no staff member. */
  changedByName: z.string().nullable(),
  changedAt: z.iso.datetime(),
  reason: z.string().nullable(),
});
export type CampaignVersion = z.infer<typeof CampaignVersionSchema>;

/** Preview: a sample basket through the same engine, with and without the campaign. */
export const CampaignPreviewRequestSchema = z.strictObject({
  definition: CampaignDefinitionSchema,
  receipt: ReceiptSchema,
  member: EarnMemberSchema.partial().default({}),
  /** When the sample sale happens (defaults to the campaign's start); the store's time zone applies. */
  at: z.iso.datetime().optional(),
  timeZone: z.string().min(1).max(64).default('Europe/London'),
});
export const CampaignPreviewSchema = z.object({
  without: EarnResultSchema,
  with: EarnResultSchema,
  campaignPoints: z.number().int(),
});
export type CampaignPreview = z.infer<typeof CampaignPreviewSchema>;

/** The campaign dashboard: points issued against budget over time, who took part, what they redeemed after. */
export const CampaignStatsSchema = z.object({
  campaignId: z.uuid(),
  issuedPoints: z.number().int(),
  budgetPoints: z.number().int().nullable(),
  budgetRemaining: z.number().int().nullable(),
  participatingMembers: z.number().int(),
  receipts: z.number().int(),
  /** Cost of the issued points at the programme's point value, in minor units of its currency. */
  cost: z.number().int(),
  currency: z.string(),
  daily: z.array(
    z.object({
      date: z.iso.date(),
      points: z.number().int(),
      cumulativePoints: z.number().int(),
      members: z.number().int(),
      receipts: z.number().int(),
    }),
  ),
  /** Redemptions by participating members after their first campaign purchase. */
  redemptionsAfter: z.object({ members: z.number().int(), points: z.number().int() }),
});
export type CampaignStats = z.infer<typeof CampaignStatsSchema>;
