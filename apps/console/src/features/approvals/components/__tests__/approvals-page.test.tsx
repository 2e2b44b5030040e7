/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Approval, AuthUser } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import {
  renderPage,
  sendJson,
  sendProblem,
  startTestServer,
  type Route,
  type TestServer,
} from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../../../app/routes';
import { london, staffUser } from '../../../../test/fixtures';

const base: Omit<Approval, 'id' | 'member' | 'points' | 'receiptRef'> = {
  kind: 'earn',
  status: 'pending',
  storeId: london.id,
  requestedBy: { id: 'aef47704-ece0-4caf-a645-541a9ca0a563', name: 'Cass Cashier' },
  limitReason: 'this would take today’s awards to 20400, above the daily 20000',
  createdAt: '2026-03-03T14:05:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  journalId: null,
};

const aliceRequest: Approval = {
  ...base,
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  member: { id: '5b0e4c8a-0d7a-4c41-9d0e-2f5a4b3c2d1e', cardNumber: '400000000002', name: 'Alice Example' },
  points: 2400,
  receiptRef: 'R-BIG-1',
};

const bobRequest: Approval = {
  ...base,
  id: '8b7c6d5e-4f3a-4b2c-9d0e-1f2a3b4c5d6e',
  member: { id: '6c1f5d9b-1e8b-4d52-8e1f-3a6b5c4d3e2f', cardNumber: '400000000010', name: 'Bob Example' },
  points: 3100,
  receiptRef: 'R-BIG-2',
};

