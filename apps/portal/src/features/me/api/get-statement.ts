import { StatementPageSchema, type StatementPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

export interface StatementQuery {
  cursor?: string;
  limit?: number;
}

export function getStatement(
  client: ApiClient,
  { cursor, limit }: StatementQuery = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatementPage> {
  return client.get(pathWithQuery('/api/v1/me/statement', { cursor, limit }), StatementPageSchema, {
    signal,
  });
}

export function statementQueryOptions(client: ApiClient, query: StatementQuery = {}) {
  return queryOptions({
    queryKey: [...ME_KEY, 'statement', query] as const,
    queryFn: ({ signal }) => getStatement(client, query, { signal }),
  });
}

/** The first page only, for now: the home page's "latest activity". */
export function useStatement(query: StatementQuery = {}) {
  return useQuery(statementQueryOptions(useApiClient(), query));
}
