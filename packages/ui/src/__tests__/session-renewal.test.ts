import { AuthUserSchema } from '@tally/domain';
import { z } from 'zod';
import { ApiError, NoContentSchema, createApiClient, pathWithQuery } from '../api-client.js';
import { AUTH_PATHS, createTallyApiClient } from '../auth/tally-api-client.js';
import { getSession } from '../auth/api/get-session.js';
import { login } from '../auth/api/login.js';
import { createSessionTracker } from '../session/session-tracker.js';
import { loginResponseFor, memberUser } from '../testing/fixtures.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from '../testing/test-server.js';

const user = memberUser;

const loginResponse = loginResponseFor(user);

const unauthenticated = { code: 'UNAUTHENTICATED', title: 'Authentication required' };

describe('createApiClient headers and methods', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'PATCH /api/thing': (req, res) => sendJson(res, 200, { received: JSON.parse(req.body) }),
      'POST /api/nothing': (_req, res) => res.writeHead(204).end(),
      'GET /api/ok': (_req, res) => sendJson(res, 200, { ok: true }),
    });
  });

  afterAll(() => server.close());

  it('sends its default headers with every request, and a caller header of the same name wins', async () => {
    const client = createApiClient({
      baseUrl: server.baseUrl,
      headers: { 'x-tally-client': 'portal', 'x-a': '1' },
    });

    await client.get('/api/ok', z.object({ ok: z.boolean() }), { headers: { 'x-a': '2' } });

    const request = server.requests.at(-1);
    expect(request?.headers['x-tally-client']).toBe('portal');
    expect(request?.headers['x-a']).toBe('2');
  });

  it('names the app in x-tally-client: portal and console each get their own session cookie', async () => {
    for (const app of ['portal', 'console'] as const) {
      await createTallyApiClient(app, { baseUrl: server.baseUrl }).get(
        '/api/ok',
        z.object({ ok: z.boolean() }),
      );
      expect(server.requests.at(-1)?.headers['x-tally-client']).toBe(app);
    }
  });

  it('sends PATCH with a JSON body', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const result = await client.patch('/api/thing', { name: 'Ada' }, z.object({ received: z.unknown() }));

    expect(result).toEqual({ received: { name: 'Ada' } });
    expect(server.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('accepts a 204 with no body as NoContentSchema', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    await expect(client.post('/api/nothing', {}, NoContentSchema)).resolves.toBeUndefined();
  });
});

