import { IdeaRewardsSchema, type IdeaRewards } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY, staffIdeaPath } from './get-ideas';

/** `GET /api/v1/admin/ideas/:id/rewards` (`ideas:moderate`): the author's bonuses for the idea; 404 `IDEA_NOT_FOUND`. */
export function getIdeaRewards(
  client: ApiClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaRewards> {
  return client.get(`${staffIdeaPath(id)}/rewards`, IdeaRewardsSchema, { signal });
}

/** Under the ideas key, so a status change (which may pay or cancel a bonus) reads them again. */
export function ideaRewardsQueryOptions(client: ApiClient, id: string) {
  return queryOptions({
    queryKey: [...IDEAS_KEY, 'rewards', id] as const,
    queryFn: ({ signal }) => getIdeaRewards(client, id, { signal }),
  });
}

export function useIdeaRewards(id: string) {
  return useQuery(ideaRewardsQueryOptions(useApiClient(), id));
}
