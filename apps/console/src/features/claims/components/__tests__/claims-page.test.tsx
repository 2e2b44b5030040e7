/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { AuthUser, StaffClaim } from '@tally/domain';
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

const base: Omit<StaffClaim, 'id' | 'member' | 'receiptRef' | 'match'> = {
  state: 'submitted',
  store: { id: london.id, name: london.name },
  purchasedOn: '2026-03-01',
  amount: 2499,
  currency: 'GBP',
  note: 'Forgot my card',
  createdAt: '2026-03-03T14:05:00.000Z',
  points: null,
  answer: null,
  decidedAt: null,
  journalId: null,
  decidedBy: null,
};

const aliceClaim: StaffClaim = {
  ...base,
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  member: { id: '5b0e4c8a-0d7a-4c41-9d0e-2f5a4b3c2d1e', cardNumber: '400000000002', name: 'Alice Example' },
  receiptRef: 'R-1001',
  match: {
    status: 'not_found',
    creditedBy: null,
    recordedAmount: null,
    amountDiffers: false,
    suggestedPoints: 24,
    suggestionBasis: 'claimed_amount',
  },
};

const bobClaim: StaffClaim = {
  ...base,
  id: '8b7c6d5e-4f3a-4b2c-9d0e-1f2a3b4c5d6e',
  member: { id: '6c1f5d9b-1e8b-4d52-8e1f-3a6b5c4d3e2f', cardNumber: '400000000010', name: 'Bob Example' },
  receiptRef: 'R-1002',
  note: null,
  match: {
    status: 'found',
    creditedBy: null,
    recordedAmount: 1999,
    amountDiffers: true,
    suggestedPoints: 19,
    suggestionBasis: 'receipt_lines',
  },
};

