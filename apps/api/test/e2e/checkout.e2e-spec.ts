import { randomUUID } from 'node:crypto';
import { DEFAULT_PROGRAMME } from '@tally/domain';
import request from 'supertest';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  setProgramme,
  type TestApp,
} from '../factories/app.factory.js';
import { testDatabaseKind } from '../setup/test-database.js';

let t: TestApp;
let store: string;
let pos: string;
let admin: string;

// Points become available at once here (no return window) so spending and refunds are easy to follow.
const programme = {
  ...DEFAULT_PROGRAMME,
  pendingDays: 0,
  cashierLimits: { pointsPerReceipt: 500, pointsPerDay: 800 },
};

beforeAll(async () => {
  t = await createTestApp();
  store = await createStore(t.dataSource);
  pos = await createPosKey(t.dataSource, store);
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  await request(t.server()).put('/api/v1/programme').set('authorization', admin).send(programme).expect(200);
});
afterAll(async () => {
  await setProgramme(t, DEFAULT_PROGRAMME);
  await t.close();
});

const receipt = (lines: object[], id = `R-${randomUUID().slice(0, 8)}`) => ({ id, currency: 'GBP', lines });
const earn = (auth: string, body: object, key: string = randomUUID()) =>
  request(t.server())
    .post('/api/v1/checkout/earn')
    .set('authorization', auth)
    .set('idempotency-key', key)
    .send(body);

