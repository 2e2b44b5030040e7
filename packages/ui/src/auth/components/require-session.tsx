import type { AuthUser } from '@tally/domain';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, LoadingState } from '../../page/states.js';
import { useSession } from '../api/get-session.js';

/** Where the sign-in page sends the user back to; only a path inside this app is followed. */
export interface SignInState {
  from?: string;
}

export function returnPath(state: unknown, fallback = '/'): string {
  const from = (state as SignInState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : fallback;
}

/**
 * Renders its children with the signed-in user; sends anyone else to sign in, remembering where they
 * were going. A failed session check (no network) is an error with a retry, not a sign-out.
 */
export function RequireSession({
  children,
  signInPath = '/sign-in',
  signedOut,
}: {
  children: (user: AuthUser) => ReactNode;
  signInPath?: string;
  /** Shown to a signed-out visitor instead of sending them to sign in (a public home page). */
  signedOut?: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState>Checking your session…</LoadingState>;
  if (session.isError) {
    return (
      <ErrorState
        error={session.error}
        onRetry={() => void session.refetch()}
        retrying={session.isFetching}
      />
    );
  }
  if (!session.data) {
    if (signedOut !== undefined) return <>{signedOut}</>;
    const state: SignInState = { from: `${location.pathname}${location.search}` };
    return <Navigate to={signInPath} replace state={state} />;
  }
  return <>{children(session.data)}</>;
}
