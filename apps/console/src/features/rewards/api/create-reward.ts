import { RewardSchema, type CreateReward, type Reward } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rewardsQueryOptions } from './get-rewards';

/** `POST /api/v1/rewards`; 400 `VALIDATION_FAILED` names the fields. */
export function createReward(client: ApiClient, body: CreateReward): Promise<Reward> {
  return client.post('/api/v1/rewards', body, RewardSchema);
}

export function useCreateReward() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReward) => createReward(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rewardsQueryOptions(client).queryKey }),
  });
}
