/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { AuthUser, PosKey } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import {
  healthyApi,
  renderPage,
  sendJson,
  sendProblem,
  startTestServer,
  type TestServer,
} from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  auditEntry,
  cashier,
  invitation,
  london,
  loginResponse,
  posKey,
  staffUser,
} from '../../test/fixtures';
import { AppRoutes } from '../routes';

const PASSWORD = 'tally-demo-2026';
const NAV = [
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
  'Points liability',
  'Staff',
  'POS keys',
  'Audit log',
  'Outbox',
  'Webhooks',
  'Ledger check',
];

describe('console pages', () => {
  let server: TestServer;
  let user: AuthUser | null;
  let keys: PosKey[];
  let ledgerRuns: number;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/health': (_req, res) => sendJson(res, 200, healthyApi),
      'GET /api/v1/auth/session': (_req, res) =>
        user
          ? sendJson(res, 200, user)
          : sendProblem(res, 401, { code: 'UNAUTHENTICATED', title: 'Authentication required' }),
      'POST /api/v1/auth/login': (req, res) => {
        const body = JSON.parse(req.body) as { email: string; password: string; audience: string };
        if (body.password !== PASSWORD || body.audience !== 'staff') {
          return sendProblem(res, 401, {
            code: 'INVALID_CREDENTIALS',
            title: 'The email or password is not right',
          });
        }
        user = staffUser(body.email.startsWith('cashier') ? 'cashier' : 'admin');
        sendJson(res, 200, loginResponse(user));
      },
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, [london]),
      'GET /api/v1/staff': (_req, res) => sendJson(res, 200, [cashier]),
      'GET /api/v1/pos-keys': (_req, res) => sendJson(res, 200, keys),
      'POST /api/v1/pos-keys': (req, res) => {
        const created = {
          ...posKey,
          id: '9d0c4a1e-8f3b-4b7a-9c2d-1e0f3a4b5c6d',
          ...(JSON.parse(req.body) as object),
        };
        keys = [created, ...keys];
        sendJson(res, 201, { ...created, secret: 'tpk_new_secret_shown_once' });
      },
      'GET /api/v1/audit': (_req, res) => sendJson(res, 200, { items: [auditEntry('1')], nextCursor: null }),
      'GET /api/v1/campaigns': (_req, res) => sendJson(res, 200, { items: [], nextCursor: null }),
      'GET /api/v1/segments': (_req, res) => sendJson(res, 200, { items: [], nextCursor: null }),
      'GET /api/v1/outbox': (_req, res) => sendJson(res, 200, { items: [invitation], nextCursor: null }),
      'GET /api/v1/admin/ledger/verify': (_req, res) => {
        ledgerRuns += 1;
        sendJson(res, 200, {
          ok: true,
          checkedAt: '2025-03-03T14:05:00.000Z',
          checks: [{ name: 'journals_balance', ok: true, detail: 'every journal sums to zero' }],
        });
      },
    });
  });

  beforeEach(() => {
    user = null;
    keys = [posKey];
    ledgerRuns = 0;
    server.requests.length = 0;
    localStorage.clear();
  });

  afterAll(() => server.close());

  function renderConsole(path: string) {
    return renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path,
    });
  }
  const navLinks = () =>
    within(screen.getByRole('navigation', { name: 'Main' }))
      .getAllByRole('link')
      .map((link) => link.textContent);

  it('signs staff in with audience "staff", then shows the nav entries an admin may use', async () => {
    renderConsole('/stores');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'admin@demo.tally' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Stores' })).toBeTruthy();
    expect(navLinks()).toEqual(NAV);
    expect(await screen.findByRole('table', { name: 'Stores' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create store' })).toBeTruthy();
    expect(server.requests.find((r) => r.url === '/api/v1/auth/login')?.headers['x-tally-client']).toBe(
      'console',
    );
  });

  it('shows a cashier only Home, Checkout, Stores and Programme, no create form, and "not allowed" on a page typed in directly', async () => {
    user = staffUser('cashier');
    renderConsole('/stores');

    expect(await screen.findByRole('heading', { level: 1, name: 'Stores' })).toBeTruthy();
    expect(navLinks()).toEqual(['Home', 'Checkout', 'Stores', 'Programme']);
    expect(screen.queryByRole('button', { name: 'Create store' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Home' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Sam cashier' })).toBeTruthy();
    expect(await screen.findByText('Tally Market London (LON-01)')).toBeTruthy();
  });

  it.each([
    '/audit',
    '/staff',
    '/pos-keys',
    '/outbox',
    '/ledger',
    '/campaigns',
    '/campaigns/new',
    '/ideas',
    '/ideas/review',
    '/segments',
    '/segments/new',
  ])('refuses %s to a cashier with a clear message', async (path) => {
    user = staffUser('cashier');
    renderConsole(path);

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('cashier');
  });

  it('loads the campaigns page on demand and shows a manager, who may only read campaigns, no "New campaign"', async () => {
    user = staffUser('manager');
    renderConsole('/campaigns');

    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    expect(navLinks()).toContain('Campaigns');
    expect(await screen.findByText('No campaigns yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New campaign' })).toBeNull();
  });

  it('loads the segments page on demand, next to campaigns, and shows a manager no "New segment"', async () => {
    user = staffUser('manager');
    renderConsole('/segments');

    expect(await screen.findByRole('heading', { level: 1, name: 'Segments' })).toBeTruthy();
    expect(navLinks().indexOf('Segments')).toBe(navLinks().indexOf('Campaigns') + 1);
    expect(await screen.findByText('No segments yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New segment' })).toBeNull();
  });

  it('shows a new POS key’s secret once, with a warning and a copy button, and forgets it on Done', async () => {
    user = staffUser('admin');
    renderConsole('/pos-keys');
    const form = await screen.findByRole('form', { name: 'New POS key' });
    await within(form).findByRole('option', { name: 'Tally Market London (LON-01)' });

    fireEvent.change(within(form).getByLabelText('Store'), { target: { value: london.id } });
    fireEvent.change(within(form).getByLabelText('Key name', { exact: false }), {
      target: { value: 'Till 2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const notice = await screen.findByRole('region', { name: 'New POS key' });
    expect(within(notice).getByLabelText('Secret')).toHaveProperty('value', 'tpk_new_secret_shown_once');
    expect(notice.textContent).toContain('This is the only time the secret is shown.');
    expect(within(notice).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    expect(await screen.findByRole('row', { name: /Till 2/ })).toBeTruthy();

    fireEvent.click(within(notice).getByRole('button', { name: 'Done, I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'New POS key' })).toBeNull());
    expect(screen.queryByDisplayValue('tpk_new_secret_shown_once')).toBeNull();
    expect(screen.getByRole('form', { name: 'New POS key' })).toBeTruthy();
  });

  it('opens a revoke form with a reason from a key’s row', async () => {
    user = staffUser('admin');
    renderConsole('/pos-keys');
    const row = await screen.findByRole('row', { name: /Till 1/ });

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke' }));

    const form = screen.getByRole('form', { name: 'Revoke key Till 1' });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm revoke' }));
    expect(within(form).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists the audit log with actor, store, summary and request id', async () => {
    user = staffUser('admin');
    renderConsole('/audit');

    const table = await screen.findByRole('table', { name: 'Audit entries' });
    const text = table.textContent ?? '';
    expect(text).toContain('Ada Admin');
    expect(text).toContain('Tally Market London (LON-01)');
    expect(text).toContain('status: active → revoked');
    expect(text).toContain('req-1');
    expect(screen.getByText('No more entries.')).toBeTruthy();
  });

  it('expands an outbox message and makes its link clickable, rendering markup as text', async () => {
    user = staffUser('admin');
    renderConsole('/outbox');

    fireEvent.click(await screen.findByRole('button', { name: 'Show message' }));

    const link = screen.getByRole('link', { name: /accept-invitation/ });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:3000/console/accept-invitation?token=tlk_abc');
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    expect(document.querySelector('main script')).toBeNull();
  });

  it('runs the ledger check again on request', async () => {
    user = staffUser('admin');
    renderConsole('/ledger');

    expect(await screen.findByText('All checks passed.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run the check again' }));

    await waitFor(() => expect(ledgerRuns).toBe(2));
  });
});
