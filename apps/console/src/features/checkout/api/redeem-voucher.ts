import { VoucherSchema, type RedeemVoucherRequest, type Voucher } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation } from '@tanstack/react-query';

/**
 * `POST /api/v1/checkout/vouchers/redeem`: takes a member's voucher at the till (it is used exactly once,
 * so a repeat is refused, not replayed). 404 `VOUCHER_NOT_FOUND`, 409 `VOUCHER_NOT_ACTIVE` (already used,
 * cancelled or expired), 400 `VALIDATION_FAILED` / `STORE_REQUIRED`.
 */
export function redeemVoucher(client: ApiClient, body: RedeemVoucherRequest): Promise<Voucher> {
  return client.post('/api/v1/checkout/vouchers/redeem', body, VoucherSchema);
}

export function useRedeemVoucher() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: RedeemVoucherRequest) => redeemVoucher(client, body) });
}
