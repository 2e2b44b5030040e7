import { SegmentSchema, type Segment } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';
import { segmentPath } from './get-segment';

/** `DELETE /api/v1/segments/:id` archives it; 409 `SEGMENT_IN_USE` while a campaign that is not a draft targets it. */
export function archiveSegment(client: ApiClient, id: string): Promise<Segment> {
  return client.delete(segmentPath(id), SegmentSchema);
}

export function useArchiveSegment() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => archiveSegment(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}
