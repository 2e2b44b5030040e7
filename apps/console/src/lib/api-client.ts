import { createTallyApiClient } from '@tally/ui';

/**
 * The app's one API client. The API serves this app on its own origin (and Vite proxies `/api` in
 * development), so paths stay relative and the session cookie goes along; `x-tally-client: console` on
 * every request makes the API read the staff session cookie.
 */
export const apiClient = createTallyApiClient('console');
