import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api-client.js';
import { useLogout } from '../api/logout.js';

/**
 * Ends the session on the server (the cookies go with it), moves to `to`, then clears the cache. The
 * move is flushed first so that a page guarded by `RequireSession` is left before it sees "signed out".
 * (The apps' routers run without transitions, so the flush is synchronous.)
 */
export function SignOutButton({ to = '/' }: { to?: string }) {
  const navigate = useNavigate();
  const logout = useLogout({ beforeSignedOut: () => flushSync(() => void navigate(to)) });
  const error = logout.error;
  return (
    <span className="tally-sign-out">
      <button
        type="button"
        className="tally-button--secondary"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        Sign out
      </button>
      {error ? (
        <span role="alert" className="tally-field__error">
          {isApiError(error) ? error.title : 'Could not sign out'}
        </span>
      ) : null}
    </span>
  );
}
