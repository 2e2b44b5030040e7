import type { AuthUser } from '@tally/domain';
import { z } from 'zod';
import { ApiError } from '../api-client.js';
import { SESSION_QUERY_KEY, applySignedIn } from '../auth/session-cache.js';
import { createTallyApiClient } from '../auth/tally-api-client.js';
import { createQueryClient, shouldRetry } from '../query-client.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from '../testing/test-server.js';

const apiError = (status: number, code: ApiError['code']) => new ApiError({ status, code, title: code });

describe(shouldRetry.name, () => {
  it.each([
    ['no answer', apiError(0, 'NETWORK_ERROR'), true],
    ['a 503', apiError(503, 'DATABASE_UNAVAILABLE'), true],
    ['a 429', apiError(429, 'RATE_LIMITED'), true],
    ['a 400', apiError(400, 'VALIDATION_FAILED'), false],
    ['a 401', apiError(401, 'UNAUTHENTICATED'), false],
    ['a 404', apiError(404, 'NOT_FOUND'), false],
    ['a body that fails its schema', apiError(200, 'INVALID_RESPONSE'), false],
    ['a programming error', new TypeError('x is undefined'), false],
  ])('on the first failure, retries after %s: %p', (_what, error, expected) => {
    expect(shouldRetry(0, error)).toBe(expected);
  });

  it('gives up on a retryable error after two retries', () => {
    expect(shouldRetry(1, apiError(0, 'NETWORK_ERROR'))).toBe(true);
    expect(shouldRetry(2, apiError(0, 'NETWORK_ERROR'))).toBe(false);
  });
});

describe(createQueryClient.name, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, ['a store']),
      'GET /api/v1/me': (_req, res) =>
        sendProblem(res, 401, { code: 'UNAUTHENTICATED', title: 'Authentication required' }),
      'GET /api/v1/secret': (_req, res) => sendProblem(res, 403, { code: 'FORBIDDEN', title: 'Not allowed' }),
    });
  });

  afterAll(() => server.close());

  const user: AuthUser = {
    id: '7d9f3c1e-2b4a-4c5d-8e6f-1a2b3c4d5e6f',
    role: 'admin',
    name: 'Ann Admin',
    email: 'ann@example.com',
    storeIds: [],
    cardNumber: null,
  };

  it('treats any 401 UNAUTHENTICATED as signed out: clears cached data, the session reads null', async () => {
    const apiClient = createTallyApiClient('console', { baseUrl: server.baseUrl });
    const queryClient = createQueryClient(apiClient);
    applySignedIn(queryClient, apiClient, user);
    await queryClient.fetchQuery({
      queryKey: ['stores'],
      queryFn: () => apiClient.get('/api/v1/stores', z.array(z.string())),
    });
    expect(queryClient.getQueryData(['stores'])).toEqual(['a store']);

    await queryClient
      .fetchQuery({ queryKey: ['me'], queryFn: () => apiClient.get('/api/v1/me', z.unknown()), retry: false })
      .catch(() => undefined);

    expect(queryClient.getQueryData(SESSION_QUERY_KEY)).toBeNull();
    expect(queryClient.getQueryData(['stores'])).toBeUndefined();
    expect(apiClient.session.known).toBe(false);
  });

  it('keeps the session on other errors, such as 403', async () => {
    const apiClient = createTallyApiClient('console', { baseUrl: server.baseUrl });
    const queryClient = createQueryClient(apiClient);
    applySignedIn(queryClient, apiClient, user);

    await queryClient
      .fetchQuery({ queryKey: ['secret'], queryFn: () => apiClient.get('/api/v1/secret', z.unknown()) })
      .catch(() => undefined);

    expect(queryClient.getQueryData(SESSION_QUERY_KEY)).toEqual(user);
  });

  it('signing in drops what the previous user had cached', async () => {
    const apiClient = createTallyApiClient('console', { baseUrl: server.baseUrl });
    const queryClient = createQueryClient(apiClient);
    queryClient.setQueryData(['stores'], ['from someone else']);

    applySignedIn(queryClient, apiClient, user);

    expect(queryClient.getQueryData(['stores'])).toBeUndefined();
    expect(queryClient.getQueryData(SESSION_QUERY_KEY)).toEqual(user);
  });
});
