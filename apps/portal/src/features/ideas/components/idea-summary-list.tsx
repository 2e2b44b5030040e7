import type { IdeaSummary } from '@tally/domain';
import { DateTime, formatPoints } from '@tally/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { IdeaStateBadge } from './idea-state-badge';

/** A short list of ideas (roadmap columns, what shipped): title, author, votes, when it last moved. */
export function IdeaSummaryList({
  ideas,
  label,
  empty,
  showState = false,
}: {
  ideas: readonly IdeaSummary[];
  label: string;
  empty: ReactNode;
  showState?: boolean;
}) {
  if (ideas.length === 0) return <p className="tally-muted">{empty}</p>;
  return (
    <ul className="tally-list" aria-label={label}>
      {ideas.map((idea) => (
        <li key={idea.id}>
          <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
          <p className="tally-muted idea-summary__meta">
            {showState ? (
              <>
                <IdeaStateBadge state={idea.state} />{' '}
              </>
            ) : null}
            by {idea.authorName} · {formatPoints(idea.votes)} {idea.votes === 1 ? 'vote' : 'votes'} · since{' '}
            <DateTime value={idea.lastStatusChangeAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}
