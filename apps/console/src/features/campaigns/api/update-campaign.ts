import { CampaignSchema, type Campaign, type CampaignDefinition } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignPath } from './get-campaign';
import { CAMPAIGNS_KEY } from './get-campaigns';

export interface UpdateCampaignVariables {
  id: string;
  /** The version the edit started from: 409 `CAMPAIGN_VERSION_CONFLICT` if someone saved after it. */
  version: number;
  definition: CampaignDefinition;
}

/** `PUT /api/v1/campaigns/:id` with `{version, definition}`; 409 `CAMPAIGN_ENDED` once it has ended. */
export function updateCampaign(
  client: ApiClient,
  { id, version, definition }: UpdateCampaignVariables,
): Promise<Campaign> {
  return client.put(campaignPath(id), { version, definition }, CampaignSchema);
}

export function useUpdateCampaign() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: UpdateCampaignVariables) => updateCampaign(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}
