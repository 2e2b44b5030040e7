import { AppProviders } from '@tally/ui';
import { BrowserRouter } from 'react-router';
import { apiClient } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { AppRoutes } from './routes';

export function App() {
  return (
    <AppProviders apiClient={apiClient} queryClient={queryClient}>
      {/* Without transitions a navigation is flushed at once, which signing out relies on (see SignOutButton). */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
