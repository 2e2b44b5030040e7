import { ClaimPageSchema, type ClaimPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** Under the member's key, so signing out or a new claim refreshes it. */
export const MY_CLAIMS_KEY = [...ME_KEY, 'claims'] as const;
export const CLAIMS_PAGE_SIZE = 20;

/** `GET /api/v1/me/claims`: the member's claims, newest first, with the staff answer. */
export function getMyClaims(
  client: ApiClient,
  query: { cursor?: string; limit?: number } = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<ClaimPage> {
  return client.get(pathWithQuery('/api/v1/me/claims', query), ClaimPageSchema, { signal });
}

export function myClaimsQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: MY_CLAIMS_KEY,
    queryFn: ({ pageParam, signal }) =>
      getMyClaims(client, { cursor: pageParam, limit: CLAIMS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMyClaims() {
  return useInfiniteQuery(myClaimsQueryOptions(useApiClient()));
}
