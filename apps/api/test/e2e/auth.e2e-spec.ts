import request from 'supertest';
import {
  createMember,
  createStaff,
  createStore,
  createTestApp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../factories/app.factory.js';

let t: TestApp;
beforeAll(async () => {
  // Each test signs in from its own address, so the per-address limit of one test does not bleed into others.
  t = await createTestApp({ TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await t.close();
});

let address = '';
beforeEach(() => {
  address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
});

const login = (body: object) =>
  request(t.server())
    .post('/api/v1/auth/login')
    .set('content-type', 'application/json')
    .set('x-forwarded-for', address)
    .send(body);

describe('authentication', () => {
  it('signs a member in and answers who is signed in, by bearer token and by cookie', async () => {
    const member = await createMember(t.dataSource);
    const res = await login({ email: member.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(res.body.user).toMatchObject({ id: member.id, role: 'member', cardNumber: member.cardNumber });
    const byBearer = await request(t.server())
      .get('/api/v1/auth/session')
      .set('authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(byBearer.body.id).toBe(member.id);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    expect(cookies.join(';')).toMatch(/tally_member_at=.*HttpOnly/i);
    const byCookie = await request(t.server())
      .get('/api/v1/auth/session')
      .set('cookie', cookies.map((c) => c.split(';')[0]).join('; '))
      .set('x-tally-client', 'portal');
    expect(byCookie.status).toBe(200);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const member = await createMember(t.dataSource);
    const wrong = await login({ email: member.email, password: 'not-the-password' }).expect(401);
    const unknown = await login({ email: uniqueEmail('nobody'), password: 'not-the-password' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect({ ...unknown.body, instance: undefined, requestId: undefined }).toEqual({
      ...wrong.body,
      instance: undefined,
      requestId: undefined,
    });
  });

  it('keeps staff and members apart: a staff login is not a member login', async () => {
    const staff = await createStaff(t.dataSource, 'admin');
    await login({ email: staff.email, password: TEST_PASSWORD }).expect(401);
    const res = await login({ email: staff.email, password: TEST_PASSWORD, audience: 'staff' }).expect(200);
    expect(res.body.user.role).toBe('admin');
  });

  it('locks an account for a while after 5 failures, without telling whether it exists', async () => {
    const member = await createMember(t.dataSource);
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i += 1) {
      await login({ email: member.email, password: `wrong-${i}` }).expect(401);
      await login({ email: ghost, password: `wrong-${i}` }).expect(401);
    }
    const locked = await login({ email: member.email, password: TEST_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    const ghostLocked = await login({ email: ghost, password: 'whatever-else' }).expect(429);
    expect(ghostLocked.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('rate-limits one address that tries many accounts', async () => {
    address = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await login({ email: uniqueEmail('spray'), password: 'password-guess' })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const member = await createMember(t.dataSource);
    await login({ email: member.email, password: TEST_PASSWORD }).expect(429);
    address = '203.0.113.78';
    await login({ email: member.email, password: TEST_PASSWORD }).expect(200);
  });

  it('ends a session at once on logout', async () => {
    const member = await createMember(t.dataSource);
    const { body } = await login({ email: member.email, password: TEST_PASSWORD }).expect(200);
    const auth = `Bearer ${body.accessToken}`;
    await request(t.server()).post('/api/v1/auth/logout').set('authorization', auth).expect(204);
    await request(t.server()).get('/api/v1/me').set('authorization', auth).expect(401);
  });

  it('rotates refresh tokens and ends the session when an old one is replayed', async () => {
    const member = await createMember(t.dataSource);
    const first = (await login({ email: member.email, password: TEST_PASSWORD }).expect(200)).body;
    const second = (
      await request(t.server())
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body;
    expect(second.accessToken).not.toBe(first.accessToken);
    await request(t.server())
      .get('/api/v1/me')
      .set('authorization', `Bearer ${first.accessToken}`)
      .expect(401);
    await request(t.server())
      .get('/api/v1/me')
      .set('authorization', `Bearer ${second.accessToken}`)
      .expect(200);
    await request(t.server())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    await request(t.server())
      .get('/api/v1/me')
      .set('authorization', `Bearer ${second.accessToken}`)
      .expect(401);
  });

  it('locks out a disabled staff user at once', async () => {
    const store = await createStore(t.dataSource);
    const admin = await createStaff(t.dataSource, 'admin');
    const cashier = await createStaff(t.dataSource, 'cashier', [store]);
    const adminAuth = `Bearer ${(await login({ email: admin.email, password: TEST_PASSWORD, audience: 'staff' })).body.accessToken}`;
    const cashierAuth = `Bearer ${(await login({ email: cashier.email, password: TEST_PASSWORD, audience: 'staff' })).body.accessToken}`;
    await request(t.server()).get('/api/v1/stores').set('authorization', cashierAuth).expect(200);
    await request(t.server())
      .post(`/api/v1/staff/${cashier.id}/disable`)
      .set('authorization', adminAuth)
      .send({ reason: 'left the company' })
      .expect(201);
    await request(t.server()).get('/api/v1/stores').set('authorization', cashierAuth).expect(401);
    await login({ email: cashier.email, password: TEST_PASSWORD, audience: 'staff' }).expect(401);
  });

  it('resets a password with a single-use link from the outbox, ending old sessions', async () => {
    const member = await createMember(t.dataSource);
    const old = (await login({ email: member.email, password: TEST_PASSWORD }).expect(200)).body;
    const accepted = await request(t.server())
      .post('/api/v1/auth/password-reset')
      .send({ email: member.email })
      .expect(202);
    const unknown = await request(t.server())
      .post('/api/v1/auth/password-reset')
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    expect(unknown.body).toEqual(accepted.body);
    const [message] = await t.dataSource.query<[{ body: string; status: string }]>(
      `SELECT body, status FROM outbox_message WHERE recipient = $1 AND template = 'password_reset' ORDER BY id DESC LIMIT 1`,
      [member.email],
    );
    expect(message.status).toBe('held');
    const token = decodeURIComponent(/token=([^\s]+)/.exec(message.body)![1]!);
    await request(t.server())
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'a-brand-new-password' })
      .expect(204);
    await request(t.server()).get('/api/v1/me').set('authorization', `Bearer ${old.accessToken}`).expect(401);
    const reused = await request(t.server())
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'another-new-password' })
      .expect(400);
    expect(reused.body.code).toBe('INVALID_TOKEN');
    await login({ email: member.email, password: TEST_PASSWORD }).expect(401);
    await login({ email: member.email, password: 'a-brand-new-password' }).expect(200);
  });

  it('refuses an expired reset link', async () => {
    const member = await createMember(t.dataSource);
    await request(t.server()).post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    const [message] = await t.dataSource.query<[{ body: string }]>(
      `SELECT body FROM outbox_message WHERE recipient = $1 ORDER BY id DESC LIMIT 1`,
      [member.email],
    );
    const token = decodeURIComponent(/token=([^\s]+)/.exec(message.body)![1]!);
    await t.dataSource.query(
      `UPDATE auth_token SET expires_at = now() - interval '1 second' WHERE subject_id = $1`,
      [member.id],
    );
    const res = await request(t.server())
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'a-brand-new-password' })
      .expect(400);
    expect(res.body.code).toBe('INVALID_TOKEN');
  });

  it.each([
    [{ email: 'not-an-email', password: 'x' }, 'email'],
    [{ email: 'a@b.co' }, 'password'],
    [{ email: 'a@b.co', password: 'x', admin: true }, ''],
    [{ email: 'a@b.co', password: 'x', audience: 'root' }, 'audience'],
  ])('refuses a malformed login %j naming %s', async (body, field) => {
    const res = await login(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
