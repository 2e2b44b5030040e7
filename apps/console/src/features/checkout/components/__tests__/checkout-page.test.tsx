/**
 * @jest-environment @tally/ui/jest-environment
 */
import {
  evaluateEarn,
  type AuthUser,
  type CheckoutEarnResponse,
  type MemberSummary,
  type Receipt,
  type Reward,
  type Store,
  type Voucher,
} from '@tally/domain';
import { createTallyApiClient, formatPoints } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { london, staffUser } from '../../../../test/fixtures';
import { AppRoutes } from '../../../../app/routes';
import { earnMemberOf } from '../../lib/sale-draft';
import { alice, awarded, bob, programme } from '../../testing/fixtures';

const manchester: Store = {
  ...london,
  id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  code: 'MAN-01',
  name: 'Tally Market Manchester',
};

const coffee: Reward = {
  id: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a',
  name: 'Free coffee',
  description: 'Any size',
  imageUrl: null,
  costPoints: 250,
  stock: null,
  perMemberLimit: null,
  activeFrom: '2026-01-01T00:00:00.000Z',
  activeUntil: null,
  voucherValidDays: 30,
  archived: false,
};
const toteBag: Reward = {
  ...coffee,
  id: 'e5f6a7b8-c9d0-4e1f-9a2b-3c4d5e6f7a8b',
  name: 'Tote bag',
  costPoints: 500,
};

function voucherFor(reward: Reward, code: string, status: Voucher['status']): Voucher {
  return {
    id: 'f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c',
    code,
    reward: { id: reward.id, name: reward.name },
    points: reward.costPoints,
    status,
    expiresAt: '2026-12-31T00:00:00.000Z',
    createdAt: '2026-11-01T00:00:00.000Z',
    usedAt: status === 'used' ? '2026-11-23T10:00:00.000Z' : null,
    cancelledAt: null,
  };
}

const PENDING_REASON = '2400 points is above the 2000 a cashier may award on one receipt';

interface EarnBody {
  member: { memberId: string };
  storeId?: string;
  receipt: Receipt;
}

