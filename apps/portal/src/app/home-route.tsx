import { RequireSession } from '@tally/ui';
import { MemberHome } from '../features/me/components/member-home';
import { WelcomePage } from './welcome-page';

/** `/`: the member's points when signed in, a welcome with sign-in and sign-up otherwise. */
export function HomeRoute() {
  return (
    <RequireSession signedOut={<WelcomePage />}>
      {(user) => <MemberHome name={user.name} cardNumber={user.cardNumber} />}
    </RequireSession>
  );
}
