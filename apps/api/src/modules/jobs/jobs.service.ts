import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type JobRun, type JobStatus } from '@tally/domain';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JOB_DEFINITIONS, type JobDefinition } from './job-definition.js';
import { type JobRunRow, JobsRepository } from './jobs.repository.js';

const LEASE_MS = 10 * 60_000;
const MAX_RUNS_PER_TICK = 20;

/**
 * Runs the background jobs in every API process. Jobs are claimed from PostgreSQL (SKIP LOCKED plus a
 * lease), so adding processes adds workers and no two run the same job at once; `job_run` is unique
 * per (job, slot), so no slot runs twice.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private registered: Promise<void> | undefined;
  private readonly byName: Map<string, JobDefinition>;

  constructor(
    private readonly repository: JobsRepository,
    @Inject(JOB_DEFINITIONS) definitions: JobDefinition[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  onApplicationBootstrap(): void {
    if (!this.config.env.JOBS_ENABLED) return;
    this.timer = setInterval(() => void this.tick(), this.config.env.JOBS_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One round: runs every job due by `now`, one after another. Returns how many ran. */
  tick(now?: Date): Promise<number> {
    if (this.running) return this.running;
    this.running = this.runDue(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDue(at?: Date): Promise<number> {
    this.registered ??= this.repository.register(
      [...this.byName.values()].map(({ name, intervalMs }) => ({ name, intervalMs })),
    );
    await this.registered;
    let ran = 0;
    for (let i = 0; i < MAX_RUNS_PER_TICK; i += 1) {
      const now = at ?? new Date();
      const job = await this.repository.claim([...this.byName.keys()], now, this.worker, LEASE_MS);
      if (!job) break;
      const runId = await this.repository.start(job, this.worker);
      if (!runId) {
        await this.repository.finish(job, null, this.worker, {});
        continue;
      }
      try {
        const outcome = await this.byName.get(job.name)!.run(now);
        await this.repository.finish(job, runId, this.worker, { outcome });
        ran += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.error({ msg: 'job failed', job: job.name, err: message });
        await this.repository.finish(job, runId, this.worker, { error: message.slice(0, 2000) });
      }
    }
    return ran;
  }

  async status(): Promise<JobStatus[]> {
    this.registered ??= this.repository.register(
      [...this.byName.values()].map(({ name, intervalMs }) => ({ name, intervalMs })),
    );
    await this.registered;
    return (await this.repository.status()).map((row) => ({
      name: row.name,
      intervalMs: row.interval_ms,
      nextRunAt: new Date(row.next_run_at).toISOString(),
      runningOn: row.lease_until && new Date(row.lease_until) > new Date() ? row.leased_by : null,
      paused: row.paused,
      lastRun: row.started_at
        ? {
            startedAt: new Date(row.started_at).toISOString(),
            finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
            outcome: row.outcome,
            error: row.error,
          }
        : null,
    }));
  }

  async runs(name: string | null, limit = 50): Promise<JobRun[]> {
    return (await this.repository.runs(name, limit)).map(toJobRun);
  }
}

function toJobRun(row: JobRunRow): JobRun {
  return {
    id: row.id,
    name: row.name,
    slot: new Date(row.slot).toISOString(),
    worker: row.worker,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    outcome: row.outcome,
    error: row.error,
  };
}
