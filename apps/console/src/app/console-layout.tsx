import { can } from '@tally/domain';
import { AppShell, LoadingState, SignOutButton, useSession } from '@tally/ui';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { CONSOLE_NAV } from './nav';

export function ConsoleLayout() {
  const user = useSession().data;
  return (
    <AppShell
      appName="Tally Console"
      brand="Tally Console"
      nav={user ? CONSOLE_NAV.filter((item) => can(user.role, item.permission)) : []}
      account={
        user ? (
          <>
            <span className="app-user">
              {user.name} <span className="app-user__role">({user.role})</span>
            </span>
            <SignOutButton to="/sign-in" />
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