describe('checkout page', () => {
  let server: TestServer;
  let user: AuthUser;
  /** The fake API's idempotency store: key → the request it first saw and what it answered. */
  let awards: Map<string, { request: string; status: number; body: CheckoutEarnResponse }>;
  let loseNextAnswer: boolean;
  /** Reward redemptions by Idempotency-Key: a retry with the same key is answered with the first result. */
  let rewardRedemptions: Map<string, { request: string; body: unknown }>;

  const members: Record<string, MemberSummary> = {
    'card=400000000002': alice,
    'email=alice%40demo.tally': alice,
    'card=400000000010': bob,
  };

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, user),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, [london, manchester]),
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, programme),
      'GET /api/v1/members/lookup': (req, res) => {
        const member = members[req.url.split('?')[1] ?? ''];
        if (member) sendJson(res, 200, member);
        else sendProblem(res, 404, { code: 'MEMBER_NOT_FOUND', title: 'Member not found' });
      },
      'POST /api/v1/checkout/earn': (req, res) => {
        const key = String(req.headers['idempotency-key']);
        const prior = awards.get(key);
        if (prior) {
          if (prior.request !== req.body) {
            return sendProblem(res, 409, {
              code: 'IDEMPOTENCY_KEY_REUSED',
              title: 'This Idempotency-Key was used for a different request',
            });
          }
          return sendJson(res, prior.status, prior.body);
        }
        const body = JSON.parse(req.body) as EarnBody;
        if (body.receipt.id === 'R-OLD') {
          return sendProblem(res, 409, {
            code: 'RECEIPT_ALREADY_CREDITED',
            title: 'This receipt has already earned points',
            detail: 'Receipt R-OLD already earned points in this store.',
            errors: [{ field: 'receipt.id', message: 'has already earned points' }],
          });
        }
        if (user.role === 'admin' && !body.storeId) {
          return sendProblem(res, 400, {
            code: 'STORE_REQUIRED',
            title: 'Say which store this is for',
            errors: [{ field: 'storeId', message: 'is required' }],
          });
        }
        const member = body.member.memberId === bob.id ? bob : alice;
        const [status, answer]: [number, CheckoutEarnResponse] = body.receipt.id.startsWith('R-BIG')
          ? [
              202,
              {
                status: 'pending_approval',
                approvalId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
                points: 2400,
                lines: [],
                reason: PENDING_REASON,
              },
            ]
          : [201, awarded(member, body.receipt)];
        awards.set(key, { request: req.body, status, body: answer });
        if (loseNextAnswer) {
          // Applied, but the answer never reaches the till: the cashier can only try again.
          loseNextAnswer = false;
          res.socket?.destroy();
          return;
        }
        sendJson(res, status, answer);
      },
      'GET /api/v1/rewards': (_req, res) => sendJson(res, 200, [coffee, toteBag]),
      'POST /api/v1/checkout/vouchers/redeem': (req, res) => {
        const { code } = JSON.parse(req.body) as { code: string };
        if (code === 'TV-USED-0001') {
          return sendProblem(res, 409, {
            code: 'VOUCHER_NOT_ACTIVE',
            title: 'This voucher is not active',
            detail: 'It was used on 23 November 2026.',
          });
        }
        if (code !== 'TV-ABCD-EFGH') {
          return sendProblem(res, 404, {
            code: 'VOUCHER_NOT_FOUND',
            title: 'No such voucher',
            errors: [{ field: 'code', message: 'is not a voucher' }],
          });
        }
        sendJson(res, 201, voucherFor(coffee, code, 'used'));
      },
      'POST /api/v1/checkout/redeem': (req, res) => {
        const rewardRequest = JSON.parse(req.body) as { rewardId?: string };
        if (rewardRequest.rewardId !== undefined) {
          const key = String(req.headers['idempotency-key']);
          const prior = rewardRedemptions.get(key);
          if (prior) {
            if (prior.request !== req.body) {
              return sendProblem(res, 409, {
                code: 'IDEMPOTENCY_KEY_REUSED',
                title: 'This Idempotency-Key was used for a different request',
              });
            }
            return sendJson(res, 201, prior.body);
          }
          const reward = [coffee, toteBag].find((r) => r.id === rewardRequest.rewardId);
          if (!reward) return sendProblem(res, 409, { code: 'REWARD_UNAVAILABLE', title: 'Not available' });
          if (reward.costPoints > alice.balance.available) {
            return sendProblem(res, 422, { code: 'INSUFFICIENT_POINTS', title: 'Not enough points' });
          }
          const answer = {
            journalId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
            points: reward.costPoints,
            balance: { ...alice.balance, available: alice.balance.available - reward.costPoints },
            voucher: voucherFor(reward, `TV-COFE-000${rewardRedemptions.size + 1}`, 'active'),
          };
          rewardRedemptions.set(key, { request: req.body, body: answer });
          if (loseNextAnswer) {
            loseNextAnswer = false;
            res.socket?.destroy();
            return;
          }
          return sendJson(res, 201, answer);
        }
        const body = JSON.parse(req.body) as { points: number };
        if (body.points > alice.balance.available) {
          return sendProblem(res, 422, { code: 'INSUFFICIENT_POINTS', title: 'Not enough points' });
        }
        sendJson(res, 201, {
          journalId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
          points: body.points,
          balance: { ...alice.balance, available: alice.balance.available - body.points },
        });
      },
      'POST /api/v1/checkout/refund': (req, res) => {
        const body = JSON.parse(req.body) as { receiptId: string };
        if (body.receiptId === 'R-NONE') {
          return sendProblem(res, 404, {
            code: 'RECEIPT_NOT_FOUND',
            title: 'No such receipt in this store',
            errors: [{ field: 'receiptId', message: 'is not a receipt of this store' }],
          });
        }
        sendJson(res, 201, {
          journalId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
          pointsReversed: 23,
          balance: { ...alice.balance, pending: alice.balance.pending - 23 },
        });
      },
    });
  });

  beforeEach(() => {
    user = staffUser('cashier');
    awards = new Map();
    rewardRedemptions = new Map();
    loseNextAnswer = false;
    server.requests.length = 0;
    localStorage.clear();
  });

  afterAll(() => server.close());

  function renderCheckout() {
    return renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/checkout',
    });
  }

  const requestsTo = (path: string) => server.requests.filter((r) => r.url.startsWith(path));
  const saleForm = () => screen.getByRole('form', { name: 'Sale' });
  const result = () => screen.getByRole('status', { name: 'Result' });

  /** What a keyboard-wedge scanner does: types into the focused field and presses Enter. */
  async function scan(text: string) {
    const card = await screen.findByLabelText('Card number');
    fireEvent.change(card, { target: { value: text } });
    fireEvent.submit(card);
  }

  async function findAlice() {
    await scan('400000000002');
    await screen.findByRole('form', { name: 'Sale' });
  }

  function type(label: string, value: string, scope: HTMLElement = saleForm()) {
    fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
  }

  function enterReceipt(receiptId: string, lines: [sku: string, quantity: string, price: string][]) {
    type('Receipt id', receiptId);
    lines.forEach(([sku, quantity, price], index) => {
      if (index > 0) fireEvent.click(within(saleForm()).getByRole('button', { name: 'Add line' }));
      const line = within(saleForm()).getByRole('group', { name: `Line ${index + 1}` });
      type('SKU', sku, line);
      type('Quantity', quantity, line);
      type('Unit price', price, line);
    });
  }

  it('opens with the card field focused; a scan and Enter find the member and move on to the receipt', async () => {
    renderCheckout();

    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Card number')));
    expect(
      within(screen.getByRole('navigation', { name: 'Main' }))
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Home', 'Checkout', 'Stores', 'Programme']);

    await scan('4000 0000 0002');

    const member = await screen.findByRole('region', { name: 'Member' });
    expect(member.textContent).toContain('Alice Example');
    expect(member.textContent).toContain('Card 4000 0000 0002 · Silver tier');
    expect(within(member).getByText('350')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(saleForm()).getByLabelText('Receipt id')));
    expect(requestsTo('/api/v1/members/lookup').map((r) => r.url)).toEqual([
      '/api/v1/members/lookup?card=400000000002',
    ]);
    // A single-store cashier sends no store: the API knows it.
    expect(screen.queryByRole('combobox', { name: 'Store' })).toBeNull();
    expect(screen.getByText('Store: Tally Market London (LON-01)')).toBeTruthy();
  });

  it('gives the card field focus, not the page heading, when the cashier navigates to the screen', async () => {
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/',
    });
    fireEvent.click(await screen.findByRole('link', { name: 'Checkout' }));

    await screen.findByRole('heading', { level: 1, name: 'Checkout' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Card number')));
  });

  it('tells the cashier at once when a card number’s check digit is wrong, without asking the API', async () => {
    renderCheckout();
    await scan('400000000003');

    expect((await screen.findByRole('alert')).textContent).toContain('check the digits');
    expect(requestsTo('/api/v1/members/lookup')).toHaveLength(0);
  });

  it('looks a member up by email and says so when nobody has it', async () => {
    renderCheckout();
    await scan('nobody@demo.tally');
    expect((await screen.findByRole('alert')).textContent).toContain('No member has this email address');

    await scan('alice@demo.tally');
    expect((await screen.findByRole('region', { name: 'Member' })).textContent).toContain('Alice Example');
  });

  it('previews every line with the domain’s engine as the receipt is typed, before anything is sent', async () => {
    renderCheckout();
    await findAlice();
    const preview = screen.getByRole('region', { name: 'Points preview' });
    expect(preview.textContent).toContain('Enter a line with its quantity and price');

    enterReceipt('R-1001', [
      ['BRD-1', '2', '11.99'],
      ['DEL', '1', '4.95'],
    ]);
    fireEvent.change(
      within(within(saleForm()).getByRole('group', { name: 'Line 2' })).getByLabelText('Kind'),
      {
        target: { value: 'shipping' },
      },
    );

    const expected = evaluateEarn(
      {
        id: 'R-1001',
        currency: 'GBP',
        lines: [
          { sku: 'BRD-1', quantity: 2, unitPrice: 1199, kind: 'item' },
          { sku: 'DEL', quantity: 1, unitPrice: 495, kind: 'shipping' },
        ],
      },
      earnMemberOf(alice),
      programme,
      [],
      { now: new Date(), timeZone: 'Europe/London' },
    );
    const table = await within(preview).findByRole('table', { name: 'Points preview' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1, -1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual(expected.lines.map((line) => [line.description, formatPoints(line.points)]));
    expect(rows.map(([description]) => description)).toEqual([
      '1 point per £1.00 on £23.98 (£4.95 does not earn)',
      'Silver tier: ×1.25 on base points',
    ]);
    expect(preview.textContent).toContain(`${expected.points} points for Alice Example`);
    expect(requestsTo('/api/v1/checkout')).toHaveLength(0);
  });

  it('sends a retried award with the same Idempotency-Key, so it is awarded once, then starts the next sale with a new key', async () => {
    renderCheckout();
    await findAlice();
    enterReceipt('R-1001', [['BRD-1', '2', '11.99']]);
    loseNextAnswer = true;

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));
    const alert = await within(saleForm()).findByRole('alert');
    expect(alert.textContent).toContain('The server could not be reached');
    expect(alert.textContent).toContain('Press Award points again');

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));
    await waitFor(() => expect(result().textContent).toContain('Alice Example earned 28 points'));
    expect(result().textContent).toContain('Silver tier: ×1.25 on base points');
    expect(result().textContent).toContain('New balance: 350 available, 123 pending.');
    expect(result().textContent).toContain('are pending until');

    const [first, retry] = requestsTo('/api/v1/checkout/earn');
    expect(first?.headers['idempotency-key']).toEqual(expect.any(String));
    expect(retry?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(retry?.body).toBe(first?.body);
    expect(awards.size).toBe(1);
    expect(JSON.parse(first?.body ?? '')).toEqual({
      member: { memberId: alice.id },
      receipt: {
        id: 'R-1001',
        currency: 'GBP',
        lines: [{ sku: 'BRD-1', quantity: 2, unitPrice: 1199, kind: 'item' }],
      },
    });

    // A finished sale: read-only, and the card field is ready for the next customer.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Card number')));
    expect(screen.getByLabelText<HTMLInputElement>('Card number').value).toBe('');
    expect(within(saleForm()).getByRole('button', { name: 'Award points' })).toHaveProperty('disabled', true);

    await scan('400000000010');
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Member' }).textContent).toContain('Bob Example'),
    );
    expect(result().textContent).not.toContain('earned');
    enterReceipt('R-1002', [['MLK', '1', '1.20']]);
    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));
    await waitFor(() => expect(result().textContent).toContain('Bob Example earned 1 point'));

    const keys = requestsTo('/api/v1/checkout/earn').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('says the award waits for a manager when the API answers 202 pending_approval', async () => {
    renderCheckout();
    await findAlice();
    enterReceipt('R-BIG-1', [['TV', '1', '2400']]);

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    await waitFor(() =>
      expect(result().textContent).toContain(`Waiting for a manager’s approval: ${PENDING_REASON}`),
    );
    expect(result().textContent).toContain('2,400 points for Alice Example on receipt R-BIG-1');
  });

  it('shows RECEIPT_ALREADY_CREDITED beside the receipt id, and the same sale goes through once it is fixed', async () => {
    renderCheckout();
    await findAlice();
    enterReceipt('R-OLD', [['BRD-1', '1', '5']]);

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    const alert = await within(saleForm()).findByRole('alert');
    expect(alert.textContent).toContain('This receipt has already earned points');
    expect(alert.textContent).toContain('Receipt R-OLD already earned points in this store.');
    const receiptId = within(saleForm()).getByLabelText('Receipt id');
    expect(receiptId.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Receipt id has already earned points', { selector: 'p' })).toBeTruthy();
    expect(result().textContent).not.toContain('earned');

    type('Receipt id', 'R-NEW');
    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));
    await waitFor(() => expect(result().textContent).toContain('Alice Example earned 6 points'));
  });

  it('checks the receipt with the domain’s schema before sending, naming each field', async () => {
    renderCheckout();
    await findAlice();
    enterReceipt('', [['', 'two', '4.999']]);

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    const summary = await within(saleForm()).findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Receipt id is required',
      'Line 1: SKU is required',
      'Line 1: Quantity must be a whole number',
      'Line 1: Unit price must be an amount in pounds, e.g. 4.99',
    ]);
    expect(document.activeElement).toBe(summary);
    expect(requestsTo('/api/v1/checkout')).toHaveLength(0);
  });

  it('sends the quick "total with a category" mode as one line in pence', async () => {
    renderCheckout();
    await findAlice();
    type('Receipt id', 'R-2001');
    fireEvent.click(within(saleForm()).getByLabelText('Single amount'));
    type('Total', '23.45');
    type('Category', 'grocery');

    expect(screen.getByRole('region', { name: 'Points preview' }).textContent).toContain('28 points');
    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    await waitFor(() => expect(result().textContent).toContain('Alice Example earned 28 points'));
    expect(
      (JSON.parse(requestsTo('/api/v1/checkout/earn')[0]?.body ?? '') as EarnBody).receipt.lines,
    ).toEqual([{ sku: 'TOTAL', category: 'grocery', quantity: 1, unitPrice: 2345, kind: 'item' }]);
  });

  it('redeems towards the sale’s receipt: a short balance says how many points are available', async () => {
    renderCheckout();
    await findAlice();
    type('Receipt id', 'R-3001');
    const redeem = screen.getByRole('form', { name: 'Redeem points' });

    type('Points to redeem', '9999', redeem);
    fireEvent.click(within(redeem).getByRole('button', { name: 'Redeem points' }));
    expect((await within(redeem).findByRole('alert')).textContent).toContain(
      'Not enough points: 350 available',
    );

    type('Points to redeem', '100', redeem);
    fireEvent.click(within(redeem).getByRole('button', { name: 'Redeem points' }));
    await waitFor(() => expect(result().textContent).toContain('Alice Example redeemed 100 points'));
    expect(result().textContent).toContain('Towards receipt R-3001.');
    expect(result().textContent).toContain('New balance: 250 available, 95 pending.');

    const [short, retry] = requestsTo('/api/v1/checkout/redeem');
    expect(JSON.parse(retry?.body ?? '')).toEqual({
      member: { memberId: alice.id },
      points: 100,
      receiptId: 'R-3001',
    });
    // One action, tried twice: one key. The next redemption gets a new one.
    expect(retry?.headers['idempotency-key']).toBe(short?.headers['idempotency-key']);
    type('Points to redeem', '5', redeem);
    fireEvent.click(within(redeem).getByRole('button', { name: 'Redeem points' }));
    await waitFor(() => expect(result().textContent).toContain('redeemed 5 points'));
    expect(requestsTo('/api/v1/checkout/redeem')[2]?.headers['idempotency-key']).not.toBe(
      retry?.headers['idempotency-key'],
    );
  });

  it('takes a voucher by its code (checked before sending), and says when it is already used', async () => {
    renderCheckout();
    await findAlice();
    const voucher = screen.getByRole('form', { name: 'Take voucher' });

    type('Voucher code', 'TV-123', voucher);
    fireEvent.click(within(voucher).getByRole('button', { name: 'Take voucher' }));
    expect((await within(voucher).findByRole('alert')).textContent).toContain(
      'Voucher code is not a voucher code (TV-XXXX-XXXX)',
    );
    expect(within(voucher).getByLabelText('Voucher code').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('/api/v1/checkout/vouchers')).toHaveLength(0);

    type('Voucher code', ' tv-abcd-efgh ', voucher);
    fireEvent.click(within(voucher).getByRole('button', { name: 'Take voucher' }));
    await waitFor(() => expect(result().textContent).toContain('Voucher TV-ABCD-EFGH taken: Free coffee'));
    expect(JSON.parse(requestsTo('/api/v1/checkout/vouchers/redeem')[0]?.body ?? '')).toEqual({
      code: 'TV-ABCD-EFGH',
    });
    expect(within(voucher).getByLabelText<HTMLInputElement>('Voucher code').value).toBe('');

    type('Voucher code', 'TV-USED-0001', voucher);
    fireEvent.click(within(voucher).getByRole('button', { name: 'Take voucher' }));
    const refused = await within(voucher).findByRole('alert');
    expect(refused.textContent).toContain('already used, cancelled or expired');
    expect(result().textContent).toContain('Voucher TV-ABCD-EFGH taken');

    type('Voucher code', 'TV-NONE-0000', voucher);
    fireEvent.click(within(voucher).getByRole('button', { name: 'Take voucher' }));
    await waitFor(() =>
      expect(within(voucher).getByRole('alert').textContent).toContain('Voucher code is not a voucher'),
    );
    expect(within(voucher).getByLabelText('Voucher code').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the admin’s store with a voucher, as with an award', async () => {
    user = staffUser('admin');
    renderCheckout();
    await findAlice();
    const store = screen.getByRole('combobox', { name: 'Store' });
    await within(store).findByRole('option', { name: 'Tally Market Manchester (MAN-01)' });
    fireEvent.change(store, { target: { value: manchester.id } });
    const voucher = screen.getByRole('form', { name: 'Take voucher' });
    type('Voucher code', 'TV-ABCD-EFGH', voucher);
    fireEvent.click(within(voucher).getByRole('button', { name: 'Take voucher' }));

    await waitFor(() => expect(result().textContent).toContain('Voucher TV-ABCD-EFGH taken'));
    expect(JSON.parse(requestsTo('/api/v1/checkout/vouchers/redeem')[0]?.body ?? '')).toEqual({
      code: 'TV-ABCD-EFGH',
      storeId: manchester.id,
    });
  });

  it('redeems a reward for the member, retrying a lost answer with the same Idempotency-Key, and a new key for the next', async () => {
    renderCheckout();
    await findAlice();
    const form = screen.getByRole('form', { name: 'Redeem reward' });
    const select = within(form).getByRole('combobox', { name: 'Reward' });
    await within(select).findByRole('option', { name: 'Free coffee — 250 points' });
    expect(
      within(select).getByRole('option', { name: 'Tote bag — 500 points (not enough points)' }),
    ).toBeTruthy();
    expect(form.textContent).toContain('Alice Example has 350 points available');

    fireEvent.click(within(form).getByRole('button', { name: 'Redeem reward' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Reward is required');
    expect(requestsTo('/api/v1/checkout/redeem')).toHaveLength(0);

    fireEvent.change(select, { target: { value: toteBag.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Redeem reward' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Not enough points: 350 available'),
    );

    fireEvent.change(select, { target: { value: coffee.id } });
    loseNextAnswer = true;
    fireEvent.click(within(form).getByRole('button', { name: 'Redeem reward' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Press Redeem reward again'),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Redeem reward' }));
    await waitFor(() =>
      expect(result().textContent).toContain(
        'Alice Example redeemed Free coffee for 250 points. Voucher TV-COFE-0001',
      ),
    );
    expect(result().textContent).toContain('New balance: 100 available, 95 pending.');

    const [short, lost, retry] = requestsTo('/api/v1/checkout/redeem');
    expect(JSON.parse(retry?.body ?? '')).toEqual({ member: { memberId: alice.id }, rewardId: coffee.id });
    expect(retry?.body).toBe(lost?.body);
    expect(retry?.headers['idempotency-key']).toBe(lost?.headers['idempotency-key']);
    // Another reward is another request: it was never sent under the short one's key.
    expect(lost?.headers['idempotency-key']).not.toBe(short?.headers['idempotency-key']);
    expect(rewardRedemptions.size).toBe(1);

    fireEvent.click(within(form).getByRole('button', { name: 'Redeem reward' }));
    await waitFor(() => expect(result().textContent).toContain('Voucher TV-COFE-0002'));
    expect(requestsTo('/api/v1/checkout/redeem')[3]?.headers['idempotency-key']).not.toBe(
      retry?.headers['idempotency-key'],
    );
  });

  it('refunds a whole receipt by its id, or only the items brought back', async () => {
    renderCheckout();
    const refund = await screen.findByRole('form', { name: 'Refund' });

    type('Receipt id', 'R-NONE', refund);
    fireEvent.click(within(refund).getByRole('button', { name: 'Refund' }));
    expect((await within(refund).findByRole('alert')).textContent).toContain('No such receipt in this store');
    expect(within(refund).getByLabelText('Receipt id').getAttribute('aria-invalid')).toBe('true');

    type('Receipt id', 'R-1001', refund);
    fireEvent.click(within(refund).getByRole('button', { name: 'Refund' }));
    await waitFor(() =>
      expect(result().textContent).toContain('Receipt R-1001 refunded: 23 points taken back'),
    );

    type('Receipt id', 'R-1002', refund);
    fireEvent.click(within(refund).getByLabelText('Chosen items'));
    type('SKU', 'BRD-1', refund);
    type('Quantity', '1', refund);
    fireEvent.click(within(refund).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(result().textContent).toContain('Receipt R-1002'));

    const bodies = requestsTo('/api/v1/checkout/refund').map((r) => JSON.parse(r.body) as unknown);
    expect(bodies).toEqual([
      { receiptId: 'R-NONE' },
      { receiptId: 'R-1001' },
      { receiptId: 'R-1002', lines: [{ sku: 'BRD-1', quantity: 1 }] },
    ]);
    const keys = requestsTo('/api/v1/checkout/refund').map((r) => r.headers['idempotency-key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('makes an admin choose the store, and sends it with the award', async () => {
    user = staffUser('admin');
    renderCheckout();
    await findAlice();
    enterReceipt('R-4001', [['BRD-1', '1', '5']]);

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));
    const summary = await within(saleForm()).findByRole('alert');
    expect(summary.textContent).toContain('Store is required: choose the store you are working in');
    expect(requestsTo('/api/v1/checkout')).toHaveLength(0);

    const store = screen.getByRole('combobox', { name: 'Store' });
    await within(store).findByRole('option', { name: 'Tally Market Manchester (MAN-01)' });
    fireEvent.change(store, { target: { value: manchester.id } });
    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    await waitFor(() => expect(result().textContent).toContain('Alice Example earned 6 points'));
    expect((JSON.parse(requestsTo('/api/v1/checkout/earn')[0]?.body ?? '') as EarnBody).storeId).toBe(
      manchester.id,
    );
  });

  it('shows the store select when the API answers STORE_REQUIRED to a user it thought had one store', async () => {
    user = staffUser('manager');
    renderCheckout();
    await findAlice();
    expect(screen.queryByRole('combobox', { name: 'Store' })).toBeNull();
    // From here the fake API answers as for an admin: no award without a store.
    user = staffUser('admin');
    enterReceipt('R-5001', [['BRD-1', '1', '5']]);

    fireEvent.click(within(saleForm()).getByRole('button', { name: 'Award points' }));

    expect((await within(saleForm()).findByRole('alert')).textContent).toContain(
      'Say which store this is for',
    );
    expect(await screen.findByRole('combobox', { name: 'Store' })).toBeTruthy();
  });
});
