/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Campaign, CampaignStats, CampaignVersion } from '@tally/domain';
import { createTallyApiClient, formatDate } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { CAMPAIGN_ID, campaign, programme, running, stats, versions } from '../../testing/fixtures';
import { CampaignDetailPage } from '../campaign-detail-page';

describe('CampaignDetailPage', () => {
  let server: TestServer;
  let stored: Campaign;
  let dashboard: CampaignStats;
  let history: CampaignVersion[];

  const act = (status: Campaign['status']) => (_req: unknown, res: Parameters<typeof sendJson>[0]) => {
    stored = { ...stored, status, version: stored.version + 1 };
    sendJson(res, 200, stored);
  };

  beforeAll(async () => {
    const base = `/api/v1/campaigns/${CAMPAIGN_ID}`;
    server = await startTestServer({
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, programme),
      [`GET ${base}`]: (_req, res) => sendJson(res, 200, stored),
      [`GET ${base}/versions`]: (_req, res) => sendJson(res, 200, history),
      [`GET ${base}/stats`]: (_req, res) => sendJson(res, 200, dashboard),
      [`GET ${base}/simulations`]: (_req, res) => sendJson(res, 200, { items: [], nextCursor: null }),
      [`POST ${base}/pause`]: act('paused'),
      [`POST ${base}/end`]: act('ended'),
      [`POST ${base}/resume`]: act('live'),
    });
  });

  beforeEach(() => {
    stored = campaign();
    dashboard = stats;
    history = versions;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderDetail = (canManage = true) =>
    renderPage(
      <Routes>
        <Route path="/campaigns/:id" element={<CampaignDetailPage canManage={canManage} />} />
      </Routes>,
      {
        apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
        path: `/campaigns/${CAMPAIGN_ID}`,
      },
    );
  const actionButtons = async () => {
    await screen.findByRole('heading', { level: 1, name: 'Double coffee points' }, { timeout: 5000 });
    const group = screen.queryByRole('group', { name: 'Campaign actions' });
    return group
      ? within(group)
          .getAllByRole('button')
          .map((b) => b.textContent)
      : [];
  };

  it.each<[string, Partial<Campaign>, string[]]>([
    ['a draft starting later', { status: 'draft' }, ['Schedule', 'End campaign']],
    [
      'a draft whose start has passed',
      { status: 'draft', definition: running },
      ['Go live now', 'End campaign'],
    ],
    ['a scheduled campaign', { status: 'scheduled' }, ['Back to draft', 'End campaign']],
    ['a live campaign', { status: 'live', definition: running }, ['Pause', 'End campaign']],
    ['a paused campaign', { status: 'paused', definition: running }, ['Resume', 'End campaign']],
    ['an ended campaign', { status: 'ended', definition: running }, []],
  ])(
    'offers %s only the actions its status allows',
    async (_case, overrides, expected) => {
      stored = campaign(overrides);
      renderDetail();

      expect(await actionButtons()).toEqual(expected);
      expect(screen.queryByRole('link', { name: 'Edit the campaign' }) !== null).toBe(
        stored.status !== 'ended',
      );
      // The first render of a suite is slow on a busy machine.
    },
    15_000,
  );

  it('shows a role without campaigns:manage the campaign but no actions and no edit link', async () => {
    stored = campaign({ status: 'live', definition: running });
    renderDetail(false);

    expect(await actionButtons()).toEqual([]);
    expect(screen.queryByRole('link', { name: 'Edit the campaign' })).toBeNull();
    expect(await screen.findByRole('img', { name: 'Points issued against budget over time' })).toBeTruthy();
  });

  it('asks for a reason and a confirmation before ending, then says it ended', async () => {
    stored = campaign({ status: 'live', definition: running });
    renderDetail();
    await actionButtons();

    fireEvent.click(screen.getByRole('button', { name: 'End campaign' }));
    const form = screen.getByRole('form', { name: 'End campaign: Double coffee points' });
    expect(screen.getByText(/Ending is final/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm end' }));
    expect(within(form).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Coffee supplier stopped' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm end' }));

    const done = await screen.findByText('Campaign ended.', {}, { timeout: 3000 });
    expect(done.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(done));
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe(`/api/v1/campaigns/${CAMPAIGN_ID}/end`);
    expect(JSON.parse(post?.body ?? '')).toEqual({ reason: 'Coffee supplier stopped' });
    expect(await screen.findByText('Ended', { selector: '.tally-badge' })).toBeTruthy();
  });

  it('resumes a paused campaign with one click', async () => {
    stored = campaign({ status: 'paused', definition: running });
    renderDetail();
    await actionButtons();

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));

    expect(await screen.findByText('Campaign resumed.')).toBeTruthy();
    expect(await screen.findByText('Live', { selector: '.tally-badge' })).toBeTruthy();
  });

  it('says prominently why a live campaign is not contributing, and what it does in plain words', async () => {
    stored = campaign({ status: 'live', definition: running, haltedReason: 'Budget spent' });
    renderDetail();

    const halted = await screen.findByRole('note', { name: 'Not contributing' });
    expect(halted.textContent).toContain('Not contributing: Budget spent');
    const region = screen.getByRole('region', { name: 'What it does' });
    // Tier names arrive with the programme.
    await waitFor(() => expect(region.textContent).toContain('Members in the Silver tier.'));
    const summary = region.textContent ?? '';
    expect(summary).toContain('on Mondays and Fridays, between 07:00 and 11:00 in the store’s time');
    expect(summary).toContain('Lines in the categories coffee, when the sale spends at least £5.00 on them.');
    expect(summary).toContain('×2 points on the matching lines.');
    expect(summary).toContain('A total budget of 10,000 points; at most 200 points per member per week');
    expect(summary).toContain('Stacks: its points are added');
  });

  it('lists the history newest first with who, when and why', async () => {
    renderDetail();

    const history = await screen.findByRole('list', { name: 'Campaign history' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Paused', 'Created']);
    expect(entries[0]?.textContent).toContain('Mia Marketing');
    expect(entries[0]?.textContent).not.toContain(versions[0]?.changedBy);
    expect(entries[0]?.textContent).toContain('Reason: Coffee machine broken');
  });

  it('names the schedule for changes a job made and does not print an id it cannot name', async () => {
    const [created] = versions;
    history = [
      {
        ...created!,
        version: 3,
        change: 'ended on schedule',
        status: 'ended',
        changedBy: null,
        changedByName: null,
        changedAt: '2025-02-04T10:00:00.000Z',
      },
      {
        ...created!,
        version: 2,
        change: 'started',
        status: 'live',
        changedBy: 'f0e1d2c3-b4a5-4968-8776-655443322110',
        changedByName: null,
        changedAt: '2025-02-03T10:00:00.000Z',
      },
      created!,
    ];
    renderDetail();

    const list = await screen.findByRole('list', { name: 'Campaign history' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries[0]?.textContent).toContain('Automatic (schedule)');
    expect(entries[1]?.textContent).toContain('A staff member no longer on record');
    expect(entries[1]?.textContent).not.toContain('f0e1d2c3');
    expect(entries[2]?.textContent).toContain('Mia Marketing');
  });

  it('charts issued points against the budget, with the same figures as a table for assistive technology', async () => {
    renderDetail();

    const chart = await screen.findByRole('img', { name: 'Points issued against budget over time' });
    const description = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(
      `4,000 points issued from ${formatDate('2025-03-03')} to ${formatDate('2025-03-04')}, against a budget of 10,000.`,
    );
    const table = screen.getByRole('table', { name: 'Points issued per day' });
    expect(table.className).toBe('tally-visually-hidden');
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([`${formatDate('2025-03-03')}1,5001,5002025`, `${formatDate('2025-03-04')}2,5004,0002227`]);

    const results = screen.getByRole('region', { name: 'Results' });
    const figure = (term: string) =>
      within(results).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(figure('Members taking part')).toBe('37');
    expect(figure('Receipts')).toBe('52');
    expect(figure('Cost at point value')).toBe('£40.00');
    expect(figure('Redemptions that followed')).toBe('2,500 points by 5 members');
    expect(within(results).getByRole('progressbar', { name: /4,000 of 10,000 points \(40%\)/ })).toBeTruthy();
    expect(
      within(results).getByRole('link', { name: 'Download the results (CSV)' }).getAttribute('href'),
    ).toBe(`/api/v1/campaigns/${CAMPAIGN_ID}/stats.csv`);
  });

  it('says there is nothing to chart before any points are issued', async () => {
    dashboard = { ...stats, issuedPoints: 0, daily: [] };
    renderDetail();

    expect(await screen.findByText('No points issued yet, so there is nothing to chart.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
