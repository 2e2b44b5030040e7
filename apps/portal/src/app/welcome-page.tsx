import { Page } from '@tally/ui';
import { Link, useLocation } from 'react-router';
import type { AccountClosedState } from '../features/me/components/close-account';
import { HealthPanel } from '../features/health/components/health-panel';

export function WelcomePage() {
  const closed = (useLocation().state as Partial<AccountClosedState> | null)?.accountClosed === true;
  return (
    <Page title="Welcome to Tally" lead="Earn points every time you shop, and see every point explained.">
      {closed ? (
        <p role="status" className="tally-notice">
          Your account is closed and your personal data erased. Thank you for being a member.
        </p>
      ) : null}
      <div className="tally-actions welcome-actions">
        <Link className="welcome-actions__primary" to="/sign-in">
          Sign in
        </Link>
        <Link to="/sign-up">Sign up</Link>
      </div>
      <HealthPanel />
    </Page>
  );
}
