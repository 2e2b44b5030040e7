import {
  CheckoutRefundResponseSchema,
  type CheckoutRefundRequest,
  type CheckoutRefundResponse,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyHeaders } from '../lib/idempotency-key';
import { MEMBER_LOOKUP_KEY } from './lookup-member';

export interface CheckoutRefundVariables {
  idempotencyKey: string;
  body: CheckoutRefundRequest;
}

/**
 * `POST /api/v1/checkout/refund`: the whole receipt (what is left of it) or the lines given. 404
 * `RECEIPT_NOT_FOUND`, 422 `REFUND_EXCEEDS_RECEIPT`.
 */
export function checkoutRefund(
  client: ApiClient,
  { idempotencyKey, body }: CheckoutRefundVariables,
): Promise<CheckoutRefundResponse> {
  return client.post('/api/v1/checkout/refund', body, CheckoutRefundResponseSchema, {
    headers: idempotencyHeaders(idempotencyKey),
  });
}

export function useCheckoutRefund() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CheckoutRefundVariables) => checkoutRefund(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MEMBER_LOOKUP_KEY }),
  });
}
