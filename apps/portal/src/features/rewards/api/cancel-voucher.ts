import { VoucherResultSchema, type VoucherResult } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** `POST /api/v1/me/vouchers/:id/cancel`: the points come back, with the expiry they had before. */
export function cancelVoucher(client: ApiClient, voucherId: string): Promise<VoucherResult> {
  return client.post(`/api/v1/me/vouchers/${encodeURIComponent(voucherId)}/cancel`, {}, VoucherResultSchema);
}

export function useCancelVoucher() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (voucherId: string) => cancelVoucher(client, voucherId),
    // Balance and vouchers both live under the member's key.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
