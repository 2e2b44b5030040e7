/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Campaign } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { campaign, doubleCoffee, running } from '../../testing/fixtures';
import { CampaignsPage } from '../campaigns-page';

const live = campaign({
  status: 'live',
  definition: running,
  issuedPoints: 10_000,
  budgetRemaining: 0,
  haltedReason: 'Budget spent',
});
const older: Campaign = campaign({
  id: '1e2f3041-5263-4748-895a-6b7c8d9e0f10',
  definition: { ...doubleCoffee, name: 'Birthday bonus', limits: { budgetPoints: null, perMember: null } },
  issuedPoints: 1_234,
});

describe('CampaignsPage', () => {
  let server: TestServer;
  let firstPage: Campaign[];
  let listFails: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/campaigns': (req, res) => {
        if (listFails) return sendProblem(res, 403, { code: 'FORBIDDEN', title: 'You may not do this' });
        const url = new URL(req.url, 'http://test');
        if (url.searchParams.get('cursor') === 'page-2')
          return sendJson(res, 200, { items: [older], nextCursor: null });
        const status = url.searchParams.get('status');
        const items = status ? firstPage.filter((c) => c.status === status) : firstPage;
        sendJson(res, 200, { items, nextCursor: status ? null : 'page-2' });
      },
    });
  });

  beforeEach(() => {
    firstPage = [live];
    listFails = false;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderList = (canManage = true) =>
    renderPage(<CampaignsPage canManage={canManage} />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/campaigns',
    });

  it('offers to create the first campaign when there are none, to roles that may manage them', async () => {
    firstPage = [];
    renderList();
    expect(screen.getByText('Loading campaigns…').getAttribute('role')).toBe('status');

    expect(await screen.findByText('No campaigns yet.')).toBeTruthy();
    const links = screen.getAllByRole('link', { name: 'New campaign' });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/campaigns/new', '/campaigns/new']);
    expect(screen.queryByRole('table', { name: 'Campaigns' })).toBeNull();
  });

  it('shows a manager the list without a "New campaign" button', async () => {
    firstPage = [];
    renderList(false);

    expect(await screen.findByText('No campaigns yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New campaign' })).toBeNull();
  });

  it('lists each campaign with its status, window, budget use and why it is halted, then loads more', async () => {
    renderList();

    const row = await screen.findByRole('row', { name: /Double coffee points/ });
    expect(within(row).getByRole('link', { name: 'Double coffee points' }).getAttribute('href')).toBe(
      `/campaigns/${live.id}`,
    );
    expect(within(row).getByText('Live').className).toContain('tally-badge--ok');
    expect(
      within(row)
        .getAllByRole('time')
        .map((t) => t.getAttribute('datetime')),
    ).toEqual([running.window.startsAt, running.window.endsAt]);
    expect(row.textContent).toContain('10,000 of 10,000 points (100%)');
    expect(within(row).getByRole('progressbar', { name: /10,000 of 10,000 points/ })).toBeTruthy();
    expect(within(row).getByText('Budget spent')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const next = await screen.findByRole('row', { name: /Birthday bonus/ });
    expect(next.textContent).toContain('1,234 points, no budget');
    expect(screen.getByText('No more campaigns.')).toBeTruthy();
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/campaigns?limit=25',
      '/api/v1/campaigns?cursor=page-2&limit=25',
    ]);
  });

  it('filters by status with toggle buttons and says when none match', async () => {
    renderList();
    await screen.findByRole('row', { name: /Double coffee points/ });
    const filters = screen.getByRole('group', { name: 'Show campaigns' });
    expect(within(filters).getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(filters).getByRole('button', { name: 'Paused' }));

    expect(await screen.findByText('No paused campaigns.')).toBeTruthy();
    expect(within(filters).getByRole('button', { name: 'Paused' }).getAttribute('aria-pressed')).toBe('true');
    expect(server.requests.at(-1)?.url).toBe('/api/v1/campaigns?status=paused&limit=25');
    expect(screen.getByRole('heading', { name: 'Paused campaigns' })).toBeTruthy();
  });

  it('shows why the list could not be read, with a retry', async () => {
    listFails = true;
    renderList();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not do this');
    listFails = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('row', { name: /Double coffee points/ })).toBeTruthy());
  });
});
