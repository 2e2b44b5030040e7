import { MarkedReadSchema, type MarkedRead } from '@tally/domain';
import { NoContentSchema, useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NOTIFICATIONS_KEY } from './get-unread-count';

/** `POST /api/v1/me/notifications/:id/read` (marking it again is fine). */
export function markNotificationRead(client: ApiClient, id: string): Promise<undefined> {
  return client.post(`/api/v1/me/notifications/${encodeURIComponent(id)}/read`, {}, NoContentSchema);
}

/** `POST /api/v1/me/notifications/read-all`. */
export function markAllNotificationsRead(client: ApiClient): Promise<MarkedRead> {
  return client.post('/api/v1/me/notifications/read-all', {}, MarkedReadSchema);
}

function useInvalidatingMutation<T, V>(mutationFn: (client: ApiClient, variables: V) => Promise<T>) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => mutationFn(client, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkNotificationRead() {
  return useInvalidatingMutation((client, id: string) => markNotificationRead(client, id));
}

export function useMarkAllNotificationsRead() {
  return useInvalidatingMutation((client, _: void) => markAllNotificationsRead(client));
}
