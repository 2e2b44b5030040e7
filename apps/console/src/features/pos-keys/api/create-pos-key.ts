import { CreatedPosKeySchema, type CreatePosKey, type CreatedPosKey } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { POS_KEYS_KEY } from './get-pos-keys';

/** The answer carries the key's secret: the only time it is ever shown. */
export function createPosKey(client: ApiClient, body: CreatePosKey): Promise<CreatedPosKey> {
  return client.post('/api/v1/pos-keys', body, CreatedPosKeySchema);
}

export function useCreatePosKey() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePosKey) => createPosKey(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: POS_KEYS_KEY }),
    // The secret must not outlive the notice that shows it.
    gcTime: 0,
  });
}
