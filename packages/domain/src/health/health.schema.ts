import { z } from 'zod';

export const DatabaseHealthSchema = z.object({
  status: z.enum(['up', 'down']),
  /** `embedded` is PGlite in-process; `server` is a PostgreSQL server named by DATABASE_URL. */
  kind: z.enum(['embedded', 'server']),
  latencyMs: z.number().nonnegative().nullable(),
  migrationsPending: z.number().int().nonnegative().nullable(),
  error: z.string().optional(),
});
export type DatabaseHealth = z.infer<typeof DatabaseHealthSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  time: z.iso.datetime(),
  database: DatabaseHealthSchema,
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
