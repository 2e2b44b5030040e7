import { WebhookDeliveryPageSchema, type WebhookDeliveryPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

/** The newest 50 deliveries of one endpoint. */
export function getWebhookDeliveries(
  client: ApiClient,
  endpointId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<WebhookDeliveryPage> {
  return client.get(
    pathWithQuery(`/api/v1/admin/webhooks/${encodeURIComponent(endpointId)}/deliveries`, { limit: '50' }),
    WebhookDeliveryPageSchema,
    { signal },
  );
}

export function webhookDeliveriesQueryOptions(client: ApiClient, endpointId: string) {
  return queryOptions({
    queryKey: [...WEBHOOKS_KEY, 'deliveries', endpointId] as const,
    queryFn: ({ signal }) => getWebhookDeliveries(client, endpointId, { signal }),
  });
}

export function useWebhookDeliveries(endpointId: string) {
  return useQuery(webhookDeliveriesQueryOptions(useApiClient(), endpointId));
}
