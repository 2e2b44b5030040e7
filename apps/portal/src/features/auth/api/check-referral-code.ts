import { ReferralCodeCheckSchema, type ReferralCodeCheck } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';

/** `GET /api/v1/referral-codes/:code`: only whether the code can be used, never whose it is. */
export function checkReferralCode(
  client: ApiClient,
  code: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReferralCodeCheck> {
  return client.get(`/api/v1/referral-codes/${encodeURIComponent(code)}`, ReferralCodeCheckSchema, {
    signal,
  });
}

export function referralCodeQueryOptions(client: ApiClient, code: string) {
  return queryOptions({
    queryKey: ['referral-code', code] as const,
    queryFn: ({ signal }) => checkReferralCode(client, code, { signal }),
    staleTime: Infinity,
  });
}

/** Checks the code from the invitation link once; nothing is asked when there is none. */
export function useReferralCodeCheck(code: string) {
  return useQuery({ ...referralCodeQueryOptions(useApiClient(), code), enabled: code !== '' });
}
