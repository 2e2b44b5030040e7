import { z } from 'zod';
import { pageSchema } from '../common/pagination.schema.js';

/** The longest period one simulation may cover. */
export const SIMULATION_MAX_DAYS = 366;
const DAY = 86_400_000;

/**
 * Simulate a campaign on the receipts the tills stored in a past period: `[from, to)`. Either end may
 * carry an offset (`2025-03-01T00:00:00+01:00`); the period must lie in the past (checked by the API
 * against its clock: `simulationPeriodProblems`).
 */
export const CampaignSimulationRequestSchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true, error: 'must be a date and time' }),
    to: z.iso.datetime({ offset: true, error: 'must be a date and time' }),
  })
  .superRefine((period, ctx) => {
    const from = Date.parse(period.from);
    const to = Date.parse(period.to);
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after the start' });
    else if (to - from > SIMULATION_MAX_DAYS * DAY)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${SIMULATION_MAX_DAYS} days after the start`,
      });
  });
export type CampaignSimulationRequest = z.output<typeof CampaignSimulationRequestSchema>;

export const CampaignSimulationStatus = z.enum(['queued', 'running', 'done', 'cancelled', 'failed']);
export type CampaignSimulationStatus = z.infer<typeof CampaignSimulationStatus>;

/** A simulation and what it has found so far (the figures grow while it runs). */
export const CampaignSimulationSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  /** The campaign version simulated: later edits do not change a simulation already asked for. */
  campaignVersion: z.number().int().min(1),
  status: CampaignSimulationStatus,
  period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  /** Receipts looked at so far, of all the till receipts in the period (null until it starts). */
  progress: z.object({
    processed: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
  }),
  results: z.object({
    /** The points the campaign would have added, its budget and per-member limits applied in receipt order. */
    pointsIssued: z.number().int().min(0),
    membersReached: z.number().int().min(0),
    receiptsMatched: z.number().int().min(0),
    /** The points' cost at the programme's point value, in minor units of its currency. */
    cost: z.number().int().min(0),
    currency: z.string(),
    budgetPoints: z.number().int().nullable(),
    budgetRemaining: z.number().int().nullable(),
    /** The sale at which the budget would have run out; null while some is left (or with no budget). */
    budgetExhaustedAt: z.iso.datetime().nullable(),
  }),
  /** Why it failed, when it did. */
  error: z.string().nullable(),
  requestedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  requestedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type CampaignSimulation = z.infer<typeof CampaignSimulationSchema>;
export const CampaignSimulationPageSchema = pageSchema(CampaignSimulationSchema);
export type CampaignSimulationPage = z.infer<typeof CampaignSimulationPageSchema>;

export const CampaignSimulationQuerySchema = z.strictObject({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A simulation that is still waiting or working; the others have finished for good. */
export const simulationActive = (status: CampaignSimulationStatus): boolean =>
  status === 'queued' || status === 'running';
