import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SegmentsService } from '../../src/modules/segments/segments.service.js';
import {
  bearerFor,
  createMember,
  createPosKey,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
} from '../factories/app.factory.js';

let t: TestApp;
let store: string;
let otherStore: string;
let pos: string;
let manager: string;
let otherManager: string;
let admin: string;
let cashier: string;

beforeAll(async () => {
  t = await createTestApp();
  store = await createStore(t.dataSource, 'High Street');
  otherStore = await createStore(t.dataSource, 'Riverside');
  pos = await createPosKey(t.dataSource, store);
  manager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [store])).id);
  otherManager = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'manager', [otherStore])).id);
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
  cashier = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'cashier', [store])).id);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());
const ref = () => `R-${randomUUID().slice(0, 8)}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function newMember() {
  const member = await createMember(t.dataSource);
  return { ...member, auth: await bearerFor(t, 'member', member.id) };
}

const claimBody = (body: object = {}) => ({
  storeId: store,
  receiptRef: ref(),
  purchasedOn: daysAgo(2),
  amount: 2_499,
  ...body,
});
const submit = (auth: string, body: object) =>
  api().post('/api/v1/me/claims').set('authorization', auth).send(body);
const approve = (auth: string, id: string, body: object = { reason: 'Till receipt checked' }) =>
  api().post(`/api/v1/claims/${id}/approve`).set('authorization', auth).send(body);
const deny = (auth: string, id: string, body: object = { reason: 'We could not find this receipt' }) =>
  api().post(`/api/v1/claims/${id}/deny`).set('authorization', auth).send(body);
const tillEarn = (receiptRef: string, memberId: string) =>
  api()
    .post('/api/v1/checkout/earn')
    .set('authorization', pos)
    .set('idempotency-key', randomUUID())
    .send({
      member: { memberId },
      receipt: { id: receiptRef, currency: 'GBP', lines: [{ sku: 'coat', quantity: 1, unitPrice: 2_499 }] },
    });

async function held(memberId: string): Promise<number> {
  const [row] = await t.dataSource.query<[{ n: string }]>(
    `SELECT coalesce(sum(balance), 0)::text AS n FROM ledger_account WHERE member_id = $1 AND kind IN ('available', 'pending')`,
    [memberId],
  );
  return Number(row.n);
}
async function claimsOf(memberId: string): Promise<number> {
  const [row] = await t.dataSource.query<[{ n: string }]>(
    `SELECT count(*)::text AS n FROM points_claim WHERE member_id = $1`,
    [memberId],
  );
  return Number(row.n);
}
async function journalsOf(memberId: string): Promise<number> {
  const [row] = await t.dataSource.query<[{ n: string }]>(
    `SELECT count(*)::text AS n FROM ledger_journal WHERE member_id = $1`,
    [memberId],
  );
  return Number(row.n);
}

describe('missing-points claims', () => {
  it('takes a member’s claim, shows staff the match, and an approval credits the points with the reason on the statement', async () => {
    const member = await newMember();
    const body = claimBody({ note: 'Forgot my card' });
    const created = await submit(member.auth, body).expect(201);
    expect(created.body).toMatchObject({
      state: 'submitted',
      store: { id: store, name: 'High Street' },
      receiptRef: body.receiptRef,
      amount: 2_499,
      currency: 'GBP',
      note: 'Forgot my card',
      points: null,
      answer: null,
    });

    const mine = await api().get('/api/v1/me/claims').set('authorization', member.auth).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);

    const queue = await api().get('/api/v1/claims?state=submitted').set('authorization', manager).expect(200);
    const queued = queue.body.items.find((c: { id: string }) => c.id === created.body.id);
    expect(queued).toMatchObject({
      member: { id: member.id, cardNumber: member.cardNumber },
      match: {
        status: 'not_found',
        recordedAmount: null,
        amountDiffers: false,
        suggestedPoints: 24,
        suggestionBasis: 'claimed_amount',
      },
    });

    const approved = await approve(manager, created.body.id, { reason: 'Receipt seen at the desk' }).expect(
      201,
    );
    expect(approved.body).toMatchObject({
      state: 'approved',
      points: 24,
      answer: 'Receipt seen at the desk',
    });
    expect(approved.body.match).toMatchObject({ status: 'already_credited', creditedBy: 'claim' });
    expect(await held(member.id)).toBe(24);
    const notices = await api().get('/api/v1/me/notifications').set('authorization', member.auth).expect(200);
    expect(notices.body.items[0]).toMatchObject({
      kind: 'claim_answered',
      title: 'Your missing points claim was approved: 24 points',
      link: '/claims',
    });

    const statement = await api().get('/api/v1/me/statement').set('authorization', member.auth).expect(200);
    expect(statement.body.items[0]).toMatchObject({
      kind: 'adjust',
      points: 24,
      reason: {
        description: 'Missing points claim approved',
        externalRef: body.receiptRef,
        storeId: store,
        note: 'Receipt seen at the desk',
      },
    });
    const seen = await api().get('/api/v1/me/claims').set('authorization', member.auth).expect(200);
    expect(seen.body.items[0]).toMatchObject({
      state: 'approved',
      points: 24,
      answer: 'Receipt seen at the desk',
    });

    const audit = await t.dataSource.query(`SELECT action, reason FROM audit_log WHERE target_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toEqual([{ action: 'claim.approved', reason: 'Receipt seen at the desk' }]);
  });

  it('dates a claimed receipt at the purchase (noon in the store’s time zone), so segments see it on that day', async () => {
    const tokyo = await createStore(t.dataSource, 'Ginza');
    await t.dataSource.query(`UPDATE store SET timezone = 'Asia/Tokyo' WHERE id = $1`, [tokyo]);
    const member = await newMember();
    const purchasedOn = daysAgo(40);
    const created = await submit(member.auth, claimBody({ storeId: tokyo, purchasedOn })).expect(201);
    await approve(admin, created.body.id).expect(201);
    const [receipt] = await t.dataSource.query<[{ created_at: Date }]>(
      `SELECT r.created_at FROM receipt r JOIN points_claim c ON c.receipt_id = r.id WHERE c.id = $1`,
      [created.body.id],
    );
    expect(new Date(receipt.created_at).toISOString()).toBe(`${purchasedOn}T03:00:00.000Z`);
    const segments = await t.app.get(SegmentsService).membership(
      member.id,
      [
        { id: 'visited in the last 30 days', rules: [{ kind: 'visits', days: 30, min: 1, max: null }] },
        { id: 'bought in the last 60 days', rules: [{ kind: 'lastPurchase', mode: 'within', days: 60 }] },
      ],
      { now: new Date(), timeZone: 'UTC' },
    );
    expect(segments).toEqual(['bought in the last 60 days']);
  });

  it('counts an approved claim’s points towards a points tier', async () => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody()).expect(201);
    await approve(manager, created.body.id, { reason: 'Big shop, receipt seen', points: 1_200 }).expect(201);
    const me = await api().get('/api/v1/me').set('authorization', member.auth).expect(200);
    expect(me.body.tier).toMatchObject({ id: 'silver' });
  });

  it('credits a receipt once: after an approval the till and a second claim are refused', async () => {
    const member = await newMember();
    const body = claimBody();
    const created = await submit(member.auth, body).expect(201);
    await approve(manager, created.body.id).expect(201);

    const till = await tillEarn(body.receiptRef, member.id).expect(409);
    expect(till.body.code).toBe('RECEIPT_ALREADY_CREDITED');
    const again = await submit(member.auth, body).expect(409);
    expect(again.body).toMatchObject({
      code: 'RECEIPT_ALREADY_CREDITED',
      errors: [{ field: 'receiptRef', message: 'has already earned points' }],
    });
    expect(await held(member.id)).toBe(24);
  });

  it('refuses a claim for a receipt the till already credited, to anyone', async () => {
    const member = await newMember();
    const someoneElse = await createMember(t.dataSource);
    const receiptRef = ref();
    await tillEarn(receiptRef, someoneElse.id).expect(201);
    const res = await submit(member.auth, claimBody({ receiptRef })).expect(409);
    expect(res.body.code).toBe('RECEIPT_ALREADY_CREDITED');
    expect(await claimsOf(member.id)).toBe(0);
  });

  it('refuses a second open claim for the same receipt, also when both arrive at once', async () => {
    const member = await newMember();
    const body = claimBody();
    const results = await Promise.all([submit(member.auth, body), submit(member.auth, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({
      code: 'CLAIM_ALREADY_OPEN',
      errors: [{ field: 'receiptRef' }],
    });
    expect(await claimsOf(member.id)).toBe(1);
  });

  it('lets a denied claim be answered with a reason the member sees, and nothing is credited', async () => {
    const member = await newMember();
    const body = claimBody();
    const created = await submit(member.auth, body).expect(201);
    const denied = await deny(manager, created.body.id, {
      reason: 'This receipt is from another shop',
    }).expect(201);
    expect(denied.body).toMatchObject({
      state: 'denied',
      answer: 'This receipt is from another shop',
      points: null,
    });
    const mine = await api().get('/api/v1/me/claims').set('authorization', member.auth).expect(200);
    expect(mine.body.items[0]).toMatchObject({
      state: 'denied',
      answer: 'This receipt is from another shop',
    });
    expect(await journalsOf(member.id)).toBe(0);

    expect((await approve(manager, created.body.id).expect(409)).body.code).toBe('CLAIM_ALREADY_DECIDED');
    expect((await deny(manager, created.body.id).expect(409)).body.code).toBe('CLAIM_ALREADY_DECIDED');
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toEqual([{ action: 'claim.denied' }]);
    // A denied claim is closed: the member may claim the receipt again with better details.
    await submit(member.auth, body).expect(201);
  });

  it.each([
    ['storeId', { storeId: 'not-a-store' }],
    ['storeId', { storeId: randomUUID() }],
    ['receiptRef', { receiptRef: '' }],
    ['receiptRef', { receiptRef: 'R 1 <script>' }],
    ['purchasedOn', { purchasedOn: 'yesterday' }],
    ['purchasedOn', { purchasedOn: daysAgo(-2) }],
    ['purchasedOn', { purchasedOn: daysAgo(91) }],
    ['amount', { amount: 0 }],
    ['amount', { amount: -500 }],
    ['amount', { amount: 12.5 }],
    ['amount', { amount: '2499' }],
    ['note', { note: 'x'.repeat(501) }],
    ['points', { points: 5 }],
  ])('refuses a claim with a bad or unknown %s, naming it, and writes nothing', async (field, patch) => {
    const member = await newMember();
    const res = await submit(member.auth, claimBody(patch)).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).toContain(field);
    expect(await claimsOf(member.id)).toBe(0);
  });

  it.each([
    ['reason', {}],
    ['reason', { reason: 'ok' }],
    ['points', { points: 0, reason: 'Checked the till roll' }],
    ['points', { points: -5, reason: 'Checked the till roll' }],
    ['points', { points: 2.5, reason: 'Checked the till roll' }],
    ['points', { points: 2_000_000, reason: 'Checked the till roll' }],
  ])('refuses an approval with a bad %s and changes nothing', async (field, body) => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody()).expect(201);
    const res = await approve(manager, created.body.id, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await journalsOf(member.id)).toBe(0);
    const [row] = await t.dataSource.query(`SELECT state FROM points_claim WHERE id = $1`, [created.body.id]);
    expect(row.state).toBe('submitted');
  });

  it('refuses a denial without a reason, and a malformed or unknown claim id', async () => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody()).expect(201);
    expect((await deny(manager, created.body.id, {}).expect(400)).body.errors[0].field).toBe('reason');
    expect((await deny(manager, 'nope').expect(400)).body.errors[0].field).toBe('id');
    expect((await approve(manager, randomUUID()).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
    const [row] = await t.dataSource.query(`SELECT state FROM points_claim WHERE id = $1`, [created.body.id]);
    expect(row.state).toBe('submitted');
  });

  it('refuses an approval that would credit nothing when the base rate gives no points', async () => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody({ amount: 50 })).expect(201);
    const res = await approve(manager, created.body.id).expect(400);
    expect(res.body.errors[0].field).toBe('points');
    await approve(manager, created.body.id, { points: 1, reason: 'Goodwill for a small basket' }).expect(201);
    expect(await held(member.id)).toBe(1);
  });

  it('credits a receipt exactly once when the till and a claim approval race for it', async () => {
    for (let round = 0; round < 4; round += 1) {
      const member = await newMember();
      const body = claimBody();
      const created = await submit(member.auth, body).expect(201);
      const [till, approval] = await Promise.all([
        tillEarn(body.receiptRef, member.id),
        approve(manager, created.body.id, { points: 24, reason: 'Till receipt checked' }),
      ]);
      expect([till.status, approval.status].sort()).toEqual([201, 409]);
      const loser = till.status === 409 ? till : approval;
      expect(loser.body.code).toBe('RECEIPT_ALREADY_CREDITED');
      expect(await held(member.id)).toBe(24);
      expect(await journalsOf(member.id)).toBe(1);
      const receipts = await t.dataSource.query(
        `SELECT source FROM receipt WHERE store_id = $1 AND receipt_ref = $2`,
        [store, body.receiptRef],
      );
      expect(receipts).toEqual([{ source: approval.status === 201 ? 'claim' : 'till' }]);
      const [claim] = await t.dataSource.query(`SELECT state FROM points_claim WHERE id = $1`, [
        created.body.id,
      ]);
      expect(claim.state).toBe(approval.status === 201 ? 'approved' : 'submitted');
    }
  });

  it('decides a claim once when two managers answer it at the same time', async () => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody()).expect(201);
    const results = await Promise.all([
      approve(manager, created.body.id),
      approve(admin, created.body.id),
      deny(manager, created.body.id),
    ]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201))
      expect(r.body.code).toBe('CLAIM_ALREADY_DECIDED');
    expect(await journalsOf(member.id)).toBeLessThanOrEqual(1);
    const audit = await t.dataSource.query(`SELECT action FROM audit_log WHERE target_id = $1`, [
      created.body.id,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('shows staff a receipt the till holds but never credited, with the earn engine’s points and the difference in amount', async () => {
    const member = await newMember();
    const receiptRef = ref();
    // Above a cashier's per-receipt limit: the till keeps the receipt waiting for a manager.
    const pending = await api()
      .post('/api/v1/checkout/earn')
      .set('authorization', cashier)
      .set('idempotency-key', randomUUID())
      .send({
        member: { memberId: member.id },
        receipt: {
          id: receiptRef,
          currency: 'GBP',
          lines: [{ sku: 'sofa', quantity: 1, unitPrice: 250_000 }],
        },
      })
      .expect(202);
    const created = await submit(member.auth, claimBody({ receiptRef, amount: 260_000 })).expect(201);
    const queue = await api()
      .get(`/api/v1/claims?storeId=${store}`)
      .set('authorization', manager)
      .expect(200);
    expect(queue.body.items.find((c: { id: string }) => c.id === created.body.id).match).toEqual({
      status: 'found',
      creditedBy: null,
      recordedAmount: 250_000,
      amountDiffers: true,
      suggestedPoints: 2_500,
      suggestionBasis: 'receipt_lines',
    });
    await approve(manager, created.body.id).expect(201);
    expect(await held(member.id)).toBe(2_500);
    // The waiting till award can no longer credit the same receipt.
    const late = await api()
      .post(`/api/v1/approvals/${pending.body.approvalId}/approve`)
      .set('authorization', manager)
      .send({})
      .expect(409);
    expect(late.body.code).toBe('RECEIPT_ALREADY_CREDITED');
    expect(await held(member.id)).toBe(2_500);
  });

  it('keeps a manager to their stores: another store’s manager neither sees nor decides the claim', async () => {
    const member = await newMember();
    const created = await submit(member.auth, claimBody()).expect(201);
    const theirs = await api().get('/api/v1/claims').set('authorization', otherManager).expect(200);
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    expect((await approve(otherManager, created.body.id).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
    expect((await deny(otherManager, created.body.id).expect(404)).body.code).toBe('CLAIM_NOT_FOUND');
    const scoped = await api()
      .get(`/api/v1/claims?storeId=${store}`)
      .set('authorization', otherManager)
      .expect(403);
    expect(scoped.body.code).toBe('OUTSIDE_STORE_SCOPE');
    expect((await approve(cashier, created.body.id).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await api().get('/api/v1/claims').set('authorization', member.auth).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    expect(await journalsOf(member.id)).toBe(0);
    const all = await api().get(`/api/v1/claims?storeId=${store}`).set('authorization', admin).expect(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it('pages a member’s own claims newest first and never shows another member’s', async () => {
    const member = await newMember();
    const other = await newMember();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await submit(member.auth, claimBody()).expect(201)).body.id);
    await submit(other.auth, claimBody()).expect(201);
    const first = await api().get('/api/v1/me/claims?limit=2').set('authorization', member.auth).expect(200);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const second = await api()
      .get(`/api/v1/me/claims?limit=2&cursor=${first.body.nextCursor}`)
      .set('authorization', member.auth)
      .expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    await api().get('/api/v1/me/claims?cursor=bogus').set('authorization', member.auth).expect(400);
  });

  it('lists the stores a member can name, without staff-only details', async () => {
    const member = await newMember();
    const res = await api().get('/api/v1/me/stores').set('authorization', member.auth).expect(200);
    expect(res.body).toEqual(expect.arrayContaining([{ id: store, name: 'High Street' }]));
    expect(Object.keys(res.body[0]).sort()).toEqual(['id', 'name']);
  });
});
