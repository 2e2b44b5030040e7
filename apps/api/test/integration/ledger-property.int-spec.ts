import fc from 'fast-check';
import { INVARIANT_QUERIES } from '../../src/modules/ledger/ledger-invariants.repository.js';
import { LedgerException } from '../../src/modules/ledger/ledger.errors.js';
import { createLedgerHarness, ctx, type LedgerHarness, newMemberId } from '../factories/ledger.factory.js';
import { LedgerModel, Refused } from './ledger-model.js';

const DAY = 86_400_000;
const seed = Number(process.env.LEDGER_PROPERTY_SEED ?? Date.now() % 2_147_483_647);
const runs = Number(process.env.LEDGER_PROPERTY_RUNS ?? 100);

type Op =
  | { type: 'earn'; m: number; points: number; expiresIn: number | null; pending: boolean }
  | { type: 'redeem'; m: number; points: number }
  | { type: 'hold'; m: number; points: number }
  | { type: 'resolve'; pick: number; op: 'capture' | 'void' }
  | { type: 'reverse'; pick: number; points: number | null; policy: 'debt' | 'forgive' }
  | { type: 'release'; pick: number }
  | { type: 'expire'; m: number; inDays: number }
  | { type: 'replay'; pick: number };

const member = fc.integer({ min: 0, max: 1 });
const points = fc.integer({ min: 1, max: 60 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('earn' as const),
      m: member,
      points,
      expiresIn: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
      pending: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('redeem' as const), m: member, points }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('hold' as const), m: member, points }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('resolve' as const),
      pick: fc.nat(),
      op: fc.constantFrom('capture' as const, 'void' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('reverse' as const),
      pick: fc.nat(),
      points: fc.option(points, { nil: null }),
      policy: fc.constantFrom('debt' as const, 'forgive' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('release' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('expire' as const),
      m: member,
      inDays: fc.integer({ min: 1, max: 70 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('replay' as const), pick: fc.nat() }) },
);

let h: LedgerHarness;

beforeAll(async () => {
  h = await createLedgerHarness();
  process.stdout.write(
    `ledger property test: seed ${seed}, ${runs} runs (replay with LEDGER_PROPERTY_SEED=${seed})\n`,
  );
});
afterAll(async () => {
  await h.close();
});

async function outcome<T>(promise: Promise<T>): Promise<{ ok: T } | { code: string }> {
  try {
    return { ok: await promise };
  } catch (error) {
    if (error instanceof LedgerException) return { code: error.code };
    throw error;
  }
}

function expected<T>(run: () => T): { ok: T } | { code: string } {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof Refused) return { code: error.code };
    throw error;
  }
}

