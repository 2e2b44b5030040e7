import { createTallyApiClient } from '@tally/ui';
import { sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { QueryClient } from '@tanstack/react-query';
import { auditEntry, london } from '../../../../test/fixtures';
import { auditQueryOptions } from '../get-audit';

describe('audit API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/audit': (req, res) => {
        const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
        if (cursor === 'page-2') return sendJson(res, 200, { items: [auditEntry('1')], nextCursor: null });
        sendJson(res, 200, { items: [auditEntry('3'), auditEntry('2')], nextCursor: 'page-2' });
      },
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('sends the filters and pages on with the previous page’s cursor until there is none', async () => {
    const queryClient = new QueryClient();
    const filters = {
      storeId: london.id,
      action: 'pos_key.revoked',
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-31T23:59:59.999Z',
    };
    const options = auditQueryOptions(client(), filters);

    const data = await queryClient.fetchInfiniteQuery({ ...options, pages: 2 });

    expect(data.pages.flatMap((page) => page.items.map((entry) => entry.id))).toEqual(['3', '2', '1']);
    expect(options.getNextPageParam(data.pages[1]!, data.pages, undefined, [])).toBeUndefined();
    const urls = server.requests.map((r) => new URL(r.url, 'http://x'));
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ ...filters, limit: '50' });
    expect(urls.at(-1)?.searchParams.get('cursor')).toBe('page-2');
  });
});
