/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { MeResponse } from '@tally/domain';
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
import { loginResponse, me as meFixture, member, pointsSummary, statement } from '../../test/fixtures';
import { formatCardNumber } from '@tally/domain';
import { readSavedCard, SAVED_CARD_KEY, saveCard } from '../../features/card/saved-card';
import { AppRoutes } from '../routes';

const PASSWORD = 'correct horse battery';
const unauthenticated = { code: 'UNAUTHENTICATED', title: 'Authentication required' };

/** A stand-in for the API on a real socket: one member, signed in or not. */
describe('portal pages', () => {
  let server: TestServer;
  let signedIn: boolean;
  let me: MeResponse;
  let sessionExpired: boolean;

  beforeAll(async () => {
    const guarded =
      (answer: (body: string) => [number, unknown]) =>
      (req: { body: string }, res: Parameters<typeof sendJson>[0]) => {
        if (!signedIn || sessionExpired) return sendProblem(res, 401, unauthenticated);
        const [status, body] = answer(req.body);
        if (status === 204) return res.writeHead(204).end();
        sendJson(res, status, body);
      };
    server = await startTestServer({
      'GET /api/health': (_req, res) => sendJson(res, 200, healthyApi),
      'GET /api/v1/auth/session': guarded(() => [200, member]),
      'POST /api/v1/auth/refresh': (_req, res) => sendProblem(res, 401, unauthenticated),
      'POST /api/v1/auth/login': (req, res) => {
        const body = JSON.parse(req.body) as { password: string };
        if (body.password !== PASSWORD) {
          return sendProblem(res, 401, {
            code: 'INVALID_CREDENTIALS',
            title: 'The email or password is not right',
          });
        }
        signedIn = true;
        sendJson(res, 200, loginResponse(member));
      },
      'POST /api/v1/members': (req, res) => {
        const body = JSON.parse(req.body) as { email: string };
        if (body.email === 'taken@example.com') {
          return sendProblem(res, 409, {
            code: 'EMAIL_TAKEN',
            title: 'An account with this email already exists',
          });
        }
        const { balance: _b, tier: _t, tierChanges: _c, ...created } = me;
        sendJson(res, 201, created);
      },
      'GET /api/v1/referral-codes/ABCD2345': (_req, res) => sendJson(res, 200, { valid: true }),
      'GET /api/v1/referral-codes/ZZZZZZZZ': (_req, res) => sendJson(res, 200, { valid: false }),
      'GET /api/v1/me': guarded(() => [200, me]),
      'PATCH /api/v1/me': guarded((body) => {
        me = { ...me, ...(JSON.parse(body) as Partial<MeResponse>) };
        return [200, me];
      }),
      'GET /api/v1/me/statement': guarded(() => [200, statement]),
      'GET /api/v1/me/points-summary': guarded(() => [200, pointsSummary]),
      'GET /api/v1/me/notifications/unread-count': guarded(() => [200, { unread: 3 }]),
      'POST /api/v1/me/close': guarded((body) => {
        if ((JSON.parse(body) as { password: string }).password !== PASSWORD) {
          return [
            401,
            {
              type: 'x',
              status: 401,
              code: 'INVALID_CREDENTIALS',
              title: 'The email or password is not right',
            },
          ];
        }
        signedIn = false;
        return [204, undefined];
      }),
      'POST /api/v1/auth/logout': guarded(() => {
        signedIn = false;
        return [204, undefined];
      }),
    });
  });

  beforeEach(() => {
    signedIn = false;
    sessionExpired = false;
    me = { ...meFixture };
    server.requests.length = 0;
    localStorage.clear();
  });

  afterAll(() => server.close());

  function renderPortal(path: string) {
    return renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }),
      path,
    });
  }
  const currentPath = () => screen.getByRole('status', { name: 'Current path' }).textContent;
  const type = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });

  it('welcomes a visitor with Sign in and Sign up, and no member navigation', async () => {
    renderPortal('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    expect(screen.getByRole('link', { name: 'Sign up' }).getAttribute('href')).toBe('/sign-up');
    // The programme's rules are public: a visitor's navigation leads to them.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'How it works' }).getAttribute('href')).toBe(
      '/how-it-works',
    );
    // So is the ideas board (reading it; taking part needs an account).
    expect(within(nav).getByRole('link', { name: 'Ideas' }).getAttribute('href')).toBe('/ideas');
    expect(screen.queryByRole('link', { name: 'Profile' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Rewards' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows a signed-in member their balance, latest activity and the unread notifications badge', async () => {
    signedIn = true;
    renderPortal('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Your points' })).toBeTruthy();
    const balance = await screen.findByRole('region', { name: 'Balance' });
    expect(within(balance).getByText('Available').nextElementSibling?.textContent).toBe(
      new Intl.NumberFormat().format(1250),
    );
    const activity = screen.getByRole('region', { name: 'Latest activity' });
    expect(await within(activity).findByText('Points earned')).toBeTruthy();
    expect(activity.textContent).toContain('+250');
    expect(screen.getByRole('link', { name: 'Profile' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rewards' }).getAttribute('href')).toBe('/rewards');
    expect(screen.getByRole('link', { name: 'My vouchers' }).getAttribute('href')).toBe('/vouchers');
    expect(screen.getByRole('link', { name: 'My card' }).getAttribute('href')).toBe('/card');
    expect(screen.getByRole('link', { name: 'Refer a friend' }).getAttribute('href')).toBe('/referrals');
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/me/statement'))?.url).toBe(
      '/api/v1/me/statement?limit=5',
    );
    expect(within(activity).getByRole('link', { name: 'See every line on your statement' })).toBeTruthy();
    const bell = await screen.findByRole('link', { name: '3 unread notifications' });
    expect(bell.getAttribute('href')).toBe('/notifications');
  });

  it('signs up: the domain’s rules are checked first, a taken email is shown on its field, then the new member is home', async () => {
    renderPortal('/sign-up');
    await screen.findByRole('heading', { level: 1, name: 'Join Tally' });

    type('Name', 'Ada Lovelace');
    type('Email', 'taken@example.com');
    type('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(
      await screen.findByText('Password must be at least 10 characters', { selector: 'a' }),
    ).toBeTruthy();
    expect(server.requests.some((r) => r.url === '/api/v1/members')).toBe(false);

    type('Password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() => expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toContain('An account with this email already exists');

    type('Email', 'ada@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your points' })).toBeTruthy();
    expect(currentPath()).toBe('/');
  });

  it('joins with the code from a friend’s invitation link, and says a friend invited them', async () => {
    renderPortal('/sign-up?ref=ABCD2345');
    expect(await screen.findByText(/A friend invited you/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Friend’s referral code', { exact: false }).value).toBe(
      'ABCD2345',
    );
    type('Name', 'Ada Lovelace');
    type('Email', 'ada@example.com');
    type('Password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your points' })).toBeTruthy();
    const created = server.requests.find((r) => r.method === 'POST' && r.url === '/api/v1/members');
    expect(JSON.parse(created?.body ?? '')).toMatchObject({ referralCode: 'ABCD2345' });
  });

  it('drops an invitation code that is not valid, so the visitor can still join without it', async () => {
    renderPortal('/sign-up?ref=ZZZZZZZZ');
    expect(await screen.findByText(/not valid\. You can still join without it/)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Friend’s referral code', { exact: false }).value).toBe(
        '',
      ),
    );
    type('Name', 'Ada Lovelace');
    type('Email', 'ada@example.com');
    type('Password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your points' })).toBeTruthy();
    const created = server.requests.find((r) => r.method === 'POST' && r.url === '/api/v1/members');
    expect(JSON.parse(created?.body ?? '')).not.toHaveProperty('referralCode');
  });

  it('saves the profile with PATCH /api/v1/me', async () => {
    signedIn = true;
    renderPortal('/profile');
    await screen.findByRole('form', { name: 'Your details' });

    type('Phone', '+44 7700 900123');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep me posted about offers and news' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeTruthy();
    const patch = server.requests.find((r) => r.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '')).toEqual({
      name: 'Ada Lovelace',
      phone: '+447700900123',
      birthday: '1990-12-10',
      marketingConsent: true,
    });
  });

  it('closes the account only with the password and CLOSE typed, then says so on the welcome page', async () => {
    signedIn = true;
    renderPortal('/profile');
    await screen.findByRole('form', { name: 'Close your account' });
    const closeForm = screen.getByRole('form', { name: 'Close your account' });

    fireEvent.change(within(closeForm).getByLabelText('Password'), { target: { value: PASSWORD } });
    type('Type CLOSE to confirm', 'close');
    fireEvent.click(screen.getByRole('button', { name: 'Close my account' }));
    expect(
      await within(closeForm).findByText('Type CLOSE to confirm', { selector: 'a', exact: false }),
    ).toBeTruthy();
    expect(server.requests.some((r) => r.url === '/api/v1/me/close')).toBe(false);

    type('Type CLOSE to confirm', 'CLOSE');
    fireEvent.click(screen.getByRole('button', { name: 'Close my account' }));

    expect(await screen.findByText(/Your account is closed/)).toBeTruthy();
    expect(currentPath()).toBe('/');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks a visitor who wants to submit an idea to sign in, then brings them back to the form', async () => {
    renderPortal('/ideas/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    type('Email', me.email ?? '');
    type('Password', PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Submit an idea' })).toBeTruthy();
    expect(currentPath()).toBe('/ideas/new');
    expect(
      within(screen.getByRole('navigation', { name: 'Main' }))
        .getByRole('link', { name: 'Ideas' })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('treats a 401 from any request as signed out and asks to sign in again', async () => {
    signedIn = true;
    renderPortal('/profile');
    await screen.findByRole('form', { name: 'Your details' });

    sessionExpired = true;
    type('Name', 'Ada King');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(currentPath()).toBe('/sign-in');
    // A session was known, so the client tried to renew it once before giving up.
    expect(server.requests.filter((r) => r.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('signs out from the header and goes to the welcome page', async () => {
    signedIn = true;
    renderPortal('/profile');
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeTruthy();
    expect(currentPath()).toBe('/');
  });

  describe('the card on this device', () => {
    const number = formatCardNumber(meFixture.cardNumber);
    const offlineNotice = /offline — showing your saved card/i;

    it('keeps the card number and name while signed in, and forgets them on sign-out', async () => {
      signedIn = true;
      renderPortal('/card');
      expect(await screen.findByText(number)).toBeTruthy();
      await waitFor(() =>
        expect(readSavedCard()).toEqual({ cardNumber: meFixture.cardNumber, name: meFixture.name }),
      );
      expect(screen.queryByText(offlineNotice)).toBeNull();

      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Tally' })).toBeTruthy();
      expect(localStorage.getItem(SAVED_CARD_KEY)).toBeNull();
    });

    it('shows the saved card, saying so, when the browser is offline', async () => {
      saveCard({ cardNumber: meFixture.cardNumber, name: meFixture.name });
      // The browser says it is offline (as it does at a till with no signal).
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        renderPortal('/card');
        expect(await screen.findByText(offlineNotice)).toBeTruthy();
        expect(screen.getByText(number)).toBeTruthy();
        expect(screen.getByText(meFixture.name)).toBeTruthy();
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });

    it('shows the saved card when the API cannot be reached although the browser thinks it is online', async () => {
      saveCard({ cardNumber: meFixture.cardNumber, name: meFixture.name });
      renderPage(<AppRoutes />, {
        // Nothing listens on port 9: every request fails without an answer.
        apiClient: createTallyApiClient('portal', { baseUrl: 'http://127.0.0.1:9' }),
        path: '/card',
      });
      expect(await screen.findByText(offlineNotice, undefined, { timeout: 8000 })).toBeTruthy();
      expect(screen.getByText(number)).toBeTruthy();
    }, 15_000);

    it('sends a visitor without a saved card to sign in as before', async () => {
      renderPortal('/card');
      expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
      expect(currentPath()).toBe('/sign-in');
    });
  });
});
