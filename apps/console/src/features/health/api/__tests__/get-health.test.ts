import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthResponse, Problem } from '@tally/domain';
import { ApiError, createApiClient } from '@tally/ui';
import { QueryClient } from '@tanstack/react-query';
import { getHealth, healthQueryOptions } from '../get-health';

const health: HealthResponse = {
  status: 'degraded',
  version: '0.1.0',
  uptimeSeconds: 12.5,
  time: '2025-01-01T00:00:00.000Z',
  database: {
    status: 'down',
    kind: 'server',
    latencyMs: null,
    migrationsPending: null,
    error: 'connection refused',
  },
};

const unavailable: Problem = {
  type: '/api/docs/errors#database-unavailable',
  title: 'The database is not available',
  status: 503,
  code: 'DATABASE_UNAVAILABLE',
};

describe('health API', () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; contentType: string; body: unknown };

  beforeAll(async () => {
    // A real API stand-in: answers GET /api/health with whatever the current test put in `answer`.
    server = createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/api/health') {
        res.writeHead(answer.status, { 'content-type': answer.contentType }).end(JSON.stringify(answer.body));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('healthQueryOptions fetches GET /api/health through a QueryClient and caches it under its key', async () => {
    answer = { status: 200, contentType: 'application/json', body: health };
    const queryClient = new QueryClient();
    const options = healthQueryOptions(createApiClient({ baseUrl }));

    await expect(queryClient.fetchQuery(options)).resolves.toEqual(health);
    expect(queryClient.getQueryData(options.queryKey)).toEqual(health);
  });

  it('getHealth rejects with the typed problem when the API answers 503 problem+json', async () => {
    answer = { status: 503, contentType: 'application/problem+json', body: unavailable };

    const error: unknown = await getHealth({ client: createApiClient({ baseUrl }) }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', title: unavailable.title });
  });

  it('getHealth rejects a body that is not a health response instead of rendering it', async () => {
    answer = { status: 200, contentType: 'application/json', body: { status: 'fine' } };

    const error: unknown = await getHealth({ client: createApiClient({ baseUrl }) }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
