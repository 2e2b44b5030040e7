import { StaffRoles, can, type AuthUser, type Permission, type StaffRole } from '@tally/domain';
import { Page, RequireSession } from '@tally/ui';
import type { ReactNode } from 'react';
import { Link, Outlet, useOutletContext } from 'react-router';

const isStaffRole = (role: AuthUser['role']): role is StaffRole =>
  (StaffRoles as readonly string[]).includes(role);

/** The console's pages need a signed-in staff user; they get it from here through the outlet context. */
export function RequireStaff() {
  return (
    <RequireSession>
      {(user) =>
        isStaffRole(user.role) ? (
          <Outlet context={user} />
        ) : (
          <NotAllowed>
            <p>The console is for Tally staff. Members can see their points in the customer portal.</p>
          </NotAllowed>
        )
      }
    </RequireSession>
  );
}

export function useStaffUser(): AuthUser {
  return useOutletContext<AuthUser>();
}

/** Renders the page when the user's role has `permission`, and says clearly why not otherwise. */
export function Allowed({
  permission,
  children,
}: {
  permission: Permission;
  children: (user: AuthUser) => ReactNode;
}) {
  const user = useStaffUser();
  if (!can(user.role, permission)) {
    return (
      <NotAllowed>
        <p>
          Your role, <strong>{user.role}</strong>, does not include this page ({permission}). Ask an admin if
          you need it.
        </p>
      </NotAllowed>
    );
  }
  return <>{children(user)}</>;
}

function NotAllowed({ children }: { children: ReactNode }) {
  return (
    <Page title="Not allowed">
      <div role="alert" className="tally-state tally-state--error">
        {children}
      </div>
      <p>
        <Link to="/">Back to the console’s home page</Link>
      </p>
    </Page>
  );
}
