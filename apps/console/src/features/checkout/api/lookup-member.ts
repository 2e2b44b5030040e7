import { MemberSummarySchema, type MemberSummary } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Exactly one way to name the member, as `GET /api/v1/members/lookup` requires. */
export type MemberLookup = { card: string } | { email: string } | { phone: string };

/** Every lookup sits under this prefix: a checkout invalidates them all, so balances are read again. */
export const MEMBER_LOOKUP_KEY = ['members', 'lookup'] as const;

/** 404 `MEMBER_NOT_FOUND`; 400 `VALIDATION_FAILED` for a card number whose check digit is wrong. */
export function lookupMember(
  client: ApiClient,
  lookup: MemberLookup,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MemberSummary> {
  return client.get(pathWithQuery('/api/v1/members/lookup', lookup), MemberSummarySchema, { signal });
}

export function memberLookupQueryOptions(client: ApiClient, lookup: MemberLookup) {
  return queryOptions({
    queryKey: [...MEMBER_LOOKUP_KEY, lookup] as const,
    queryFn: ({ signal }) => lookupMember(client, lookup, { signal }),
  });
}

/** The member the till is serving; `null` before the first lookup. */
export function useMemberLookup(lookup: MemberLookup | null) {
  const client = useApiClient();
  return useQuery({
    ...memberLookupQueryOptions(client, lookup ?? { card: '' }),
    enabled: lookup !== null,
  });
}

/**
 * "Find member": always asks the API again (a card scanned twice must show today's balance), and leaves
 * the answer in the cache where `useMemberLookup` reads it.
 */
export function useFindMember() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lookup: MemberLookup) =>
      queryClient.fetchQuery({ ...memberLookupQueryOptions(client, lookup), staleTime: 0 }),
  });
}
