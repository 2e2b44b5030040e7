import { WebhookDeliveryDetailSchema, type WebhookDeliveryDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

export function getWebhookDelivery(
  client: ApiClient,
  endpointId: string,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<WebhookDeliveryDetail> {
  return client.get(
    `/api/v1/admin/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(id)}`,
    WebhookDeliveryDetailSchema,
    { signal },
  );
}

export function webhookDeliveryQueryOptions(client: ApiClient, endpointId: string, id: string) {
  return queryOptions({
    queryKey: [...WEBHOOKS_KEY, 'delivery', endpointId, id] as const,
    queryFn: ({ signal }) => getWebhookDelivery(client, endpointId, id, { signal }),
  });
}

export function useWebhookDelivery(endpointId: string, id: string) {
  return useQuery(webhookDeliveryQueryOptions(useApiClient(), endpointId, id));
}
