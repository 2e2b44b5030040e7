import { LedgerVerifyReportSchema, type LedgerVerifyReport } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** `GET /api/v1/admin/ledger/verify`: runs the ledger's invariant checks now. */
export function verifyLedger(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<LedgerVerifyReport> {
  return client.get('/api/v1/admin/ledger/verify', LedgerVerifyReportSchema, { signal });
}

/** A report is about the moment it ran: never served from the cache when the page opens. */
export function ledgerVerificationQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['ledger', 'verify'] as const,
    queryFn: ({ signal }) => verifyLedger(client, { signal }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useLedgerVerification() {
  return useQuery(ledgerVerificationQueryOptions(useApiClient()));
}