describe('claims page', () => {
  let server: TestServer;
  let user: AuthUser;
  let claims: StaffClaim[];
  let refusal: { status: number; code: string; title: string } | null;

  function decision(id: string, action: 'approve' | 'deny'): Route {
    return (req, res) => {
      if (refusal) return sendProblem(res, refusal.status, refusal);
      const body = JSON.parse(req.body) as { points?: number; reason: string };
      const found = claims.find((c) => c.id === id)!;
      const decided: StaffClaim = {
        ...found,
        state: action === 'approve' ? 'approved' : 'denied',
        points: action === 'approve' ? (body.points ?? found.match.suggestedPoints) : null,
        answer: body.reason,
        decidedAt: '2026-03-03T15:00:00.000Z',
        decidedBy: { id: user.id, name: user.name },
      };
      claims = claims.map((c) => (c.id === id ? decided : c));
      sendJson(res, 201, decided);
    };
  }

  beforeAll(async () => {
    const routes: Record<string, Route> = {
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, user),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, [london]),
      'GET /api/v1/claims': (req, res) => {
        const state = new URLSearchParams(req.url.split('?')[1]).get('state');
        sendJson(res, 200, { items: claims.filter((c) => !state || c.state === state), nextCursor: null });
      },
    };
    for (const { id } of [aliceClaim, bobClaim]) {
      routes[`POST /api/v1/claims/${id}/approve`] = decision(id, 'approve');
      routes[`POST /api/v1/claims/${id}/deny`] = decision(id, 'deny');
    }
    server = await startTestServer(routes);
  });

  beforeEach(() => {
    user = staffUser('manager');
    claims = [aliceClaim, bobClaim];
    refusal = null;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderClaims = () =>
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/claims',
    });
  const card = (name: string) => screen.getByRole('article', { name: new RegExp(`^${name}:`) });
  const posts = () => server.requests.filter((r) => r.method === 'POST');

  it('lists the waiting claims with what the till knows and the suggested points', async () => {
    renderClaims();
    // The first render of the file loads the page's code and schemas: give it longer than the default.
    const list = await screen.findByRole('list', { name: 'Claims' }, { timeout: 5000 });
    expect(
      within(list)
        .getAllByRole('article')
        .map((a) => within(a).getByRole('heading').textContent),
    ).toEqual(['Alice Example: receipt R-1001', 'Bob Example: receipt R-1002']);
    const alice = card('Alice Example');
    expect(alice.textContent).toContain('No till record of this receipt in this store.');
    expect(alice.textContent).toContain('24 points (the base rate on the claimed total)');
    expect(alice.textContent).toContain('Forgot my card');
    expect(alice.textContent).toContain('4000 0000 0002');
    expect(within(alice).getByLabelText<HTMLInputElement>('Points').value).toBe('24');
    const bob = card('Bob Example');
    expect(bob.textContent).toContain('The till has this receipt');
    expect(bob.textContent).toContain('The claimed amount differs from the till’s');
    expect(bob.textContent).toContain('the earn rules on the till’s receipt lines');
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/claims'))?.url).toBe(
      '/api/v1/claims?state=submitted&limit=25',
    );
  });

  it('needs a reason to approve, then sends the edited points and the reason', async () => {
    renderClaims();
    await screen.findByRole('list', { name: 'Claims' });
    const alice = card('Alice Example');

    fireEvent.click(within(alice).getByRole('button', { name: 'Approve' }));
    expect(within(alice).getByText('Reason must be at least 3 characters')).toBeTruthy();
    expect(within(alice).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(alice).getByLabelText('Reason'));
    expect(posts()).toHaveLength(0);

    fireEvent.change(within(alice).getByLabelText('Points'), { target: { value: '30' } });
    fireEvent.change(within(alice).getByLabelText('Reason'), {
      target: { value: 'Receipt seen at the desk' },
    });
    fireEvent.click(within(alice).getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(
        screen.getByText('Approved: 30 points credited to Alice Example (receipt R-1001).'),
      ).toBeTruthy(),
    );
    expect(posts().map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [`/api/v1/claims/${aliceClaim.id}/approve`, { points: 30, reason: 'Receipt seen at the desk' }],
    ]);
    await waitFor(() => expect(screen.queryByRole('article', { name: /^Alice Example:/ })).toBeNull());
  });

  it('refuses points that are not a positive whole number before sending', async () => {
    renderClaims();
    await screen.findByRole('list', { name: 'Claims' });
    const alice = card('Alice Example');
    fireEvent.change(within(alice).getByLabelText('Points'), { target: { value: '0' } });
    fireEvent.change(within(alice).getByLabelText('Reason'), { target: { value: 'Receipt seen' } });
    fireEvent.click(within(alice).getByRole('button', { name: 'Approve' }));
    expect(within(alice).getByLabelText('Points').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(alice).getByLabelText('Points'));
    expect(posts()).toHaveLength(0);
  });

  it('denies with a reason, and the denied list shows it', async () => {
    renderClaims();
    await screen.findByRole('list', { name: 'Claims' });
    const bob = card('Bob Example');
    fireEvent.change(within(bob).getByLabelText('Reason'), {
      target: { value: 'Receipt is from another shop' },
    });
    fireEvent.click(within(bob).getByRole('button', { name: 'Deny' }));
    await waitFor(() =>
      expect(
        screen.getByText('Denied: the claim for receipt R-1002; Bob Example sees your reason.'),
      ).toBeTruthy(),
    );
    expect(JSON.parse(posts()[0]?.body ?? '')).toEqual({ reason: 'Receipt is from another shop' });

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'denied' } });
    const denied = await screen.findByRole('article', { name: /^Bob Example:/ });
    expect(denied.textContent).toContain('Receipt is from another shop');
    expect(within(denied).queryByRole('button', { name: 'Deny' })).toBeNull();
  });

  it('shows the API’s refusal when the receipt was credited meanwhile', async () => {
    refusal = {
      status: 409,
      code: 'RECEIPT_ALREADY_CREDITED',
      title: 'This receipt has already earned points',
    };
    renderClaims();
    await screen.findByRole('list', { name: 'Claims' });
    const alice = card('Alice Example');
    fireEvent.change(within(alice).getByLabelText('Reason'), { target: { value: 'Receipt seen' } });
    fireEvent.click(within(alice).getByRole('button', { name: 'Approve' }));
    expect(await within(alice).findByText(/already earned points/)).toBeTruthy();
  });

  it('says so when someone else answered first', async () => {
    refusal = { status: 409, code: 'CLAIM_ALREADY_DECIDED', title: 'This claim was already answered' };
    renderClaims();
    await screen.findByRole('list', { name: 'Claims' });
    const alice = card('Alice Example');
    fireEvent.change(within(alice).getByLabelText('Reason'), { target: { value: 'Receipt seen' } });
    fireEvent.click(within(alice).getByRole('button', { name: 'Deny' }));
    expect(
      await screen.findByText('The claim for receipt R-1001 was already answered by someone else.'),
    ).toBeTruthy();
  });

  it('shows an empty queue plainly', async () => {
    claims = [];
    renderClaims();
    expect(await screen.findByText('No claim is waiting for a decision.')).toBeTruthy();
  });

  it('tells a cashier the page is not theirs', async () => {
    user = staffUser('cashier');
    renderClaims();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('list', { name: 'Claims' })).toBeNull();
    expect(server.requests.some((r) => r.url.startsWith('/api/v1/claims'))).toBe(false);
  });
});
