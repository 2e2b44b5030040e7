import { RewardSchema, type Reward, type UpdateReward } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rewardsQueryOptions } from './get-rewards';

export interface UpdateRewardVariables {
  id: string;
  body: UpdateReward;
}

/** `PATCH /api/v1/rewards/:id`: changes fields or archives/restores; 404 `REWARD_NOT_FOUND`. */
export function updateReward(client: ApiClient, { id, body }: UpdateRewardVariables): Promise<Reward> {
  return client.patch(`/api/v1/rewards/${encodeURIComponent(id)}`, body, RewardSchema);
}

export function useUpdateReward() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UpdateRewardVariables) => updateReward(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rewardsQueryOptions(client).queryKey }),
  });
}
