import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { LedgerService, systemContext } from '../../src/modules/ledger/ledger.service.js';
import {
  bearerFor,
  createMember,
  createStaff,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';
import { freshDatabase } from '../setup/test-database.js';

let t: TestApp;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let ledger: LedgerService;

// The report covers the whole programme, so it runs on a database of its own with known postings.
beforeAll(async () => {
  db = await freshDatabase();
  t = await createTestApp({ OUTBOX_POLL_MS: '600000' }, db.url);
  ledger = t.app.get(LedgerService);
});
afterAll(async () => {
  await t.close();
  await db.drop();
});

const ctx = () => systemContext(`report-test:${randomUUID()}`);

/**
 * Moves a journal and its postings to another time. Ledger rows are append-only (triggers), so the
 * test switches the triggers off for this one fixture update; the report reads posting times.
 */
async function backdate(journalId: string, at: string): Promise<void> {
  await t.dataSource.transaction(async (m) => {
    await m.query(`ALTER TABLE ledger_posting DISABLE TRIGGER USER`);
    await m.query(`ALTER TABLE ledger_journal DISABLE TRIGGER USER`);
    await m.query(`UPDATE ledger_posting SET created_at = (${at}) WHERE journal_id = $1`, [journalId]);
    await m.query(`UPDATE ledger_journal SET created_at = (${at}) WHERE id = $1`, [journalId]);
    await m.query(`ALTER TABLE ledger_posting ENABLE TRIGGER USER`);
    await m.query(`ALTER TABLE ledger_journal ENABLE TRIGGER USER`);
  });
}

const THIS_MONTH_UTC = `date_trunc('month', now() AT TIME ZONE 'UTC')`;
const monthLabel = (offset: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
};

describe('points liability report', () => {
  it('matches hand-computed figures per UTC month, outstanding points and their value, as JSON and CSV', async () => {
    const [a, b, c, d] = [
      await createMember(t.dataSource),
      await createMember(t.dataSource),
      await createMember(t.dataSource),
      await createMember(t.dataSource),
    ];
    // Two months ago: A earns 1000.
    const aEarn = await ledger.earn({ ...ctx(), memberId: a.id, points: 1000 });
    await backdate(
      aEarn.journalId,
      `(${THIS_MONTH_UTC} - interval '2 months' + interval '3 days') AT TIME ZONE 'UTC'`,
    );
    // Last month, one minute before midnight UTC on its last day: D earns 70.
    const dEarn = await ledger.earn({ ...ctx(), memberId: d.id, points: 70 });
    await backdate(dEarn.journalId, `(${THIS_MONTH_UTC} - interval '1 minute') AT TIME ZONE 'UTC'`);
    // This month: B earns 500 still pending, 100 of it reversed; A spends 300; C's 200 expire.
    const bEarn = await ledger.earn({
      ...ctx(),
      memberId: b.id,
      points: 500,
      availableAt: new Date(Date.now() + 14 * 86_400_000),
    });
    await ledger.reverse({ ...ctx(), journalId: bEarn.journalId, points: 100 });
    await ledger.redeem({ ...ctx(), memberId: a.id, points: 300 });
    await ledger.earn({ ...ctx(), memberId: c.id, points: 200, expiresAt: new Date(Date.now() + 50) });
    await new Promise((r) => setTimeout(r, 100));
    await ledger.expire(c.id, new Date(), ctx());

    const marketing = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'marketing')).id);
    const res = await request(t.server())
      .get('/api/v1/reports/liability?months=3')
      .set('authorization', marketing)
      .expect(200);
    expect(res.body.currency).toBe('GBP');
    expect(res.body.pointValueMilli).toBe(10);
    // Available: A 1000 - 300, D 70; pending: B 500 - 100. Value: 1170 points × 10 milli-pence.
    expect(res.body.outstanding).toEqual({
      available: 770,
      pending: 400,
      held: 0,
      debt: 0,
      valueMilli: 11_700,
    });
    expect(res.body.months).toEqual([
      {
        month: monthLabel(-2),
        issued: 1000,
        reversed: 0,
        adjusted: 0,
        redeemed: 0,
        expired: 0,
        outstandingEnd: 1000,
      },
      {
        month: monthLabel(-1),
        issued: 70,
        reversed: 0,
        adjusted: 0,
        redeemed: 0,
        expired: 0,
        outstandingEnd: 1070,
      },
      {
        month: monthLabel(0),
        issued: 700,
        reversed: 100,
        adjusted: 0,
        redeemed: 300,
        expired: 200,
        outstandingEnd: 1170,
      },
    ]);

    const csv = await request(t.server())
      .get('/api/v1/reports/liability.csv?months=3')
      .set('authorization', marketing)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('tally-points-liability.csv');
    expect(csv.text.split('\r\n')).toEqual([
      'month,issued,reversed,adjusted,redeemed,expired,outstanding_end,outstanding_value',
      `"${monthLabel(-2)}",1000,0,0,0,0,1000,"0.10000"`,
      `"${monthLabel(-1)}",70,0,0,0,0,1070,"0.10700"`,
      `"${monthLabel(0)}",700,100,0,300,200,1170,"0.11700"`,
      '',
    ]);
  });

  it('is for marketing and admins only', async () => {
    for (const role of ['cashier', 'manager'] as const) {
      const auth = await bearerFor(t, 'staff', (await createStaff(t.dataSource, role)).id);
      await request(t.server()).get('/api/v1/reports/liability').set('authorization', auth).expect(403);
      await request(t.server()).get('/api/v1/reports/liability.csv').set('authorization', auth).expect(403);
    }
    const admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
    const res = await request(t.server())
      .get('/api/v1/reports/liability?months=61')
      .set('authorization', admin)
      .expect(400);
    expect(res.body.errors[0].field).toBe('query.months');
  });
});
