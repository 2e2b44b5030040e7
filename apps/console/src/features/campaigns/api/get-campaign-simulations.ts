import { CampaignSimulationPageSchema, simulationActive, type CampaignSimulationPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { campaignPath } from './get-campaign';
import { CAMPAIGNS_KEY } from './get-campaigns';

export const SIMULATIONS_PAGE_SIZE = 10;
/** How often the list asks again while a simulation waits or runs, so its progress bar moves. */
export const SIMULATION_POLL_MS = 1_500;

export const campaignSimulationsPath = (id: string) => `${campaignPath(id)}/simulations`;
export const campaignSimulationsKey = (id: string) => [...CAMPAIGNS_KEY, 'simulations', id] as const;

/** `GET /api/v1/campaigns/:id/simulations?cursor=&limit=`: newest first, keyset-paginated. */
export function getCampaignSimulationsPage(
  client: ApiClient,
  id: string,
  query: { cursor?: string | undefined; limit?: number } = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<CampaignSimulationPage> {
  return client.get(pathWithQuery(campaignSimulationsPath(id), query), CampaignSimulationPageSchema, {
    signal,
  });
}

export function campaignSimulationsQueryOptions(client: ApiClient, id: string) {
  return infiniteQueryOptions({
    queryKey: campaignSimulationsKey(id),
    queryFn: ({ pageParam, signal }) =>
      getCampaignSimulationsPage(client, id, { cursor: pageParam, limit: SIMULATIONS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((s) => simulationActive(s.status)))
        ? SIMULATION_POLL_MS
        : false,
  });
}

export function useCampaignSimulations(id: string) {
  return useInfiniteQuery(campaignSimulationsQueryOptions(useApiClient(), id));
}
