import { SimilarIdeasSchema, type SimilarIdeas } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** The API asks for at least this many characters before it suggests anything. */
export const SIMILAR_MIN_LENGTH = 3;

/** `GET /api/v1/ideas/similar?q=`: up to five open ideas like the title typed so far. */
export function getSimilarIdeas(
  client: ApiClient,
  q: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SimilarIdeas> {
  return client.get(pathWithQuery('/api/v1/ideas/similar', { q }), SimilarIdeasSchema, { signal });
}

export function similarIdeasQueryOptions(client: ApiClient, q: string) {
  return queryOptions({
    queryKey: [...IDEAS_KEY, 'similar', q] as const,
    queryFn: ({ signal }) => getSimilarIdeas(client, q, { signal }),
    staleTime: 30_000,
  });
}

/** `q` is the debounced title; nothing is asked for until it is long enough. */
export function useSimilarIdeas(q: string) {
  const text = q.trim();
  return useQuery({
    ...similarIdeasQueryOptions(useApiClient(), text),
    enabled: text.length >= SIMILAR_MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
}
