import request from 'supertest';
import {
  bearerFor,
  createStaff,
  createStore,
  createTestApp,
  type TestApp,
  uniqueEmail,
} from '../factories/app.factory.js';
import { freshDatabase } from '../setup/test-database.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await bearerFor(t, 'staff', (await createStaff(t.dataSource, 'admin')).id);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server());
const auditFor = (targetId: string) =>
  t.dataSource.query<
    {
      action: string;
      actor_role: string;
      reason: string | null;
      summary: Record<string, unknown>;
      request_id: string;
    }[]
  >(
    'SELECT action, actor_role, reason, summary, request_id FROM audit_log WHERE target_id = $1 ORDER BY id',
    [targetId],
  );

describe('stores, staff and POS keys', () => {
  it('creates a store and refuses a duplicate code, recording who did it', async () => {
    const code = `S-${Date.now().toString(36).toUpperCase()}`;
    const res = await api()
      .post('/api/v1/stores')
      .set('authorization', admin)
      .set('x-request-id', 'store-req')
      .send({ code: code.toLowerCase(), name: 'High Street' })
      .expect(201);
    expect(res.body).toMatchObject({ code, name: 'High Street', timezone: 'Europe/London' });
    const dup = await api()
      .post('/api/v1/stores')
      .set('authorization', admin)
      .send({ code, name: 'Again' })
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'STORE_CODE_TAKEN', errors: [{ field: 'code' }] });
    await api()
      .post('/api/v1/stores')
      .set('authorization', admin)
      .send({ code, name: 'Tz', timezone: 'Mars/Olympus' })
      .expect(400);
    expect(await auditFor(res.body.id)).toEqual([
      expect.objectContaining({ action: 'store.created', actor_role: 'admin', request_id: 'store-req' }),
    ]);
  });

  it('invites staff through the outbox; the invitation link sets a password and signs them in once', async () => {
    const store = await createStore(t.dataSource);
    const email = uniqueEmail('newhire');
    const invited = await api()
      .post('/api/v1/staff/invitations')
      .set('authorization', admin)
      .send({ email, name: 'New Hire', role: 'cashier', storeIds: [store] })
      .expect(201);
    expect(invited.body).toMatchObject({ email, role: 'cashier', status: 'invited', storeIds: [store] });
    const [message] = await t.dataSource.query<[{ body: string }]>(
      `SELECT body FROM outbox_message WHERE recipient = $1`,
      [email],
    );
    const token = decodeURIComponent(/token=(\S+)/.exec(message.body)![1]!);
    expect(message.body).toContain('/console/accept-invitation?token=');
    const accepted = await api()
      .post('/api/v1/auth/invitation/accept')
      .send({ token, password: 'my-own-password-1' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ role: 'cashier', storeIds: [store] });
    await api()
      .post('/api/v1/auth/invitation/accept')
      .send({ token, password: 'my-own-password-2' })
      .expect(400);
    await api()
      .post('/api/v1/auth/login')
      .send({ email, password: 'my-own-password-1', audience: 'staff' })
      .expect(200);
    expect((await auditFor(invited.body.id)).map((a) => a.action)).toEqual(['staff.invited']);
  });

  it('refuses an invitation without a store for a cashier, to an unknown store, or to a taken email', async () => {
    await api()
      .post('/api/v1/staff/invitations')
      .set('authorization', admin)
      .send({ email: uniqueEmail(), name: 'X', role: 'cashier' })
      .expect(400);
    const unknown = await api()
      .post('/api/v1/staff/invitations')
      .set('authorization', admin)
      .send({
        email: uniqueEmail(),
        name: 'X',
        role: 'cashier',
        storeIds: ['00000000-0000-4000-8000-000000000000'],
      })
      .expect(404);
    expect(unknown.body.code).toBe('STORE_NOT_FOUND');
    const existing = await createStaff(t.dataSource, 'marketing');
    await api()
      .post('/api/v1/staff/invitations')
      .set('authorization', admin)
      .send({ email: existing.email, name: 'X', role: 'marketing' })
      .expect(409);
  });

  it('changes a role only with a reason, and audits the change', async () => {
    const store = await createStore(t.dataSource);
    const cashier = await createStaff(t.dataSource, 'cashier', [store]);
    await api()
      .patch(`/api/v1/staff/${cashier.id}`)
      .set('authorization', admin)
      .send({ role: 'manager' })
      .expect(400);
    const res = await api()
      .patch(`/api/v1/staff/${cashier.id}`)
      .set('authorization', admin)
      .send({ role: 'manager', reason: 'promoted to store manager' })
      .expect(200);
    expect(res.body.role).toBe('manager');
    expect(await auditFor(cashier.id)).toEqual([
      expect.objectContaining({
        action: 'staff.updated',
        reason: 'promoted to store manager',
        summary: { role: { from: 'cashier', to: 'manager' } },
      }),
    ]);
  });

  it('refuses to disable or demote the only active admin, and allows it once there is another', async () => {
    const db = await freshDatabase();
    const solo = await createTestApp({}, db.url);
    try {
      const lone = await createStaff(solo.dataSource, 'admin');
      const auth = await bearerFor(solo, 'staff', lone.id);
      const disable = await request(solo.server())
        .post(`/api/v1/staff/${lone.id}/disable`)
        .set('authorization', auth)
        .send({ reason: 'leaving' })
        .expect(409);
      expect(disable.body.code).toBe('LAST_ADMIN');
      await request(solo.server())
        .patch(`/api/v1/staff/${lone.id}`)
        .set('authorization', auth)
        .send({ role: 'manager', storeIds: [await createStore(solo.dataSource)], reason: 'stepping down' })
        .expect(409);
      await createStaff(solo.dataSource, 'admin');
      await request(solo.server())
        .post(`/api/v1/staff/${lone.id}/disable`)
        .set('authorization', auth)
        .send({ reason: 'leaving' })
        .expect(201);
    } finally {
      await solo.close();
      await db.drop();
    }
  });

  it('issues a POS key shown once, which works as a bearer credential until revoked', async () => {
    const store = await createStore(t.dataSource);
    const created = await api()
      .post('/api/v1/pos-keys')
      .set('authorization', admin)
      .send({ storeId: store, name: 'Till 3' })
      .expect(201);
    expect(created.body.secret).toMatch(/^tpk_[a-z0-9]{10}_/);
    const listed = await api()
      .get(`/api/v1/pos-keys?storeId=${store}`)
      .set('authorization', admin)
      .expect(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).not.toHaveProperty('secret');
    const [{ secret_hash }] = await t.dataSource.query<[{ secret_hash: string }]>(
      'SELECT secret_hash FROM pos_api_key WHERE id = $1',
      [created.body.id],
    );
    expect(secret_hash).not.toContain(created.body.secret.slice(15));
    const member = await api()
      .post('/api/v1/members')
      .send({ email: uniqueEmail(), password: 'a-long-enough-password', name: 'Till Joiner' })
      .expect(201);
    await api()
      .get(`/api/v1/members/${member.body.id}/balance`)
      .set('authorization', `Bearer ${created.body.secret}`)
      .expect(200);
    const [used] = await t.dataSource.query<[{ last_used_at: Date | null }]>(
      'SELECT last_used_at FROM pos_api_key WHERE id = $1',
      [created.body.id],
    );
    expect(used.last_used_at).not.toBeNull();
    await api()
      .post(`/api/v1/pos-keys/${created.body.id}/revoke`)
      .set('authorization', admin)
      .send({ reason: 'till stolen' })
      .expect(201);
    await api()
      .get(`/api/v1/members/${member.body.id}/balance`)
      .set('authorization', `Bearer ${created.body.secret}`)
      .expect(401);
    await api()
      .post(`/api/v1/pos-keys/${created.body.id}/revoke`)
      .set('authorization', admin)
      .send({ reason: 'again' })
      .expect(409);
    expect((await auditFor(created.body.id)).map((a) => a.action)).toEqual([
      'pos_key.created',
      'pos_key.revoked',
    ]);
  });

  it('shows a manager only the staff and audit records of their own stores', async () => {
    const mine = await createStore(t.dataSource, 'Mine');
    const theirs = await createStore(t.dataSource, 'Theirs');
    const manager = await createStaff(t.dataSource, 'manager', [mine]);
    const colleague = await createStaff(t.dataSource, 'cashier', [mine]);
    const stranger = await createStaff(t.dataSource, 'cashier', [theirs]);
    const auth = await bearerFor(t, 'staff', manager.id);
    const staff = await api().get('/api/v1/staff').set('authorization', auth).expect(200);
    const ids = staff.body.map((s: { id: string }) => s.id);
    expect(ids).toContain(colleague.id);
    expect(ids).not.toContain(stranger.id);
    await api()
      .post('/api/v1/pos-keys')
      .set('authorization', admin)
      .send({ storeId: theirs, name: 'Their till' })
      .expect(201);
    await api()
      .post('/api/v1/pos-keys')
      .set('authorization', admin)
      .send({ storeId: mine, name: 'My till' })
      .expect(201);
    const audit = await api().get('/api/v1/audit?limit=200').set('authorization', auth).expect(200);
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.body.items.every((a: { storeId: string }) => a.storeId === mine)).toBe(true);
    await api().get(`/api/v1/audit?storeId=${theirs}`).set('authorization', auth).expect(403);
  });
});

