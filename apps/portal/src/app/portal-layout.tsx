import { AppShell, LoadingState, SignOutButton, useSession, type NavItem } from '@tally/ui';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { clearSavedCard } from '../features/card/saved-card';

const MEMBER_NAV: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/statement', label: 'Statement' },
  { to: '/rewards', label: 'Rewards' },
  { to: '/vouchers', label: 'My vouchers' },
  { to: '/claims', label: 'Missing points' },
  { to: '/card', label: 'My card' },
  { to: '/referrals', label: 'Refer a friend' },
  { to: '/ideas', label: 'Ideas' },
  { to: '/how-it-works', label: 'How it works' },
  { to: '/profile', label: 'Profile' },
];

const VISITOR_NAV: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/ideas', label: 'Ideas' },
  { to: '/how-it-works', label: 'How it works' },
];

export function PortalLayout() {
  const user = useSession().data;
  // Signed out (by the button, an ended session or a closed account), or someone else signed in: the
  // saved card leaves the device too.
  const lastUserId = useRef<string | null>(null);
  useEffect(() => {
    if (user === undefined) return;
    if (user === null || (lastUserId.current !== null && lastUserId.current !== user.id)) clearSavedCard();
    lastUserId.current = user?.id ?? null;
  }, [user]);
  return (
    <AppShell
      appName="Tally"
      brand="Tally"
      nav={user ? MEMBER_NAV : user === null ? VISITOR_NAV : []}
      account={
        user ? (
          <>
            <NotificationBell />
            <span className="app-user">{user.name}</span>
            <SignOutButton to="/" />
          </>
        ) : null
      }
    >
      <Suspense fallback={<LoadingState>Loading the page…</LoadingState>}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
