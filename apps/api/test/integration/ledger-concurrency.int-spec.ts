import { randomUUID } from 'node:crypto';
import { LedgerException } from '../../src/modules/ledger/ledger.errors.js';
import {
  createLedgerHarness,
  ctx,
  inDays,
  type LedgerHarness,
  newMemberId,
} from '../factories/ledger.factory.js';
import { testDatabaseKind } from '../setup/test-database.js';

// Real parallel transactions through a connection pool: on a PostgreSQL server they contend on row
// locks; on embedded PostgreSQL the socket server interleaves them one transaction at a time.
let h: LedgerHarness;

beforeAll(async () => {
  h = await createLedgerHarness(50);
});
afterAll(async () => {
  await h.close();
});

describe(`ledger under concurrency (${testDatabaseKind()} PostgreSQL)`, () => {
  it('lets exactly 10 of 50 parallel redeems of 10 through on a balance of 100; the rest are clear insufficient-points errors', async () => {
    const memberId = newMemberId();
    await h.ledger.earn({ ...ctx(), memberId, points: 100 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () => h.ledger.redeem({ ...ctx(), memberId, points: 10 })),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(LedgerException);
      expect((r.reason as LedgerException).code).toBe('INSUFFICIENT_POINTS');
    }
    expect(await h.ledger.balance(memberId)).toEqual({ available: 0, pending: 0, held: 0, debt: 0 });
  });

  it('posts one journal for 20 parallel identical earns with one idempotency key', async () => {
    const memberId = newMemberId();
    const context = ctx();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.ledger.earn({ ...context, memberId, points: 25 })),
    );
    expect(new Set(results.map((r) => r.journalId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const rows: { n: string }[] = await h.dataSource.query(
      'SELECT count(*)::text AS n FROM ledger_journal WHERE idempotency_key = $1',
      [context.idempotencyKey],
    );
    expect(rows[0]!.n).toBe('1');
    expect((await h.ledger.balance(memberId)).available).toBe(25);
  });

  it('resolves a hold exactly once when a capture and a void race', async () => {
    const memberId = newMemberId();
    await h.ledger.earn({ ...ctx(), memberId, points: 100 });
    const hold = await h.ledger.hold({ ...ctx(), memberId, points: 40, expiresAt: inDays(1) });
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => h.ledger.capture({ ...ctx(), holdId: hold.holdId! })),
      ...Array.from({ length: 5 }, () => h.ledger.void({ ...ctx(), holdId: hold.holdId! })),
    ]);
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect((o.reason as LedgerException).code).toBe('HOLD_ALREADY_RESOLVED');
    }
    const balance = await h.ledger.balance(memberId);
    expect(balance.held).toBe(0);
    expect([60, 100]).toContain(balance.available);
  });

  it('never reverses more than was earned when refunds of one earn race', async () => {
    const memberId = newMemberId();
    const earn = await h.ledger.earn({ ...ctx(), memberId, points: 100 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => h.ledger.reverse({ ...ctx(), journalId: earn.journalId, points: 30 })),
    );
    const taken = outcomes
      .filter((o) => o.status === 'fulfilled')
      .reduce((sum, o) => sum - (o as PromiseFulfilledResult<{ points: number }>).value.points, 0);
    expect(taken).toBe(100);
    expect(await h.ledger.balance(memberId)).toEqual({ available: 0, pending: 0, held: 0, debt: 0 });
  });

  it('keeps members apart: parallel earns and redeems on many members all balance', async () => {
    const members = Array.from({ length: 10 }, () => newMemberId());
    await Promise.all(
      members.flatMap((memberId) => [
        h.ledger.earn({ ...ctx(), memberId, points: 50 }),
        h.ledger.earn({ ...ctx(), memberId, points: 50 }),
      ]),
    );
    await Promise.all(members.map((memberId) => h.ledger.redeem({ ...ctx(), memberId, points: 30 })));
    for (const memberId of members) expect((await h.ledger.balance(memberId)).available).toBe(70);
    const report = await h.verify.verify();
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('opens a new member’s accounts once when their first operations arrive together', async () => {
    const memberId = newMemberId();
    await Promise.all(
      Array.from({ length: 8 }, () =>
        h.ledger.earn({ ...ctx({ idempotencyKey: randomUUID() }), memberId, points: 5 }),
      ),
    );
    const rows: { n: string }[] = await h.dataSource.query(
      'SELECT count(*)::text AS n FROM ledger_account WHERE member_id = $1',
      [memberId],
    );
    expect(rows[0]!.n).toBe('3');
    expect((await h.ledger.balance(memberId)).available).toBe(40);
  });
});
