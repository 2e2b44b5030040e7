import { SegmentCountSchema, type SegmentCount, type SegmentRule } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';

/** `POST /api/v1/segments/count {definition: {rules}}`: how many active members match the rules now. */
export function countSegment(
  client: ApiClient,
  rules: readonly SegmentRule[],
  { signal }: { signal?: AbortSignal } = {},
): Promise<SegmentCount> {
  return client.post('/api/v1/segments/count', { definition: { rules } }, SegmentCountSchema, { signal });
}

export function segmentCountQueryOptions(client: ApiClient, rules: readonly SegmentRule[]) {
  return queryOptions({
    queryKey: [...SEGMENTS_KEY, 'count', rules] as const,
    queryFn: ({ signal }) => countSegment(client, rules, { signal }),
    // A count is a moment's answer; the same rules asked again a while later may count differently.
    staleTime: 30_000,
  });
}

/** The live count for rules being edited; `null` while they are not complete (nothing is asked). */
export function useSegmentCount(rules: readonly SegmentRule[] | null) {
  const client = useApiClient();
  return useQuery({
    ...segmentCountQueryOptions(client, rules ?? []),
    enabled: rules !== null,
    placeholderData: keepPreviousData,
  });
}
