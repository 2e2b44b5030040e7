import { MeResponseSchema, type MeResponse, type UpdateProfile } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryOptions } from '../../../api/get-me';

export function updateMe(client: ApiClient, body: UpdateProfile): Promise<MeResponse> {
  return client.patch('/api/v1/me', body, MeResponseSchema);
}

export function useUpdateMe() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfile) => updateMe(client, body),
    onSuccess: (me) => {
      const { queryKey } = meQueryOptions(client);
      queryClient.setQueryData(queryKey, me);
      return queryClient.invalidateQueries({ queryKey });
    },
  });
}
