import { RequireSession, useSession } from '@tally/ui';
import { useState } from 'react';
import { readSavedCard } from '../saved-card';
import { CardPage, isUnreachable, SavedCardPage, useOnline } from './card-page';

/**
 * `/card`. Offline the session cannot be checked, so a device with a saved card shows it instead of
 * "checking your session" or an error; everyone else goes through the usual sign-in guard.
 */
export function CardRoute() {
  const session = useSession();
  const online = useOnline();
  const [saved] = useState(readSavedCard);
  const unreachable = !online || (session.isError && isUnreachable(session.error));
  if (saved && !session.data && unreachable) return <SavedCardPage card={saved} />;
  return <RequireSession>{() => <CardPage />}</RequireSession>;
}
