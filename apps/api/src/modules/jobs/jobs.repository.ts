import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface ClaimedJob {
  name: string;
  slot: Date;
}

export interface JobStatusRow {
  name: string;
  interval_ms: number;
  next_run_at: Date;
  lease_until: Date | null;
  leased_by: string | null;
  paused: boolean;
  started_at: Date | null;
  finished_at: Date | null;
  outcome: Record<string, unknown> | null;
  error: string | null;
}

export interface JobRunRow {
  id: string;
  name: string;
  slot: Date;
  worker: string;
  started_at: Date;
  finished_at: Date | null;
  outcome: Record<string, unknown> | null;
  error: string | null;
}

@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Makes sure every known job has a schedule row; a changed interval applies from the next run. */
  async register(jobs: { name: string; intervalMs: number }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO job_schedule (name, interval_ms)
       SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (name) DO UPDATE SET interval_ms = EXCLUDED.interval_ms`,
      [jobs.map((j) => j.name), jobs.map((j) => j.intervalMs)],
    );
  }

  /**
   * Claims the job due longest, for `leaseMs`: SKIP LOCKED lets processes claim different jobs at once,
   * and the lease keeps a job from running twice concurrently. The schedule moves on at claim time,
   * so a crashed run is not repeated; every step catches up on what is due, so nothing is lost.
   */
  async claim(names: string[], now: Date, worker: string, leaseMs: number): Promise<ClaimedJob | null> {
    const rows = rowsOf<{ name: string; slot: Date }>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT name, next_run_at FROM job_schedule
            WHERE name = ANY($1::text[]) AND NOT paused AND next_run_at <= $2
              AND (lease_until IS NULL OR lease_until < clock_timestamp())
            ORDER BY next_run_at, name LIMIT 1
            FOR UPDATE SKIP LOCKED)
         UPDATE job_schedule j
            SET lease_until = clock_timestamp() + $4 * interval '1 millisecond', leased_by = $3,
                next_run_at = $2::timestamptz + j.interval_ms * interval '1 millisecond'
           FROM due WHERE j.name = due.name
         RETURNING j.name, due.next_run_at AS slot`,
        [names, now, worker, leaseMs],
      ),
    );
    const row = rows[0];
    return row ? { name: row.name, slot: new Date(row.slot) } : null;
  }

  /** Records the start of a run; null when this slot already ran (the unique index says so). */
  async start(job: ClaimedJob, worker: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO job_run (name, slot, worker) VALUES ($1, $2, $3)
       ON CONFLICT (name, slot) DO NOTHING RETURNING id::text`,
      [job.name, job.slot, worker],
    );
    const id = rows[0]?.id ?? null;
    if (id)
      await this.dataSource.query(`UPDATE job_schedule SET last_run_id = $2 WHERE name = $1`, [job.name, id]);
    return id;
  }

  async finish(
    job: ClaimedJob,
    runId: string | null,
    worker: string,
    result: { outcome?: Record<string, unknown>; error?: string },
  ): Promise<void> {
    if (runId) {
      await this.dataSource.query(
        `UPDATE job_run SET finished_at = clock_timestamp(), outcome = $2, error = $3 WHERE id = $1`,
        [runId, result.outcome ? JSON.stringify(result.outcome) : null, result.error ?? null],
      );
    }
    await this.dataSource.query(
      `UPDATE job_schedule SET lease_until = NULL, leased_by = NULL WHERE name = $1 AND leased_by = $2`,
      [job.name, worker],
    );
  }

  async status(): Promise<JobStatusRow[]> {
    return this.dataSource.query<JobStatusRow[]>(
      `SELECT s.name, s.interval_ms, s.next_run_at, s.lease_until, s.leased_by, s.paused,
              r.started_at, r.finished_at, r.outcome, r.error
         FROM job_schedule s LEFT JOIN job_run r ON r.id = s.last_run_id
        ORDER BY s.name`,
    );
  }

  async runs(name: string | null, limit: number): Promise<JobRunRow[]> {
    return this.dataSource.query<JobRunRow[]>(
      `SELECT id::text, name, slot, worker, started_at, finished_at, outcome, error
         FROM job_run WHERE ($1::text IS NULL OR name = $1) ORDER BY job_run.id DESC LIMIT $2`,
      [name, limit],
    );
  }
}
