/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Claim, ClaimPage, PublicStore } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ClaimsPage } from '../claims-page';
import { toMinorUnits } from '../claim-form';

const highStreet: PublicStore = { id: '0b9f0f7e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', name: 'High Street' };
const riverside: PublicStore = { id: '1c0a1f8f-5b6c-4d7e-9f0a-1b2c3d4e5f60', name: 'Riverside' };

const waiting: Claim = {
  id: '2d1b2a9a-6c7d-4e8f-8a1b-2c3d4e5f6a71',
  state: 'submitted',
  store: highStreet,
  receiptRef: 'R-1001',
  purchasedOn: '2025-03-01',
  amount: 2499,
  currency: 'GBP',
  note: null,
  createdAt: '2025-03-02T10:00:00.000Z',
  points: null,
  answer: null,
  decidedAt: null,
  journalId: null,
};
const approved: Claim = {
  ...waiting,
  id: '3e2c3b0b-7d8e-4f9a-9b2c-3d4e5f6a7b82',
  state: 'approved',
  receiptRef: 'R-1002',
  points: 24,
  answer: 'Receipt seen at the desk',
  decidedAt: '2025-03-03T10:00:00.000Z',
  journalId: '4f3d4c1c-8e9f-4a0b-8c3d-4e5f6a7b8c93',
};
const denied: Claim = {
  ...waiting,
  id: '5a4e5d2d-9f0a-4b1c-9d4e-5f6a7b8c9da4',
  state: 'denied',
  receiptRef: 'R-1003',
  store: riverside,
  answer: 'This receipt is from another shop',
  decidedAt: '2025-03-03T10:00:00.000Z',
};

describe('missing points page', () => {
  let server: TestServer;
  let claims: Claim[];
  let createAnswer: (body: Record<string, unknown>) => [number, unknown];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me/stores': (_req, res) => sendJson(res, 200, [highStreet, riverside]),
      'GET /api/v1/me/claims': (_req, res) =>
        sendJson(res, 200, { items: claims, nextCursor: null } satisfies ClaimPage),
      'POST /api/v1/me/claims': (req, res) => {
        const [status, body] = createAnswer(JSON.parse(req.body) as Record<string, unknown>);
        if (status >= 400) sendProblem(res, status, body as Parameters<typeof sendProblem>[2]);
        else sendJson(res, status, body);
      },
    });
  });
  beforeEach(() => {
    claims = [waiting, approved, denied];
    createAnswer = (body) => {
      const created: Claim = {
        ...waiting,
        id: '6b5f6e3e-0a1b-4c2d-8e5f-6a7b8c9d0eb5',
        receiptRef: String(body.receiptRef),
      };
      claims = [created, ...claims];
      return [201, created];
    };
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderClaims = () =>
    renderPage(
      <Routes>
        <Route path="/claims" element={<ClaimsPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path: '/claims' },
    );
  const posts = () => server.requests.filter((r) => r.method === 'POST');

  it('lists the member’s claims with their state, the points added and the staff answer', async () => {
    renderClaims();
    expect(await screen.findByRole('heading', { level: 1, name: 'Missing points' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Your claims' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain('Receipt R-1001');
    expect(items[0]?.textContent).toContain('Waiting for review');
    expect(items[0]?.textContent).toContain(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'GBP' }).format(24.99),
    );
    expect(items[1]?.textContent).toContain('Approved: 24 points added');
    expect(items[1]?.textContent).toContain('Our answer: Receipt seen at the desk');
    expect(items[2]?.textContent).toContain('Not approved');
    expect(items[2]?.textContent).toContain('Our answer: This receipt is from another shop');
  });

  it('says so when there are no claims yet', async () => {
    claims = [];
    renderClaims();
    expect(await screen.findByText('You have not claimed any missing points.')).toBeTruthy();
  });

  it('checks the form before sending and names every field to fix', async () => {
    renderClaims();
    await screen.findByRole('option', { name: 'High Street' });
    fireEvent.click(screen.getByRole('button', { name: 'Send claim' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Store');
    expect(summary.textContent).toContain('Receipt number');
    expect(summary.textContent).toContain('Date of purchase');
    expect(summary.textContent).toContain('Receipt total');
    expect(screen.getByLabelText('Receipt total').getAttribute('aria-invalid')).toBe('true');
    expect(posts()).toHaveLength(0);
  });

  it('sends the amount in minor units and shows the new claim in the list', async () => {
    renderClaims();
    await screen.findByRole('option', { name: 'Riverside' });
    fireEvent.change(screen.getByLabelText('Store'), { target: { value: riverside.id } });
    fireEvent.change(screen.getByLabelText('Receipt number'), { target: { value: 'R-2001' } });
    fireEvent.change(screen.getByLabelText('Date of purchase'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Receipt total'), { target: { value: '£24.99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send claim' }));

    expect(await screen.findByText(/Your claim for receipt R-2001 is sent/)).toBeTruthy();
    expect(JSON.parse(posts()[0]?.body ?? '')).toEqual({
      storeId: riverside.id,
      receiptRef: 'R-2001',
      purchasedOn: '2025-03-01',
      amount: 2499,
    });
    const list = await screen.findByRole('list', { name: 'Your claims' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(4));
    expect(screen.getByLabelText<HTMLInputElement>('Receipt number').value).toBe('');
  });

  it('puts the API’s refusal beside the field it names', async () => {
    createAnswer = () => [
      409,
      {
        code: 'RECEIPT_ALREADY_CREDITED',
        title: 'This receipt has already earned points',
        errors: [{ field: 'receiptRef', message: 'has already earned points' }],
      },
    ];
    renderClaims();
    await screen.findByRole('option', { name: 'High Street' });
    fireEvent.change(screen.getByLabelText('Store'), { target: { value: highStreet.id } });
    fireEvent.change(screen.getByLabelText('Receipt number'), { target: { value: 'R-1' } });
    fireEvent.change(screen.getByLabelText('Date of purchase'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('Receipt total'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send claim' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('This receipt has already earned points');
    const field = screen.getByLabelText('Receipt number');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(field.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(message?.textContent).toContain('has already earned points');
  });
});

describe(toMinorUnits.name, () => {
  it.each([
    ['24.99', 2499],
    ['24,9', 2490],
    ['£ 24', 2400],
    ['', Number.NaN],
    ['24.999', Number.NaN],
    ['abc', Number.NaN],
  ])('reads %s as %d', (text, minor) => {
    expect(toMinorUnits(text)).toBe(minor);
  });
});
