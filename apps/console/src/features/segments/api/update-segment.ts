import { SegmentSchema, type Segment, type SegmentDefinition } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SEGMENTS_KEY } from '../../../lib/segments';
import { segmentPath } from './get-segment';

export interface UpdateSegmentVariables {
  id: string;
  /** The version the edit started from: 409 `SEGMENT_VERSION_CONFLICT` if someone saved after it. */
  version: number;
  definition: SegmentDefinition;
}

/** `PUT /api/v1/segments/:id` with `{version, definition}`; 409 `SEGMENT_ARCHIVED` once archived. */
export function updateSegment(
  client: ApiClient,
  { id, version, definition }: UpdateSegmentVariables,
): Promise<Segment> {
  return client.put(segmentPath(id), { version, definition }, SegmentSchema);
}

export function useUpdateSegment() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UpdateSegmentVariables) => updateSegment(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}
