import {
  CheckoutRedeemResponseSchema,
  type CheckoutRedeemRequest,
  type CheckoutRedeemResponse,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { idempotencyHeaders } from '../lib/idempotency-key';
import { MEMBER_LOOKUP_KEY } from './lookup-member';

export interface CheckoutRedeemVariables {
  idempotencyKey: string;
  body: CheckoutRedeemRequest;
}

/** `POST /api/v1/checkout/redeem`; 422 `INSUFFICIENT_POINTS` when the balance is short (nothing is written). */
export function checkoutRedeem(
  client: ApiClient,
  { idempotencyKey, body }: CheckoutRedeemVariables,
): Promise<CheckoutRedeemResponse> {
  return client.post('/api/v1/checkout/redeem', body, CheckoutRedeemResponseSchema, {
    headers: idempotencyHeaders(idempotencyKey),
  });
}

export function useCheckoutRedeem() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CheckoutRedeemVariables) => checkoutRedeem(client, variables),
    // A short balance means the screen's figure is out of date, too: read it again either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBER_LOOKUP_KEY }),
  });
}