describe('checkout: earn', () => {
  it('awards points for a receipt scanned by card number and explains every point', async () => {
    const member = await createMember(t.dataSource);
    const res = await earn(pos, {
      member: { cardNumber: member.cardNumber.replace(/(\d{4})/g, '$1 ').trim() },
      receipt: receipt([
        { sku: 'latte', category: 'coffee', quantity: 2, unitPrice: 350 },
        { sku: 'vat', quantity: 1, unitPrice: 140, kind: 'tax' },
      ]),
    }).expect(201);
    expect(res.body).toMatchObject({ status: 'awarded', points: 7, balance: { available: 7 } });
    expect(res.body.lines).toEqual([
      expect.objectContaining({
        source: 'base',
        points: 7,
        description: '1 point per £1.00 on £7.00 (£1.40 does not earn)',
      }),
    ]);
  });

  it('returns the first response for a retried request and refuses a reused key with another body', async () => {
    const member = await createMember(t.dataSource);
    const body = {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 2500 }]),
    };
    const key = randomUUID();
    const first = await earn(pos, body, key).expect(201);
    const again = await earn(pos, body, key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await earn(
      pos,
      { ...body, receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 9900 }]) },
      key,
    ).expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('posts one journal and one receipt for 20 parallel identical requests', async () => {
    const member = await createMember(t.dataSource);
    const body = {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
    };
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => earn(pos, body, key)));
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
    expect(new Set(results.map((r) => r.body.journalId)).size).toBe(1);
    const [{ n }] = await t.dataSource.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM ledger_journal WHERE member_id = $1',
      [member.id],
    );
    expect(n).toBe(1);
  });

  it('credits a receipt only once per store, whatever the key', async () => {
    const member = await createMember(t.dataSource);
    const body = {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
    };
    await earn(pos, body).expect(201);
    const res = await earn(pos, body).expect(409);
    expect(res.body).toMatchObject({ code: 'RECEIPT_ALREADY_CREDITED', errors: [{ field: 'receipt.id' }] });
  });

  it.each([
    [
      { receipt: { id: 'x', currency: 'GBP', lines: [{ sku: 'a', quantity: 1, unitPrice: 100 }] } },
      400,
      'member',
    ],
    [
      {
        member: { cardNumber: '1234 5678 9012' },
        receipt: { id: 'x', currency: 'GBP', lines: [{ sku: 'a', quantity: 1, unitPrice: 100 }] },
      },
      400,
      'member.cardNumber',
    ],
    [
      {
        member: { memberId: '00000000-0000-4000-8000-000000000000' },
        receipt: { id: 'x', currency: 'GBP', lines: [{ sku: 'a', quantity: 1, unitPrice: 100 }] },
      },
      404,
      'member.memberId',
    ],
    [
      {
        member: { memberId: '00000000-0000-4000-8000-000000000000' },
        receipt: { id: 'x', currency: 'GBP', lines: [{ sku: 'a', quantity: 1, unitPrice: -1 }] },
      },
      400,
      'receipt.lines.0.unitPrice',
    ],
    [
      {
        member: { memberId: '00000000-0000-4000-8000-000000000000' },
        receipt: { id: 'x', currency: 'GBP', lines: [] },
      },
      400,
      'receipt.lines',
    ],
    [
      {
        member: { memberId: '00000000-0000-4000-8000-000000000000' },
        receipt: { id: 'x', currency: 'GBP', lines: [{ sku: 'a', quantity: 1.5, unitPrice: 1 }] },
      },
      400,
      'receipt.lines.0.quantity',
    ],
  ])('refuses %j with %i naming %s, and writes nothing', async (body, status, field) => {
    const before = (await t.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM receipt'))[0].n;
    const res = await earn(pos, body).expect(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await t.dataSource.query<[{ n: number }]>('SELECT count(*)::int AS n FROM receipt'))[0].n).toBe(
      before,
    );
  });

  it('needs an Idempotency-Key and the programme’s currency', async () => {
    const member = await createMember(t.dataSource);
    const body = {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
    };
    const noKey = await request(t.server())
      .post('/api/v1/checkout/earn')
      .set('authorization', pos)
      .send(body)
      .expect(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const euros = await earn(pos, { ...body, receipt: { ...body.receipt, currency: 'EUR' } }).expect(422);
    expect(euros.body.code).toBe('CURRENCY_MISMATCH');
  });

  it('keeps a till to its own store', async () => {
    const member = await createMember(t.dataSource);
    const elsewhere = await createStore(t.dataSource);
    const res = await earn(pos, {
      member: { memberId: member.id },
      storeId: elsewhere,
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
    }).expect(403);
    expect(res.body.code).toBe('OUTSIDE_STORE_SCOPE');
  });

  it('moves a member up a tier when they qualify, and records the change', async () => {
    const member = await createMember(t.dataSource);
    await earn(pos, {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'tv', quantity: 1, unitPrice: 120_000 }]),
    }).expect(201);
    const changes = await t.dataSource.query(
      'SELECT from_tier, to_tier FROM tier_change WHERE member_id = $1',
      [member.id],
    );
    expect(changes).toEqual([{ from_tier: null, to_tier: 'silver' }]);
    const me = await request(t.server())
      .get('/api/v1/me')
      .set('authorization', await bearerFor(t, 'member', member.id))
      .expect(200);
    expect(me.body).toMatchObject({
      tier: { id: 'silver' },
      tierChanges: [{ from: null, to: 'Silver', qualifying: 1200 }],
    });
    const next = await earn(pos, {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
    }).expect(201);
    expect(next.body.lines).toEqual([
      expect.objectContaining({ source: 'base', points: 10 }),
      expect.objectContaining({ source: 'tier', points: 2 }),
    ]);
  });
});