describe('session renewal', () => {
  let server: TestServer;
  /** Whether the "access cookie" is still good; the refresh route makes it good again. */
  let accessValid: boolean;
  let refreshWorks: boolean;
  let refreshDelayMs: number;

  const count = (path: string) => server.requests.filter((r) => r.url === path).length;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me': (_req, res) =>
        accessValid ? sendJson(res, 200, { name: 'Ada' }) : sendProblem(res, 401, unauthenticated),
      'GET /api/v1/forbidden': (_req, res) =>
        sendProblem(res, 403, { code: 'FORBIDDEN', title: 'Not allowed' }),
      [`GET ${AUTH_PATHS.session}`]: (_req, res) =>
        accessValid ? sendJson(res, 200, user) : sendProblem(res, 401, unauthenticated),
      [`POST ${AUTH_PATHS.refresh}`]: (_req, res) => {
        setTimeout(() => {
          if (!refreshWorks) return sendProblem(res, 401, unauthenticated);
          accessValid = true;
          sendJson(res, 200, loginResponse);
        }, refreshDelayMs);
      },
      [`POST ${AUTH_PATHS.login}`]: (_req, res) =>
        sendProblem(res, 401, { code: 'INVALID_CREDENTIALS', title: 'The email or password is not right' }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
    accessValid = false;
    refreshWorks = true;
    refreshDelayMs = 0;
  });

  afterAll(() => server.close());

  function knownSessionClient() {
    const client = createTallyApiClient('portal', { baseUrl: server.baseUrl });
    client.session.signedIn();
    return client;
  }

  const Me = z.object({ name: z.string() });

  it('renews an expired session once with POST {} and repeats the refused request', async () => {
    const client = knownSessionClient();

    await expect(client.get('/api/v1/me', Me)).resolves.toEqual({ name: 'Ada' });

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/me',
      `POST ${AUTH_PATHS.refresh}`,
      'GET /api/v1/me',
    ]);
    const refresh = server.requests[1];
    expect(refresh?.body).toBe('{}');
    expect(refresh?.headers['x-tally-client']).toBe('portal');
  });

  it('shares one renewal among requests refused at the same time', async () => {
    refreshDelayMs = 50;
    const client = knownSessionClient();

    const results = await Promise.all([
      client.get('/api/v1/me', Me),
      client.get('/api/v1/me', Me),
      client.get('/api/v1/me', Me),
    ]);

    expect(results).toHaveLength(3);
    expect(count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('gives up with the original 401 when the renewal is refused, and forgets the session', async () => {
    refreshWorks = false;
    const client = knownSessionClient();

    const error: unknown = await client.get('/api/v1/me', Me).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(client.session.known).toBe(false);
    expect(count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('does not try to renew when no session was known (a visitor who never signed in)', async () => {
    const client = createTallyApiClient('portal', { baseUrl: server.baseUrl });
    client.session.signedOut();

    await expect(client.get('/api/v1/me', Me)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(count(AUTH_PATHS.refresh)).toBe(0);
  });

  it('never renews for a wrong password or for errors other than UNAUTHENTICATED', async () => {
    const client = knownSessionClient();

    await expect(
      login(client, { email: 'a@example.com', password: 'wrong', audience: 'member' }),
    ).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await expect(client.get('/api/v1/forbidden', Me)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(count(AUTH_PATHS.refresh)).toBe(0);
  });

  it('getSession renews a known session on reload, then answers with the user', async () => {
    const client = knownSessionClient();

    await expect(getSession(client)).resolves.toEqual(user);
    expect(count(AUTH_PATHS.refresh)).toBe(1);
  });

  it('getSession answers null (signed out), not an error, when there is no session', async () => {
    const client = createTallyApiClient('console', { baseUrl: server.baseUrl });

    await expect(getSession(client)).resolves.toBeNull();
    expect(client.session.known).toBe(false);
  });
});

describe('login', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      [`POST ${AUTH_PATHS.login}`]: (_req, res) => sendJson(res, 200, loginResponse),
    });
  });

  afterAll(() => server.close());

  it('posts the credentials with the audience and keeps only the user, never the tokens', async () => {
    const client = createTallyApiClient('console', { baseUrl: server.baseUrl });

    const result = await login(client, {
      email: 'ada@example.com',
      password: 'secret-secret',
      audience: 'staff',
    });

    expect(AuthUserSchema.parse(result)).toEqual(user);
    expect(JSON.stringify(result)).not.toContain('token');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      email: 'ada@example.com',
      password: 'secret-secret',
      audience: 'staff',
    });
  });
});

describe(createSessionTracker.name, () => {
  it('keeps the flag in memory when there is no browser storage', () => {
    const tracker = createSessionTracker('tally.test.signed-in');
    expect(tracker.known).toBe(false);
    tracker.signedIn();
    expect(tracker.known).toBe(true);
    tracker.signedOut();
    expect(tracker.known).toBe(false);
  });
});

describe(pathWithQuery.name, () => {
  it('adds only the parameters that are set, encoded', () => {
    expect(
      pathWithQuery('/api/v1/audit', { action: 'staff.invite', storeId: undefined, actorId: '', limit: 50 }),
    ).toBe('/api/v1/audit?action=staff.invite&limit=50');
    expect(pathWithQuery('/api/v1/outbox', { cursor: 'a b&c' })).toBe('/api/v1/outbox?cursor=a+b%26c');
    expect(pathWithQuery('/api/v1/stores', {})).toBe('/api/v1/stores');
  });
});
