import { RewardSchema, type Reward } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

export const REWARDS_KEY = ['rewards'] as const;

const RewardListSchema = RewardSchema.array();

/** `GET /api/v1/rewards`: the public catalogue, only what is on offer now. */
export function getRewards(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<Reward[]> {
  return client.get('/api/v1/rewards', RewardListSchema, { signal });
}

export function rewardsQueryOptions(client: ApiClient) {
  return queryOptions({ queryKey: REWARDS_KEY, queryFn: ({ signal }) => getRewards(client, { signal }) });
}

export function useRewards() {
  return useQuery(rewardsQueryOptions(useApiClient()));
}
