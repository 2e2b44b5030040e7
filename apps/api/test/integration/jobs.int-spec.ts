import { randomUUID } from 'node:crypto';
import { JOB_DEFINITIONS, type JobDefinition } from '../../src/modules/jobs/job-definition.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import { createTestApp, type TestApp } from '../factories/app.factory.js';
import { ctx, inDays } from '../factories/ledger.factory.js';
import { freshDatabase } from '../setup/test-database.js';

const MINUTE = 60_000;

describe('background jobs shared by two API processes', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    db = await freshDatabase();
    first = await createTestApp({}, db.url);
    second = await createTestApp({}, db.url);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  it('runs each due job once per slot and releases every due lot exactly once, whichever worker claims it', async () => {
    const ledger = first.app.get(LedgerService);
    const members = Array.from({ length: 12 }, () => randomUUID());
    for (const memberId of members)
      await ledger.earn({ ...ctx(), memberId, points: 10, availableAt: inDays(14) });

    const jobs = first.app.get<JobDefinition[]>(JOB_DEFINITIONS);
    expect(jobs.map((j) => j.name)).toEqual(expect.arrayContaining(['ledger.release-due', 'tiers.review']));
    const workers = [first.app.get(JobsService), second.app.get(JobsService)];
    expect(workers[0]!.worker).not.toBe(workers[1]!.worker);
    const at = inDays(15);
    const ran = await Promise.all([workers[0]!.tick(at), workers[1]!.tick(at)]);
    // Every job was due; between them the two workers ran each exactly once.
    expect(ran[0] + ran[1]).toBe(jobs.length);

    const runs = await first.dataSource.query<{ name: string; runs: number; workers: number }[]>(
      `SELECT name, count(*)::int AS runs, count(DISTINCT slot)::int AS slots FROM job_run GROUP BY name ORDER BY name`,
    );
    const byName = (a: [string, number], b: [string, number]) => a[0].localeCompare(b[0], 'en');
    expect(runs.map((r): [string, number] => [r.name, r.runs]).sort(byName)).toEqual(
      jobs.map((j): [string, number] => [j.name, 1]).sort(byName),
    );
    for (const memberId of members)
      expect(await ledger.balance(memberId)).toEqual({ available: 10, pending: 0, held: 0, debt: 0 });
    const [releases] = await first.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM ledger_journal WHERE kind = 'release'`,
    );
    expect(releases.n).toBe(members.length);

    // Nothing is due again until the interval passes, however often the workers look.
    expect(await Promise.all([workers[0]!.tick(at), workers[1]!.tick(at)])).toEqual([0, 0]);

    // Two minutes on, the frequent jobs run once more (by one worker each); the slower ones do not.
    const later = new Date(at.getTime() + 2 * MINUTE);
    const again = await Promise.all([workers[1]!.tick(later), workers[0]!.tick(later)]);
    const frequent = jobs.filter((j) => j.intervalMs <= 2 * MINUTE).length;
    expect(frequent).toBeGreaterThan(0);
    expect(frequent).toBeLessThan(jobs.length);
    expect(again[0] + again[1]).toBe(frequent);
    const [total] = await first.dataSource.query<[{ n: number; overlapping: number }]>(
      `SELECT count(*)::int AS n,
              (SELECT count(*)::int FROM job_run a JOIN job_run b ON a.name = b.name AND a.id < b.id
                AND tstzrange(a.started_at, a.finished_at) && tstzrange(b.started_at, b.finished_at)) AS overlapping
         FROM job_run`,
    );
    expect(total).toEqual({ n: jobs.length + frequent, overlapping: 0 });
  });

  it('reports each job with its next run and last outcome', async () => {
    const status = await first.app.get(JobsService).status();
    const release = status.find((s) => s.name === 'ledger.release-due');
    expect(release).toMatchObject({ intervalMs: MINUTE, paused: false, runningOn: null });
    expect(release!.lastRun).toMatchObject({ error: null, outcome: { done: 0, skipped: 0 } });
  });
});
