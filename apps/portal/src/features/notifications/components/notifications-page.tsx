import type { Notification } from '@tally/domain';
import { DateTime, ErrorState, Page, PagedList, formatDateTime } from '@tally/ui';
import { Link } from 'react-router';
import { useNotifications } from '../api/get-notifications';
import { useUnreadCount } from '../api/get-unread-count';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mark-read';

/** What `dueAt` means for each kind of notice. */
const DUE_LABEL: Record<Notification['kind'], string> = {
  points_earned: 'Available to spend from',
  points_expiring: 'They expire on',
  voucher_expiring: 'Valid until',
  claim_answered: 'On',
  idea_status_changed: 'On',
  idea_merged: 'On',
  referral_rewarded: 'On',
  points_redeemed: 'On',
  points_reversed: 'On',
  points_expired: 'On',
  points_adjusted: 'On',
};

export function NotificationsPage() {
  const notifications = useNotifications();
  const unread = useUnreadCount().data?.unread ?? 0;
  const markAll = useMarkAllNotificationsRead();
  return (
    <Page
      title="Notifications"
      lead="Points earned, points about to expire, points spent at a till or taken away (refunds, expiry, adjustments), claims answered, vouchers running out, referral rewards and news of the ideas you follow."
    >
      {unread > 0 ? (
        <div className="tally-actions">
          <button
            type="button"
            className="tally-button--secondary"
            disabled={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all as read
          </button>
        </div>
      ) : null}
      {markAll.isError ? <ErrorState error={markAll.error} /> : null}
      <PagedList
        query={notifications}
        loading="Loading your notifications…"
        empty={
          <p>No notifications yet. We will tell you here when you earn points or some are about to expire.</p>
        }
        noun="notifications"
      >
        {(items) => (
          <ul className="tally-list notification-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
        )}
      </PagedList>
    </Page>
  );
}

function NotificationItem({ notification: n }: { notification: Notification }) {
  const markRead = useMarkNotificationRead();
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'}>
      <div>
        <strong>
          {unread ? <span className="tally-visually-hidden">Unread: </span> : null}
          {n.title}
        </strong>
        {n.body ? <p>{n.body}</p> : null}
        {n.dueAt ? (
          <p>
            {DUE_LABEL[n.kind]} <time dateTime={n.dueAt}>{formatDateTime(n.dueAt)}</time>
          </p>
        ) : null}
        <p className="tally-muted">
          <DateTime value={n.createdAt} />
        </p>
      </div>
      <div className="notification__actions">
        {n.link ? (
          <Link to={n.link} onClick={() => (unread ? markRead.mutate(n.id) : undefined)}>
            Open<span className="tally-visually-hidden">: {n.title}</span>
          </Link>
        ) : null}
        {unread ? (
          <button
            type="button"
            className="tally-button--secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(n.id)}
          >
            Mark as read<span className="tally-visually-hidden">: {n.title}</span>
          </button>
        ) : (
          <span className="tally-muted">Read</span>
        )}
      </div>
      {markRead.isError ? <ErrorState error={markRead.error} /> : null}
    </li>
  );
}
