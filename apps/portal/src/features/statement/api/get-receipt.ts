import { MemberReceiptSchema, type MemberReceipt } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** `GET /api/v1/me/receipts/:id`: a stored till receipt, its lines and how each point was earned. */
export function getReceipt(
  client: ApiClient,
  receiptId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MemberReceipt> {
  return client.get(`/api/v1/me/receipts/${encodeURIComponent(receiptId)}`, MemberReceiptSchema, { signal });
}

export function receiptQueryOptions(client: ApiClient, receiptId: string) {
  return queryOptions({
    queryKey: [...ME_KEY, 'receipts', receiptId] as const,
    queryFn: ({ signal }) => getReceipt(client, receiptId, { signal }),
  });
}

export function useReceipt(receiptId: string) {
  return useQuery(receiptQueryOptions(useApiClient(), receiptId));
}
