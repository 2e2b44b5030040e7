import { StoreSchema, type CreateStore, type Store } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { storesQueryOptions } from './get-stores';

/** `POST /api/v1/stores`; 409 `STORE_CODE_TAKEN` when the code is in use. */
export function createStore(client: ApiClient, body: CreateStore): Promise<Store> {
  return client.post('/api/v1/stores', body, StoreSchema);
}

export function useCreateStore() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStore) => createStore(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: storesQueryOptions(client).queryKey }),
  });
}
