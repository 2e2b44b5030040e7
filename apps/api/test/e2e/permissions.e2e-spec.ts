import { randomUUID } from 'node:crypto';
import { type Role } from '@tally/domain';
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

/**
 * Who may call each operation, written out here rather than read from the domain's matrix, so the
 * walk tests the matrix and its enforcement instead of comparing `can()` with itself. `public`: anyone,
 * signed in or not. A new operation needs a row.
 */
const EXPECTED: Record<string, 'public' | Role[]> = {
  'GET /api/v1/audit': ['manager', 'admin'],
  'GET /api/v1/outbox': ['admin'],
  'GET /api/v1/me/notifications': ['member'],
  'GET /api/v1/me/notifications/unread-count': ['member'],
  'POST /api/v1/me/notifications/read-all': ['member'],
  'POST /api/v1/me/notifications/:id/read': ['member'],
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': ['member', 'cashier', 'marketing', 'manager', 'admin'],
  'GET /api/v1/auth/session': ['member', 'cashier', 'marketing', 'manager', 'admin'],
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/auth/password-reset/confirm': 'public',
  'POST /api/v1/auth/invitation/accept': 'public',
  'POST /api/v1/members': 'public',
  'GET /api/v1/me': ['member'],
  'GET /api/v1/me/points-summary': ['member'],
  'PATCH /api/v1/me': ['member'],
  'GET /api/v1/me/statement': ['member'],
  'GET /api/v1/me/statement.csv': ['member'],
  'GET /api/v1/me/export': ['member'],
  'POST /api/v1/me/close': ['member'],
  'GET /api/v1/members/:id/balance': ['cashier', 'marketing', 'manager', 'admin', 'pos'],
  'GET /api/v1/staff': ['manager', 'admin'],
  'POST /api/v1/staff/invitations': ['admin'],
  'PATCH /api/v1/staff/:id': ['admin'],
  'POST /api/v1/staff/:id/disable': ['admin'],
  'POST /api/v1/staff/:id/enable': ['admin'],
  'GET /api/v1/stores': ['cashier', 'marketing', 'manager', 'admin'],
  'POST /api/v1/stores': ['admin'],
  'GET /api/v1/pos-keys': ['manager', 'admin'],
  'POST /api/v1/pos-keys': ['admin'],
  'POST /api/v1/pos-keys/:id/revoke': ['admin'],
  'GET /api/v1/admin/ledger/verify': ['admin'],
  'GET /api/v1/programme': ['cashier', 'marketing', 'manager', 'admin', 'pos'],
  'GET /api/v1/programme/public': 'public',
  'PUT /api/v1/programme': ['marketing', 'admin'],
  'GET /api/v1/programme/changes': ['cashier', 'marketing', 'manager', 'admin', 'pos'],
  'POST /api/v1/programme/changes': ['marketing', 'admin'],
  'POST /api/v1/programme/changes/:id/withdraw': ['marketing', 'admin'],
  'GET /api/v1/programme/upcoming': 'public',
  'GET /api/v1/rewards': 'public',
  'GET /api/v1/rewards/all': ['marketing', 'manager', 'admin'],
  'POST /api/v1/rewards': ['marketing', 'manager', 'admin'],
  'PATCH /api/v1/rewards/:id': ['marketing', 'manager', 'admin'],
  'POST /api/v1/me/rewards/:id/redeem': ['member'],
  'GET /api/v1/me/vouchers': ['member'],
  'POST /api/v1/me/vouchers/:id/cancel': ['member'],
  'POST /api/v1/checkout/vouchers/redeem': ['cashier', 'manager', 'admin', 'pos'],
  'GET /api/v1/segments': ['marketing', 'manager', 'admin'],
  'POST /api/v1/segments': ['marketing', 'admin'],
  'POST /api/v1/segments/count': ['marketing', 'manager', 'admin'],
  'GET /api/v1/segments/:id': ['marketing', 'manager', 'admin'],
  'PUT /api/v1/segments/:id': ['marketing', 'admin'],
  'DELETE /api/v1/segments/:id': ['marketing', 'admin'],
  'POST /api/v1/campaigns/:id/simulations': ['marketing', 'admin'],
  'GET /api/v1/campaigns/:id/simulations': ['marketing', 'manager', 'admin'],
  'GET /api/v1/campaigns/:id/simulations/:simulationId': ['marketing', 'manager', 'admin'],
  'POST /api/v1/campaigns/:id/simulations/:simulationId/cancel': ['marketing', 'admin'],
  'GET /api/v1/campaigns': ['marketing', 'manager', 'admin'],
  'POST /api/v1/campaigns': ['marketing', 'admin'],
  'POST /api/v1/campaigns/preview': ['marketing', 'manager', 'admin'],
  'GET /api/v1/campaigns/:id': ['marketing', 'manager', 'admin'],
  'PUT /api/v1/campaigns/:id': ['marketing', 'admin'],
  'GET /api/v1/campaigns/:id/versions': ['marketing', 'manager', 'admin'],
  'GET /api/v1/campaigns/:id/stats': ['marketing', 'manager', 'admin'],
  'GET /api/v1/campaigns/:id/stats.csv': ['marketing', 'manager', 'admin'],
  'POST /api/v1/campaigns/:id/:action': ['marketing', 'admin'],
  'POST /api/v1/ideas': ['member'],
  'GET /api/v1/ideas': 'public',
  'GET /api/v1/ideas/similar': 'public',
  'GET /api/v1/ideas/roadmap': 'public',
  'GET /api/v1/ideas/wall': 'public',
  'GET /api/v1/me/ideas/impact': ['member'],
  'GET /api/v1/ideas/:id': 'public',
  'GET /api/v1/ideas/:id/comments': 'public',
  'PUT /api/v1/ideas/:id/vote': ['member'],
  'DELETE /api/v1/ideas/:id/vote': ['member'],
  'PUT /api/v1/ideas/:id/follow': ['member'],
  'DELETE /api/v1/ideas/:id/follow': ['member'],
  'POST /api/v1/ideas/:id/comments': ['member'],
  'POST /api/v1/ideas/:id/flags': ['member'],
  'GET /api/v1/admin/ideas/queue': ['marketing', 'manager', 'admin'],
  'GET /api/v1/admin/ideas/:id/rewards': ['marketing', 'manager', 'admin'],
  'POST /api/v1/admin/ideas/:id/approve': ['marketing', 'manager', 'admin'],
  'POST /api/v1/admin/ideas/:id/decline-spam': ['marketing', 'manager', 'admin'],
  'POST /api/v1/admin/ideas/:id/status': ['marketing', 'manager', 'admin'],
  'POST /api/v1/admin/ideas/:id/merge': ['marketing', 'manager', 'admin'],
  'PUT /api/v1/admin/ideas/:id/tags': ['marketing', 'manager', 'admin'],
  'POST /api/v1/admin/ideas/:id/answers': ['marketing', 'manager', 'admin'],
  'GET /api/v1/me/referrals': ['member'],
  'GET /api/v1/referral-codes/:code': 'public',
  'POST /api/v1/checkout/earn': ['cashier', 'manager', 'admin', 'pos'],
  'POST /api/v1/checkout/redeem': ['cashier', 'manager', 'admin', 'pos'],
  'POST /api/v1/checkout/refund': ['cashier', 'manager', 'admin', 'pos'],
  'GET /api/v1/members/lookup': ['cashier', 'marketing', 'manager', 'admin', 'pos'],
  'GET /api/v1/me/receipts/:id': ['member'],
  'GET /api/v1/approvals': ['manager', 'admin'],
  'POST /api/v1/approvals/:id/approve': ['manager', 'admin'],
  'POST /api/v1/approvals/:id/deny': ['manager', 'admin'],
  'GET /api/v1/me/stores': ['member'],
  'POST /api/v1/me/claims': ['member'],
  'GET /api/v1/me/claims': ['member'],
  'GET /api/v1/claims': ['manager', 'admin'],
  'POST /api/v1/claims/:id/approve': ['manager', 'admin'],
  'POST /api/v1/claims/:id/deny': ['manager', 'admin'],
  'GET /api/v1/admin/webhooks': ['admin'],
  'POST /api/v1/admin/webhooks': ['admin'],
  'GET /api/v1/admin/webhooks/:id': ['admin'],
  'PATCH /api/v1/admin/webhooks/:id': ['admin'],
  'DELETE /api/v1/admin/webhooks/:id': ['admin'],
  'POST /api/v1/admin/webhooks/:id/rotate-secret': ['admin'],
  'GET /api/v1/admin/webhooks/:id/deliveries': ['admin'],
  'GET /api/v1/admin/webhooks/:id/deliveries/:deliveryId': ['admin'],
  'POST /api/v1/admin/webhooks/:id/deliveries/:deliveryId/resend': ['admin'],
  'GET /api/v1/reports/liability': ['marketing', 'admin'],
  'GET /api/v1/reports/liability.csv': ['marketing', 'admin'],
  'GET /api/v1/admin/jobs': ['admin'],
  'GET /api/v1/admin/jobs/runs': ['admin'],
};

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

  it('walks every route with every role, anonymous and a POS key: allowed exactly as the written-out table says, never a 5xx', async () => {
    const routes = t.app
      .get(DocsService)
      .routes()
      .filter((r) => r.path.startsWith('/api/v1'));
    const operations = routes.map((r) => `${r.method} ${r.path}`);
    expect(operations.filter((o) => !(o in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((o) => !operations.includes(o))).toEqual([]);
    const mismatches: string[] = [];
    for (const route of routes) {
      const operation = `${route.method} ${route.path}`;
      const allowed = EXPECTED[operation]!;
      const path = route.path.replace(/:[A-Za-z]+/g, randomUUID());
      for (const caller of callers) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
        let req = request(t.server())[method](path);
        const auth = await authorization(caller);
        if (auth) req = req.set('authorization', auth);
        if (method !== 'get' && method !== 'delete')
          req = req.set('content-type', 'application/json').send({});
        const res = await req;
        let ok: boolean;
        let expected: string;
        if (allowed === 'public') {
          ok = res.status !== 403 && res.status < 500;
          expected = 'not 403, not 5xx';
        } else if (caller === 'anonymous') {
          ok = res.status === 401 && res.body.code === 'UNAUTHENTICATED';
          expected = '401';
        } else if (allowed.includes(caller)) {
          ok = res.status !== 401 && res.status !== 403 && res.status < 500;
          expected = 'allowed (not 401/403, not 5xx)';
        } else {
          ok = res.status === 403 && res.body.code === 'FORBIDDEN';
          expected = '403';
        }
        if (!ok)
          mismatches.push(
            `${operation} as ${caller}: got ${res.status} ${res.body?.code ?? ''}, expected ${expected}`,
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
