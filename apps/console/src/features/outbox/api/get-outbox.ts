import { OutboxPageSchema, type OutboxPage, type OutboxQuery } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

export type OutboxStatusFilter = NonNullable<OutboxQuery['status']>;

export const OUTBOX_PAGE_SIZE = 50;

export function getOutboxPage(
  client: ApiClient,
  query: { status?: OutboxStatusFilter; cursor?: string; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<OutboxPage> {
  return client.get(pathWithQuery('/api/v1/outbox', query), OutboxPageSchema, { signal });
}

/** Newest first, keyset-paginated; always read again when the page opens (mail arrives all the time). */
export function outboxQueryOptions(client: ApiClient, status?: OutboxStatusFilter) {
  return infiniteQueryOptions({
    queryKey: ['outbox', { status }] as const,
    queryFn: ({ pageParam, signal }) =>
      getOutboxPage(client, { status, cursor: pageParam, limit: OUTBOX_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
  });
}

export function useOutbox(status?: OutboxStatusFilter) {
  return useInfiniteQuery(outboxQueryOptions(useApiClient(), status));
}
