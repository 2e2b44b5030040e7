import { CampaignStatsSchema, type CampaignStats } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignPath } from './get-campaign';
import { CAMPAIGNS_KEY } from './get-campaigns';

/** The same figures as a file; a plain link, so the browser downloads it with the session cookie. */
export const campaignStatsCsvPath = (id: string) => `${campaignPath(id)}/stats.csv`;

/** `GET /api/v1/campaigns/:id/stats`: issued against budget per day, participation, cost, redemptions after. */
export function getCampaignStats(
  client: ApiClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CampaignStats> {
  return client.get(`${campaignPath(id)}/stats`, CampaignStatsSchema, { signal });
}

/** How often the dashboard of a live campaign refreshes itself while it is open. */
export const LIVE_STATS_REFRESH_MS = 15_000;

/**
 * The figures move with every sale at every till, so opening the dashboard always asks again, and
 * while the campaign is live the open dashboard keeps itself current.
 */
export function campaignStatsQueryOptions(client: ApiClient, id: string, { live = false } = {}) {
  return queryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'stats', id] as const,
    queryFn: ({ signal }) => getCampaignStats(client, id, { signal }),
    refetchOnMount: 'always',
    refetchInterval: live ? LIVE_STATS_REFRESH_MS : false,
  });
}

export function useCampaignStats(id: string, options: { live?: boolean } = {}) {
  return useQuery(campaignStatsQueryOptions(useApiClient(), id, options));
}
