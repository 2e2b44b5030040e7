import {
  IdeaPageSchema,
  type IdeaCategory,
  type IdeaPage,
  type IdeaSort,
  type IdeaState,
} from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

/** Every ideas-board query starts with this key, so a vote, comment or new idea refreshes them all. */
export const IDEAS_KEY = ['ideas'] as const;
export const IDEAS_PAGE_SIZE = 20;

/** What the board filters on; absent means "any" (the API then lists every public state). */
export interface IdeaFilters {
  q?: string;
  sort: IdeaSort;
  state?: IdeaState;
  tag?: string;
  category?: IdeaCategory;
}

/** `GET /api/v1/ideas`: one keyset page of the board, in the chosen sort. */
export function getIdeasPage(
  client: ApiClient,
  filters: IdeaFilters,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaPage> {
  return client.get(
    pathWithQuery('/api/v1/ideas', { ...filters, cursor, limit: IDEAS_PAGE_SIZE }),
    IdeaPageSchema,
    { signal },
  );
}

/** A new filter or sort starts again at page one (a cursor belongs to the sort it came from). */
export function ideasPagesQueryOptions(client: ApiClient, filters: IdeaFilters) {
  return infiniteQueryOptions({
    queryKey: [...IDEAS_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) => getIdeasPage(client, filters, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useIdeasPages(filters: IdeaFilters) {
  // The previous results stay on screen while a new search loads, so typing does not flash "Loading".
  return useInfiniteQuery({
    ...ideasPagesQueryOptions(useApiClient(), filters),
    placeholderData: keepPreviousData,
  });
}
