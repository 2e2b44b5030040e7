import request from 'supertest';
import { DEFAULT_PROGRAMME, inactivityExpiry } from '@tally/domain';
import { type BatchOutcome, LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  NotificationsService,
  type ReminderOutcome,
} from '../../src/modules/notifications/notifications.service.js';
import {
  bearerFor,
  createMember,
  createStaff,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';
import { ctx, inDays } from '../factories/ledger.factory.js';

const MONTHS = 2;
let t: TestApp;
let ledger: LedgerService;
let notifications: NotificationsService;

beforeAll(async () => {
  t = await createTestApp();
  ledger = t.app.get(LedgerService);
  notifications = t.app.get(NotificationsService);
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

/** A member with 100 available points that expire by age only in a year, earned just now. */
async function memberWithPoints() {
  const member = await createMember(t.dataSource);
  const earned = await ledger.earn({ ...ctx(), memberId: member.id, points: 100, expiresAt: inDays(365) });
  const lastActivityAt = new Date(
    (
      await t.dataSource.query<{ created_at: Date }[]>(
        `SELECT created_at FROM ledger_journal WHERE id = $1`,
        [earned.journalId],
      )
    )[0]!.created_at,
  );
  return {
    ...member,
    lastActivityAt,
    deadline: inactivityExpiry({ inactivityMonths: MONTHS }, lastActivityAt)!,
  };
}

const available = async (memberId: string) => (await ledger.balance(memberId)).available;
const justAfter = (at: Date) => new Date(at.getTime() + 1);
const justBefore = (at: Date) => new Date(at.getTime() - 1);

/** Runs a job step until it finds nothing left (other tests' members share the database). */
async function drain(step: () => Promise<BatchOutcome | ReminderOutcome>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const outcome = await step();
    const total = 'done' in outcome ? outcome.done + outcome.skipped : outcome.created + outcome.skipped;
    if (total === 0) return;
  }
  throw new Error('the job step never ran dry');
}

describe('points expire after inactivity', () => {
  it('takes every available point once the months without earning or spending have passed, not a moment before, and only once', async () => {
    const early = await memberWithPoints();
    const expireEarly = await ledger.expireIfInactive(early.id, {
      asOf: justBefore(early.deadline),
      months: MONTHS,
      lastActivityAt: early.lastActivityAt,
    });
    expect(expireEarly.points).toBe(0);
    expect(await available(early.id)).toBe(100);

    const due = await memberWithPoints();
    const args = { asOf: justAfter(due.deadline), months: MONTHS, lastActivityAt: due.lastActivityAt };
    const expired = await ledger.expireIfInactive(due.id, args);
    expect(expired).toMatchObject({ kind: 'expire', points: 100, replayed: false });
    expect(await available(due.id)).toBe(0);
    expect(await ledger.expireIfInactive(due.id, args)).toMatchObject({ points: 100, replayed: true });
    expect(await available(due.id)).toBe(0);
  });

  it('the job expires an inactive member’s points with a reason on the statement, once, however often it runs', async () => {
    const m = await memberWithPoints();
    await setProgramme(t, { ...DEFAULT_PROGRAMME, inactivityMonths: MONTHS });
    await drain(() => ledger.expireInactive(justBefore(m.deadline), MONTHS));
    expect(await available(m.id)).toBe(100);

    await drain(() => ledger.expireInactive(justAfter(m.deadline), MONTHS));
    await drain(() => ledger.expireInactive(inDays(200), MONTHS));
    expect(await available(m.id)).toBe(0);

    const auth = await bearerFor(t, 'member', m.id);
    const statement = await request(t.server())
      .get('/api/v1/me/statement')
      .set('authorization', auth)
      .expect(200);
    const expired = statement.body.items.filter((line: { kind: string }) => line.kind === 'expire');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      points: -100,
      reason: { description: 'Points expired', note: `No points earned or spent for ${MONTHS} months` },
    });
    const [lots] = await t.dataSource.query<[{ sum: string }]>(
      `SELECT coalesce(sum(remaining), 0)::text AS sum FROM points_lot WHERE member_id = $1`,
      [m.id],
    );
    expect(lots.sum).toBe('0');
  });

  it.each<[string, (memberId: string) => Promise<unknown>, number]>([
    ['an earn', (memberId) => ledger.earn({ ...ctx(), memberId, points: 5, expiresAt: inDays(365) }), 105],
    ['a spend', (memberId) => ledger.redeem({ ...ctx(), memberId, points: 10 }), 90],
  ])(
    'keeps the points of a member with %s after the job chose them: the rule is checked again under the member’s lock',
    async (_, activity, left) => {
      const m = await memberWithPoints();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await activity(m.id);
      // The job saw the old last activity; by the time it writes, the member is active again.
      const result = await ledger.expireIfInactive(m.id, {
        asOf: justAfter(m.deadline),
        months: MONTHS,
        lastActivityAt: m.lastActivityAt,
      });
      expect(result.points).toBe(0);
      expect(await available(m.id)).toBe(left);
    },
  );

  it('the home page counts every point as expiring by the inactivity deadline and names it', async () => {
    const m = await memberWithPoints();
    const asOf = new Date(m.deadline.getTime() - 20 * 86_400_000);
    const outlook = await ledger.lotOutlook(m.id, asOf, { inactivityMonths: MONTHS });
    expect(outlook.expiring).toEqual({
      within30Days: 100,
      within60Days: 100,
      within90Days: 100,
      next: { expiresAt: m.deadline.toISOString(), points: 100 },
      inactiveAt: m.deadline.toISOString(),
    });
    const withoutRule = await ledger.lotOutlook(m.id, asOf);
    expect(withoutRule.expiring).toMatchObject({ within90Days: 0, inactiveAt: null });

    await setProgramme(t, { ...DEFAULT_PROGRAMME, inactivityMonths: MONTHS });
    const auth = await bearerFor(t, 'member', m.id);
    const summary = await request(t.server())
      .get('/api/v1/me/points-summary')
      .set('authorization', auth)
      .expect(200);
    expect(summary.body.expiring.inactiveAt).toBe(m.deadline.toISOString());
  });

  it('reminds the member once within 30 days of the deadline, saying what keeps the points', async () => {
    const m = await memberWithPoints();
    const step = (asOf: Date) => () =>
      notifications.remindExpiring(asOf, { inactivityMonths: MONTHS, limit: 5_000 });
    await drain(step(new Date(m.deadline.getTime() - 31 * 86_400_000)));
    const count = async () =>
      (
        await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notification WHERE member_id = $1 AND kind = 'points_expiring'`,
          [m.id],
        )
      )[0]!.n;
    expect(await count()).toBe(0);

    await drain(step(new Date(m.deadline.getTime() - 10 * 86_400_000)));
    await drain(step(new Date(m.deadline.getTime() - 5 * 86_400_000)));
    expect(await count()).toBe(1);
    const [notice] = await t.dataSource.query<{ title: string; body: string; due_at: Date }[]>(
      `SELECT title, body, due_at FROM notification WHERE member_id = $1 AND kind = 'points_expiring'`,
      [m.id],
    );
    expect(notice).toMatchObject({ title: '100 points expire soon' });
    expect(notice!.body).toContain(`after ${MONTHS} months without either`);
    expect(new Date(notice!.due_at).toISOString()).toBe(m.deadline.toISOString());
  });

  it('refuses to bring in the rule without notice, since it is worse for members', async () => {
    await setProgramme(t, DEFAULT_PROGRAMME);
    const admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
    const res = await request(t.server())
      .put('/api/v1/programme')
      .set('authorization', admin)
      .send({ ...DEFAULT_PROGRAMME, inactivityMonths: 12 })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'PROGRAMME_NOTICE_TOO_SHORT' });
    const current = await request(t.server()).get('/api/v1/programme/public').expect(200);
    expect(current.body.inactivityMonths).toBeNull();
  });
});
