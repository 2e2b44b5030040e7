import { SegmentPageSchema, type Segment } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** Every segment query starts with this key, so a saved or archived segment refreshes them all. */
export const SEGMENTS_KEY = ['segments'] as const;

/** The most segments a campaign's audience picker offers (one page of the list). */
const CHOICES = 100;

/**
 * The saved, active segments, newest first: what the campaign editor offers for an audience and what
 * the campaign page names a segment id by. Features do not import each other, so this lives here.
 */
export function getSegmentChoices(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Segment[]> {
  return client
    .get(`/api/v1/segments?limit=${CHOICES}`, SegmentPageSchema, { signal })
    .then((page) => page.items);
}

export function segmentChoicesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...SEGMENTS_KEY, 'choices'] as const,
    queryFn: ({ signal }) => getSegmentChoices(client, { signal }),
  });
}

/** `enabled: false` asks nothing (a campaign that names no segment needs no names). */
export function useSegmentChoices({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...segmentChoicesQueryOptions(useApiClient()), enabled });
}

/** A segment's name, or a word that says it is not among the active ones. */
export function segmentName(segments: readonly Segment[] | undefined, id: string): string {
  return segments?.find((s) => s.id === id)?.definition.name ?? 'an archived segment';
}
