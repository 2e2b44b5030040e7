/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { MyReferrals } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { ReferralsPage } from '../referrals-page';

const base: MyReferrals = {
  enabled: true,
  code: 'ABCD2345',
  link: '/sign-up?ref=ABCD2345',
  referrerPoints: 500,
  friendPoints: 250,
  monthlyCap: 5,
  friends: [],
  totals: { joined: 0, pointsPending: 0, pointsEarned: 0 },
};
const friend = {
  joinedAt: '2025-03-01T10:00:00.000Z',
  ineligibleReason: null,
  rewardDueAt: null,
  pointsPending: 0,
  pointsEarned: 0,
};
const withFriends: MyReferrals = {
  ...base,
  friends: [
    {
      ...friend,
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      displayName: 'Bea',
      state: 'rewarded',
      pointsEarned: 500,
    },
    {
      ...friend,
      id: '2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      displayName: 'Cy',
      state: 'purchase_pending',
      rewardDueAt: '2025-03-20T10:00:00.000Z',
      pointsPending: 500,
    },
    {
      ...friend,
      id: '3a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      displayName: 'Dee',
      state: 'joined',
      pointsPending: 500,
    },
    {
      ...friend,
      id: '4a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      displayName: 'e•••@example.com',
      state: 'not_eligible',
      ineligibleReason: 'same_email',
    },
  ],
  totals: { joined: 4, pointsPending: 1000, pointsEarned: 500 },
};

describe('refer a friend page', () => {
  let server: TestServer;
  let answer: [number, unknown];

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me/referrals': (_req, res) =>
        answer[0] >= 400
          ? sendProblem(res, answer[0], answer[1] as { code: string; title: string })
          : sendJson(res, answer[0], answer[1]),
    });
  });
  beforeEach(() => {
    answer = [200, base];
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderIt = () =>
    renderPage(
      <Routes>
        <Route path="/referrals" element={<ReferralsPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path: '/referrals' },
    );
  const n = (value: number) => new Intl.NumberFormat().format(value);

  it('shows the code and link, copies the link, and says when no friend has joined yet', async () => {
    const written: string[] = [];
    const writeText = (text: string) => {
      written.push(text);
      return Promise.resolve();
    };
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderIt();

    expect((await screen.findByLabelText('Your referral code')).textContent).toBe('ABCD2345');
    const link = screen.getByLabelText<HTMLInputElement>('Your link');
    expect(link.value).toBe(`${window.location.origin}/sign-up?ref=ABCD2345`);
    expect(screen.getByRole('region', { name: 'Friends' }).textContent).toContain('No friend has joined');
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByText('Link copied.')).toBeTruthy());
    expect(written).toEqual([link.value]);
  });

  it('falls back to selecting the link when the clipboard refuses, and shares where the phone can', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    const shared: ShareData[] = [];
    const share = (data: ShareData) => {
      shared.push(data);
      return Promise.resolve();
    };
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    renderIt();

    fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/the link is selected/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(shared).toHaveLength(1));
    expect(shared[0]!.url).toContain('/sign-up?ref=ABCD2345');
    Reflect.deleteProperty(navigator, 'share');
  });

  it('lists each friend with their state and points, and the totals', async () => {
    answer = [200, withFriends];
    renderIt();

    const list = await screen.findByRole('list', { name: 'Friends who joined' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Bea',
      'Cy',
      'Dee',
      'e•••@example.com',
    ]);
    expect(items[0]!.textContent).toContain('Rewarded');
    expect(items[0]!.textContent).toContain(`+${n(500)} points earned`);
    expect(items[1]!.textContent).toContain('First purchase made: points due after');
    expect([...items[1]!.querySelectorAll('time')].at(-1)?.getAttribute('datetime')).toBe(
      '2025-03-20T10:00:00.000Z',
    );
    expect(items[2]!.textContent).toContain('waiting for their first purchase');
    expect(items[3]!.textContent).toContain('Not eligible: Same email address as yours');
    expect(items[3]!.textContent).toContain('No points');
    const friends = screen.getByRole('region', { name: 'Friends' });
    expect(within(friends).getByText('Points pending').nextElementSibling?.textContent).toBe(n(1000));
  });

  it('shows an error with a retry when the referrals cannot be loaded', async () => {
    answer = [404, { code: 'NOT_FOUND', title: 'Not found' }];
    renderIt();
    expect(await screen.findByRole('alert')).toBeTruthy();
    answer = [200, base];
    fireEvent.click(screen.getByRole('button', { name: /try again/i }));
    expect(await screen.findByLabelText('Your referral code')).toBeTruthy();
  });
});