describe('checkout: cashier limits and approvals', () => {
  it('turns an award above the cashier’s limit into a request a manager of the store approves', async () => {
    const cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
    const manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [store])).id);
    const otherManager = await bearerFor(
      t,
      'staff',
      (await createStaff(t.dataSource, 'manager', [await createStore(t.dataSource)])).id,
    );
    const member = await createMember(t.dataSource);
    const key = randomUUID();
    const body = {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'sofa', quantity: 1, unitPrice: 60_000 }]),
    };
    const pending = await earn(cashier, body, key).expect(202);
    expect(pending.body).toMatchObject({ status: 'pending_approval', points: 600 });
    expect(
      (await request(t.server()).get(`/api/v1/members/${member.id}/balance`).set('authorization', pos)).body
        .available,
    ).toBe(0);
    const queue = await request(t.server())
      .get('/api/v1/approvals?status=pending')
      .set('authorization', manager)
      .expect(200);
    expect(queue.body.map((a: { id: string }) => a.id)).toContain(pending.body.approvalId);
    await request(t.server())
      .post(`/api/v1/approvals/${pending.body.approvalId}/approve`)
      .set('authorization', otherManager)
      .send({})
      .expect(404);
    const approved = await request(t.server())
      .post(`/api/v1/approvals/${pending.body.approvalId}/approve`)
      .set('authorization', manager)
      .send({ reason: 'checked the receipt' })
      .expect(201);
    expect(approved.body).toMatchObject({ status: 'approved', decisionReason: 'checked the receipt' });
    expect(
      (await request(t.server()).get(`/api/v1/members/${member.id}/balance`).set('authorization', pos)).body
        .available,
    ).toBe(600);
    const retried = await earn(cashier, body, key).expect(201);
    expect(retried.body).toMatchObject({ status: 'awarded', points: 600 });
    await request(t.server())
      .post(`/api/v1/approvals/${pending.body.approvalId}/approve`)
      .set('authorization', manager)
      .send({})
      .expect(409);
    const actions = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [pending.body.approvalId],
    );
    expect(actions.map((a) => a.action)).toEqual(['approval.requested', 'approval.approved']);
  });

  it('lets a manager deny a request with a reason, and nothing is awarded', async () => {
    const cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
    const manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [store])).id);
    const member = await createMember(t.dataSource);
    const pending = await earn(cashier, {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'sofa', quantity: 1, unitPrice: 70_000 }]),
    }).expect(202);
    await request(t.server())
      .post(`/api/v1/approvals/${pending.body.approvalId}/deny`)
      .set('authorization', manager)
      .send({})
      .expect(400);
    const denied = await request(t.server())
      .post(`/api/v1/approvals/${pending.body.approvalId}/deny`)
      .set('authorization', manager)
      .send({ reason: 'no such sale in the till' })
      .expect(201);
    expect(denied.body.status).toBe('denied');
    expect(
      (await request(t.server()).get(`/api/v1/members/${member.id}/balance`).set('authorization', pos)).body
        .available,
    ).toBe(0);
  });

  it('keeps the request and the ledger in agreement when approves and a deny race (approved ⇔ one journal; denied ⇔ none)', async () => {
    const cashierId = (await createStaff(t.dataSource, 'cashier', [store])).id;
    const cashier = await bearerFor(t, 'staff', cashierId);
    const managers = await Promise.all(
      [0, 1, 2].map(async () =>
        bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [store])).id),
      ),
    );
    const outcomes = { approved: 0, denied: 0 };
    for (let round = 0; round < 16; round += 1) {
      const member = await createMember(t.dataSource);
      const ref = `R-race-${round}-${randomUUID().slice(0, 8)}`;
      const pending = await earn(cashier, {
        member: { memberId: member.id },
        receipt: receipt([{ sku: 'sofa', quantity: 1, unitPrice: 60_000 }], ref),
      }).expect(202);
      const id: string = pending.body.approvalId;
      const decide = (auth: string, verb: 'approve' | 'deny') =>
        request(t.server())
          .post(`/api/v1/approvals/${id}/${verb}`)
          .set('authorization', auth)
          .send({ reason: `${verb} in round ${round}` });
      // The approves are on their way first; the deny follows after 0, 4, 8 or 12 ms, so either may win.
      const delay = (round % 4) * 4;
      const calls = [
        decide(managers[1]!, 'approve'),
        decide(managers[2]!, 'approve'),
        new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => decide(managers[0]!, 'deny')),
      ];
      const answers = await Promise.all(calls);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      const [row] = await t.dataSource.query<[{ status: string; result: { journalId?: string } | null }]>(
        `SELECT status, result FROM approval_request WHERE id = $1`,
        [id],
      );
      const journals = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM ledger_journal WHERE member_id = $1 AND kind = 'earn'`,
        [member.id],
      );
      const balance = (
        await request(t.server()).get(`/api/v1/members/${member.id}/balance`).set('authorization', pos)
      ).body;
      const winner = answers.find((a) => a.status === 201)!;
      expect(winner.body.status).toBe(row.status);
      if (row.status === 'approved') {
        outcomes.approved += 1;
        expect(journals).toHaveLength(1);
        expect(row.result?.journalId).toBe(journals[0]!.id);
        expect(balance.available).toBe(600);
      } else {
        outcomes.denied += 1;
        expect(row.status).toBe('denied');
        expect(journals).toHaveLength(0);
        expect(balance).toMatchObject({ available: 0, pending: 0 });
        const receipts = await t.dataSource.query(`SELECT 1 FROM receipt WHERE receipt_ref = $1`, [ref]);
        expect(receipts).toHaveLength(0);
      }
    }
    // On the server the race is real: each side won some rounds. Embedded PostgreSQL runs one
    // transaction at a time, so there the outcome only has to agree with the ledger.
    if (testDatabaseKind() === 'server') {
      expect(outcomes.approved).toBeGreaterThan(0);
      expect(outcomes.denied).toBeGreaterThan(0);
    }
    const verify = await request(t.server())
      .get('/api/v1/admin/ledger/verify')
      .set('authorization', admin)
      .expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('counts a cashier’s awards over the day against the daily limit', async () => {
    const cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
    const member = await createMember(t.dataSource);
    const buy = () =>
      earn(cashier, {
        member: { memberId: member.id },
        receipt: receipt([{ sku: 'a', quantity: 1, unitPrice: 40_000 }]),
      });
    await buy().expect(201);
    await buy().expect(201);
    const third = await buy().expect(202);
    expect(third.body.reason).toMatch(/daily 800/);
  });
});

describe('checkout: redeem and refund', () => {
  async function memberWith(points: number) {
    const member = await createMember(t.dataSource);
    const ref = `R-${randomUUID().slice(0, 8)}`;
    await earn(pos, {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'a', quantity: 4, unitPrice: points * 25 }], ref),
    }).expect(201);
    return { member, ref };
  }

  const spend = (memberId: string, points: number, receiptId: string) =>
    request(t.server())
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { memberId }, points, receiptId })
      .expect(201);

  /** Two lamps (20 points earned) and 500 paid with 50 points: the receipt's id. */
  async function boughtPartlyWithPoints(memberId: string) {
    const ref = `R-${randomUUID().slice(0, 8)}`;
    await earn(pos, {
      member: { memberId },
      receipt: receipt(
        [
          { sku: 'lamp', quantity: 2, unitPrice: 1000 },
          { sku: 'points', quantity: 1, unitPrice: 500, kind: 'paid_with_points' },
        ],
        ref,
      ),
    }).expect(201);
    await spend(memberId, 50, ref);
    return ref;
  }

  it('spends points towards a receipt and refuses a short balance with a 422 saying what is available', async () => {
    const { member } = await memberWith(100);
    const spent = await request(t.server())
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { memberId: member.id }, points: 60, receiptId: 'R-pay-1' })
      .expect(201);
    expect(spent.body.balance.available).toBe(40);
    const short = await request(t.server())
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { memberId: member.id }, points: 41, receiptId: 'R-pay-2' })
      .expect(422);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.body).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      available: 40,
      requested: 41,
      detail: '41 points were asked for but only 40 are available to spend.',
    });
  });

  it('refunds part of a receipt in proportion and never more than it earned in total', async () => {
    const { member, ref } = await memberWith(100);
    const refund = (lines?: object[]) =>
      request(t.server())
        .post('/api/v1/checkout/refund')
        .set('authorization', pos)
        .set('idempotency-key', randomUUID())
        .send({ receiptId: ref, ...(lines ? { lines } : {}) });
    const one = await refund([{ sku: 'a', quantity: 1 }]).expect(201);
    expect(one.body).toMatchObject({ pointsReversed: 25, balance: { available: 75 } });
    const tooMany = await refund([{ sku: 'a', quantity: 4 }]).expect(422);
    expect(tooMany.body.code).toBe('REFUND_EXCEEDS_RECEIPT');
    await refund([{ sku: 'nope', quantity: 1 }]).expect(400);
    const rest = await refund().expect(201);
    expect(rest.body).toMatchObject({ pointsReversed: 75, balance: { available: 0 } });
    await refund().expect(422);
    const verify = await request(t.server())
      .get('/api/v1/admin/ledger/verify')
      .set('authorization', admin)
      .expect(200);
    expect(verify.body.ok).toBe(true);
    expect(member.id).toBeDefined();
  });

  it('books points already spent as debt on a refund, paid off by the next purchase', async () => {
    const { member, ref } = await memberWith(100);
    await request(t.server())
      .post('/api/v1/checkout/redeem')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ member: { memberId: member.id }, points: 90, receiptId: 'R-spend' })
      .expect(201);
    const refunded = await request(t.server())
      .post('/api/v1/checkout/refund')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ receiptId: ref })
      .expect(201);
    expect(refunded.body).toMatchObject({ pointsReversed: 100, balance: { available: 0, debt: 90 } });
    const next = await earn(pos, {
      member: { memberId: member.id },
      receipt: receipt([{ sku: 'b', quantity: 1, unitPrice: 10_000 }]),
    }).expect(201);
    expect(next.body.balance).toMatchObject({ available: 10, debt: 0 });
  });

  it('gives back the points a refunded receipt was paid with, in proportion, with their original expiry', async () => {
    const { member } = await memberWith(100);
    const ref = await boughtPartlyWithPoints(member.id);
    const refund = (lines?: object[]) =>
      request(t.server())
        .post('/api/v1/checkout/refund')
        .set('authorization', pos)
        .set('idempotency-key', randomUUID())
        .send({ receiptId: ref, ...(lines ? { lines } : {}) });
    const half = await refund([{ sku: 'lamp', quantity: 1 }]).expect(201);
    expect(half.body).toMatchObject({ pointsReversed: 10, pointsReturned: 25 });
    const rest = await refund().expect(201);
    expect(rest.body).toMatchObject({ pointsReversed: 10, pointsReturned: 25, balance: { available: 100 } });
    await refund().expect(422);
    const [lot] = await t.dataSource.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM points_lot WHERE member_id = $1 AND remaining > 0`,
      [member.id],
    );
    expect(lot.n).toBeGreaterThan(0);
  });

  it('nets points returned by a partial refund against the debt the same refund booked: never points and debt at once', async () => {
    const { member } = await memberWith(100);
    const ref = await boughtPartlyWithPoints(member.id);
    // Everything else is spent elsewhere: the lamp's 20 points are gone too.
    const spent = await spend(member.id, 70, 'R-elsewhere');
    expect(spent.body.balance).toMatchObject({ available: 0, debt: 0 });
    const half = await request(t.server())
      .post('/api/v1/checkout/refund')
      .set('authorization', pos)
      .set('idempotency-key', randomUUID())
      .send({ receiptId: ref, lines: [{ sku: 'lamp', quantity: 1 }] })
      .expect(201);
    // 10 points taken back (owed, since they were spent) and 25 paid points returned: 15 left, nothing owed.
    expect(half.body).toMatchObject({
      pointsReversed: 10,
      pointsReturned: 25,
      balance: { available: 15, debt: 0 },
    });
    expect(
      (await request(t.server()).get(`/api/v1/members/${member.id}/balance`).set('authorization', pos)).body,
    ).toMatchObject({ available: 15, debt: 0 });
    const verify = await request(t.server())
      .get('/api/v1/admin/ledger/verify')
      .set('authorization', admin)
      .expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('lets exactly 3 of 30 parallel till redeems through on a balance good for 3', async () => {
    const { member } = await memberWith(100);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        request(t.server())
          .post('/api/v1/checkout/redeem')
          .set('authorization', pos)
          .set('idempotency-key', randomUUID())
          .send({ member: { memberId: member.id }, points: 30, receiptId: `R-par-${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'INSUFFICIENT_POINTS')).toBe(
      true,
    );
    expect(results.filter((r) => r.status === 422)).toHaveLength(27);
  });

  it('finds a member by card, email or phone, and refuses a mistyped card number', async () => {
    const member = await createMember(t.dataSource);
    const byCard = await request(t.server())
      .get(`/api/v1/members/lookup?card=${member.cardNumber}`)
      .set('authorization', pos)
      .expect(200);
    expect(byCard.body).toMatchObject({ id: member.id, tier: { id: 'member' } });
    await request(t.server())
      .get(`/api/v1/members/lookup?email=${encodeURIComponent(member.email.toUpperCase())}`)
      .set('authorization', pos)
      .expect(200);
    const wrong = member.cardNumber.slice(0, 11) + String((Number(member.cardNumber[11]) + 1) % 10);
    await request(t.server())
      .get(`/api/v1/members/lookup?card=${wrong}`)
      .set('authorization', pos)
      .expect(400);
    await request(t.server()).get('/api/v1/members/lookup').set('authorization', pos).expect(400);
  });
});
