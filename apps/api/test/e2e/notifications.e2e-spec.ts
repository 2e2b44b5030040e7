import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  NotificationsService,
  type ReminderOutcome,
} from '../../src/modules/notifications/notifications.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { ctx, inDays } from '../factories/ledger.factory.js';

let t: TestApp;
let pos: string;
let notifications: NotificationsService;

beforeAll(async () => {
  t = await createTestApp();
  pos = await createPosKey(t.dataSource, await createStore(t.dataSource));
  notifications = t.app.get(NotificationsService);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());

async function signedInMember() {
  const member = await createMember(t.dataSource);
  return { ...member, auth: await bearerFor(t, 'member', member.id) };
}

const earn = (memberId: string, receiptId: string, key: string) =>
  api()
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', key)
    .send({
      member: { memberId },
      receipt: { id: receiptId, currency: 'GBP', lines: [{ sku: 'tea', quantity: 1, unitPrice: 2500 }] },
    });

const list = (auth: string, query = '') =>
  api().get(`/api/v1/me/notifications${query}`).set('authorization', auth).expect(200);
const unread = async (auth: string): Promise<number> =>
  (await api().get('/api/v1/me/notifications/unread-count').set('authorization', auth).expect(200)).body
    .unread;

/** Runs a job step until it finds nothing left to remind about (other tests' data shares the database). */
async function drain(step: () => Promise<ReminderOutcome>): Promise<number> {
  let created = 0;
  for (;;) {
    const outcome = await step();
    created += outcome.created;
    if (outcome.created + outcome.skipped === 0) return created;
  }
}

describe('notifications', () => {
  it('notifies a member once when a till awards points, and not again when the earn is replayed', async () => {
    const member = await signedInMember();
    const key = randomUUID();
    const receiptId = `R-${randomUUID().slice(0, 8)}`;
    const first = await earn(member.id, receiptId, key).expect(201);
    const { items } = (await list(member.auth)).body;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'points_earned',
      title: 'You earned 25 points',
      link: '/statement',
      dueAt: first.body.availableAt,
      readAt: null,
    });
    expect(items[0].body).toContain(receiptId);

    const replays = await Promise.all([earn(member.id, receiptId, key), earn(member.id, receiptId, key)]);
    for (const replay of replays) {
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
    }
    expect((await list(member.auth)).body.items).toHaveLength(1);
    expect(await unread(member.auth)).toBe(1);
  });

  it('writes one row per dedupe key, even when notify is called twice in one transaction', async () => {
    const member = await signedInMember();
    const notice = {
      memberId: member.id,
      kind: 'claim_answered' as const,
      title: 'Your claim was answered',
      body: 'See the answer.',
      dedupeKey: 'claim:1',
    };
    const written = await t.dataSource.transaction(async (manager) => [
      await notifications.notify(manager, notice),
      await notifications.notify(manager, notice),
    ]);
    expect(written).toEqual([true, false]);
    expect((await list(member.auth)).body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'claim_answered',
    ]);
  });

  it('pages newest first with a keyset cursor, no item twice', async () => {
    const member = await signedInMember();
    for (let i = 1; i <= 5; i += 1) {
      await notifications.notify(t.dataSource.manager, {
        memberId: member.id,
        kind: 'points_earned',
        title: `Notice ${i}`,
        body: '',
        dedupeKey: `page:${i}`,
      });
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = (
        await list(member.auth, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      titles.push(...page.items.map((n) => n.title));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(titles).toEqual(['Notice 5', 'Notice 4', 'Notice 3', 'Notice 2', 'Notice 1']);

    const bad = await api()
      .get('/api/v1/me/notifications?cursor=nope&limit=500')
      .set('authorization', member.auth)
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('query.limit');
  });

  it('marks one notification read (again is fine), then all; the unread count follows', async () => {
    const member = await signedInMember();
    for (const key of ['a', 'b', 'c']) {
      await notifications.notify(t.dataSource.manager, {
        memberId: member.id,
        kind: 'points_earned',
        title: key,
        body: '',
        dedupeKey: key,
      });
    }
    expect(await unread(member.auth)).toBe(3);
    const [newest] = (await list(member.auth)).body.items;
    const markOne = () =>
      api().post(`/api/v1/me/notifications/${newest.id}/read`).set('authorization', member.auth).send({});
    await markOne().expect(204);
    await markOne().expect(204);
    expect(await unread(member.auth)).toBe(2);
    expect((await list(member.auth)).body.items[0].readAt).not.toBeNull();

    const all = await api()
      .post('/api/v1/me/notifications/read-all')
      .set('authorization', member.auth)
      .send({})
      .expect(200);
    expect(all.body).toEqual({ marked: 2 });
    expect(await unread(member.auth)).toBe(0);
  });

  it('keeps each member’s notifications to themselves: another member can neither read nor mark them', async () => {
    const owner = await signedInMember();
    const other = await signedInMember();
    await notifications.notify(t.dataSource.manager, {
      memberId: owner.id,
      kind: 'points_earned',
      title: 'Private',
      body: '',
      dedupeKey: 'private',
    });
    const [mine] = (await list(owner.auth)).body.items;
    expect((await list(other.auth)).body.items).toEqual([]);
    expect(await unread(other.auth)).toBe(0);

    const res = await api()
      .post(`/api/v1/me/notifications/${mine.id}/read`)
      .set('authorization', other.auth)
      .send({})
      .expect(404);
    expect(res.body.code).toBe('NOTIFICATION_NOT_FOUND');
    await api()
      .post('/api/v1/me/notifications/read-all')
      .set('authorization', other.auth)
      .send({})
      .expect(200);
    expect(await unread(owner.auth)).toBe(1);

    const bad = await api()
      .post('/api/v1/me/notifications/not-a-number/read')
      .set('authorization', owner.auth)
      .send({})
      .expect(400);
    expect(bad.body.errors[0].field).toBe('id');
  });

  it('reminds once per member and expiry day about points expiring within 30 days, however often and however many workers run it', async () => {
    const member = await signedInMember();
    const ledger = t.app.get(LedgerService);
    const soon = inDays(10);
    const sameDayLater = new Date(soon.getTime() + 60_000);
    await ledger.earn({ ...ctx(), memberId: member.id, points: 40, expiresAt: soon });
    await ledger.earn({ ...ctx(), memberId: member.id, points: 60, expiresAt: sameDayLater });
    await ledger.earn({ ...ctx(), memberId: member.id, points: 70, expiresAt: inDays(20) });
    await ledger.earn({ ...ctx(), memberId: member.id, points: 500, expiresAt: inDays(60) });

    const now = new Date();
    const step = () => notifications.remindExpiring(now);
    await Promise.all([drain(step), drain(step)]);
    await drain(step);

    const reminders = (await list(member.auth)).body.items.filter(
      (n: { kind: string }) => n.kind === 'points_expiring',
    );
    expect(reminders.map((n: { title: string }) => n.title).sort()).toEqual([
      '100 points expire soon',
      '70 points expire soon',
    ]);
    const [count] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM notification WHERE member_id = $1 AND kind = 'points_expiring'`,
      [member.id],
    );
    expect(count.n).toBe(2);
  });

  it('reminds once about a voucher that runs out within 7 days, even with two workers at once', async () => {
    const marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
    const reward = await api()
      .post('/api/v1/rewards')
      .set('authorization', marketing)
      .send({ name: `Cake ${randomUUID().slice(0, 4)}`, costPoints: 50, voucherValidDays: 3 })
      .expect(201);
    const member = await signedInMember();
    await t.app
      .get(LedgerService)
      .earn({ ...ctx(), memberId: member.id, points: 100, expiresAt: inDays(300) });
    await api()
      .post(`/api/v1/me/rewards/${reward.body.id}/redeem`)
      .set('authorization', member.auth)
      .set('idempotency-key', randomUUID())
      .send({})
      .expect(201);

    const now = new Date();
    const step = () => notifications.remindVouchersExpiring(now);
    await Promise.all([drain(step), drain(step)]);
    await drain(step);

    const reminders = (await list(member.auth)).body.items.filter(
      (n: { kind: string }) => n.kind === 'voucher_expiring',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ link: '/vouchers', title: expect.stringContaining('Cake') });
  });

  it('refuses to change a notification’s content: only read_at may be set, once', async () => {
    const member = await signedInMember();
    await notifications.notify(t.dataSource.manager, {
      memberId: member.id,
      kind: 'points_earned',
      title: 'Fixed',
      body: '',
      dedupeKey: 'fixed',
    });
    await expect(
      t.dataSource.query(`UPDATE notification SET title = 'Changed' WHERE member_id = $1`, [member.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM notification WHERE member_id = $1`, [member.id]),
    ).rejects.toThrow(/append-only/);
    await t.dataSource.query(`UPDATE notification SET read_at = now() WHERE member_id = $1`, [member.id]);
    await expect(
      t.dataSource.query(`UPDATE notification SET read_at = NULL WHERE member_id = $1`, [member.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('GET /api/v1/me/points-summary', () => {
  it('explains a seeded member’s pending, expiring and tier numbers', async () => {
    const member = await signedInMember();
    const ledger = t.app.get(LedgerService);
    const earnLot = (points: number, expiresAt: Date | null, availableAt: Date | null = null) =>
      ledger.earn({ ...ctx(), memberId: member.id, points, expiresAt, availableAt });
    await earnLot(120, inDays(400), inDays(3));
    await earnLot(300, inDays(400), inDays(14));
    await earnLot(100, inDays(10));
    await earnLot(200, inDays(45));
    await earnLot(150, inDays(80));
    await earnLot(30, inDays(200));

    const res = await api().get('/api/v1/me/points-summary').set('authorization', member.auth).expect(200);
    const s = res.body;
    expect(s.balance).toEqual({ available: 480, pending: 420, held: 0, debt: 0 });
    expect(s.pending.map((g: { points: number }) => g.points)).toEqual([120, 300]);
    expect(s.pending[0].date).toBe(inDays(3).toISOString().slice(0, 10));
    expect(s.expiring).toEqual({
      within30Days: 100,
      within60Days: 300,
      within90Days: 450,
      next: { expiresAt: expect.any(String), points: 100 },
      inactiveAt: null,
    });
    expect(s.tier).toMatchObject({
      basis: 'points',
      current: { id: 'member', name: 'Member', threshold: 0 },
      next: { id: 'silver', name: 'Silver', threshold: 1000 },
      qualifying: 900,
      toNext: 100,
      changes: [],
    });
  });

  it('shows nothing pending and nothing expiring for a new member', async () => {
    const member = await signedInMember();
    const res = await api().get('/api/v1/me/points-summary').set('authorization', member.auth).expect(200);
    expect(res.body).toMatchObject({
      balance: { available: 0, pending: 0, held: 0, debt: 0 },
      pending: [],
      expiring: { within30Days: 0, within60Days: 0, within90Days: 0, next: null },
      tier: { qualifying: 0, toNext: 1000 },
    });
  });
});
