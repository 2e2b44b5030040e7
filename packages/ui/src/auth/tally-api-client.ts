import { createApiClient, type ApiClient } from '../api-client.js';
import { createSessionTracker } from '../session/session-tracker.js';

/** Which front end is calling; the API picks the member or the staff session cookie by it. */
export type TallyApp = 'portal' | 'console';

export const AUTH_PATHS = {
  login: '/api/v1/auth/login',
  session: '/api/v1/auth/session',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  passwordReset: '/api/v1/auth/password-reset',
  passwordResetConfirm: '/api/v1/auth/password-reset/confirm',
  invitationAccept: '/api/v1/auth/invitation/accept',
} as const;

/** A 401 from these means "wrong credentials or link", which a renewed session cannot change. */
const NOT_RENEWABLE = [
  AUTH_PATHS.login,
  AUTH_PATHS.refresh,
  AUTH_PATHS.passwordReset,
  AUTH_PATHS.invitationAccept,
];

export function createTallyApiClient(app: TallyApp, { baseUrl = '' }: { baseUrl?: string } = {}): ApiClient {
  return createApiClient({
    baseUrl,
    headers: { 'x-tally-client': app },
    session: createSessionTracker(`tally.${app}.signed-in`),
    renewal: {
      path: AUTH_PATHS.refresh,
      appliesTo: (path) => !NOT_RENEWABLE.some((prefix) => path.startsWith(prefix)),
    },
  });
}
