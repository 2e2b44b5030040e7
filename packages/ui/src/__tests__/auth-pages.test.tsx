/**
 * @jest-environment ./test/jsdom-environment.js
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { AUTH_PATHS, createTallyApiClient } from '../auth/tally-api-client.js';
import { ForgotPasswordPage } from '../auth/components/forgot-password-page.js';
import { RequireSession } from '../auth/components/require-session.js';
import { ResetPasswordPage } from '../auth/components/reset-password-page.js';
import { SignInPage } from '../auth/components/sign-in-page.js';
import { SignOutButton } from '../auth/components/sign-out-button.js';
import { loginResponseFor, memberUser } from '../testing/fixtures.js';
import { renderPage } from '../testing/render.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from '../testing/test-server.js';

const user = memberUser;
const TOKEN = 'a'.repeat(32);

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<p>Home page</p>} />
      <Route path="/sign-in" element={<SignInPage audience="member" />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage audience="member" />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route
        path="/profile"
        element={
          <RequireSession>
            {(who) => (
              <>
                <p>Profile of {who.name}</p>
                <SignOutButton />
              </>
            )}
          </RequireSession>
        }
      />
    </Routes>
  );
}

describe('shared auth pages against a real HTTP server', () => {
  let server: TestServer;
  let signedIn: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      [`GET ${AUTH_PATHS.session}`]: (_req, res) =>
        signedIn
          ? sendJson(res, 200, user)
          : sendProblem(res, 401, { code: 'UNAUTHENTICATED', title: 'Authentication required' }),
      [`POST ${AUTH_PATHS.login}`]: (req, res) => {
        const body = JSON.parse(req.body) as { password: string };
        if (body.password !== 'correct horse battery') {
          return sendProblem(res, 401, {
            code: 'INVALID_CREDENTIALS',
            title: 'The email or password is not right',
          });
        }
        signedIn = true;
        sendJson(res, 200, loginResponseFor(user));
      },
      [`POST ${AUTH_PATHS.logout}`]: (_req, res) => {
        signedIn = false;
        res.writeHead(204).end();
      },
      [`POST ${AUTH_PATHS.passwordReset}`]: (_req, res) =>
        sendJson(res, 202, {
          accepted: true,
          message: 'If an account uses this email, a reset link is on its way.',
        }),
      [`POST ${AUTH_PATHS.passwordResetConfirm}`]: (req, res) => {
        const body = JSON.parse(req.body) as { token: string };
        if (body.token === TOKEN) return res.writeHead(204).end();
        sendProblem(res, 400, { code: 'INVALID_TOKEN', title: 'This link is not valid any more' });
      },
    });
  });

  beforeEach(() => {
    signedIn = false;
    server.requests.length = 0;
    localStorage.clear();
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('portal', { baseUrl: server.baseUrl });
  const path = () => screen.getByRole('status', { name: 'Current path' }).textContent;

  function signIn(password: string) {
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'Ada@Example.com ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  }

  it('sends a signed-out visitor to sign in, refuses a wrong password, then returns them where they were going', async () => {
    renderPage(<AppRoutes />, { apiClient: client(), path: '/profile' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(path()).toBe('/sign-in');

    signIn('wrong password');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('The email or password is not right');

    signIn('correct horse battery');
    expect(await screen.findByText('Profile of Ada Lovelace')).toBeTruthy();
    expect(path()).toBe('/profile');
    const login = server.requests.filter((r) => r.url === AUTH_PATHS.login).at(-1);
    expect(JSON.parse(login?.body ?? '')).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
      audience: 'member',
    });
    expect(login?.headers['x-tally-client']).toBe('portal');
  });

  it('signs out: the session ends on the server and the app goes home', async () => {
    signedIn = true;
    renderPage(<AppRoutes />, { apiClient: client(), path: '/profile' });

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST' && r.url === AUTH_PATHS.logout)).toBe(true);
  });

  it('asks for a reset link and shows the API’s answer', async () => {
    renderPage(<AppRoutes />, { apiClient: client(), path: '/forgot-password' });

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(
      await screen.findByText('If an account uses this email, a reset link is on its way.'),
    ).toBeTruthy();
    const request = server.requests.find((r) => r.url === AUTH_PATHS.passwordReset);
    expect(JSON.parse(request?.body ?? '')).toEqual({ email: 'ada@example.com', audience: 'member' });
  });

  it('sets a new password with the link’s token', async () => {
    renderPage(<AppRoutes />, { apiClient: client(), path: `/reset-password?token=${TOKEN}` });

    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a new long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByText(/Your password is changed/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in with your new password' })).toBeTruthy();
  });

  it('says so when the link was already used or expired, and offers a new one', async () => {
    renderPage(<AppRoutes />, { apiClient: client(), path: `/reset-password?token=${'b'.repeat(32)}` });

    fireEvent.change(screen.getByLabelText('New password'), { target: { value: 'a new long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This link is not valid any more');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });

  it('explains a link without its token instead of showing a form that cannot work', () => {
    renderPage(<AppRoutes />, { apiClient: client(), path: '/reset-password' });

    expect(screen.getByRole('alert').textContent).toContain('This link is incomplete');
    expect(screen.queryByRole('button', { name: 'Set new password' })).toBeNull();
  });
});
