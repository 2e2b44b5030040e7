import { ModerationQueuePageSchema, type ModerationQueueItem, type ModerationQueuePage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

export type QueueReason = ModerationQueueItem['reason'];
export const QUEUE_PAGE_SIZE = 25;

/**
 * `GET /api/v1/admin/ideas/queue?reason=&cursor=&limit=`: ideas waiting for review and ideas members
 * flagged, each with its author (trusted? blocked?) and the latest flags.
 */
export function getModerationQueue(
  client: ApiClient,
  query: { reason?: QueueReason | undefined; cursor?: string | undefined; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<ModerationQueuePage> {
  return client.get(pathWithQuery('/api/v1/admin/ideas/queue', query), ModerationQueuePageSchema, {
    signal,
  });
}

export function moderationQueueQueryOptions(client: ApiClient, reason?: QueueReason) {
  return infiniteQueryOptions({
    queryKey: [...IDEAS_KEY, 'queue', reason ?? 'all'] as const,
    queryFn: ({ pageParam, signal }) =>
      getModerationQueue(client, { reason, cursor: pageParam, limit: QUEUE_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Members keep submitting and flagging: the queue is read afresh each time it opens.
    refetchOnMount: 'always',
  });
}

export function useModerationQueue(reason?: QueueReason) {
  return useInfiniteQuery(moderationQueueQueryOptions(useApiClient(), reason));
}
