/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { MeResponse, Reward, Voucher, VoucherResult } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { me as meFixture } from '../../../../test/fixtures';
import { RewardsPage } from '../rewards-page';
import { VouchersPage } from '../vouchers-page';

const coffee: Reward = {
  id: '3b0f6a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'Free coffee',
  description: 'Any size, any blend.',
  imageUrl: null,
  costPoints: 500,
  stock: null,
  perMemberLimit: null,
  activeFrom: '2025-01-01T00:00:00.000Z',
  activeUntil: null,
  voucherValidDays: 30,
  archived: false,
};
const hamper: Reward = {
  ...coffee,
  id: '9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  name: 'Hamper',
  costPoints: 2000,
};
const cake: Reward = {
  ...coffee,
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Cake',
  costPoints: 1000,
};

const activeVoucher: Voucher = {
  id: '5f4e3d2c-1b0a-4998-8776-655443322110',
  code: 'TV-AB12-CD34',
  reward: { id: coffee.id, name: coffee.name },
  points: 500,
  status: 'active',
  expiresAt: '2030-04-02T10:00:00.000Z',
  createdAt: '2025-03-03T10:00:00.000Z',
  usedAt: null,
  cancelledAt: null,
};
const usedVoucher: Voucher = {
  ...activeVoucher,
  id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  code: 'TV-USED-0001',
  status: 'used',
  usedAt: '2025-03-04T12:00:00.000Z',
};
const expiredVoucher: Voucher = {
  ...activeVoucher,
  id: '7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e',
  code: 'TV-OLD0-0002',
  status: 'expired',
  expiresAt: '2025-02-01T10:00:00.000Z',
};

