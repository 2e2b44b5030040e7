import { RoadmapSchema, type Roadmap } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** `GET /api/v1/ideas/roadmap`: planned, in progress and shipped ideas. */
export function getRoadmap(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<Roadmap> {
  return client.get('/api/v1/ideas/roadmap', RoadmapSchema, { signal });
}

export function roadmapQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...IDEAS_KEY, 'roadmap'] as const,
    queryFn: ({ signal }) => getRoadmap(client, { signal }),
  });
}

export function useRoadmap() {
  return useQuery(roadmapQueryOptions(useApiClient()));
}
