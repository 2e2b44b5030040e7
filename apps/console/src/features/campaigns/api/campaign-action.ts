import { CampaignSchema, type Campaign, type CampaignAction } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignPath } from './get-campaign';
import { CAMPAIGNS_KEY } from './get-campaigns';

export interface CampaignActionVariables {
  id: string;
  action: CampaignAction;
  reason?: string | undefined;
}

/**
 * `POST /api/v1/campaigns/:id/{schedule|unschedule|pause|resume|end}` with `{reason?}`; 409
 * `CAMPAIGN_TRANSITION_REFUSED` when the status no longer allows it (someone else acted first).
 */
export function runCampaignAction(
  client: ApiClient,
  { id, action, reason }: CampaignActionVariables,
): Promise<Campaign> {
  return client.post(`${campaignPath(id)}/${action}`, reason ? { reason } : {}, CampaignSchema);
}

export function useCampaignAction() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CampaignActionVariables) => runCampaignAction(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}
