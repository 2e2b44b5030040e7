import type { AuthUser } from '@tally/domain';
import { notifyManager, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api-client.js';

/** The key of the "who am I" query; its data is the user, or `null` when signed out. */
export const SESSION_QUERY_KEY = ['auth', 'session'] as const;

const isSessionQuery = (queryKey: readonly unknown[]) =>
  queryKey.length === SESSION_QUERY_KEY.length && SESSION_QUERY_KEY.every((part, i) => queryKey[i] === part);

/** Everything cached belongs to whoever was signed in before: drop it, keep only the session answer. */
function resetCacheTo(queryClient: QueryClient, user: AuthUser | null) {
  notifyManager.batch(() => {
    queryClient.removeQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
    queryClient.getMutationCache().clear();
    queryClient.setQueryData<AuthUser | null>(SESSION_QUERY_KEY, user);
  });
}

export function applySignedIn(queryClient: QueryClient, apiClient: ApiClient, user: AuthUser): void {
  apiClient.session.signedIn();
  resetCacheTo(queryClient, user);
}

export function applySignedOut(queryClient: QueryClient, apiClient: ApiClient): void {
  apiClient.session.signedOut();
  void queryClient.cancelQueries({ predicate: (query) => !isSessionQuery(query.queryKey) });
  resetCacheTo(queryClient, null);
}
