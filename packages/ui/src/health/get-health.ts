import { HealthResponseSchema, type HealthResponse } from '@tally/domain';
import type { ApiClient } from '../api-client.js';
import { useApiClient } from '../api-client-context.js';
import { queryOptions, useQuery } from '@tanstack/react-query';

export function getHealth(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<HealthResponse> {
  return client.get('/api/health', HealthResponseSchema, { signal });
}

export function healthQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => getHealth(client, { signal }),
    staleTime: 15_000,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions(useApiClient()));
}
