import { CampaignSimulationSchema, type CampaignSimulation } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignSimulationsKey, campaignSimulationsPath } from './get-campaign-simulations';

/**
 * `POST /api/v1/campaigns/:id/simulations/:simulationId/cancel`: it stops before its next batch; 409
 * `CAMPAIGN_SIMULATION_FINISHED` when it finished first.
 */
export function cancelCampaignSimulation(
  client: ApiClient,
  id: string,
  simulationId: string,
): Promise<CampaignSimulation> {
  return client.post(
    `${campaignSimulationsPath(id)}/${encodeURIComponent(simulationId)}/cancel`,
    {},
    CampaignSimulationSchema,
  );
}

export function useCancelCampaignSimulation(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (simulationId: string) => cancelCampaignSimulation(client, id, simulationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: campaignSimulationsKey(id) }),
  });
}
