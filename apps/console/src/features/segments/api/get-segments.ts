import { SegmentPageSchema, type SegmentPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';

export const SEGMENTS_PAGE_SIZE = 25;

export type SegmentStatusFilter = 'active' | 'archived';

/** `GET /api/v1/segments?status=&cursor=&limit=`: newest first, keyset-paginated. */
export function getSegmentsPage(
  client: ApiClient,
  query: { status: SegmentStatusFilter; cursor?: string | undefined; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<SegmentPage> {
  return client.get(pathWithQuery('/api/v1/segments', query), SegmentPageSchema, { signal });
}

export function segmentsQueryOptions(client: ApiClient, status: SegmentStatusFilter) {
  return infiniteQueryOptions({
    queryKey: [...SEGMENTS_KEY, 'list', status] as const,
    queryFn: ({ pageParam, signal }) =>
      getSegmentsPage(client, { status, cursor: pageParam, limit: SEGMENTS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSegments(status: SegmentStatusFilter) {
  return useInfiniteQuery(segmentsQueryOptions(useApiClient(), status));
}
