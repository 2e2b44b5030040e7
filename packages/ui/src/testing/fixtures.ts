import type { AuthUser, HealthResponse, LoginResponse } from '@tally/domain';

/** A signed-in member as `GET /api/v1/auth/session` describes them. */
export const memberUser: AuthUser = {
  id: '7d9f3c1e-2b4a-4c5d-8e6f-1a2b3c4d5e6f',
  role: 'member',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  storeIds: [],
  cardNumber: '400000000006',
};

/** What `POST /api/v1/auth/login` answers for `user` (the tokens are placeholders the apps never read). */
export function loginResponseFor(user: AuthUser): LoginResponse {
  return {
    accessToken: 'access-token',
    accessTokenExpiresAt: '2030-01-01T00:15:00.000Z',
    refreshToken: 'refresh-token',
    refreshTokenExpiresAt: '2030-01-31T00:00:00.000Z',
    user,
  };
}

export const healthyApi: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 5,
  time: '2025-01-01T00:00:00.000Z',
  database: { status: 'up', kind: 'embedded', latencyMs: 1, migrationsPending: 0 },
};
