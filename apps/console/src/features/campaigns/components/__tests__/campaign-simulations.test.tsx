/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { CampaignSimulation } from '@tally/domain';
import { createTallyApiClient, formatDateTime } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CAMPAIGN_ID, SIMULATION_ID, simulation } from '../../testing/fixtures';
import { CampaignSimulations } from '../campaign-simulations';

const BASE = `/api/v1/campaigns/${CAMPAIGN_ID}/simulations`;
const EARLIER_ID = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

describe('CampaignSimulations', () => {
  let server: TestServer;
  /** What the list answers, newest first; tests move it on as the job would. */
  let stored: CampaignSimulation[];
  let failList: boolean;
  let refuseStart: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      [`GET ${BASE}`]: (_req, res) =>
        failList
          ? sendProblem(res, 500, { code: 'INTERNAL', title: 'Something went wrong' })
          : sendJson(res, 200, { items: stored, nextCursor: null }),
      [`POST ${BASE}`]: (req, res) => {
        if (refuseStart)
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: [{ field: 'from', message: 'must be in the past' }],
          });
        const body = JSON.parse(req.body) as { from: string; to: string };
        const queued = simulation({
          status: 'queued',
          period: { from: new Date(body.from).toISOString(), to: new Date(body.to).toISOString() },
          progress: { processed: 0, total: null },
          results: {
            ...simulation().results,
            pointsIssued: 0,
            membersReached: 0,
            receiptsMatched: 0,
            cost: 0,
          },
          startedAt: null,
          finishedAt: null,
        });
        stored = [queued, ...stored];
        sendJson(res, 202, queued);
      },
      [`POST ${BASE}/${SIMULATION_ID}/cancel`]: (_req, res) => {
        stored = stored.map((s) => (s.id === SIMULATION_ID ? { ...s, status: 'cancelled' } : s));
        sendJson(res, 200, stored[0]);
      },
    });
  });

  beforeEach(() => {
    stored = [];
    failList = false;
    refuseStart = false;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderSection = (canManage = true) =>
    renderPage(<CampaignSimulations campaignId={CAMPAIGN_ID} canManage={canManage} />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
    });
  const section = () => screen.getByRole('region', { name: 'Simulate on past sales' });
  const latest = () => screen.getByRole('region', { name: 'Latest simulation' });
  const figure = (scope: HTMLElement, term: string) =>
    within(scope).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
  /** The job moves the stored simulation on; the section asks again while it waits or runs. */
  const moveOn = (change: Partial<CampaignSimulation>) => {
    stored = [{ ...stored[0]!, ...change }, ...stored.slice(1)];
  };

  it('starts a simulation of the last 30 days, shows the bar move while it runs and the figures when it finishes', async () => {
    renderSection();
    expect(await screen.findByText('No simulations yet.', {}, { timeout: 5000 })).toBeTruthy();

    const form = screen.getByRole('form', { name: 'New simulation' });
    fireEvent.click(within(form).getByRole('button', { name: 'Start simulation' }));

    await screen.findByText('Waiting for the simulation to start…');
    const post = server.requests.find((r) => r.method === 'POST');
    const body = JSON.parse(post?.body ?? '{}') as { from: string; to: string };
    const today = new Date();
    expect(Date.parse(body.from)).toBe(
      new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30).getTime(),
    );
    expect(Math.abs(Date.parse(body.to) - Date.now())).toBeLessThan(10_000);
    const counting = within(latest()).getByRole('progressbar', { name: 'Counting the receipts…' });
    expect(counting.hasAttribute('value')).toBe(false);

    moveOn({ status: 'running', progress: { processed: 2_000, total: 5_000 } });
    const bar = await within(latest()).findByRole(
      'progressbar',
      { name: '2,000 of 5,000 receipts looked at (40%)' },
      { timeout: 5000 },
    );
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2000', '5000']);
    expect(within(latest()).getByRole('status').textContent).toBe('Simulating on past sales…');

    moveOn({ status: 'done', progress: { processed: 5_000, total: 5_000 }, results: simulation().results });
    await within(latest()).findByText('Simulation finished.', {}, { timeout: 5000 });
    expect(
      within(latest()).getByRole('progressbar', { name: '5,000 of 5,000 receipts looked at (100%)' }),
    ).toBeTruthy();
    expect(within(latest()).queryByRole('button', { name: 'Cancel simulation' })).toBeNull();
    expect(figure(latest(), 'Points it would have issued')).toBe('1,200');
    expect(figure(latest(), 'Members reached')).toBe('40');
    expect(figure(latest(), 'Receipts matched')).toBe('75');
    expect(figure(latest(), 'Cost at point value')).toBe('£12.00');
    expect(figure(latest(), 'Budget')).toBe('No budget');

    // Finished: it stops asking.
    const asked = server.requests.filter((r) => r.method === 'GET').length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(server.requests.filter((r) => r.method === 'GET').length).toBe(asked);
  }, 20_000);

  it('cancels a running simulation; it keeps the figures found so far and offers no cancel again', async () => {
    stored = [simulation({ status: 'running', progress: { processed: 500, total: 5_000 } })];
    renderSection();

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel simulation' }, { timeout: 5000 }));

    await within(latest()).findByText('Simulation cancelled; the figures are those found before it stopped.');
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      `${BASE}/${SIMULATION_ID}/cancel`,
    ]);
    expect(within(latest()).queryByRole('button', { name: 'Cancel simulation' })).toBeNull();
    expect(figure(latest(), 'Points it would have issued')).toBe('1,200');
  });

  it('says when the budget would have run out', async () => {
    stored = [
      simulation({
        results: {
          ...simulation().results,
          budgetPoints: 1_200,
          budgetRemaining: 0,
          budgetExhaustedAt: '2025-03-20T12:00:00.000Z',
        },
      }),
    ];
    renderSection();

    await screen.findByText(
      'Simulation finished: the budget would have run out, so later sales are left out.',
      {},
      { timeout: 5000 },
    );
    expect(figure(latest(), 'Budget')).toBe('1,200 of 1,200 points');
    expect(figure(latest(), 'Budget would have run out')).toBe(formatDateTime('2025-03-20T12:00:00.000Z'));
  });

  it('names the field beside it when the dates do not make a period, before and after asking the API', async () => {
    renderSection();
    await screen.findByText('No simulations yet.', {}, { timeout: 5000 });
    const form = screen.getByRole('form', { name: 'New simulation' });

    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2025-03-10' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2025-03-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start simulation' }));
    expect(within(form).getByLabelText('To').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);

    refuseStart = true;
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2025-03-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Start simulation' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('From').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(within(form).getByLabelText('To').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('lists the earlier simulations with their figures and who asked; a reader sees them without the form or cancel', async () => {
    stored = [
      simulation({ status: 'running', progress: { processed: 10, total: 100 } }),
      simulation({ id: EARLIER_ID, status: 'cancelled' }),
    ];
    renderSection(false);

    const earlier = await screen.findByRole('list', { name: 'Earlier simulations' }, { timeout: 5000 });
    const text = within(earlier).getByRole('listitem').textContent ?? '';
    expect(text).toContain('cancelled, version 2');
    expect(text).toContain('1,200 points, 40 members, 75 receipts, £12.00');
    expect(text).toContain('Mia Marketing');
    expect(screen.queryByRole('form', { name: 'New simulation' })).toBeNull();
    expect(
      within(latest()).getByRole('progressbar', { name: '10 of 100 receipts looked at (10%)' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel simulation' })).toBeNull();
  });

  it('says so when the simulations cannot be loaded, and offers to try again', async () => {
    failList = true;
    renderSection();

    const alert = await within(section()).findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toContain('Something went wrong');
    failList = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No simulations yet.')).toBeTruthy();
  });
});
