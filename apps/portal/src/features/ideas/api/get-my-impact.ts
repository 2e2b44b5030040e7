import { MyImpactSchema, type MyImpact } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** `GET /api/v1/me/ideas/impact`: my ideas, supporters gained, points earned and what shipped. */
export function getMyImpact(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<MyImpact> {
  return client.get('/api/v1/me/ideas/impact', MyImpactSchema, { signal });
}

/** Under the board's key: a vote or a new idea changes it too. */
export function myImpactQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...IDEAS_KEY, 'my-impact'] as const,
    queryFn: ({ signal }) => getMyImpact(client, { signal }),
  });
}

export function useMyImpact() {
  return useQuery(myImpactQueryOptions(useApiClient()));
}
