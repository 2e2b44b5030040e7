import { IdeaCommentPageSchema, type IdeaCommentPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ideaKey } from './get-idea';

export const COMMENTS_PAGE_SIZE = 20;

/** `GET /api/v1/ideas/:id/comments`: a keyset page of comments, oldest first. */
export function getIdeaComments(
  client: ApiClient,
  id: string,
  cursor: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaCommentPage> {
  return client.get(
    pathWithQuery(`/api/v1/ideas/${encodeURIComponent(id)}/comments`, { cursor, limit: COMMENTS_PAGE_SIZE }),
    IdeaCommentPageSchema,
    { signal },
  );
}

/**
 * The comments after the first page (which comes with the idea), from `after` on. Under the idea's
 * key, so a new comment refreshes them with the idea.
 */
export function laterCommentsQueryOptions(client: ApiClient, id: string, after: string) {
  return infiniteQueryOptions({
    queryKey: [...ideaKey(id), 'comments', after] as const,
    queryFn: ({ pageParam, signal }) => getIdeaComments(client, id, pageParam, { signal }),
    initialPageParam: after,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Asks for nothing until `enabled` (the member pressed "Show more comments"). */
export function useLaterComments(id: string, after: string | null, enabled: boolean) {
  return useInfiniteQuery({
    ...laterCommentsQueryOptions(useApiClient(), id, after ?? ''),
    enabled: enabled && after !== null,
  });
}
