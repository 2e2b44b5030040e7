import { NoContentSchema, useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

export function deleteWebhook(client: ApiClient, id: string): Promise<undefined> {
  return client.delete(`/api/v1/admin/webhooks/${encodeURIComponent(id)}`, NoContentSchema);
}

export function useDeleteWebhook() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWebhook(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}
