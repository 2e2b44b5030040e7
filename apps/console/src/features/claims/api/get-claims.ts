import { StaffClaimPageSchema, type ClaimState, type StaffClaimPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

export type ClaimFilters = {
  state?: ClaimState;
  storeId?: string;
};

/** Every filter's list sits under this prefix: a decision moves a claim from one list to another. */
export const CLAIMS_KEY = ['claims'] as const;
export const CLAIMS_PAGE_SIZE = 25;

/** The caller's stores' claims (an admin's: all), newest first, each with how it matches the till. */
export function getClaims(
  client: ApiClient,
  query: ClaimFilters & { cursor?: string; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<StaffClaimPage> {
  return client.get(pathWithQuery('/api/v1/claims', query), StaffClaimPageSchema, { signal });
}

export function claimsQueryOptions(client: ApiClient, filters: ClaimFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...CLAIMS_KEY, filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getClaims(client, { ...filters, cursor: pageParam, limit: CLAIMS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
  });
}

export function useClaims(filters: ClaimFilters = {}) {
  return useInfiniteQuery(claimsQueryOptions(useApiClient(), filters));
}
