import { ApprovalSchema, type Approval } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const ApprovalListSchema = ApprovalSchema.array();

export type ApprovalStatus = Approval['status'];

/** Every status's list sits under this prefix: a decision moves a request from one list to another. */
export const APPROVALS_KEY = ['approvals'] as const;

/** Requests of the caller's stores (an admin's: all), newest first. */
export function getApprovals(
  client: ApiClient,
  { status }: { status?: ApprovalStatus } = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<Approval[]> {
  return client.get(pathWithQuery('/api/v1/approvals', { status }), ApprovalListSchema, { signal });
}

export function approvalsQueryOptions(client: ApiClient, filter: { status?: ApprovalStatus } = {}) {
  return queryOptions({
    queryKey: [...APPROVALS_KEY, filter] as const,
    queryFn: ({ signal }) => getApprovals(client, filter, { signal }),
  });
}

export function useApprovals(filter: { status?: ApprovalStatus } = {}) {
  return useQuery(approvalsQueryOptions(useApiClient(), filter));
}
