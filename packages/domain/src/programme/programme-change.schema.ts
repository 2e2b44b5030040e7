import { z } from 'zod';
import { ProgrammeSchema } from './programme.schema.js';

/** Announce a programme change: the settings as they will be, and any reward price changes. */
export const ProgrammeChangeRequestSchema = z.strictObject({
  effectiveAt: z.iso.datetime({ offset: true }),
  programme: ProgrammeSchema,
  rewardPrices: z
    .array(z.strictObject({ rewardId: z.uuid(), costPoints: z.number().int().min(1).max(100_000_000) }))
    .max(200)
    .default([]),
});
export type ProgrammeChangeRequest = z.input<typeof ProgrammeChangeRequestSchema>;

/** One difference a change makes, in plain words, and whether it is worse for members. */
export const ProgrammeDifferenceSchema = z.object({
  setting: z.string(),
  summary: z.string(),
  worse: z.boolean(),
});
export type ProgrammeDifference = z.infer<typeof ProgrammeDifferenceSchema>;

export const ProgrammeChangeStatus = z.enum(['announced', 'applied', 'withdrawn']);

export const ProgrammeChangeSchema = z.object({
  id: z.uuid(),
  status: ProgrammeChangeStatus,
  effectiveAt: z.iso.datetime(),
  worse: z.boolean(),
  differences: z.array(ProgrammeDifferenceSchema),
  announcedAt: z.iso.datetime(),
  announcedBy: z.string().nullable(),
  appliedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type ProgrammeChange = z.infer<typeof ProgrammeChangeSchema>;

/** What members see of an announced change: when, and what changes in plain words. */
export const UpcomingChangeSchema = z.object({
  id: z.uuid(),
  effectiveAt: z.iso.datetime(),
  summary: z.string(),
  details: z.array(z.string()),
  worse: z.boolean(),
});
export type UpcomingChange = z.infer<typeof UpcomingChangeSchema>;
export const UpcomingChangesSchema = z.array(UpcomingChangeSchema);
