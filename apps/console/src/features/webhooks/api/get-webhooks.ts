import { WebhookEndpointSchema, type WebhookEndpoint } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** Every webhook query sits under this key: a change invalidates endpoints and deliveries at once. */
export const WEBHOOKS_KEY = ['webhooks'] as const;

export function getWebhooks(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<WebhookEndpoint[]> {
  return client.get('/api/v1/admin/webhooks', WebhookEndpointSchema.array(), { signal });
}

export function webhooksQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...WEBHOOKS_KEY, 'endpoints'] as const,
    queryFn: ({ signal }) => getWebhooks(client, { signal }),
  });
}

export function useWebhooks() {
  return useQuery(webhooksQueryOptions(useApiClient()));
}
