import { RewardSchema, type Reward } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const RewardListSchema = RewardSchema.array();

/** `GET /api/v1/rewards/all`: the whole catalogue, scheduled, ended and archived rewards included. */
export function getRewards(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<Reward[]> {
  return client.get('/api/v1/rewards/all', RewardListSchema, { signal });
}

export function rewardsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['rewards', 'all'] as const,
    queryFn: ({ signal }) => getRewards(client, { signal }),
  });
}

export function useRewards() {
  return useQuery(rewardsQueryOptions(useApiClient()));
}
