import {
  CampaignSimulationSchema,
  type CampaignSimulation,
  type CampaignSimulationRequest,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignSimulationsKey, campaignSimulationsPath } from './get-campaign-simulations';

/**
 * `POST /api/v1/campaigns/:id/simulations` with `{from, to}`: 202 with the simulation, queued for the
 * job; 400 naming `from` or `to` when the period is not a past one of at most 366 days.
 */
export function startCampaignSimulation(
  client: ApiClient,
  id: string,
  period: CampaignSimulationRequest,
): Promise<CampaignSimulation> {
  return client.post(campaignSimulationsPath(id), period, CampaignSimulationSchema);
}

export function useStartCampaignSimulation(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: CampaignSimulationRequest) => startCampaignSimulation(client, id, period),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignSimulationsKey(id) }),
  });
}
