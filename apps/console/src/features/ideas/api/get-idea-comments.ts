import { IdeaCommentPageSchema, type IdeaCommentPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { IDEAS_KEY, ideaPath } from './get-ideas';

export const COMMENTS_PAGE_SIZE = 20;

/** `GET /api/v1/ideas/:id/comments?cursor=&limit=`: oldest first, keyset-paginated. */
export function getIdeaComments(
  client: ApiClient,
  id: string,
  query: { cursor?: string | undefined; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaCommentPage> {
  return client.get(pathWithQuery(`${ideaPath(id)}/comments`, query), IdeaCommentPageSchema, {
    signal,
  });
}

/**
 * The idea's comments. The detail answer carries the first page, which seeds this query, so the page
 * asks for nothing more until "Load more".
 */
export function ideaCommentsQueryOptions(client: ApiClient, id: string, first?: IdeaCommentPage) {
  return infiniteQueryOptions({
    queryKey: [...IDEAS_KEY, 'comments', id] as const,
    queryFn: ({ pageParam, signal }) =>
      getIdeaComments(client, id, { cursor: pageParam, limit: COMMENTS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(first ? { initialData: { pages: [first], pageParams: [undefined] } } : {}),
  });
}

export function useIdeaComments(id: string, first?: IdeaCommentPage) {
  return useInfiniteQuery(ideaCommentsQueryOptions(useApiClient(), id, first));
}
