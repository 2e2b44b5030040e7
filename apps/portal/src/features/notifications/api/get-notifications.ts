import { NotificationPageSchema, type NotificationPage } from '@tally/domain';
import { pathWithQuery, useApiClient, type ApiClient } from '@tally/ui';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { NOTIFICATIONS_KEY } from './get-unread-count';

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** `GET /api/v1/me/notifications`: one keyset page, newest first. */
export function getNotificationsPage(
  client: ApiClient,
  cursor: string | undefined,
  { signal }: { signal?: AbortSignal } = {},
): Promise<NotificationPage> {
  return client.get(
    pathWithQuery('/api/v1/me/notifications', { limit: NOTIFICATIONS_PAGE_SIZE, cursor }),
    NotificationPageSchema,
    { signal },
  );
}

export function notificationsQueryOptions(client: ApiClient) {
  return infiniteQueryOptions({
    queryKey: [...NOTIFICATIONS_KEY, 'pages'] as const,
    queryFn: ({ pageParam, signal }) => getNotificationsPage(client, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions(useApiClient()));
}
