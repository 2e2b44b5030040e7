import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiClient } from './api-client.js';
import { applySignedOut } from './auth/session-cache.js';

const MAX_RETRIES = 2;

/** Retry only what may heal by itself: no answer, 429 or 5xx. A 4xx will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.retryable;
}

/**
 * The app's query client. Any query or mutation refused with 401 `UNAUTHENTICATED` (after the API client
 * tried renewing the session) means the session is over: the cache is cleared and the session query
 * reads "signed out", which sends the user to the sign-in page.
 */
export function createQueryClient(apiClient: ApiClient): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') applySignedOut(queryClient, apiClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      // Short: staff lists change under other people's hands (an invitee accepting, a key revoked elsewhere).
      queries: { staleTime: 5_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
