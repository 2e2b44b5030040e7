import {
  CheckoutEarnResponseSchema,
  type CheckoutEarnRequest,
  type CheckoutEarnResponse,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyHeaders } from '../lib/idempotency-key';
import { MEMBER_LOOKUP_KEY } from './lookup-member';

export interface CheckoutEarnVariables {
  /** The sale's one key: the same for every retry, so the API answers a replay with the first result. */
  idempotencyKey: string;
  body: CheckoutEarnRequest;
}

/**
 * `POST /api/v1/checkout/earn`: 201 `awarded`, or 202 `pending_approval` above a cashier's limits.
 * 409 `RECEIPT_ALREADY_CREDITED`, 422 `CURRENCY_MISMATCH`, 400 `STORE_REQUIRED`.
 */
export function checkoutEarn(
  client: ApiClient,
  { idempotencyKey, body }: CheckoutEarnVariables,
): Promise<CheckoutEarnResponse> {
  return client.post('/api/v1/checkout/earn', body, CheckoutEarnResponseSchema, {
    headers: idempotencyHeaders(idempotencyKey),
  });
}

export function useCheckoutEarn() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CheckoutEarnVariables) => checkoutEarn(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MEMBER_LOOKUP_KEY }),
  });
}
