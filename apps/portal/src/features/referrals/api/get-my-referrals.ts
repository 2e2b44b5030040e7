import { MyReferralsSchema, type MyReferrals } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

export const MY_REFERRALS_KEY = [...ME_KEY, 'referrals'] as const;

/** `GET /api/v1/me/referrals`: my code and link, and each friend who joined with it. */
export function getMyReferrals(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MyReferrals> {
  return client.get('/api/v1/me/referrals', MyReferralsSchema, { signal });
}

export function myReferralsQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: MY_REFERRALS_KEY,
    queryFn: ({ signal }) => getMyReferrals(client, { signal }),
  });
}

export function useMyReferrals() {
  return useQuery(myReferralsQueryOptions(useApiClient()));
}
