import { IdeaDetailSchema, type IdeaDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

export const ideaKey = (id: string) => [...IDEAS_KEY, 'detail', id] as const;

/** `GET /api/v1/ideas/:id`: the idea, its status history and its first page of comments. */
export function getIdea(
  client: ApiClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<IdeaDetail> {
  return client.get(`/api/v1/ideas/${encodeURIComponent(id)}`, IdeaDetailSchema, { signal });
}

export function ideaQueryOptions(client: ApiClient, id: string) {
  return queryOptions({ queryKey: ideaKey(id), queryFn: ({ signal }) => getIdea(client, id, { signal }) });
}

export function useIdea(id: string) {
  return useQuery(ideaQueryOptions(useApiClient(), id));
}
