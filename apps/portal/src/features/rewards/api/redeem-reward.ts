import { VoucherResultSchema, type VoucherResult } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';
import { REWARDS_KEY } from './get-rewards';

export interface RedeemRewardInput {
  rewardId: string;
  /** One per confirmation: a retry of the same confirmation sends the same key, so it cannot spend twice. */
  idempotencyKey: string;
}

/** `POST /api/v1/me/rewards/:id/redeem`: spends the points and answers with the new voucher and balance. */
export function redeemReward(
  client: ApiClient,
  { rewardId, idempotencyKey }: RedeemRewardInput,
): Promise<VoucherResult> {
  return client.post(`/api/v1/me/rewards/${encodeURIComponent(rewardId)}/redeem`, {}, VoucherResultSchema, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useRedeemReward() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RedeemRewardInput) => redeemReward(client, input),
    // A refusal (sold out, limit reached, short of points) also means the page's picture was stale.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ME_KEY }),
        queryClient.invalidateQueries({ queryKey: REWARDS_KEY }),
      ]),
  });
}
