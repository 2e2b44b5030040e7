import { SignInPage } from '@tally/ui';
import { Link } from 'react-router';

export function StaffSignInPage() {
  return (
    <SignInPage audience="staff" lead="For Tally staff: cashiers, marketing, managers and admins.">
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </SignInPage>
  );
}
