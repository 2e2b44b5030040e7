import { SegmentDetailSchema, type SegmentDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';

export const segmentPath = (id: string) => `/api/v1/segments/${encodeURIComponent(id)}`;

/** `GET /api/v1/segments/:id` with its member count now and the campaigns that target it; 404 `SEGMENT_NOT_FOUND`. */
export function getSegment(client: ApiClient, id: string, { signal }: { signal?: AbortSignal } = {}) {
  return client.get(segmentPath(id), SegmentDetailSchema, { signal });
}

export function segmentQueryOptions(client: ApiClient, id: string) {
  return queryOptions({
    queryKey: [...SEGMENTS_KEY, 'detail', id] as const,
    queryFn: ({ signal }): Promise<SegmentDetail> => getSegment(client, id, { signal }),
  });
}

export function useSegment(id: string) {
  return useQuery(segmentQueryOptions(useApiClient(), id));
}
