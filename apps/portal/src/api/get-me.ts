import { MeResponseSchema, type MeResponse } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** Every query about the signed-in member starts with this key, so one invalidation refreshes them all. */
export const ME_KEY = ['me'] as const;

export function getMe(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<MeResponse> {
  return client.get('/api/v1/me', MeResponseSchema, { signal });
}

export function meQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: ME_KEY, queryFn: ({ signal }) => getMe(client, { signal }) });
}

export function useMe() {
  return useQuery(meQueryOptions(useApiClient()));
}
