/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { MemberReceipt, StatementLine, StatementPage as StatementPageData } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { StatementPage } from '../statement-page';

const receiptId = '2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f';

const earned: StatementLine = {
  journalId: '0e7d5c4b-3a29-4180-9f6e-5d4c3b2a1908',
  kind: 'earn',
  occurredAt: '2025-03-03T14:05:00.000Z',
  points: 250,
  available: 250,
  pending: 0,
  debt: 0,
  availableAfter: 1250,
  reason: {
    description: 'Points earned',
    externalRef: 'R-1001',
    storeId: null,
    note: null,
    reversesJournalId: null,
    expiresAt: '2026-03-03T14:05:00.000Z',
    receiptId,
  },
};
const spent: StatementLine = {
  ...earned,
  journalId: '1f8e6d5c-4b3a-4291-8a7f-6e5d4c3b2a19',
  kind: 'redeem',
  occurredAt: '2025-03-02T10:00:00.000Z',
  points: -500,
  available: -500,
  availableAfter: 1000,
  reason: {
    description: 'Reward redeemed',
    externalRef: null,
    storeId: null,
    note: 'Goodwill from the manager',
    reversesJournalId: null,
    expiresAt: null,
  },
};
const older: StatementLine = {
  ...spent,
  journalId: '2a9f7e6d-5c4b-43a2-9b8a-7f6e5d4c3b2a',
  occurredAt: '2025-02-01T10:00:00.000Z',
  points: 1500,
  availableAfter: 1500,
  reason: { ...spent.reason, description: 'Welcome bonus', note: null },
};

const receipt: MemberReceipt = {
  id: receiptId,
  receiptRef: 'R-1001',
  store: { id: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', name: 'High Street' },
  createdAt: '2025-03-03T14:05:00.000Z',
  currency: 'GBP',
  lines: [
    {
      sku: 'SKU-1',
      description: 'Flat white',
      category: 'coffee',
      quantity: 2,
      unitPrice: 350,
      kind: 'sale',
    },
  ],
  totalAmount: 700,
  eligibleAmount: 700,
  points: 250,
  earnLines: [
    { source: 'base', campaignId: null, description: 'Base rate', points: 200 },
    { source: 'campaign', campaignId: 'c1', description: 'Coffee week', points: 50 },
  ],
  refunds: [],
};

describe('statement page', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me/statement': (req, res) => {
        const url = new URL(req.url, 'http://localhost');
        const cursor = url.searchParams.get('cursor');
        const kind = url.searchParams.get('kind');
        let page: StatementPageData;
        if (kind) page = { items: [spent], nextCursor: null };
        else if (cursor === 'page-2') page = { items: [older], nextCursor: null };
        else page = { items: [earned, spent], nextCursor: 'page-2' };
        sendJson(res, 200, page);
      },
      [`GET /api/v1/me/receipts/${receiptId}`]: (_req, res) => sendJson(res, 200, receipt),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  function renderStatement() {
    return renderPage(
      <Routes>
        <Route path="/statement" element={<StatementPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path: '/statement' },
    );
  }
  const statementUrls = () =>
    server.requests.filter((r) => r.url.startsWith('/api/v1/me/statement')).map((r) => r.url);
  const lineFor = async (description: string) =>
    (await screen.findByText(description)).closest('li') as HTMLElement;

  it('shows each line with its reason, points and running balance', async () => {
    renderStatement();
    const earnLine = await lineFor('Points earned');
    expect(earnLine.textContent).toContain('receipt R-1001');
    expect(earnLine.textContent).toContain('expires');
    expect(earnLine.textContent).toContain('+250');
    expect(earnLine.textContent).toContain('Balance 1,250');
    const spendLine = await lineFor('Reward redeemed');
    expect(spendLine.textContent).toContain('Goodwill from the manager');
    expect(spendLine.textContent).toMatch(/[-−]500/);
    expect(spendLine.textContent).toContain('Spent or removed');
    expect(spendLine.textContent).toContain('Balance 1,000');
    expect(statementUrls()[0]).toBe('/api/v1/me/statement?limit=50');
  });

  it('links to the CSV download', async () => {
    renderStatement();
    const link = await screen.findByRole('link', { name: 'Download CSV' });
    expect(link.getAttribute('href')).toBe('/api/v1/me/statement.csv');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('loads the next cursor with "Load more"', async () => {
    renderStatement();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await lineFor('Welcome bonus');
    expect(statementUrls()).toContain('/api/v1/me/statement?limit=50&cursor=page-2');
    expect(await screen.findByText('No more lines.')).toBeTruthy();
  });

  it('filters by type, starting again at the first page', async () => {
    renderStatement();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await lineFor('Welcome bonus');
    server.requests.length = 0;
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'redeem,capture' } });
    await waitFor(() => expect(screen.queryByText('Points earned')).toBeNull());
    expect(await screen.findByText('Reward redeemed')).toBeTruthy();
    expect(screen.queryByText('Welcome bonus')).toBeNull();
    expect(statementUrls()).toEqual(['/api/v1/me/statement?limit=50&kind=redeem%2Ccapture']);
  });

  it('sends the dates as local midnights, the To date exclusive', async () => {
    renderStatement();
    await lineFor('Points earned');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-03-02' } });
    const from = new Date(2025, 2, 1).toISOString();
    const to = new Date(2025, 2, 3).toISOString();
    await waitFor(() =>
      expect(
        statementUrls().some((url) => {
          const params = new URL(url, 'http://localhost').searchParams;
          return params.get('from') === from && params.get('to') === to && !params.has('cursor');
        }),
      ).toBe(true),
    );
  });

  it('opens a line’s receipt and how its points were earned', async () => {
    renderStatement();
    const earnLine = await lineFor('Points earned');
    fireEvent.click(within(earnLine).getByRole('button', { name: 'View receipt' }));
    const panel = await screen.findByRole('region', { name: 'Receipt R-1001' });
    expect(within(panel).getByText('High Street', { exact: false })).toBeTruthy();
    expect(within(panel).getByText('Flat white')).toBeTruthy();
    const earnList = within(panel).getByRole('list', { name: 'How the points were earned' });
    expect(earnList.textContent).toContain('Base rate: +200 points');
    expect(earnList.textContent).toContain('Coffee week: +50 points');
  });
});
