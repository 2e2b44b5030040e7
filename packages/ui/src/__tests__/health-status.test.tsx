/**
 * @jest-environment ./test/jsdom-environment.js
 */
import { HealthResponseSchema, type HealthResponse, type Problem } from '@tally/domain';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createApiClient } from '../api-client.js';
import { HealthStatus, formatUptime } from '../health/health-status.js';
import { sendJson, startTestServer, type TestServer } from '../testing/test-server.js';

const health: HealthResponse = {
  status: 'ok',
  version: '1.2.3',
  uptimeSeconds: 3_725,
  time: '2025-01-01T00:00:00.000Z',
  database: { status: 'up', kind: 'embedded', latencyMs: 2.25, migrationsPending: 0 },
};

const unavailable: Problem = {
  type: '/api/docs/errors#database-unavailable',
  title: 'The database is not available',
  status: 503,
  code: 'DATABASE_UNAVAILABLE',
  requestId: 'req-503',
};

function HealthFrom({ baseUrl, path }: { baseUrl: string; path: string }) {
  const client = createApiClient({ baseUrl });
  const query = useQuery({
    queryKey: ['health', path],
    queryFn: ({ signal }) => client.get(path, HealthResponseSchema, { signal }),
  });
  return <HealthStatus query={query} />;
}

function renderWithQueryClient(ui: React.ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

/** The `<dt>` → `<dd>` pairs of the first description list inside `container`, as plain text. */
function termsAndDefinitions(container: HTMLElement): Record<string, string> {
  const terms = within(container).getAllByRole('term');
  return Object.fromEntries(
    terms.map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim(),
    ]),
  ) as Record<string, string>;
}

describe(HealthStatus.name, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/health': (_req, res) => sendJson(res, 200, health),
      'GET /api/health-down': (_req, res) => sendJson(res, 503, unavailable, 'application/problem+json'),
    });
  });

  afterAll(() => server.close());

  it('announces loading, then shows the health served by a real HTTP server', async () => {
    renderWithQueryClient(<HealthFrom baseUrl={server.baseUrl} path="/api/health" />);

    const region = screen.getByRole('region', { name: 'System status' });
    expect(within(region).getByRole('status').textContent).toBe('Checking the API…');

    expect(await within(region).findByText('All systems are working.')).toBeTruthy();
    expect(termsAndDefinitions(region)).toEqual({
      API: 'ok',
      Database: 'up embedded (PGlite)',
      'Database latency': '2.3 ms',
      Version: '1.2.3',
      Uptime: '1 h 2 min 5 s',
    });
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('shows the problem title and code in an alert when the API answers with a problem', async () => {
    renderWithQueryClient(<HealthFrom baseUrl={server.baseUrl} path="/api/health-down" />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not available');
    expect(within(alert).getByText('DATABASE_UNAVAILABLE')).toBeTruthy();
    expect(alert.textContent).toContain('req-503');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe(formatUptime.name, () => {
  it.each([
    [0, '0 s'],
    [59.9, '59 s'],
    [3_600, '1 h'],
    [93_784, '1 d 2 h 3 min'],
  ])('formats %p seconds as %p', (seconds, expected) => {
    expect(formatUptime(seconds)).toBe(expected);
  });
});
