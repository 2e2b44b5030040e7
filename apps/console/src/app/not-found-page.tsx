import { Page } from '@tally/ui';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is no console page at this address.</p>
      <p>
        <Link to="/">Go to the console’s home page</Link>
      </p>
    </Page>
  );
}
