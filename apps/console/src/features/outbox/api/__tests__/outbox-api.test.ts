import { createTallyApiClient } from '@tally/ui';
import { sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { invitation } from '../../../../test/fixtures';
import { getOutboxPage, outboxQueryOptions } from '../get-outbox';

describe('outbox API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/outbox': (_req, res) => sendJson(res, 200, { items: [invitation], nextCursor: null }),
    });
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('asks for one status and a page, and parses the messages', async () => {
    const page = await getOutboxPage(client(), { status: 'held', cursor: 'abc', limit: 20 });

    expect(page.items).toEqual([invitation]);
    expect(server.requests.at(-1)?.url).toBe('/api/v1/outbox?status=held&cursor=abc&limit=20');
  });

  it('keys each status filter apart', () => {
    expect(outboxQueryOptions(client(), 'failed').queryKey).toEqual(['outbox', { status: 'failed' }]);
    expect(outboxQueryOptions(client()).queryKey).toEqual(['outbox', { status: undefined }]);
  });
});
