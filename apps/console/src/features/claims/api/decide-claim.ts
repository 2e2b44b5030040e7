import { StaffClaimSchema, type ApproveClaim, type DenyClaim, type StaffClaim } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CLAIMS_KEY } from './get-claims';

export type ClaimDecision =
  { id: string; decision: 'approve'; body: ApproveClaim } | { id: string; decision: 'deny'; body: DenyClaim };

/**
 * `POST /api/v1/claims/:id/approve` (credits the points) or `/deny`. 409 `CLAIM_ALREADY_DECIDED` when
 * someone answered first; 409 `RECEIPT_ALREADY_CREDITED` when the receipt earned points meanwhile.
 */
export function decideClaim(client: ApiClient, { id, decision, body }: ClaimDecision): Promise<StaffClaim> {
  return client.post(`/api/v1/claims/${encodeURIComponent(id)}/${decision}`, body, StaffClaimSchema);
}

export function useDecideClaim() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ClaimDecision) => decideClaim(client, variables),
    // After a refusal, too: the list is out of date either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: CLAIMS_KEY }),
  });
}
