import { WebhookEndpointSchema, type UpdateWebhookEndpoint, type WebhookEndpoint } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

export function updateWebhook(
  client: ApiClient,
  { id, body }: { id: string; body: UpdateWebhookEndpoint },
): Promise<WebhookEndpoint> {
  return client.patch(`/api/v1/admin/webhooks/${encodeURIComponent(id)}`, body, WebhookEndpointSchema);
}

export function useUpdateWebhook() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { id: string; body: UpdateWebhookEndpoint }) => updateWebhook(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}
