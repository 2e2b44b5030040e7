import { LedgerException } from '../../src/modules/ledger/ledger.errors.js';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  createLedgerHarness,
  ctx,
  inDays,
  type LedgerHarness,
  newMemberId,
} from '../factories/ledger.factory.js';

let h: LedgerHarness;
let ledger: LedgerService;

beforeAll(async () => {
  h = await createLedgerHarness();
  ledger = h.ledger;
});
afterAll(async () => {
  await h.close();
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(LedgerException);
  await promise.catch((error: LedgerException) => expect(error.code).toBe(code));
}

describe(LedgerService.name, () => {
  it('earns points into the available balance and opens the accounts on first use', async () => {
    const memberId = newMemberId();
    const result = await ledger.earn({ ...ctx(), memberId, points: 120 });
    expect(result).toMatchObject({ kind: 'earn', points: 120, replayed: false });
    expect(result.balance).toEqual({ available: 120, pending: 0, held: 0, debt: 0 });
    expect(await ledger.balance(memberId)).toEqual({ available: 120, pending: 0, held: 0, debt: 0 });
  });

  it('replays the first result for the same key and request without posting again', async () => {
    const memberId = newMemberId();
    const context = ctx();
    const first = await ledger.earn({ ...context, memberId, points: 50 });
    const again = await ledger.earn({ ...context, memberId, points: 50 });
    expect(again).toEqual({ ...first, replayed: true });
    expect((await ledger.balance(memberId)).available).toBe(50);
  });

  it('refuses the same key with a different request and changes nothing', async () => {
    const memberId = newMemberId();
    const context = ctx();
    await ledger.earn({ ...context, memberId, points: 50 });
    await expectCode(ledger.earn({ ...context, memberId, points: 51 }), 'IDEMPOTENCY_KEY_REUSED');
    expect((await ledger.balance(memberId)).available).toBe(50);
  });

  it('refuses a redeem when the balance is short and writes nothing', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 30 });
    await expectCode(ledger.redeem({ ...ctx(), memberId, points: 31 }), 'INSUFFICIENT_POINTS');
    const page = await ledger.statement(memberId, { limit: 10 });
    expect(page.items.map((l) => l.kind)).toEqual(['earn']);
  });

  it('spends the earliest-expiring lots first and points that never expire last', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 10, expiresAt: null });
    const late = await ledger.earn({ ...ctx(), memberId, points: 10, expiresAt: inDays(300) });
    const soon = await ledger.earn({ ...ctx(), memberId, points: 10, expiresAt: inDays(30) });
    await ledger.redeem({ ...ctx(), memberId, points: 15 });
    const lots: { journal_id: string; remaining: string }[] = await h.dataSource.query(
      'SELECT journal_id, remaining::text FROM points_lot WHERE member_id = $1 ORDER BY id',
      [memberId],
    );
    const remaining = Object.fromEntries(lots.map((l) => [l.journal_id, Number(l.remaining)]));
    expect(remaining[soon.journalId]).toBe(0);
    expect(remaining[late.journalId]).toBe(5);
    expect(Object.values(remaining).reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('expires what remains of expired lots and leaves the rest spendable', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 40, expiresAt: inDays(1) });
    await ledger.earn({ ...ctx(), memberId, points: 25, expiresAt: inDays(100) });
    await ledger.redeem({ ...ctx(), memberId, points: 10 });
    const expired = await ledger.expire(memberId, inDays(2), ctx());
    expect(expired.points).toBe(30);
    expect(expired.balance.available).toBe(25);
    const again = await ledger.expire(memberId, inDays(2), ctx());
    expect(again.points).toBe(0);
  });

  it('keeps earned points pending until released, and a release pays debt first', async () => {
    const memberId = newMemberId();
    const spent = await ledger.earn({ ...ctx(), memberId, points: 30 });
    await ledger.redeem({ ...ctx(), memberId, points: 30 });
    await ledger.reverse({ ...ctx(), journalId: spent.journalId });
    const pending = await ledger.earn({ ...ctx(), memberId, points: 80, availableAt: inDays(14) });
    expect(pending.balance).toEqual({ available: 0, pending: 80, held: 0, debt: 30 });
    await expectCode(ledger.redeem({ ...ctx(), memberId, points: 1 }), 'INSUFFICIENT_POINTS');
    const [lot]: { id: string }[] = await h.dataSource.query(
      'SELECT id::text FROM points_lot WHERE journal_id = $1',
      [pending.journalId],
    );
    const released = await ledger.release(Number(lot!.id), ctx());
    expect(released.balance).toEqual({ available: 50, pending: 0, held: 0, debt: 0 });
    await expectCode(ledger.release(Number(lot!.id), ctx()), 'LOT_NOT_FOUND');
  });

  it('releases due pending lots in a job step that is safe to run twice', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 15, availableAt: new Date(Date.now() + 1000) });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const first = await ledger.releaseDue(new Date());
    expect(first.done).toBeGreaterThanOrEqual(1);
    expect(await ledger.balance(memberId)).toEqual({ available: 15, pending: 0, held: 0, debt: 0 });
    await ledger.releaseDue(new Date());
    expect(await ledger.balance(memberId)).toEqual({ available: 15, pending: 0, held: 0, debt: 0 });
  });

  it('puts a partly reversed redemption back into its longest-lived lot first', async () => {
    const memberId = newMemberId();
    const soon = await ledger.earn({ ...ctx(), memberId, points: 10, expiresAt: inDays(10) });
    const late = await ledger.earn({ ...ctx(), memberId, points: 10, expiresAt: inDays(200) });
    const redeem = await ledger.redeem({ ...ctx(), memberId, points: 20 });
    await ledger.reverse({ ...ctx(), journalId: redeem.journalId, points: 6 });
    const lots: { journal_id: string; remaining: string }[] = await h.dataSource.query(
      'SELECT journal_id, remaining::text FROM points_lot WHERE member_id = $1',
      [memberId],
    );
    const remaining = Object.fromEntries(lots.map((l) => [l.journal_id, Number(l.remaining)]));
    expect(remaining).toEqual({ [soon.journalId]: 0, [late.journalId]: 6 });
  });

  it('holds points, then captures them exactly once', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 100 });
    const hold = await ledger.hold({ ...ctx(), memberId, points: 60, expiresAt: inDays(1) });
    expect(hold.balance).toEqual({ available: 40, pending: 0, held: 60, debt: 0 });
    await expectCode(ledger.redeem({ ...ctx(), memberId, points: 41 }), 'INSUFFICIENT_POINTS');
    const captured = await ledger.capture({ ...ctx(), holdId: hold.holdId! });
    expect(captured.balance).toEqual({ available: 40, pending: 0, held: 0, debt: 0 });
    await expectCode(ledger.capture({ ...ctx(), holdId: hold.holdId! }), 'HOLD_ALREADY_RESOLVED');
    await expectCode(ledger.void({ ...ctx(), holdId: hold.holdId! }), 'HOLD_ALREADY_RESOLVED');
  });

  it('voids a hold and gives the points back to the same lots', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 100, expiresAt: inDays(10) });
    const hold = await ledger.hold({ ...ctx(), memberId, points: 70, expiresAt: inDays(1) });
    const voided = await ledger.void({ ...ctx(), holdId: hold.holdId! });
    expect(voided.balance).toEqual({ available: 100, pending: 0, held: 0, debt: 0 });
  });

  it('voids holds that time out and refuses to capture them', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 100 });
    const hold = await ledger.hold({
      ...ctx(),
      memberId,
      points: 20,
      expiresAt: new Date(Date.now() + 1500),
    });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await expectCode(ledger.capture({ ...ctx(), holdId: hold.holdId! }), 'HOLD_EXPIRED');
    const outcome = await ledger.voidExpiredHolds(new Date());
    expect(outcome.done).toBeGreaterThanOrEqual(1);
    expect(await ledger.balance(memberId)).toEqual({ available: 100, pending: 0, held: 0, debt: 0 });
  });

  it('reverses an earn in parts and never more than was earned', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({ ...ctx(), memberId, points: 100 });
    const first = await ledger.reverse({ ...ctx(), journalId: earn.journalId, points: 60 });
    expect(first.points).toBe(-60);
    const second = await ledger.reverse({ ...ctx(), journalId: earn.journalId, points: 60 });
    expect(second.points).toBe(-40);
    expect(second.balance.available).toBe(0);
    await expectCode(ledger.reverse({ ...ctx(), journalId: earn.journalId }), 'NOTHING_TO_REVERSE');
  });

  it('books reversed points the member already spent as debt, paid off by the next earn', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({ ...ctx(), memberId, points: 100 });
    await ledger.redeem({ ...ctx(), memberId, points: 70 });
    const reversed = await ledger.reverse({ ...ctx(), journalId: earn.journalId });
    expect(reversed.balance).toEqual({ available: 0, pending: 0, held: 0, debt: 70 });
    const next = await ledger.earn({ ...ctx(), memberId, points: 100 });
    expect(next.balance).toEqual({ available: 30, pending: 0, held: 0, debt: 0 });
  });

  it('pays debt first from the points a reversed redemption gives back, as an earn does', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({ ...ctx(), memberId, points: 100, expiresAt: inDays(60) });
    const redeem = await ledger.redeem({ ...ctx(), memberId, points: 60 });
    await ledger.redeem({ ...ctx(), memberId, points: 40 });
    const reversed = await ledger.reverse({ ...ctx(), journalId: earn.journalId, points: 25 });
    expect(reversed.balance).toEqual({ available: 0, pending: 0, held: 0, debt: 25 });
    const back = await ledger.reverse({ ...ctx(), journalId: redeem.journalId, points: 10 });
    expect(back.points).toBe(10);
    expect(back.balance).toEqual({ available: 0, pending: 0, held: 0, debt: 15 });
    const rest = await ledger.reverse({ ...ctx(), journalId: redeem.journalId });
    expect(rest.points).toBe(50);
    expect(rest.balance).toEqual({ available: 35, pending: 0, held: 0, debt: 0 });
    const [lots] = await h.dataSource.query<[{ remaining: string }]>(
      `SELECT sum(remaining)::text AS remaining FROM points_lot WHERE member_id = $1`,
      [memberId],
    );
    expect(lots.remaining).toBe('35');
  });

  it('forgives the spent part of a reversal under the forgive policy', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({ ...ctx(), memberId, points: 100 });
    await ledger.redeem({ ...ctx(), memberId, points: 70 });
    const reversed = await ledger.reverse({ ...ctx(), journalId: earn.journalId, policy: 'forgive' });
    expect(reversed.points).toBe(-30);
    expect(reversed.balance).toEqual({ available: 0, pending: 0, held: 0, debt: 0 });
    await expectCode(ledger.reverse({ ...ctx(), journalId: earn.journalId }), 'NOTHING_TO_REVERSE');
  });

  it('returns the points of a reversed redemption with their original expiry', async () => {
    const memberId = newMemberId();
    const expiresAt = inDays(45);
    await ledger.earn({ ...ctx(), memberId, points: 50, expiresAt });
    const redeem = await ledger.redeem({ ...ctx(), memberId, points: 50 });
    const back = await ledger.reverse({ ...ctx(), journalId: redeem.journalId });
    expect(back.points).toBe(50);
    const lots: { expires_at: Date; remaining: string }[] = await h.dataSource.query(
      'SELECT expires_at, remaining::text FROM points_lot WHERE member_id = $1',
      [memberId],
    );
    expect(lots).toHaveLength(1);
    expect(Number(lots[0]!.remaining)).toBe(50);
    expect(new Date(lots[0]!.expires_at).getTime()).toBe(expiresAt.getTime());
  });

  it('refuses to reverse a hold, an expiry or an unknown journal', async () => {
    const memberId = newMemberId();
    await ledger.earn({ ...ctx(), memberId, points: 10 });
    const hold = await ledger.hold({ ...ctx(), memberId, points: 5, expiresAt: inDays(1) });
    await expectCode(ledger.reverse({ ...ctx(), journalId: hold.journalId }), 'NOT_REVERSIBLE');
    await expectCode(ledger.reverse({ ...ctx(), journalId: newMemberId() }), 'JOURNAL_NOT_FOUND');
  });

  it('adjusts up and down with a reason, never below zero', async () => {
    const memberId = newMemberId();
    const up = await ledger.adjust({ ...ctx(), memberId, points: 25, reason: 'goodwill for a late parcel' });
    expect(up.balance.available).toBe(25);
    const down = await ledger.adjust({ ...ctx(), memberId, points: -5, reason: 'duplicate goodwill' });
    expect(down.balance.available).toBe(20);
    await expectCode(
      ledger.adjust({ ...ctx(), memberId, points: -21, reason: 'too much' }),
      'INSUFFICIENT_POINTS',
    );
  });

  it('rejects bad input with the field named before touching the database', async () => {
    await expect(ledger.earn({ ...ctx(), memberId: 'not-a-uuid', points: 10 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ field: 'memberId' })],
    });
    await expect(ledger.earn({ ...ctx(), memberId: newMemberId(), points: 1.5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ field: 'points' })],
    });
    await expect(
      ledger.redeem({ ...ctx({ idempotencyKey: 'short' }), memberId: newMemberId(), points: 1 }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'idempotencyKey' })],
    });
  });

  it('explains every statement line newest first, with keyset pagination', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({
      ...ctx({ externalRef: 'receipt-1001' }),
      memberId,
      points: 100,
      expiresAt: inDays(365),
    });
    await ledger.redeem({ ...ctx(), memberId, points: 30 });
    await ledger.reverse({
      ...ctx({ reason: 'refund of receipt-1001' }),
      journalId: earn.journalId,
      points: 20,
    });
    const first = await ledger.statement(memberId, { limit: 2 });
    expect(first.items.map((l) => [l.kind, l.points, l.availableAfter])).toEqual([
      ['reverse', -20, 50],
      ['redeem', -30, 70],
    ]);
    expect(first.items[0]!.reason).toMatchObject({
      note: 'refund of receipt-1001',
      reversesJournalId: earn.journalId,
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await ledger.statement(memberId, { limit: 2, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]).toMatchObject({
      kind: 'earn',
      points: 100,
      reason: { externalRef: 'receipt-1001' },
    });
    expect(second.items[0]!.reason.expiresAt).not.toBeNull();
    expect(second.nextCursor).toBeNull();
    await expect(ledger.statement(memberId, { limit: 2, cursor: 'bogus' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('rejects UPDATE and DELETE on postings and journals at the database', async () => {
    const memberId = newMemberId();
    const earn = await ledger.earn({ ...ctx(), memberId, points: 10 });
    await expect(
      h.dataSource.query('UPDATE ledger_posting SET amount = amount + 1 WHERE journal_id = $1', [
        earn.journalId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.dataSource.query('DELETE FROM ledger_posting WHERE journal_id = $1', [earn.journalId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.dataSource.query('UPDATE ledger_journal SET amount = 0 WHERE id = $1', [earn.journalId]),
    ).rejects.toThrow(/append-only/);
  });

  it('reports every invariant as holding after all of the above', async () => {
    const report = await h.verify.verify();
    expect(report.checks.map((c) => c.name)).toEqual([
      'journals_balance',
      'materialised_balances',
      'floors',
      'lots',
      'idempotency',
      'reversals_and_holds',
    ]);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
