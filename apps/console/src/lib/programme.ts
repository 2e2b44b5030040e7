import { ProgrammeSchema, type Programme } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

export function getProgramme(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Programme> {
  return client.get('/api/v1/programme', ProgrammeSchema, { signal });
}

/** The earn rules (tiers, currency) for the till’s live preview and the campaign editor; they change rarely (and with notice), so they stay fresh a while. */
export function programmeQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['programme'] as const,
    queryFn: ({ signal }) => getProgramme(client, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useProgramme() {
  return useQuery(programmeQueryOptions(useApiClient()));
}
