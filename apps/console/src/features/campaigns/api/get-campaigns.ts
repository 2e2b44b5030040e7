import { CampaignPageSchema, type CampaignPage, type CampaignStatus } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

export const CAMPAIGNS_PAGE_SIZE = 25;

/** Every campaign query starts with this key, so a change to one campaign refreshes lists and details. */
export const CAMPAIGNS_KEY = ['campaigns'] as const;

export type CampaignFilters = {
  status?: CampaignStatus | undefined;
};

/** `GET /api/v1/campaigns?status=&cursor=&limit=`: newest first, keyset-paginated. */
export function getCampaignsPage(
  client: ApiClient,
  query: CampaignFilters & { cursor?: string | undefined; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<CampaignPage> {
  return client.get(pathWithQuery('/api/v1/campaigns', query), CampaignPageSchema, { signal });
}

export function campaignsQueryOptions(client: ApiClient, filters: CampaignFilters = {}) {
  return infiniteQueryOptions({
    queryKey: [...CAMPAIGNS_KEY, 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getCampaignsPage(client, { ...filters, cursor: pageParam, limit: CAMPAIGNS_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCampaigns(filters: CampaignFilters = {}) {
  return useInfiniteQuery(campaignsQueryOptions(useApiClient(), filters));
}
