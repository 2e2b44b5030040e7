import { PosKeySchema, type PosKey } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const PosKeyListSchema = PosKeySchema.array();

/** All keys under this prefix; a mutation invalidates every store's list at once. */
export const POS_KEYS_KEY = ['pos-keys'] as const;

export function getPosKeys(
  client: ApiClient,
  { storeId }: { storeId?: string } = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<PosKey[]> {
  return client.get(pathWithQuery('/api/v1/pos-keys', { storeId }), PosKeyListSchema, { signal });
}

export function posKeysQueryOptions(client: ApiClient, filter: { storeId?: string } = {}) {
  return queryOptions({
    queryKey: [...POS_KEYS_KEY, filter] as const,
    queryFn: ({ signal }) => getPosKeys(client, filter, { signal }),
  });
}

export function usePosKeys(filter: { storeId?: string } = {}) {
  return useQuery(posKeysQueryOptions(useApiClient(), filter));
}
