import { WebhookEndpointWithSecretSchema, type WebhookEndpointWithSecret } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

export function rotateWebhookSecret(client: ApiClient, id: string): Promise<WebhookEndpointWithSecret> {
  return client.post(
    `/api/v1/admin/webhooks/${encodeURIComponent(id)}/rotate-secret`,
    {},
    WebhookEndpointWithSecretSchema,
  );
}

export function useRotateWebhookSecret() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => rotateWebhookSecret(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
    gcTime: 0,
  });
}
