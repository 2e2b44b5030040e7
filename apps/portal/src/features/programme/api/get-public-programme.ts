import { PublicProgrammeSchema, type PublicProgramme } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

export const PUBLIC_PROGRAMME_KEY = ['programme', 'public'] as const;

/** `GET /api/v1/programme/public`: the rules members may read (no staff-only settings); public. */
export function getPublicProgramme(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PublicProgramme> {
  return client.get('/api/v1/programme/public', PublicProgrammeSchema, { signal });
}

export function publicProgrammeQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: PUBLIC_PROGRAMME_KEY,
    queryFn: ({ signal }) => getPublicProgramme(client, { signal }),
    // The settings change rarely (an admin saving them); a minute old is fresh enough to explain them.
    staleTime: 60_000,
  });
}

export function usePublicProgramme() {
  return useQuery(publicProgrammeQueryOptions(useApiClient()));
}
