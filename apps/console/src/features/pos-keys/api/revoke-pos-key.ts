import { PosKeySchema, type PosKey, type ReasonBody } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { POS_KEYS_KEY } from './get-pos-keys';

export function revokePosKey(
  client: ApiClient,
  { id, body }: { id: string; body: ReasonBody },
): Promise<PosKey> {
  return client.post(`/api/v1/pos-keys/${encodeURIComponent(id)}/revoke`, body, PosKeySchema);
}

export function useRevokePosKey() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { id: string; body: ReasonBody }) => revokePosKey(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POS_KEYS_KEY }),
  });
}
