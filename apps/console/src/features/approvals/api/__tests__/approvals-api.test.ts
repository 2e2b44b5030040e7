import type { Approval } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { QueryClient } from '@tanstack/react-query';
import { london } from '../../../../test/fixtures';
import { approveApproval } from '../approve-approval';
import { denyApproval } from '../deny-approval';
import { APPROVALS_KEY, approvalsQueryOptions, getApprovals } from '../get-approvals';

const waiting: Approval = {
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  kind: 'earn',
  status: 'pending',
  storeId: london.id,
  requestedBy: { id: 'aef47704-ece0-4caf-a645-541a9ca0a563', name: 'Cass Cashier' },
  member: { id: '5b0e4c8a-0d7a-4c41-9d0e-2f5a4b3c2d1e', cardNumber: '400000000002', name: 'Alice Example' },
  points: 2400,
  receiptRef: 'R-BIG-1',
  limitReason: '2400 points is above the 2000 a cashier may award on one receipt',
  createdAt: '2026-03-03T14:05:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  journalId: null,
};

describe('approvals API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/approvals': (_req, res) => sendJson(res, 200, [waiting]),
      [`POST /api/v1/approvals/${waiting.id}/approve`]: (req, res) =>
        sendJson(res, 201, {
          ...waiting,
          status: 'approved',
          decidedBy: '4819c720-4991-43ef-a6cc-9757a9aa5c90',
          decidedAt: '2026-03-03T15:00:00.000Z',
          decisionReason: (JSON.parse(req.body) as { reason?: string }).reason ?? null,
          journalId: '0d6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
        }),
      [`POST /api/v1/approvals/${waiting.id}/deny`]: (_req, res) =>
        sendProblem(res, 409, {
          code: 'ALREADY_DONE',
          title: 'This was already done',
          detail: 'This request was already approved.',
        }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('lists one status with ?status=, all statuses without', async () => {
    await expect(getApprovals(client(), { status: 'pending' })).resolves.toEqual([waiting]);
    await getApprovals(client());

    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/approvals?status=pending',
      '/api/v1/approvals',
    ]);
  });

  it('keys every status’s list under one prefix, so a decision refreshes them all', async () => {
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(approvalsQueryOptions(client(), { status: 'pending' }));
    await queryClient.fetchQuery(approvalsQueryOptions(client(), { status: 'approved' }));

    await queryClient.invalidateQueries({ queryKey: APPROVALS_KEY });

    expect(queryClient.getQueryCache().findAll({ queryKey: APPROVALS_KEY, stale: true })).toHaveLength(2);
  });

  it('approves with an optional reason and answers the decided request', async () => {
    await expect(approveApproval(client(), { id: waiting.id, body: {} })).resolves.toMatchObject({
      status: 'approved',
      journalId: '0d6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    });
    expect(server.requests[0]?.body).toBe('{}');
  });

  it('answers ALREADY_DONE when someone decided first', async () => {
    await expect(
      denyApproval(client(), { id: waiting.id, body: { reason: 'not our receipt' } }),
    ).rejects.toMatchObject({ status: 409, code: 'ALREADY_DONE' });
    expect(server.requests[0]?.body).toBe('{"reason":"not our receipt"}');
  });
});
