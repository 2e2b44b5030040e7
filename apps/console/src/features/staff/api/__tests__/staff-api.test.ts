import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { cashier, london } from '../../../../test/fixtures';
import { disableStaff } from '../disable-staff';
import { enableStaff } from '../enable-staff';
import { getStaff } from '../get-staff';
import { inviteStaff } from '../invite-staff';
import { updateStaff } from '../update-staff';

const ADMIN_ID = '4819c720-4991-43ef-a6cc-9757a9aa5c90';

describe('staff API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/staff': (_req, res) => sendJson(res, 200, [cashier]),
      'POST /api/v1/staff/invitations': (req, res) =>
        sendJson(res, 201, { ...cashier, ...(JSON.parse(req.body) as object), status: 'invited' }),
      [`PATCH /api/v1/staff/${cashier.id}`]: (req, res) =>
        sendJson(res, 200, { ...cashier, ...(JSON.parse(req.body) as object) }),
      [`POST /api/v1/staff/${cashier.id}/disable`]: (_req, res) =>
        sendJson(res, 200, { ...cashier, status: 'disabled' }),
      [`POST /api/v1/staff/${cashier.id}/enable`]: (_req, res) =>
        sendJson(res, 200, { ...cashier, status: 'active' }),
      [`POST /api/v1/staff/${ADMIN_ID}/disable`]: (_req, res) =>
        sendProblem(res, 409, { code: 'LAST_ADMIN', title: 'The last active admin cannot be removed' }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('lists staff accounts', async () => {
    await expect(getStaff(client())).resolves.toEqual([cashier]);
  });

  it('invites with email, name, role and stores; the account starts as invited', async () => {
    const invited = await inviteStaff(client(), {
      email: 'new@demo.tally',
      name: 'New Person',
      role: 'cashier',
      storeIds: [london.id],
    });

    expect(invited.status).toBe('invited');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      email: 'new@demo.tally',
      name: 'New Person',
      role: 'cashier',
      storeIds: [london.id],
    });
  });

  it('changes role and stores with a reason through PATCH /api/v1/staff/:id', async () => {
    const body = { role: 'manager' as const, storeIds: [london.id], reason: 'promoted' };

    await expect(updateStaff(client(), { id: cashier.id, body })).resolves.toMatchObject({ role: 'manager' });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: `/api/v1/staff/${cashier.id}` });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(body);
  });

  it('disables and enables with a reason', async () => {
    await expect(disableStaff(client(), { id: cashier.id, body: { reason: 'left' } })).resolves.toMatchObject(
      {
        status: 'disabled',
      },
    );
    await expect(enableStaff(client(), { id: cashier.id, body: { reason: 'back' } })).resolves.toMatchObject({
      status: 'active',
    });
    expect(server.requests.map((r) => [r.url, r.body])).toEqual([
      [`/api/v1/staff/${cashier.id}/disable`, '{"reason":"left"}'],
      [`/api/v1/staff/${cashier.id}/enable`, '{"reason":"back"}'],
    ]);
  });

  it('refuses to disable the last admin with LAST_ADMIN', async () => {
    await expect(disableStaff(client(), { id: ADMIN_ID, body: { reason: 'test' } })).rejects.toMatchObject({
      status: 409,
      code: 'LAST_ADMIN',
    });
  });
});
