import { createTallyApiClient } from '@tally/ui';
import { sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { QueryClient } from '@tanstack/react-query';
import { alice, awarded, programme } from '../../testing/fixtures';
import { checkoutEarn } from '../checkout-earn';
import { checkoutRedeem } from '../checkout-redeem';
import { checkoutRefund } from '../checkout-refund';
import { getProgramme } from '../../../../lib/programme';
import { MEMBER_LOOKUP_KEY, lookupMember, memberLookupQueryOptions } from '../lookup-member';

const KEY = '3f2b8c1e-5d4a-4b6c-9e8f-7a6b5c4d3e2f';
const receipt = {
  id: 'R-1',
  currency: 'GBP',
  lines: [{ sku: 'A', quantity: 1, unitPrice: 2345, kind: 'item' as const }],
};

describe('checkout API', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/members/lookup': (req, res) =>
        req.url.includes('card=400000000002') || req.url.includes('email=alice')
          ? sendJson(res, 200, alice)
          : sendProblem(res, 404, { code: 'MEMBER_NOT_FOUND', title: 'Member not found' }),
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, programme),
      'POST /api/v1/checkout/earn': (req, res) => {
        const body = JSON.parse(req.body) as { receipt: typeof receipt };
        if (body.receipt.id === 'R-OLD') {
          return sendProblem(res, 409, {
            code: 'RECEIPT_ALREADY_CREDITED',
            title: 'This receipt has already earned points',
            errors: [{ field: 'receipt.id', message: 'has already earned points' }],
          });
        }
        if (body.receipt.id === 'R-BIG') {
          return sendJson(res, 202, {
            status: 'pending_approval',
            approvalId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
            points: 2400,
            lines: [],
            reason: '2400 points is above the 2000 a cashier may award on one receipt',
          });
        }
        sendJson(res, 201, awarded(alice, body.receipt));
      },
      'POST /api/v1/checkout/redeem': (req, res) => {
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
          return sendProblem(res, 404, { code: 'RECEIPT_NOT_FOUND', title: 'No such receipt in this store' });
        }
        sendJson(res, 201, { journalId: null, pointsReversed: 0, balance: alice.balance });
      },
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const client = () => createTallyApiClient('console', { baseUrl: server.baseUrl });

  it('looks a member up by exactly one of card, email or phone, as the console', async () => {
    await expect(lookupMember(client(), { card: '400000000002' })).resolves.toEqual(alice);
    await expect(lookupMember(client(), { email: 'alice@demo.tally' })).resolves.toEqual(alice);

    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/members/lookup?card=400000000002',
      '/api/v1/members/lookup?email=alice%40demo.tally',
    ]);
    expect(server.requests[0]?.headers['x-tally-client']).toBe('console');
  });

  it('answers MEMBER_NOT_FOUND as a typed error, and keys every lookup under one prefix', async () => {
    await expect(lookupMember(client(), { phone: '+447700900123' })).rejects.toMatchObject({
      status: 404,
      code: 'MEMBER_NOT_FOUND',
    });

    const queryClient = new QueryClient();
    await queryClient.fetchQuery(memberLookupQueryOptions(client(), { card: '400000000002' }));
    await queryClient.invalidateQueries({ queryKey: MEMBER_LOOKUP_KEY });
    expect(queryClient.getQueryCache().findAll({ queryKey: MEMBER_LOOKUP_KEY, stale: true })).toHaveLength(1);
  });

  it('reads the programme the preview needs', async () => {
    await expect(getProgramme(client())).resolves.toEqual(programme);
  });

  it('sends an award with its Idempotency-Key and reads both the 201 and the 202 answers', async () => {
    const body = { member: { memberId: alice.id }, receipt };
    await expect(checkoutEarn(client(), { idempotencyKey: KEY, body })).resolves.toMatchObject({
      status: 'awarded',
      points: 28, // 23 base + 5 for Silver
    });
    await expect(
      checkoutEarn(client(), {
        idempotencyKey: KEY,
        body: { ...body, receipt: { ...receipt, id: 'R-BIG' } },
      }),
    ).resolves.toMatchObject({ status: 'pending_approval', points: 2400 });

    expect(server.requests[0]?.headers['idempotency-key']).toBe(KEY);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(body);
  });

  it('turns RECEIPT_ALREADY_CREDITED into an error naming the receipt id field', async () => {
    const error: unknown = await checkoutEarn(client(), {
      idempotencyKey: KEY,
      body: { member: { memberId: alice.id }, receipt: { ...receipt, id: 'R-OLD' } },
    }).catch((e: unknown) => e);

    expect(error).toMatchObject({
      status: 409,
      code: 'RECEIPT_ALREADY_CREDITED',
      errors: [{ field: 'receipt.id' }],
    });
  });

  it('redeems with its own key; a short balance is INSUFFICIENT_POINTS', async () => {
    const member = { memberId: alice.id };
    await expect(
      checkoutRedeem(client(), { idempotencyKey: KEY, body: { member, points: 100, receiptId: 'R-1' } }),
    ).resolves.toMatchObject({ points: 100, balance: { available: 250 } });
    await expect(
      checkoutRedeem(client(), { idempotencyKey: KEY, body: { member, points: 9999, receiptId: 'R-1' } }),
    ).rejects.toMatchObject({ status: 422, code: 'INSUFFICIENT_POINTS' });
    expect(server.requests[0]?.headers['idempotency-key']).toBe(KEY);
  });

  it('refunds a whole receipt or chosen lines; an unknown receipt is RECEIPT_NOT_FOUND', async () => {
    await checkoutRefund(client(), { idempotencyKey: KEY, body: { receiptId: 'R-1' } });
    await checkoutRefund(client(), {
      idempotencyKey: KEY,
      body: { receiptId: 'R-1', lines: [{ sku: 'A', quantity: 1 }] },
    });
    await expect(
      checkoutRefund(client(), { idempotencyKey: KEY, body: { receiptId: 'R-NONE' } }),
    ).rejects.toMatchObject({ code: 'RECEIPT_NOT_FOUND' });

    expect(server.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { receiptId: 'R-1' },
      { receiptId: 'R-1', lines: [{ sku: 'A', quantity: 1 }] },
      { receiptId: 'R-NONE' },
    ]);
  });
});
