import { StatementPageSchema, type StatementPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

export const STATEMENT_PAGE_SIZE = 50;

/** What the member filters on: `kind` is a comma-separated list of journal kinds; `to` is exclusive. */
export interface StatementFilters {
  kind?: string;
  from?: string;
  to?: string;
}

/** `GET /api/v1/me/statement`: one keyset page of the member's statement, newest first. */
export function getStatementPage(
  client: ApiClient,
  filters: StatementFilters,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatementPage> {
  return client.get(
    pathWithQuery('/api/v1/me/statement', { limit: STATEMENT_PAGE_SIZE, cursor, ...filters }),
    StatementPageSchema,
    { signal },
  );
}

/** Under the member's key, so a redeem or a cancel refreshes it; a new filter starts again at page one. */
export function statementPagesQueryOptions(client: ApiClient, filters: StatementFilters) {
  return infiniteQueryOptions({
    queryKey: [...ME_KEY, 'statement-pages', filters] as const,
    queryFn: ({ pageParam, signal }) => getStatementPage(client, filters, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useStatementPages(filters: StatementFilters) {
  return useInfiniteQuery(statementPagesQueryOptions(useApiClient(), filters));
}
