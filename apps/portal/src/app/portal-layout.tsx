import { AppShell, LoadingState, SignOutButton, useSession, type NavItem } from '@tally/ui';
import { Suspense } from 'react';
import { Outlet } from 'react-router';

const MEMBER_NAV: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/statement', label: 'Statement' },
  { to: '/rewards', label: 'Rewards' },
  { to: '/vouchers', label: 'My vouchers' },
  { to: '/card', label: 'My card' },
  { to: '/profile', label: 'Profile' },
];

export function PortalLayout() {
  const user = useSession().data;
  return (
    <AppShell
      appName="Tally"
      brand="Tally"
      nav={user ? MEMBER_NAV : []}
      account={
        user ? (
          <>
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