describe('the audit log', () => {
  it('cannot be changed or deleted, even directly in the database', async () => {
    await expect(
      t.dataSource.query(
        `UPDATE audit_log SET reason = 'rewritten' WHERE id = (SELECT min(id) FROM audit_log)`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)`),
    ).rejects.toThrow(/append-only/);
  });

  it('filters by action and actor and pages newest first with a cursor', async () => {
    const actor = await createStaff(t.dataSource, 'admin');
    const auth = await bearerFor(t, 'staff', actor.id);
    for (let i = 0; i < 3; i += 1) {
      await api()
        .post('/api/v1/stores')
        .set('authorization', auth)
        .send({ code: `P${i}-${Date.now().toString(36).toUpperCase()}`, name: `Paged ${i}` })
        .expect(201);
    }
    const first = await api()
      .get(`/api/v1/audit?actorId=${actor.id}&action=store.created&limit=2`)
      .set('authorization', admin)
      .expect(200);
    expect(first.body.items.map((a: { summary: { name: string } }) => a.summary.name)).toEqual([
      'Paged 2',
      'Paged 1',
    ]);
    const second = await api()
      .get(`/api/v1/audit?actorId=${actor.id}&action=store.created&limit=2&cursor=${first.body.nextCursor}`)
      .set('authorization', admin)
      .expect(200);
    expect(second.body.items.map((a: { summary: { name: string } }) => a.summary.name)).toEqual(['Paged 0']);
    expect(second.body.nextCursor).toBeNull();
    const future = await api()
      .get(
        `/api/v1/audit?actorId=${actor.id}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      )
      .set('authorization', admin)
      .expect(200);
    expect(future.body.items).toEqual([]);
    await api().get('/api/v1/audit?from=yesterday').set('authorization', admin).expect(400);
    await api().get('/api/v1/audit?colour=blue').set('authorization', admin).expect(400);
  });
});
