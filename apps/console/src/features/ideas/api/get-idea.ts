import { IdeaDetailSchema, type IdeaDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY, ideaPath } from './get-ideas';

/** `GET /api/v1/ideas/:id`: the idea in any state (for a moderator), its status history and first comments; 404 `IDEA_NOT_FOUND`. */
export function getIdea(
  client: ApiClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaDetail> {
  return client.get(ideaPath(id), IdeaDetailSchema, { signal });
}

export function ideaQueryOptions(client: ApiClient, id: string) {
  return queryOptions({
    queryKey: [...IDEAS_KEY, 'detail', id] as const,
    queryFn: ({ signal }) => getIdea(client, id, { signal }),
  });
}

export function useIdea(id: string) {
  return useQuery(ideaQueryOptions(useApiClient(), id));
}
