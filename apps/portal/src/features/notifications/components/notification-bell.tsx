import { formatPoints } from '@tally/ui';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/get-unread-count';

export function unreadLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  return `${formatPoints(unread)} unread ${unread === 1 ? 'notification' : 'notifications'}`;
}

/** The header's bell: a link to the notifications page with the unread count as a badge. */
export function NotificationBell() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" aria-label={unreadLabel(unread)}>
      <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-bell__badge" aria-hidden="true">
          {unread > 99 ? '99+' : formatPoints(unread)}
        </span>
      ) : null}
    </Link>
  );
}