describe('rewards and vouchers pages', () => {
  let server: TestServer;
  let me: MeResponse;
  let vouchers: Voucher[];
  let redeemAnswer: (rewardId: string) => [number, unknown];
  let cancelAnswer: () => [number, unknown];

  beforeAll(async () => {
    const answer = (res: Parameters<typeof sendJson>[0], [status, body]: [number, unknown]) =>
      status >= 400
        ? sendProblem(res, status, body as { code: string; title: string })
        : sendJson(res, status, body);
    server = await startTestServer({
      'GET /api/v1/me': (_req, res) => sendJson(res, 200, me),
      'GET /api/v1/rewards': (_req, res) => sendJson(res, 200, [coffee, cake, hamper]),
      'GET /api/v1/me/vouchers': (_req, res) => sendJson(res, 200, vouchers),
      [`POST /api/v1/me/rewards/${coffee.id}/redeem`]: (_req, res) => answer(res, redeemAnswer(coffee.id)),
      [`POST /api/v1/me/rewards/${cake.id}/redeem`]: (_req, res) => answer(res, redeemAnswer(cake.id)),
      [`POST /api/v1/me/vouchers/${activeVoucher.id}/cancel`]: (_req, res) => answer(res, cancelAnswer()),
    });
  });

  beforeEach(() => {
    me = { ...meFixture, balance: { ...meFixture.balance, available: 1250 } };
    vouchers = [activeVoucher, usedVoucher, expiredVoucher];
    redeemAnswer = () => {
      const result: VoucherResult = { voucher: activeVoucher, balance: { ...me.balance, available: 750 } };
      me = { ...me, balance: result.balance };
      return [201, result];
    };
    cancelAnswer = () => {
      const cancelled = {
        ...activeVoucher,
        status: 'cancelled' as const,
        cancelledAt: '2025-03-05T09:00:00.000Z',
      };
      vouchers = [cancelled, usedVoucher, expiredVoucher];
      return [201, { voucher: cancelled, balance: { ...me.balance, available: 1750 } }];
    };
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  function renderAt(path: string) {
    return renderPage(
      <Routes>
        <Route path="/rewards" element={<RewardsPage />} />
        <Route path="/vouchers" element={<VouchersPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path },
    );
  }
  const n = (value: number) => new Intl.NumberFormat().format(value);
  const rewardItem = async (name: string) =>
    (await screen.findByRole('heading', { level: 3, name })).closest('li') as HTMLElement;

  it('lists the catalogue with what the member can afford and how many points the rest need', async () => {
    renderAt('/rewards');

    expect(await screen.findByRole('heading', { level: 1, name: 'Rewards' })).toBeTruthy();
    const coffeeItem = await rewardItem('Free coffee');
    expect(coffeeItem.textContent).toContain('Any size, any blend.');
    expect(coffeeItem.textContent).toContain(`${n(500)} points`);
    await within(coffeeItem).findByText(/You can have this/);
    const hamperItem = await rewardItem('Hamper');
    expect(hamperItem.textContent).toContain(`${n(750)} more points needed`);
    expect(within(hamperItem).getByRole<HTMLButtonElement>('button', { name: 'Redeem' }).disabled).toBe(true);
  });

  it('redeems after a confirmation, with one Idempotency-Key reused when the confirmation is retried', async () => {
    let attempts = 0;
    redeemAnswer = () => {
      attempts += 1;
      if (attempts === 1) return [503, { code: 'SERVICE_UNAVAILABLE', title: 'Try again shortly' }];
      const result: VoucherResult = { voucher: activeVoucher, balance: { ...me.balance, available: 750 } };
      me = { ...me, balance: result.balance };
      return [201, result];
    };
    renderAt('/rewards');
    const item = await rewardItem('Free coffee');
    await within(item).findByText(/You can have this/);

    fireEvent.click(within(item).getByRole('button', { name: 'Redeem' }));
    const confirmation = within(item).getByRole('group', { name: 'Redeem Free coffee' });
    expect(confirmation.textContent).toContain(`Spend ${n(500)} points on Free coffee?`);
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(within(confirmation).getByRole('button', { name: 'Confirm' }));
    expect(await within(confirmation).findByRole('alert')).toBeTruthy();
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Confirm' }));

    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' }).textContent).toContain('TV-AB12-CD34'),
    );
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]?.url).toBe(`/api/v1/me/rewards/${coffee.id}/redeem`);
    expect(JSON.parse(posts[0]?.body ?? '')).toEqual({});
    const key = posts[0]?.headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers['idempotency-key']).toBe(key);
    // The balance is read again after the redeem.
    expect(await screen.findByText(n(750))).toBeTruthy();

    // A new confirmation is a new redemption: a new key.
    fireEvent.click(within(item).getByRole('button', { name: 'Redeem' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(3));
    expect(server.requests.filter((r) => r.method === 'POST')[2]?.headers['idempotency-key']).not.toBe(key);
  });

  it('says so when a reward is no longer available, and Cancel closes the confirmation without spending', async () => {
    redeemAnswer = () => [409, { code: 'REWARD_UNAVAILABLE', title: 'This reward is not available' }];
    renderAt('/rewards');
    const item = await rewardItem('Cake');
    await within(item).findByText(/You can have this/);

    fireEvent.click(within(item).getByRole('button', { name: 'Redeem' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Confirm' }));
    expect((await within(item).findByRole('alert')).textContent).toContain('no longer available');

    fireEvent.click(within(item).getByRole('button', { name: 'Cancel' }));
    expect(within(item).queryByRole('group')).toBeNull();
    expect(within(item).getByRole('button', { name: 'Redeem' })).toBeTruthy();
  });

  it('groups vouchers and shows an active one’s code as text and as a QR code', async () => {
    renderAt('/vouchers');

    const active = await screen.findByRole('region', { name: 'Active' });
    expect(await within(active).findByText('TV-AB12-CD34')).toBeTruthy();
    const qr = await within(active).findByRole('img', { name: 'QR code for TV-AB12-CD34' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+,\d+h1v1h-1z/);
    expect(within(screen.getByRole('region', { name: 'Used' })).getByText('TV-USED-0001')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Expired & cancelled' })).getByText('TV-OLD0-0002'),
    ).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'QR code for TV-USED-0001' })).toBeNull();
  });

  it('cancels a voucher after a confirmation and says the points are back with their expiry', async () => {
    renderAt('/vouchers');
    const active = await screen.findByRole('region', { name: 'Active' });

    fireEvent.click(await within(active).findByRole('button', { name: 'Cancel voucher' }));
    fireEvent.click(within(active).getByRole('button', { name: 'Yes, cancel voucher' }));

    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' }).textContent).toContain(
        `${n(500)} points are back in your balance`,
      ),
    );
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('expiry');
    const ended = screen.getByRole('region', { name: 'Expired & cancelled' });
    expect(await within(ended).findByText('TV-AB12-CD34')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')?.url).toBe(
      `/api/v1/me/vouchers/${activeVoucher.id}/cancel`,
    );
  });

  it('shows VOUCHER_NOT_ACTIVE when the voucher was used meanwhile', async () => {
    cancelAnswer = () => [409, { code: 'VOUCHER_NOT_ACTIVE', title: 'Not active' }];
    renderAt('/vouchers');
    const active = await screen.findByRole('region', { name: 'Active' });

    fireEvent.click(await within(active).findByRole('button', { name: 'Cancel voucher' }));
    fireEvent.click(within(active).getByRole('button', { name: 'Yes, cancel voucher' }));

    expect((await within(active).findByRole('alert')).textContent).toContain('can no longer be cancelled');
  });
});
