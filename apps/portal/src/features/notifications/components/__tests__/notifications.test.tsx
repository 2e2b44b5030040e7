/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Notification } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { notification } from '../../../../test/fixtures';
import { UNREAD_POLL_MS, unreadCountQueryOptions } from '../../api/get-unread-count';
import { NotificationBell, unreadLabel } from '../notification-bell';
import { NotificationsPage } from '../notifications-page';

describe('notifications', () => {
  let server: TestServer;
  let items: Notification[];

  const unreadCount = () => items.filter((n) => n.readAt === null).length;
  const markRead = (id: string) => {
    items = items.map((n) =>
      n.id === id && n.readAt === null ? { ...n, readAt: '2025-03-04T09:00:00.000Z' } : n,
    );
  };

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/me/notifications/unread-count': (_req, res) =>
        sendJson(res, 200, { unread: unreadCount() }),
      'GET /api/v1/me/notifications': (_req, res) => sendJson(res, 200, { items, nextCursor: null }),
      'POST /api/v1/me/notifications/42/read': (_req, res) => {
        markRead('42');
        res.writeHead(204).end();
      },
      'POST /api/v1/me/notifications/read-all': (_req, res) => {
        const marked = unreadCount();
        for (const n of items) markRead(n.id);
        sendJson(res, 200, { marked });
      },
    });
  });

  beforeEach(() => {
    items = [
      notification,
      {
        ...notification,
        id: '41',
        kind: 'points_expiring',
        title: '100 points expire soon',
        link: '/rewards',
        dueAt: '2025-03-20T09:00:00.000Z',
      },
      { ...notification, id: '40', title: 'You earned 10 points', readAt: '2025-03-02T09:00:00.000Z' },
    ];
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const apiClient = () => createTallyApiClient('portal', { baseUrl: server.baseUrl });

  it('names the unread count for screen readers: "3 unread notifications"', () => {
    expect(unreadLabel(3)).toBe('3 unread notifications');
    expect(unreadLabel(1)).toBe('1 unread notification');
    expect(unreadLabel(0)).toBe('Notifications, none unread');
  });

  it('shows the bell with a badge of the unread count, polling modestly', async () => {
    renderPage(<NotificationBell />, { apiClient: apiClient() });

    const bell = await screen.findByRole('link', { name: '2 unread notifications' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toBe('2');
    const options = unreadCountQueryOptions(apiClient());
    expect(options.refetchInterval).toBe(UNREAD_POLL_MS);
    expect(UNREAD_POLL_MS).toBeGreaterThanOrEqual(60_000);
    expect(options.refetchOnWindowFocus).toBe(true);
  });

  it('shows no badge when everything is read', async () => {
    items = items.map((n) => ({ ...n, readAt: n.readAt ?? '2025-03-04T09:00:00.000Z' }));
    renderPage(<NotificationBell />, { apiClient: apiClient() });

    const bell = await screen.findByRole('link', { name: 'Notifications, none unread' });
    expect(bell.textContent).toBe('');
  });

  it('lists notifications, marks one read and then all, and the badge follows', async () => {
    renderPage(
      <>
        <NotificationBell />
        <Routes>
          <Route path="/notifications" element={<NotificationsPage />} />
        </Routes>
      </>,
      { apiClient: apiClient(), path: '/notifications' },
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeTruthy();
    const earned = (await screen.findByText('You earned 250 points')).closest('li') as HTMLElement;
    expect(earned.textContent).toContain('Unread: ');
    expect(earned.textContent).toContain('Available to spend from');
    expect(
      within(earned).getByRole('link', { name: 'Open: You earned 250 points' }).getAttribute('href'),
    ).toBe('/statement');
    const expiring = (screen.getByText('100 points expire soon').closest('li') as HTMLElement).textContent;
    expect(expiring).toContain('They expire on');
    const old = screen.getByText('You earned 10 points').closest('li') as HTMLElement;
    expect(within(old).queryByRole('button')).toBeNull();
    await screen.findByRole('link', { name: '2 unread notifications' });

    fireEvent.click(within(earned).getByRole('button', { name: 'Mark as read: You earned 250 points' }));
    expect(await screen.findByRole('link', { name: '1 unread notification' })).toBeTruthy();
    await waitFor(() => expect(within(earned).queryByRole('button')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByRole('link', { name: 'Notifications, none unread' })).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      '/api/v1/me/notifications/42/read',
      '/api/v1/me/notifications/read-all',
    ]);
  });

  it('shows a referral reward with a link to the referrals page', async () => {
    items = [
      {
        ...notification,
        id: '43',
        kind: 'referral_rewarded',
        title: 'Bea made their first purchase: +500 points',
        body: 'Thank you for referring a friend. The points are ready to spend.',
        link: '/referrals',
        dueAt: null,
      },
    ];
    renderPage(<NotificationsPage />, { apiClient: apiClient() });

    const item = (await screen.findByText('Bea made their first purchase: +500 points')).closest(
      'li',
    ) as HTMLElement;
    expect(item.textContent).toContain('The points are ready to spend.');
    expect(
      within(item)
        .getByRole('link', { name: 'Open: Bea made their first purchase: +500 points' })
        .getAttribute('href'),
    ).toBe('/referrals');
  });

  it('says so when there is nothing yet', async () => {
    items = [];
    renderPage(<NotificationsPage />, { apiClient: apiClient() });
    expect(await screen.findByText(/No notifications yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark all as read' })).toBeNull();
  });
});
