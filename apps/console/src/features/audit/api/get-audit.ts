import { AuditPageSchema, type AuditPage, type AuditQuery } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';

/** The filters a person sets; the cursor and page size belong to the pagination. */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;

export const AUDIT_PAGE_SIZE = 50;

export function getAuditPage(
  client: ApiClient,
  query: AuditFilters & { cursor?: string; limit?: number },
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuditPage> {
  return client.get(pathWithQuery('/api/v1/audit', query), AuditPageSchema, { signal });
}

/** Newest first, one page at a time ("Load more" asks for the next cursor). Always fresh when opened. */
export function auditQueryOptions(client: ApiClient, filters: AuditFilters = {}) {
  return infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      getAuditPage(client, { ...filters, cursor: pageParam, limit: AUDIT_PAGE_SIZE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
  });
}

export function useAuditLog(filters: AuditFilters = {}) {
  return useInfiniteQuery(auditQueryOptions(useApiClient(), filters));
}
