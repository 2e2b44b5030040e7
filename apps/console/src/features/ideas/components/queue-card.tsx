import { ideaTransition, type ModerationQueueItem } from '@tally/domain';
import { DateTime, formatPoints } from '@tally/ui';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FLAG_REASON_LABELS, categoryName, ideaName } from '../lib/idea-labels';
import { Facts } from './facts';
import { IdeaStateBadge } from './idea-state-badge';
import { QueueDecisionForm, type QueueDecision } from './queue-decision-form';

export interface QueueCardProps {
  item: ModerationQueueItem;
  /** Announces a decision (or that someone else made it first) above the queue, which is read again. */
  onDecided: (message: string) => void;
}

/** One idea to moderate: what it says, who wrote it (trusted? blocked?), why it is here, and the two decisions. */
export function QueueCard({ item, onDecided }: QueueCardProps) {
  const headingId = useId();
  const [asking, setAsking] = useState<QueueDecision | null>(null);
  const { idea, author } = item;
  const canDecline = ideaTransition(idea.state, 'declined').allowed;
  return (
    <article aria-labelledby={headingId} className="approval idea-queue-item">
      <h2 id={headingId} className="approval__title">
        {ideaName(idea)}
      </h2>
      <p className="tally-muted">
        {item.reason === 'pending_review'
          ? 'Waiting for review before members see it.'
          : `Flagged by members while ${idea.state === 'pending_review' ? 'waiting for review' : 'public'}.`}
      </p>
      <Facts
        items={[
          [
            'Author',
            <>
              {author.name}{' '}
              <span className={author.trusted ? 'tally-badge tally-badge--ok' : 'tally-badge'}>
                {author.trusted ? 'Trusted author' : 'Not trusted yet'}
              </span>
              {author.blocked ? (
                <>
                  {' '}
                  <span className="tally-badge tally-badge--bad">Blocked</span>
                </>
              ) : null}
            </>,
          ],
          ['State', <IdeaStateBadge state={idea.state} />],
          ['Category', categoryName(idea.category)],
          ['Submitted', <DateTime value={idea.createdAt} />],
          ['Votes', formatPoints(idea.votes)],
          ['Flags', formatPoints(item.flagCount)],
        ]}
      />
      <p className="idea-text">{idea.description}</p>
      {item.flags.length > 0 ? (
        <ul className="plain-list idea-flags" aria-label={`Flags on #${idea.number}`}>
          {item.flags.map((flag, index) => (
            <li key={`${flag.createdAt}-${index}`}>
              <strong>{FLAG_REASON_LABELS[flag.reason]}</strong>
              {flag.note ? `: ${flag.note}` : ''} <span className="tally-muted">(</span>
              <DateTime value={flag.createdAt} />
              <span className="tally-muted">)</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/ideas/${idea.id}`}>Open #{idea.number}</Link>
      </p>
      {asking ? (
        <QueueDecisionForm
          item={item}
          decision={asking}
          onDone={(message) => {
            setAsking(null);
            onDecided(message);
          }}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <div className="tally-actions" role="group" aria-label={`Decide on #${idea.number}`}>
          <button type="button" onClick={() => setAsking('approve')}>
            Approve…
          </button>
          {canDecline ? (
            <button type="button" className="tally-button--danger" onClick={() => setAsking('decline')}>
              Decline as spam…
            </button>
          ) : null}
        </div>
      )}
    </article>
  );
}
