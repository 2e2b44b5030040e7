import { CampaignSchema, type Campaign } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { CAMPAIGNS_KEY } from './get-campaigns';

export const campaignPath = (id: string) => `/api/v1/campaigns/${encodeURIComponent(id)}`;

/** `GET /api/v1/campaigns/:id`; 404 `CAMPAIGN_NOT_FOUND`. */
export function getCampaign(client: ApiClient, id: string, { signal }: { signal?: AbortSignal } = {}) {
  return client.get(campaignPath(id), CampaignSchema, { signal });
}

export function campaignQueryOptions(client: ApiClient, id: string) {
  return queryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'detail', id] as const,
    queryFn: ({ signal }): Promise<Campaign> => getCampaign(client, id, { signal }),
  });
}

export function useCampaign(id: string) {
  return useQuery(campaignQueryOptions(useApiClient(), id));
}
