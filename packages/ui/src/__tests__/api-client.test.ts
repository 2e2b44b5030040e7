import { HealthResponseSchema, type HealthResponse, type Problem } from '@tally/domain';
import { z } from 'zod';
import { ApiError, createApiClient } from '../api-client.js';
import { sendJson, startTestServer, type TestServer } from '../testing/test-server.js';

const health: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 42,
  time: '2025-01-01T00:00:00.000Z',
  database: { status: 'up', kind: 'embedded', latencyMs: 1.5, migrationsPending: 0 },
};

const validationProblem: Problem = {
  type: '/api/docs/errors#validation-failed',
  title: 'The request is not valid',
  status: 400,
  detail: '2 fields are invalid',
  code: 'VALIDATION_FAILED',
  requestId: 'req-123',
  errors: [
    { field: 'amount', message: 'Must be positive' },
    { field: 'receipt.lines.0.unitPrice', message: 'Required' },
  ],
};

const EchoSchema = z.object({ received: z.unknown() });

/** Awaits a promise that must reject with an ApiError, and returns that error. */
async function apiErrorFrom(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createApiClient', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/health': (_req, res) => sendJson(res, 200, health),
      'POST /api/echo': (req, res) => sendJson(res, 201, { received: JSON.parse(req.body) }),
      'POST /api/validate': (_req, res) =>
        sendJson(res, 400, validationProblem, 'application/problem+json; charset=utf-8'),
      'GET /api/gateway': (_req, res) =>
        res
          .writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'proxy-9' })
          .end('<html><body>Bad Gateway</body></html>'),
      'GET /api/unknown-problem': (_req, res) =>
        sendJson(res, 500, { title: 'Boom', status: 500, code: 'SOMETHING_NEW' }, 'application/problem+json'),
      'GET /api/wrong-shape': (_req, res) => sendJson(res, 200, { ...health, uptimeSeconds: 'long' }),
      'GET /api/not-json': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
      // Never answers: only the client's abort can end this request.
      'GET /api/slow': () => undefined,
    });
  });

  afterAll(() => server.close());

  it('returns a 200 body parsed by the schema and asks for JSON', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    await expect(client.get('/api/health', HealthResponseSchema)).resolves.toEqual(health);

    const request = server.requests.find((r) => r.url === '/api/health');
    expect(request?.headers.accept).toContain('application/json');
  });

  it('posts the body as JSON with a JSON content type and keeps caller headers', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const result = await client.post('/api/echo', { amount: 10 }, EchoSchema, {
      headers: { 'Idempotency-Key': 'key-1' },
    });

    expect(result).toEqual({ received: { amount: 10 } });
    const request = server.requests.find((r) => r.url === '/api/echo');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe('key-1');
  });

  it('turns a problem+json 400 into an ApiError with its code, title, detail, field errors and request id', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const error = await apiErrorFrom(client.post('/api/validate', { amount: -1 }, EchoSchema));

    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'The request is not valid',
      detail: '2 fields are invalid',
      requestId: 'req-123',
    });
    expect(error.errors.map((e) => e.field)).toEqual(['amount', 'receipt.lines.0.unitPrice']);
    expect(error.retryable).toBe(false);
  });

  it('turns a non-JSON 502 into a retryable HTTP_ERROR that names the status', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const error = await apiErrorFrom(client.get('/api/gateway', HealthResponseSchema));

    expect(error).toMatchObject({ status: 502, code: 'HTTP_ERROR', requestId: 'proxy-9' });
    expect(error.title).toContain('502');
    expect(error.errors).toEqual([]);
    expect(error.retryable).toBe(true);
  });

  it('treats a problem+json body with a code this client does not know as an HTTP_ERROR, not a crash', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const error = await apiErrorFrom(client.get('/api/unknown-problem', HealthResponseSchema));

    expect(error).toMatchObject({ status: 500, code: 'HTTP_ERROR' });
  });

  it('rejects a 200 body that fails the schema as INVALID_RESPONSE naming the bad field', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const error = await apiErrorFrom(client.get('/api/wrong-shape', HealthResponseSchema));

    expect(error).toMatchObject({ status: 200, code: 'INVALID_RESPONSE' });
    expect(error.errors.map((e) => e.field)).toEqual(['uptimeSeconds']);
  });

  it('rejects a 200 body that is not JSON as INVALID_RESPONSE', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });

    const error = await apiErrorFrom(client.get('/api/not-json', HealthResponseSchema));

    expect(error).toMatchObject({ status: 200, code: 'INVALID_RESPONSE' });
    expect(error.detail).toContain('text/html');
  });

  it('reports an unreachable server as a retryable NETWORK_ERROR with status 0', async () => {
    const closed = await startTestServer({});
    await closed.close();
    const client = createApiClient({ baseUrl: closed.baseUrl });

    const error = await apiErrorFrom(client.get('/api/health', HealthResponseSchema));

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(error.retryable).toBe(true);
  });

  it('lets a cancelled request reject with the abort error rather than a NETWORK_ERROR', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();

    const pending = client.get('/api/slow', HealthResponseSchema, { signal: controller.signal });
    controller.abort();

    const error: unknown = await pending.catch((reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});
