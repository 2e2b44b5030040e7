import { Page, PagedList } from '@tally/ui';
import { useId, useState } from 'react';
import { useModerationQueue, type QueueReason } from '../api/get-moderation-queue';
import { IdeasSubnav } from './ideas-subnav';
import { QueueCard } from './queue-card';

const FILTERS: readonly { value: QueueReason | ''; label: string; empty: string }[] = [
  {
    value: '',
    label: 'Everything to moderate',
    empty: 'Nothing to moderate: no idea waits for review or is flagged.',
  },
  { value: 'pending_review', label: 'Waiting for review', empty: 'No idea is waiting for review.' },
  { value: 'flagged', label: 'Flagged by members', empty: 'No idea is flagged.' },
];

/**
 * `/ideas/review`: new ideas from members not yet trusted (and ideas members' flags sent back), and
 * flagged ideas, each with what a moderator needs to decide — approve, or decline as spam.
 */
export function ReviewQueuePage() {
  const [reason, setReason] = useState<QueueReason | ''>('');
  const [notice, setNotice] = useState('');
  const queue = useModerationQueue(reason || undefined);
  const showId = useId();
  const filter = FILTERS.find((f) => f.value === reason) ?? FILTERS[0]!;
  return (
    <Page
      title="Ideas review queue"
      lead="Ideas wait here before members see them when their author is not trusted yet, or when members flag them."
    >
      <IdeasSubnav />
      <div className="tally-field filter-field">
        <label htmlFor={showId} className="tally-field__label">
          Show
        </label>
        <select
          id={showId}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value as QueueReason | '');
            setNotice('');
          }}
        >
          {FILTERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div role="status" className={notice ? 'tally-notice' : undefined}>
        {notice}
      </div>
      <PagedList query={queue} noun="ideas" loading="Loading the review queue…" empty={<p>{filter.empty}</p>}>
        {(items) => (
          <ul className="tally-list approvals" aria-label="Ideas to moderate">
            {items.map((item) => (
              <li key={item.idea.id}>
                <QueueCard item={item} onDecided={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </Page>
  );
}
