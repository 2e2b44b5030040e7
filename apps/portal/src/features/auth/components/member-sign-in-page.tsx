import { SignInPage } from '@tally/ui';
import { Link } from 'react-router';

export function MemberSignInPage() {
  return (
    <SignInPage audience="member" lead="See your points and everything that happened to them.">
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to Tally? <Link to="/sign-up">Sign up</Link>
      </p>
    </SignInPage>
  );
}
