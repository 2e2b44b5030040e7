import { UnreadCountSchema, type UnreadCount } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ME_KEY } from '../../../api/get-me';

/** Every notifications query starts with this key: marking read refreshes the list and the badge. */
export const NOTIFICATIONS_KEY = [...ME_KEY, 'notifications'] as const;

/** Modest polling: once a minute, and when the member comes back to the tab. */
export const UNREAD_POLL_MS = 60_000;

export function getUnreadCount(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<UnreadCount> {
  return client.get('/api/v1/me/notifications/unread-count', UnreadCountSchema, { signal });
}

export function unreadCountQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'] as const,
    queryFn: ({ signal }) => getUnreadCount(client, { signal }),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useUnreadCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...unreadCountQueryOptions(useApiClient()), enabled });
}
