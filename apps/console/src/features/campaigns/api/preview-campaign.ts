import {
  CampaignPreviewSchema,
  type CampaignDefinition,
  type CampaignPreview,
  type ReceiptInput,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

/** The body `CampaignPreviewRequestSchema` reads. */
export interface CampaignPreviewRequest {
  definition: CampaignDefinition;
  receipt: ReceiptInput;
  member: { tierId?: string | null };
  /** When the sample sale happens; the campaign's start when left out. */
  at?: string;
  timeZone: string;
}

/** `POST /api/v1/campaigns/preview`: a sample sale through the till's engine, without and with the campaign. */
export function previewCampaign(
  client: ApiClient,
  body: CampaignPreviewRequest,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CampaignPreview> {
  return client.post('/api/v1/campaigns/preview', body, CampaignPreviewSchema, { signal });
}

/**
 * A read, though it is a POST: keyed by the whole request, so an unchanged draft is not asked again and
 * the last answer stays on screen while the next one loads. Kept apart from the `campaigns` key, which
 * saves invalidate.
 */
export function campaignPreviewQueryOptions(client: ApiClient, body: CampaignPreviewRequest | null) {
  return queryOptions({
    queryKey: ['campaign-preview', body] as const,
    queryFn: ({ signal }) => previewCampaign(client, body as CampaignPreviewRequest, { signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCampaignPreview(body: CampaignPreviewRequest | null) {
  return useQuery(campaignPreviewQueryOptions(useApiClient(), body));
}
