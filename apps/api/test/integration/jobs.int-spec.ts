import { randomUUID } from 'node:crypto';
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

    const workers = [first.app.get(JobsService), second.app.get(JobsService)];
    expect(workers[0]!.worker).not.toBe(workers[1]!.worker);
    const at = inDays(15);
    const ran = await Promise.all([workers[0]!.tick(at), workers[1]!.tick(at)]);
    // Ten jobs were due; between them the two workers ran each exactly once.
    expect(ran[0] + ran[1]).toBe(10);

    const runs = await first.dataSource.query<{ name: string; runs: number; workers: number }[]>(
      `SELECT name, count(*)::int AS runs, count(DISTINCT slot)::int AS slots FROM job_run GROUP BY name ORDER BY name`,
    );
    expect(runs.map((r) => [r.name, r.runs])).toEqual([
      ['campaigns.lifecycle', 1],
      ['ideas.digest', 1],
      ['ledger.expire-due', 1],
      ['ledger.release-due', 1],
      ['ledger.void-expired-holds', 1],
      ['notifications.remind-expiring', 1],
      ['notifications.remind-vouchers', 1],
      ['programme.apply-changes', 1],
      ['referrals.reward-due', 1],
      ['tiers.review', 1],
    ]);
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
    expect(again[0] + again[1]).toBe(4);
    const [total] = await first.dataSource.query<[{ n: number; overlapping: number }]>(
      `SELECT count(*)::int AS n,
              (SELECT count(*)::int FROM job_run a JOIN job_run b ON a.name = b.name AND a.id < b.id
                AND tstzrange(a.started_at, a.finished_at) && tstzrange(b.started_at, b.finished_at)) AS overlapping
         FROM job_run`,
    );
    expect(total).toEqual({ n: 14, overlapping: 0 });
  });

  it('reports each job with its next run and last outcome', async () => {
    const status = await first.app.get(JobsService).status();
    const release = status.find((s) => s.name === 'ledger.release-due');
    expect(release).toMatchObject({ intervalMs: MINUTE, paused: false, runningOn: null });
    expect(release!.lastRun).toMatchObject({ error: null, outcome: { done: 0, skipped: 0 } });
  });
});