describe('ledger against an in-memory model', () => {
  it('agrees with the model on every outcome and balance for random operation sequences, and every invariant holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 50 }), async (ops) => {
        const model = new LedgerModel();
        const members = [newMemberId(), newMemberId()];
        const earns: { journalId: string; pending: boolean }[] = [];
        const reversible: string[] = [];
        const holds: string[] = [];
        const done: { call: () => Promise<unknown> }[] = [];
        const now = Date.now();

        for (const op of ops) {
          const key = ctx();
          switch (op.type) {
            case 'earn': {
              const expiresAt = op.expiresIn === null ? null : new Date(now + op.expiresIn * DAY);
              const availableAt = op.pending ? new Date(now + 14 * DAY) : null;
              const input = { ...key, memberId: members[op.m]!, points: op.points, expiresAt, availableAt };
              const r = await h.ledger.earn(input);
              model.earn(input.memberId, r.journalId, op.points, expiresAt?.getTime() ?? null, op.pending);
              earns.push({ journalId: r.journalId, pending: op.pending });
              reversible.push(r.journalId);
              done.push({ call: () => h.ledger.earn(input) });
              expect(r.balance).toEqual(model.balance(input.memberId));
              break;
            }
            case 'redeem': {
              const memberId = members[op.m]!;
              const got = await outcome(h.ledger.redeem({ ...key, memberId, points: op.points }));
              const want = expected(() =>
                model.redeem(memberId, 'ok' in got ? got.ok.journalId : null, op.points, Date.now()),
              );
              expect('code' in got ? got.code : 'ok').toBe('code' in want ? want.code : 'ok');
              if ('ok' in got) reversible.push(got.ok.journalId);
              break;
            }
            case 'hold': {
              const memberId = members[op.m]!;
              const got = await outcome(
                h.ledger.hold({ ...key, memberId, points: op.points, expiresAt: new Date(now + DAY) }),
              );
              const want = expected(() =>
                'ok' in got
                  ? model.hold(memberId, got.ok.holdId!, op.points, Date.now())
                  : model.hold(memberId, 'x', op.points, Date.now()),
              );
              expect('code' in got ? got.code : 'ok').toBe('code' in want ? want.code : 'ok');
              if ('ok' in got) holds.push(got.ok.holdId!);
              break;
            }
            case 'resolve': {
              if (holds.length === 0) break;
              const holdId = holds[op.pick % holds.length]!;
              const got = await outcome(
                op.op === 'capture'
                  ? h.ledger.capture({ ...key, holdId })
                  : h.ledger.void({ ...key, holdId }),
              );
              const want = expected(() =>
                model.resolve(holdId, op.op, 'ok' in got ? got.ok.journalId : 'none'),
              );
              expect('code' in got ? got.code : 'ok').toBe('code' in want ? want.code : 'ok');
              if ('ok' in got && op.op === 'capture') reversible.push(got.ok.journalId);
              break;
            }
            case 'reverse': {
              if (reversible.length === 0) break;
              const journalId = reversible[op.pick % reversible.length]!;
              const got = await outcome(
                h.ledger.reverse({ ...key, journalId, points: op.points ?? undefined, policy: op.policy }),
              );
              const want = expected(() =>
                model.reverse(journalId, op.points ?? undefined, op.policy, Date.now()),
              );
              expect('code' in got ? got.code : got.ok.points).toBe('code' in want ? want.code : want.ok);
              break;
            }
            case 'release': {
              const pendingEarns = earns.filter((e) => e.pending);
              if (pendingEarns.length === 0) break;
              const { journalId } = pendingEarns[op.pick % pendingEarns.length]!;
              const [lot]: { id: string }[] = await h.dataSource.query(
                'SELECT id::text FROM points_lot WHERE journal_id = $1',
                [journalId],
              );
              const got = await outcome(h.ledger.release(Number(lot!.id), key));
              const want = expected(() => model.release(journalId));
              expect('code' in got ? got.code : 'ok').toBe('code' in want ? want.code : 'ok');
              break;
            }
            case 'expire': {
              const memberId = members[op.m]!;
              const asOf = new Date(now + op.inDays * DAY);
              const r = await h.ledger.expire(memberId, asOf, key);
              expect(r.points).toBe(model.expire(memberId, asOf.getTime()));
              break;
            }
            case 'replay': {
              if (done.length === 0) break;
              const r = (await done[op.pick % done.length]!.call()) as { replayed: boolean };
              expect(r.replayed).toBe(true);
              break;
            }
          }
          for (const memberId of members) {
            if (model.members.has(memberId))
              expect(await h.ledger.balance(memberId)).toEqual(model.balance(memberId));
          }
          // Which lots the points sit in decides what expires when: compare every lot, not only totals.
          const lots: { journal_id: string; remaining: string; state: string }[] = await h.dataSource.query(
            'SELECT journal_id, remaining::text, state FROM points_lot WHERE member_id = ANY($1::uuid[]) ORDER BY id',
            [members],
          );
          expect(lots.map((l) => [l.journal_id, Number(l.remaining), l.state])).toEqual(
            [...model.members.values()]
              .flatMap((m) => m.lots)
              .sort((a, b) => a.seq - b.seq)
              .map((l) => [l.journalId, l.remaining, l.state]),
          );
        }
        const report = await h.verify.verify();
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      }),
      { seed, numRuns: runs },
    );
  });

  it('reports a breach of each kind it is shown: the checker is not blind', async () => {
    const memberId = newMemberId();
    await h.ledger.earn({ ...ctx(), memberId, points: 10 });
    // Break the books behind the ledger's back inside a transaction that is rolled back afterwards;
    // the invariant queries run in that transaction and must see each breach.
    const runner = h.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`ALTER TABLE ledger_account DISABLE TRIGGER USER`);
      await runner.query(
        `UPDATE ledger_account SET balance = balance + 5 WHERE member_id = $1 AND kind = 'available'`,
        [memberId],
      );
      await runner.query(`ALTER TABLE ledger_posting DISABLE TRIGGER USER`);
      await runner.query(
        `INSERT INTO ledger_posting (journal_id, account_id, amount) SELECT journal_id, account_id, 1 FROM ledger_posting WHERE member_id = $1 LIMIT 1`,
        [memberId],
      );
      const broken: string[] = [];
      for (const query of INVARIANT_QUERIES) {
        const rows: unknown[] = await runner.query(query.sql);
        if (rows.length > 0) broken.push(query.name);
      }
      expect(broken).toEqual(expect.arrayContaining(['journals_balance', 'materialised_balances', 'lots']));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await h.verify.verify()).ok).toBe(true);
  });
});
