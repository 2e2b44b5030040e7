import {
  WebhookEndpointWithSecretSchema,
  type CreateWebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

/** The answer carries the signing secret: the only time it is shown. */
export function createWebhook(
  client: ApiClient,
  body: CreateWebhookEndpoint,
): Promise<WebhookEndpointWithSecret> {
  return client.post('/api/v1/admin/webhooks', body, WebhookEndpointWithSecretSchema);
}

export function useCreateWebhook() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookEndpoint) => createWebhook(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
    // The secret must not outlive the notice that shows it.
    gcTime: 0,
  });
}
