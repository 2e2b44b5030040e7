import { SegmentSchema, type Segment, type SegmentDefinition } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';

/** `POST /api/v1/segments` → 201 at version 1; 400 names the fields, 409 `SEGMENT_NAME_TAKEN`. */
export function createSegment(client: ApiClient, definition: SegmentDefinition): Promise<Segment> {
  return client.post('/api/v1/segments', definition, SegmentSchema);
}

export function useCreateSegment() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: SegmentDefinition) => createSegment(client, definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}
