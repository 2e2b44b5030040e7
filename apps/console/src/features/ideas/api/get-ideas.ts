import { IDEA_STATES, IdeaPageSchema, type IdeaPage, type IdeaSort, type IdeaState } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

/**
 * Staff read the board where members do (`/api/v1/ideas`): a moderator's session also sees ideas
 * waiting for review. Staff actions live under `/api/v1/admin/ideas`.
 */
export const IDEAS_PATH = '/api/v1/ideas';
export const ideaPath = (id: string) => `${IDEAS_PATH}/${encodeURIComponent(id)}`;
export const staffIdeaPath = (id: string) => `/api/v1/admin/ideas/${encodeURIComponent(id)}`;

/** Every ideas query starts with this key: a decision on one idea refreshes the lists, queue and details. */
export const IDEAS_KEY = ['ideas'] as const;
export const IDEAS_PAGE_SIZE = 20;

export type IdeaFilters = {
  q?: string | undefined;
  /** One state, or several (sent comma-separated); none: every state (the API's own default hides some). */
  state?: IdeaState | readonly IdeaState[] | undefined;
  tag?: string | undefined;
  sort?: IdeaSort | undefined;
};

/** `GET /api/v1/ideas?q=&state=&tag=&sort=&cursor=&limit=`: keyset-paginated, in the sort's order. */
export function getIdeas(
  client: ApiClient,
  query: IdeaFilters & { cursor?: string | undefined; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaPage> {
  const { state = IDEA_STATES, ...rest } = query;
  return client.get(
    pathWithQuery(IDEAS_PATH, { ...rest, state: typeof state === 'string' ? state : state.join(',') }),
    IdeaPageSchema,
    { signal },
  );
}

export function ideasQueryOptions(client: ApiClient, filters: IdeaFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...IDEAS_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getIdeas(client, { ...filters, cursor: pageParam, limit: IDEAS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useIdeas(filters: IdeaFilters = {}, { enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...ideasQueryOptions(useApiClient(), filters), enabled });
}
