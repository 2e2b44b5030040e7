import { CampaignSchema, type Campaign, type CampaignDefinition } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CAMPAIGNS_KEY } from './get-campaigns';

/** `POST /api/v1/campaigns` → 201, a draft at version 1; 400 `VALIDATION_FAILED` names the fields. */
export function createCampaign(client: ApiClient, definition: CampaignDefinition): Promise<Campaign> {
  return client.post('/api/v1/campaigns', definition, CampaignSchema);
}

export function useCreateCampaign() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: CampaignDefinition) => createCampaign(client, definition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}
