import { randomUUID } from 'node:crypto';
import { can, type Permission, type Role } from '@tally/domain';
import request from 'supertest';
import { DocsService } from '../../src/modules/docs/docs.service.js';
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
let storeId: string;
const subjects: Partial<Record<Role, { audience: 'member' | 'staff'; id: string }>> = {};
let posKey: string;

beforeAll(async () => {
  t = await createTestApp();
  storeId = await createStore(t.dataSource);
  for (const role of ['cashier', 'marketing', 'manager', 'admin'] as const) {
    const staff = await createStaff(
      t.dataSource,
      role,
      role === 'admin' || role === 'marketing' ? [] : [storeId],
    );
    subjects[role] = { audience: 'staff', id: staff.id };
  }
  subjects.member = { audience: 'member', id: (await createMember(t.dataSource)).id };
  posKey = await createPosKey(t.dataSource, storeId);
});
afterAll(async () => {
  await t.close();
});

type Caller = Role | 'anonymous';
const callers: Caller[] = ['anonymous', 'member', 'cashier', 'marketing', 'manager', 'admin', 'pos'];

async function authorization(caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  if (caller === 'pos') return posKey;
  const subject = subjects[caller]!;
  // A fresh session per request: some allowed calls (logout) end the session they use.
  return bearerFor(t, subject.audience, subject.id);
}

describe('permissions', () => {
  it('every API route declares a permission (or is explicitly public)', () => {
    const routes = t.app.get(DocsService).routes();
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((r) => r.permission === undefined).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('walks every route with every role, anonymous and a POS key: allowed exactly as the matrix says', async () => {
    const routes = t.app
      .get(DocsService)
      .routes()
      .filter((r) => r.path.startsWith('/api/v1'));
    const mismatches: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, randomUUID());
      for (const caller of callers) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
        let req = request(t.server())[method](path);
        const auth = await authorization(caller);
        if (auth) req = req.set('authorization', auth);
        if (method !== 'get' && method !== 'delete')
          req = req.set('content-type', 'application/json').send({});
        const res = await req;
        const permission = route.permission as Permission | 'public';
        let ok: boolean;
        let expected: string;
        if (permission === 'public') {
          ok = res.status !== 403;
          expected = 'not 403';
        } else if (caller === 'anonymous') {
          ok = res.status === 401 && res.body.code === 'UNAUTHENTICATED';
          expected = '401';
        } else if (can(caller, permission)) {
          ok = res.status !== 401 && res.status !== 403;
          expected = 'allowed (not 401/403)';
        } else {
          ok = res.status === 403 && res.body.code === 'FORBIDDEN';
          expected = '403';
        }
        if (!ok)
          mismatches.push(
            `${route.method} ${route.path} as ${caller} [${permission}]: got ${res.status} ${res.body?.code ?? ''}, expected ${expected}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a member reading another member’s balance', async () => {
    const other = await createMember(t.dataSource);
    const res = await request(t.server())
      .get(`/api/v1/members/${other.id}/balance`)
      .set('authorization', (await authorization('member'))!);
    expect(res.status).toBe(403);
  });

  it('refuses a manager looking at another store’s POS keys, by the API and not only the page', async () => {
    const otherStore = await createStore(t.dataSource, 'Elsewhere');
    const res = await request(t.server())
      .get(`/api/v1/pos-keys?storeId=${otherStore}`)
      .set('authorization', (await authorization('manager'))!);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('OUTSIDE_STORE_SCOPE');
  });

  it('treats a forged or malformed token as no token', async () => {
    for (const header of [
      'Bearer tat_forged-token-value',
      'Bearer tpk_abcdefghij_' + 'x'.repeat(43),
      'Basic abc',
      'Bearer',
    ]) {
      const res = await request(t.server()).get('/api/v1/stores').set('authorization', header);
      expect(res.status).toBe(401);
    }
  });
});
