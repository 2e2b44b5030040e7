/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { LiabilityReport } from '@tally/domain';
import { createTallyApiClient, formatPoints } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatMoneyMilli, formatMonth } from '../../lib/liability-format';
import { LiabilityPage } from '../liability-page';

const report = (months: number): LiabilityReport => ({
  asOf: '2026-03-10T12:00:00.000Z',
  currency: 'GBP',
  pointValueMilli: 10,
  outstanding: { available: 770, pending: 400, held: 20, debt: 5, valueMilli: 11_700 },
  months: [
    {
      month: '2026-01',
      issued: 1000,
      reversed: 0,
      adjusted: 0,
      redeemed: 0,
      expired: 0,
      outstandingEnd: 1000,
    },
    { month: '2026-02', issued: 70, reversed: 0, adjusted: 0, redeemed: 0, expired: 0, outstandingEnd: 1070 },
    {
      month: '2026-03',
      issued: 700,
      reversed: 100,
      adjusted: 0,
      redeemed: 300,
      expired: 200,
      outstandingEnd: 1170,
    },
  ].slice(-months),
});

describe('LiabilityPage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/reports/liability': (req, res) =>
        sendJson(res, 200, report(Number(new URL(req.url, 'http://x').searchParams.get('months')))),
    });
  });
  afterAll(() => server.close());

  it('shows outstanding points and their value, an SVG chart with a text summary, and every month in a table', async () => {
    renderPage(<LiabilityPage />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/reports/liability',
    });
    expect(screen.getByText('Loading the report…')).toBeTruthy();
    await screen.findByRole('table', { name: 'Points per month' });
    const stat = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(stat('Value')).toBe(formatMoneyMilli(11_700, 'GBP'));
    expect(stat('Pending')).toBe(formatPoints(400));
    expect(formatMoneyMilli(11_700, 'GBP', 'en-GB')).toBe('£0.12');
    expect(stat('Available')).toBe(formatPoints(770));

    const chart = screen.getByRole('img');
    const described = chart
      .getAttribute('aria-labelledby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent);
    expect(described[0]).toBe('Points issued, redeemed and expired per month');
    expect(described[1]).toContain('issued 1,770, redeemed 300, expired 200 points');
    expect(chart.querySelectorAll('rect')).toHaveLength(9);

    const table = screen.getByRole('table', { name: 'Points per month' });
    const march = within(table).getByRole('row', {
      name: new RegExp(`^${formatMonth('2026-03', undefined, 'long')}`),
    });
    expect(
      within(march)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['700', '100', '0', '300', '200', '1,170', formatMoneyMilli(11_700, 'GBP')]);
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/v1/reports/liability.csv?months=12',
    );

    fireEvent.change(screen.getByLabelText('Months shown'), { target: { value: '6' } });
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/v1/reports/liability.csv?months=6',
    );
    await waitFor(() =>
      expect(server.requests.some((r) => r.url === '/api/v1/reports/liability?months=6')).toBe(true),
    );
  });
});
