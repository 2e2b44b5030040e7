import { WebhookDeliveryDetailSchema, type WebhookDeliveryDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WEBHOOKS_KEY } from './get-webhooks';

export function resendWebhookDelivery(
  client: ApiClient,
  { endpointId, id }: { endpointId: string; id: string },
): Promise<WebhookDeliveryDetail> {
  return client.post(
    `/api/v1/admin/webhooks/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(id)}/resend`,
    {},
    WebhookDeliveryDetailSchema,
  );
}

export function useResendWebhookDelivery() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: { endpointId: string; id: string }) => resendWebhookDelivery(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}
