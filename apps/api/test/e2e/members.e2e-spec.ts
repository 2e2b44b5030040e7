import { normalizeCardNumber } from '@tally/domain';
import request from 'supertest';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import {
  bearerFor,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
  uniqueEmail,
} from '../factories/app.factory.js';
import { ctx } from '../factories/ledger.factory.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signUp = (body: object) =>
  request(t.server()).post('/api/v1/members').set('content-type', 'application/json').send(body);
const memberCount = async () =>
  Number((await t.dataSource.query<[{ n: string }]>('SELECT count(*)::text AS n FROM member'))[0].n);

async function signedUpMember() {
  const email = uniqueEmail('joiner');
  const created = await signUp({ email, password: 'a-long-enough-password', name: 'Jo Joiner' }).expect(201);
  const login = await request(t.server())
    .post('/api/v1/auth/login')
    .send({ email, password: 'a-long-enough-password' })
    .expect(200);
  return {
    id: created.body.id as string,
    email,
    auth: `Bearer ${login.body.accessToken}`,
    cardNumber: created.body.cardNumber as string,
  };
}

describe('members', () => {
  it('signs a member up with a valid, unique card number and a lower-cased email', async () => {
    const email = uniqueEmail('Joiner').toUpperCase();
    const res = await signUp({
      email,
      password: 'a-long-enough-password',
      name: '  Jo Joiner ',
      phone: '+44 7700 900123',
      birthday: '1991-02-03',
      marketingConsent: true,
    }).expect(201);
    expect(res.body).toMatchObject({
      email: email.toLowerCase(),
      name: 'Jo Joiner',
      phone: '+447700900123',
      birthday: '1991-02-03',
      status: 'active',
    });
    expect(normalizeCardNumber(res.body.cardNumber)).toBe(res.body.cardNumber);
    expect(res.body).not.toHaveProperty('passwordHash');
  });

  it('refuses a second account with the same email, whatever its case, and writes nothing', async () => {
    const email = uniqueEmail('twice');
    await signUp({ email, password: 'a-long-enough-password', name: 'First' }).expect(201);
    const before = await memberCount();
    const res = await signUp({
      email: email.toUpperCase(),
      password: 'a-long-enough-password',
      name: 'Second',
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ field: 'email' }] });
    expect(await memberCount()).toBe(before);
  });

  it.each([
    [{ email: 'nope', password: 'a-long-enough-password', name: 'X' }, 'email'],
    [{ email: 'a@b.co', password: 'short', name: 'X' }, 'password'],
    [{ email: 'a@b.co', password: 'a-long-enough-password', name: 'x'.repeat(101) }, 'name'],
    [{ email: 'a@b.co', password: 'a-long-enough-password', name: '<script>alert(1)</script>' }, 'name'],
    [{ email: 'a@b.co', password: 'a-long-enough-password', name: 'X', phone: '12' }, 'phone'],
    [{ email: 'a@b.co', password: 'a-long-enough-password', name: 'X', birthday: '2999-01-01' }, 'birthday'],
    [{ email: 'a@b.co', password: 'a-long-enough-password', name: 'X', role: 'admin' }, ''],
  ])('refuses %j with a 400 naming %s and writes nothing', async (body, field) => {
    const before = await memberCount();
    const res = await signUp(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await memberCount()).toBe(before);
  });

  it('shows my profile with my balance and lets me edit it', async () => {
    const me = await signedUpMember();
    await t.app.get(LedgerService).earn({ ...ctx(), memberId: me.id, points: 75 });
    const profile = await request(t.server()).get('/api/v1/me').set('authorization', me.auth).expect(200);
    expect(profile.body).toMatchObject({
      id: me.id,
      balance: { available: 75, pending: 0, held: 0, debt: 0 },
      tier: { id: 'member', name: 'Member' },
      tierChanges: [],
    });
    const edited = await request(t.server())
      .patch('/api/v1/me')
      .set('authorization', me.auth)
      .send({ name: 'Jo Renamed', phone: null, marketingConsent: true })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'Jo Renamed', phone: null, marketingConsent: true });
    await request(t.server()).patch('/api/v1/me').set('authorization', me.auth).send({}).expect(400);
    await request(t.server())
      .patch('/api/v1/me')
      .set('authorization', me.auth)
      .send({ email: 'x@y.z' })
      .expect(400);
  });

  it('exports all my data as JSON, statement included', async () => {
    const me = await signedUpMember();
    await t.app
      .get(LedgerService)
      .earn({ ...ctx({ externalRef: 'receipt-9' }), memberId: me.id, points: 40 });
    const res = await request(t.server()).get('/api/v1/me/export').set('authorization', me.auth).expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body.profile.email).toBe(me.email);
    expect(res.body.statement).toHaveLength(1);
    expect(res.body.statement[0].reason.externalRef).toBe('receipt-9');
  });

  it('closes my account: personal data erased, sessions ended, ledger records kept anonymously', async () => {
    const me = await signedUpMember();
    await t.app.get(LedgerService).earn({ ...ctx(), memberId: me.id, points: 30 });
    await request(t.server())
      .post('/api/v1/me/close')
      .set('authorization', me.auth)
      .send({ password: 'wrong-password!', confirm: 'CLOSE' })
      .expect(400);
    await request(t.server())
      .post('/api/v1/me/close')
      .set('authorization', me.auth)
      .send({ password: 'a-long-enough-password' })
      .expect(400);
    await request(t.server())
      .post('/api/v1/me/close')
      .set('authorization', me.auth)
      .send({ password: 'a-long-enough-password', confirm: 'CLOSE' })
      .expect(204);
    await request(t.server()).get('/api/v1/me').set('authorization', me.auth).expect(401);
    await request(t.server())
      .post('/api/v1/auth/login')
      .send({ email: me.email, password: 'a-long-enough-password' })
      .expect(401);
    const [row] = await t.dataSource.query<
      [{ email: string | null; name: string; phone: string | null; card_number: string; status: string }]
    >('SELECT email, name, phone, card_number, status FROM member WHERE id = $1', [me.id]);
    expect(row).toMatchObject({ email: null, phone: null, status: 'closed', name: 'Closed account' });
    expect(row.card_number).not.toBe(me.cardNumber);
    const journals = await t.dataSource.query('SELECT id FROM ledger_journal WHERE member_id = $1', [me.id]);
    expect(journals).toHaveLength(1);
    // The address may be used again for a new account.
    await signUp({ email: me.email, password: 'a-long-enough-password', name: 'Back again' }).expect(201);
  });

  it('lets staff and tills read a member’s balance, and enrol members on their behalf with an audit record', async () => {
    const store = await createStore(t.dataSource);
    const cashier = await createStaff(t.dataSource, 'cashier', [store]);
    const auth = await bearerFor(t, 'staff', cashier.id);
    const created = await signUp({
      email: uniqueEmail('enrolled'),
      password: 'a-long-enough-password',
      name: 'Enrolled',
    })
      .set('authorization', auth)
      .set('x-request-id', 'enrol-req-1')
      .expect(201);
    const balance = await request(t.server())
      .get(`/api/v1/members/${created.body.id}/balance`)
      .set('authorization', auth)
      .expect(200);
    expect(balance.body).toEqual({
      available: 0,
      pending: 0,
      held: 0,
      debt: 0,
      tier: { id: 'member', name: 'Member' },
    });
    await request(t.server())
      .get(`/api/v1/members/00000000-0000-4000-8000-000000000000/balance`)
      .set('authorization', auth)
      .expect(404);
    await request(t.server()).get(`/api/v1/members/not-an-id/balance`).set('authorization', auth).expect(400);
    const [audit] = await t.dataSource.query<
      [{ actor_id: string; store_id: string; request_id: string; action: string }]
    >(`SELECT actor_id, store_id, request_id, action FROM audit_log WHERE target_id = $1`, [created.body.id]);
    expect(audit).toEqual({
      actor_id: cashier.id,
      store_id: store,
      request_id: 'enrol-req-1',
      action: 'member.enrolled',
    });
  });

  it('pages my statement with a cursor and refuses a forged one', async () => {
    const me = await signedUpMember();
    for (let i = 0; i < 3; i += 1)
      await t.app.get(LedgerService).earn({ ...ctx(), memberId: me.id, points: 10 + i });
    const first = await request(t.server())
      .get('/api/v1/me/statement?limit=2')
      .set('authorization', me.auth)
      .expect(200);
    expect(first.body.items.map((l: { points: number }) => l.points)).toEqual([12, 11]);
    const second = await request(t.server())
      .get(`/api/v1/me/statement?limit=2&cursor=${first.body.nextCursor}`)
      .set('authorization', me.auth)
      .expect(200);
    expect(second.body).toMatchObject({ items: [{ points: 10 }], nextCursor: null });
    await request(t.server())
      .get('/api/v1/me/statement?cursor=forged')
      .set('authorization', me.auth)
      .expect(400);
    await request(t.server())
      .get('/api/v1/me/statement?limit=1000')
      .set('authorization', me.auth)
      .expect(400);
  });
});
