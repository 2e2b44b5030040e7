import { PublicStoreSchema, type PublicStore } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const StoreListSchema = PublicStoreSchema.array();

/** `GET /api/v1/me/stores`: the stores a member can name in a claim (id and name only). */
export function getStores(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PublicStore[]> {
  return client.get('/api/v1/me/stores', StoreListSchema, { signal });
}

export function storesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['stores', 'public'] as const,
    queryFn: ({ signal }) => getStores(client, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useStores() {
  return useQuery(storesQueryOptions(useApiClient()));
}
