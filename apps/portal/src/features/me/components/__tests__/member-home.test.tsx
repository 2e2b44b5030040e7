/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { PointsSummary, StatementPage } from '@tally/domain';
import { createQueryClient, createTallyApiClient, formatDate } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { pointsSummary, statement } from '../../../../test/fixtures';
import { MemberHome } from '../member-home';

const n = (value: number) => new Intl.NumberFormat().format(value);

describe('the home page', () => {
  let server: TestServer;
  let summary: PointsSummary;
  let activity: StatementPage;
  let summaryFails: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me/points-summary': (_req, res) =>
        summaryFails
          ? sendProblem(res, 503, { code: 'DATABASE_UNAVAILABLE', title: 'The database is not available' })
          : sendJson(res, 200, summary),
      'GET /api/v1/me/statement': (_req, res) => sendJson(res, 200, activity),
    });
  });

  beforeEach(() => {
    summary = pointsSummary;
    activity = statement;
    summaryFails = false;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderHome = () => {
    const apiClient = createTallyApiClient('portal', { baseUrl: server.baseUrl });
    const queryClient = createQueryClient(apiClient);
    // A 503 is retried in the app; here the error state should show at once.
    queryClient.setDefaultOptions({ queries: { retry: false } });
    return renderPage(<MemberHome name="Ada" cardNumber="400000000006" />, { apiClient, queryClient });
  };
  const section = (name: string) => screen.findByRole('region', { name });

  it('says it is loading first, then explains every number', async () => {
    renderHome();
    expect(screen.getByText('Loading your points…').getAttribute('role')).toBe('status');

    const balance = await section('Balance');
    expect(within(balance).getByText('Available').nextElementSibling?.textContent).toBe(n(1250));
    expect(balance.textContent).toContain('can be spent now');
    expect(within(balance).getByText('Owed').nextElementSibling?.textContent).toBe('0');
    expect(within(balance).queryByRole('note')).toBeNull();
    expect(balance.textContent).toContain('Card number: 4000 0000 0006');
    expect(balance.textContent).toContain('Tier: Member');

    const pending = await section('Pending points');
    const groups = within(pending).getAllByRole('listitem');
    expect(groups.map((li) => li.textContent)).toEqual([
      `${n(120)} points become available on ${formatDate('2025-03-10')}`,
      `${n(180)} points become available on ${formatDate('2025-03-17')}`,
    ]);

    const expiring = await section('Points expiring soon');
    expect(within(expiring).getByText('In the next 30 days').nextElementSibling?.textContent).toBe(n(100));
    expect(within(expiring).getByText('In the next 60 days').nextElementSibling?.textContent).toBe(n(300));
    expect(within(expiring).getByText('In the next 90 days').nextElementSibling?.textContent).toBe(n(450));
    expect(expiring.textContent).toContain('the 60-day figure counts the 30-day points too');
    expect(expiring.textContent).toContain(`Your next points to expire: ${n(100)} points on`);

    const tier = await section('Your tier');
    expect(tier.textContent).toContain('You are in Member.');
    expect(tier.textContent).toContain(`${n(250)} points more to reach Silver`);
    expect(within(tier).getByRole('progressbar', { name: 'Progress to Silver' }).getAttribute('value')).toBe(
      '750',
    );

    const latest = await section('Latest activity');
    expect(await within(latest).findByText('Points earned')).toBeTruthy();
    expect(within(latest).getByRole('link', { name: 'See every line on your statement' })).toBeTruthy();
  });

  it('shows a new member empty states instead of zeros without context', async () => {
    summary = {
      ...pointsSummary,
      balance: { available: 0, pending: 0, held: 0, debt: 0 },
      pending: [],
      expiring: { within30Days: 0, within60Days: 0, within90Days: 0, next: null, inactiveAt: null },
      tier: { ...pointsSummary.tier, qualifying: 0, toNext: 1000 },
    };
    activity = { items: [], nextCursor: null };
    renderHome();

    expect((await section('Pending points')).textContent).toContain('Nothing pending.');
    const expiring = await section('Points expiring soon');
    expect(expiring.textContent).toContain('None of your points expire in the next 90 days.');
    expect(within(expiring).queryByText('In the next 30 days')).toBeNull();
    expect(await screen.findByText(/No activity yet/)).toBeTruthy();
  });

  it('names the day every point expires for want of activity, and what keeps them', async () => {
    const inactiveAt = '2027-02-28T12:00:00.000Z';
    summary = { ...pointsSummary, expiring: { ...pointsSummary.expiring, inactiveAt } };
    renderHome();
    const expiring = await section('Points expiring soon');
    expect(expiring.textContent).toContain('Without any activity, all your points expire on');
    expect(expiring.querySelector(`time[datetime="${inactiveAt}"]`)).not.toBeNull();
    expect(expiring.textContent).toContain('Earning points on a purchase, or taking a reward, keeps them.');
  });

  it('explains a debt, reserved points and a top tier', async () => {
    summary = {
      ...pointsSummary,
      balance: { available: 0, pending: 0, held: 20, debt: 40 },
      tier: {
        ...pointsSummary.tier,
        current: { id: 'gold', name: 'Gold', threshold: 5000 },
        next: null,
        toNext: null,
        qualifying: 6000,
        changes: [
          {
            from: 'Silver',
            to: 'Gold',
            qualifying: 5100,
            cause: 'receipt R-9',
            at: '2025-02-01T10:00:00.000Z',
          },
        ],
      },
    };
    renderHome();

    const balance = await section('Balance');
    expect(within(balance).getByText('Owed').nextElementSibling?.textContent).toBe(n(40));
    expect(within(balance).getByRole('note').textContent).toContain(`You owe ${n(40)} points`);
    expect(balance.textContent).toContain(`${n(20)} points reserved`);
    const tier = await section('Your tier');
    expect(tier.textContent).toContain('This is our top tier.');
    expect(tier.textContent).toContain(`Silver → Gold on ${formatDate('2025-02-01')}`);
  });

  it('shows an error with a retry when the summary cannot be loaded', async () => {
    summaryFails = true;
    renderHome();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The database is not available');
    summaryFails = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await section('Balance')).toBeTruthy();
  });
});
