import { ClaimSchema, type Claim, type CreateClaim } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MY_CLAIMS_KEY } from './get-my-claims';

/** `POST /api/v1/me/claims`: a claim for a receipt that earned no points. */
export function createClaim(client: ApiClient, body: CreateClaim): Promise<Claim> {
  return client.post('/api/v1/me/claims', body, ClaimSchema);
}

export function useCreateClaim() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClaim) => createClaim(client, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_CLAIMS_KEY }),
  });
}
