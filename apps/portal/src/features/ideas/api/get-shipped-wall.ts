import { ShippedWallPageSchema, type ShippedWallPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

export const WALL_PAGE_SIZE = 20;

/** `GET /api/v1/ideas/wall`: shipped ideas crediting their authors, newest first. */
export function getShippedWall(
  client: ApiClient,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ShippedWallPage> {
  return client.get(
    pathWithQuery('/api/v1/ideas/wall', { cursor, limit: WALL_PAGE_SIZE }),
    ShippedWallPageSchema,
    { signal },
  );
}

export function shippedWallQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: [...IDEAS_KEY, 'wall'] as const,
    queryFn: ({ pageParam, signal }) => getShippedWall(client, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useShippedWall() {
  return useInfiniteQuery(shippedWallQueryOptions(useApiClient()));
}
