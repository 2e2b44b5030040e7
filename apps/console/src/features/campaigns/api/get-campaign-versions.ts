import { CampaignVersionSchema, type CampaignVersion } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignPath } from './get-campaign';
import { CAMPAIGNS_KEY } from './get-campaigns';

const CampaignVersionListSchema = CampaignVersionSchema.array();

/** `GET /api/v1/campaigns/:id/versions`: every edit and status change, with who, when and why. */
export function getCampaignVersions(
  client: ApiClient,
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CampaignVersion[]> {
  return client.get(`${campaignPath(id)}/versions`, CampaignVersionListSchema, { signal });
}

export function campaignVersionsQueryOptions(client: ApiClient, id: string) {
  return queryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'versions', id] as const,
    queryFn: ({ signal }) => getCampaignVersions(client, id, { signal }),
  });
}

export function useCampaignVersions(id: string) {
  return useQuery(campaignVersionsQueryOptions(useApiClient(), id));
}
