import { StoreSchema, type Store } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const StoreListSchema = StoreSchema.array();

export function getStores(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<Store[]> {
  return client.get('/api/v1/stores', StoreListSchema, { signal });
}

export function storesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['stores'] as const,
    queryFn: ({ signal }) => getStores(client, { signal }),
  });
}

export function useStores({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...storesQueryOptions(useApiClient()), enabled });
}
