import { z } from 'zod';

const Outcome = z.record(z.string(), z.unknown()).nullable();

/** A background job as operators see it: when it runs next, where it runs now, how its last run went. */
export const JobStatusSchema = z.object({
  name: z.string(),
  intervalMs: z.number().int(),
  nextRunAt: z.iso.datetime(),
  /** The worker holding the job's lease right now, if any. */
  runningOn: z.string().nullable(),
  paused: z.boolean(),
  lastRun: z
    .object({
      startedAt: z.iso.datetime(),
      finishedAt: z.iso.datetime().nullable(),
      outcome: Outcome,
      error: z.string().nullable(),
    })
    .nullable(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  slot: z.iso.datetime(),
  worker: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  outcome: Outcome,
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const JobRunsQuerySchema = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
