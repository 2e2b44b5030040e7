import { VoucherSchema, type Voucher } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** Under the member's key: invalidating `['me']` after a redeem or a cancel refreshes balance and vouchers. */
export const MY_VOUCHERS_KEY = [...ME_KEY, 'vouchers'] as const;

const VoucherListSchema = VoucherSchema.array();

/** `GET /api/v1/me/vouchers`: every voucher the member holds, whatever its status. */
export function getMyVouchers(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Voucher[]> {
  return client.get('/api/v1/me/vouchers', VoucherListSchema, { signal });
}

export function myVouchersQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: MY_VOUCHERS_KEY,
    queryFn: ({ signal }) => getMyVouchers(client, { signal }),
  });
}

export function useMyVouchers() {
  return useQuery(myVouchersQueryOptions(useApiClient()));
}
