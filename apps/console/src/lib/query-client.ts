import { isApiError } from '@tally/ui';
import { QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 2;

/** Retry only what may heal by itself: no answer, 429 or 5xx. A 4xx will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.retryable;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
