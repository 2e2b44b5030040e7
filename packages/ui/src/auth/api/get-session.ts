import { AuthUserSchema, type AuthUser } from '@tally/domain';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError, type ApiClient } from '../../api-client.js';
import { useApiClient } from '../../api-client-context.js';
import { SESSION_QUERY_KEY } from '../session-cache.js';
import { AUTH_PATHS } from '../tally-api-client.js';

/** Who is signed in to this app, or `null` when nobody is (the API's 401 is an answer here, not a failure). */
export async function getSession(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuthUser | null> {
  try {
    const user = await client.get(AUTH_PATHS.session, AuthUserSchema, { signal });
    client.session.signedIn();
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      client.session.signedOut();
      return null;
    }
    throw error;
  }
}

export function sessionQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(client, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions(useApiClient()));
}
