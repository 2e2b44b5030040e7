import { LiabilityReportSchema, type LiabilityReport } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

export const LIABILITY_CSV_PATH = '/api/v1/reports/liability.csv';

export function getLiability(
  client: ApiClient,
  months: number,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LiabilityReport> {
  return client.get(pathWithQuery('/api/v1/reports/liability', { months }), LiabilityReportSchema, {
    signal,
  });
}

export function liabilityQueryOptions(client: ApiClient, months: number) {
  return queryOptions({
    queryKey: ['reports', 'liability', months] as const,
    queryFn: ({ signal }) => getLiability(client, months, { signal }),
  });
}

export function useLiability(months: number) {
  return useQuery(liabilityQueryOptions(useApiClient(), months));
}
