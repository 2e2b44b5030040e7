import { PointsSummarySchema, type PointsSummary } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** `GET /api/v1/me/points-summary`: balance, pending by day, expiring soon and tier progress. */
export function getPointsSummary(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PointsSummary> {
  return client.get('/api/v1/me/points-summary', PointsSummarySchema, { signal });
}

export function pointsSummaryQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...ME_KEY, 'points-summary'] as const,
    queryFn: ({ signal }) => getPointsSummary(client, { signal }),
  });
}

export function usePointsSummary() {
  return useQuery(pointsSummaryQueryOptions(useApiClient()));
}
