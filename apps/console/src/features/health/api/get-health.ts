import { HealthResponseSchema, type HealthResponse } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export interface GetHealthOptions {
  client?: ApiClient;
  signal?: AbortSignal;
}

export function getHealth({ client = apiClient, signal }: GetHealthOptions = {}): Promise<HealthResponse> {
  return client.get('/api/health', HealthResponseSchema, { signal });
}

export function healthQueryOptions(client: ApiClient = apiClient) {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => getHealth({ client, signal }),
    staleTime: 15_000,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