describe('approvals page', () => {
  let server: TestServer;
  let user: AuthUser;
  let approvals: Approval[];
  /** Requests another manager decides between our list loading and our click. */
  let decidedElsewhere: Set<string>;

  function decide(id: string, status: 'approved' | 'denied', reason: string | null): Approval {
    const found = approvals.find((a) => a.id === id)!;
    const decided: Approval = {
      ...found,
      status,
      decidedBy: user.id,
      decidedAt: '2026-03-03T15:00:00.000Z',
      decisionReason: reason,
      journalId: status === 'approved' ? '0d6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b' : null,
    };
    approvals = approvals.map((a) => (a.id === id ? decided : a));
    return decided;
  }

  function decision(id: string, action: 'approve' | 'deny'): Route {
    return (req, res) => {
      if (decidedElsewhere.has(id)) {
        decide(id, 'approved', null);
        return sendProblem(res, 409, {
          code: 'ALREADY_DONE',
          title: 'This was already done',
          detail: 'This request was already approved.',
        });
      }
      const { reason } = JSON.parse(req.body) as { reason?: string };
      sendJson(res, 201, decide(id, action === 'approve' ? 'approved' : 'denied', reason ?? null));
    };
  }

  beforeAll(async () => {
    const routes: Record<string, Route> = {
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, user),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, [london]),
      'GET /api/v1/approvals': (req, res) => {
        const status = new URLSearchParams(req.url.split('?')[1]).get('status');
        sendJson(
          res,
          200,
          approvals.filter((a) => !status || a.status === status),
        );
      },
    };
    for (const { id } of [aliceRequest, bobRequest]) {
      routes[`POST /api/v1/approvals/${id}/approve`] = decision(id, 'approve');
      routes[`POST /api/v1/approvals/${id}/deny`] = decision(id, 'deny');
    }
    server = await startTestServer(routes);
  });

  beforeEach(() => {
    user = staffUser('manager');
    approvals = [aliceRequest, bobRequest];
    decidedElsewhere = new Set();
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  function renderApprovals() {
    return renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/approvals',
    });
  }

  const request = (name: string) => screen.getByRole('article', { name: new RegExp(`^${name}:`) });
  const posts = () => server.requests.filter((r) => r.method === 'POST');

  it('lists the requests waiting for a decision, with why each needs one', async () => {
    renderApprovals();

    const list = await screen.findByRole('list', { name: 'Approval requests' });
    expect(
      within(list)
        .getAllByRole('article')
        .map((a) => within(a).getByRole('heading').textContent),
    ).toEqual(['Alice Example: 2,400 points', 'Bob Example: 3,100 points']);
    const alice = request('Alice Example');
    expect(alice.textContent).toContain('R-BIG-1');
    expect(alice.textContent).toContain('Tally Market London (LON-01)');
    expect(alice.textContent).toContain('4000 0000 0002');
    expect(alice.textContent).toContain('Cass Cashier');
    expect(alice.textContent).toContain('above the daily 20000');
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/approvals'))?.url).toBe(
      '/api/v1/approvals?status=pending',
    );
    expect(
      within(screen.getByRole('navigation', { name: 'Main' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Home',
      'Checkout',
      'Approvals',
      'Claims',
      'Stores',
      'Rewards',
      'Campaigns',
      'Segments',
      'Programme',
      'Ideas',
      'Staff',
      'POS keys',
      'Audit log',
    ]);
  });

  it('approves without a reason, and the request leaves the waiting list', async () => {
    renderApprovals();
    await screen.findByRole('list', { name: 'Approval requests' });

    fireEvent.click(within(request('Alice Example')).getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(
        screen.getByText('Approved: 2,400 points awarded to Alice Example (receipt R-BIG-1).'),
      ).toBeTruthy(),
    );
    await waitFor(() => expect(screen.queryByRole('article', { name: /^Alice Example:/ })).toBeNull());
    expect(posts().map((r) => [r.url, r.body])).toEqual([
      [`/api/v1/approvals/${aliceRequest.id}/approve`, '{}'],
    ]);
  });

  it('needs a reason of at least 3 characters to deny, and sends it', async () => {
    renderApprovals();
    await screen.findByRole('list', { name: 'Approval requests' });
    const bob = request('Bob Example');

    fireEvent.click(within(bob).getByRole('button', { name: 'Deny' }));
    expect(within(bob).getByText('Reason must be at least 3 characters')).toBeTruthy();
    expect(within(bob).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(bob).getByLabelText('Reason'));
    expect(posts()).toHaveLength(0);

    fireEvent.change(within(bob).getByLabelText('Reason'), { target: { value: 'receipt is not ours' } });
    fireEvent.click(within(bob).getByRole('button', { name: 'Deny' }));

    await waitFor(() =>
      expect(screen.getByText('Denied: 3,100 points for Bob Example (receipt R-BIG-2).')).toBeTruthy(),
    );
    expect(posts().map((r) => [r.url, r.body])).toEqual([
      [`/api/v1/approvals/${bobRequest.id}/deny`, '{"reason":"receipt is not ours"}'],
    ]);

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'denied' } });
    const denied = await screen.findByRole('article', { name: /^Bob Example:/ });
    expect(denied.textContent).toContain('receipt is not ours');
    expect(within(denied).queryByRole('button', { name: 'Deny' })).toBeNull();
  });

  it('says so when another manager decided first (409 ALREADY_DONE) and reads the list again', async () => {
    renderApprovals();
    await screen.findByRole('list', { name: 'Approval requests' });
    decidedElsewhere.add(aliceRequest.id);

    fireEvent.click(within(request('Alice Example')).getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(
        screen.getByText(
          'Alice Example’s request was already decided by someone else: This request was already approved.',
        ),
      ).toBeTruthy(),
    );
    await waitFor(() => expect(screen.queryByRole('article', { name: /^Alice Example:/ })).toBeNull());
  });

  it('shows an empty state when nothing waits', async () => {
    approvals = [];
    renderApprovals();

    expect(await screen.findByText('Nothing is waiting for a decision.')).toBeTruthy();
  });

  it('is not allowed to a cashier', async () => {
    user = staffUser('cashier');
    renderApprovals();

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('approvals:decide');
  });
});
