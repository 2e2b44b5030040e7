import { StaffUserSchema, type StaffUser } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

const StaffListSchema = StaffUserSchema.array();

export function getStaff(client: ApiClient, { signal }: { signal?: AbortSignal } = {}): Promise<StaffUser[]> {
  return client.get('/api/v1/staff', StaffListSchema, { signal });
}

export function staffQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: ['staff'] as const,
    queryFn: ({ signal }) => getStaff(client, { signal }),
  });
}

export function useStaff() {
  return useQuery(staffQueryOptions(useApiClient()));
}
