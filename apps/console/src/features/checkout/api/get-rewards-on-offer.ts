import { RewardSchema, type Reward } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const RewardListSchema = RewardSchema.array();

/** `GET /api/v1/rewards` (public): the rewards on offer now, which a member can redeem at the till. */
export function getRewardsOnOffer(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Reward[]> {
  return client.get('/api/v1/rewards', RewardListSchema, { signal });
}

/** Under the rewards feature's prefix, so a catalogue change there is read again here too. */
export function rewardsOnOfferQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['rewards', 'on-offer'] as const,
    queryFn: ({ signal }) => getRewardsOnOffer(client, { signal }),
    staleTime: 60_000,
  });
}

export function useRewardsOnOffer() {
  return useQuery(rewardsOnOfferQueryOptions(useApiClient()));
}
