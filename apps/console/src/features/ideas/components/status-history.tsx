import type { IdeaStatusChange } from '@tally/domain';
import { DateTime } from '@tally/ui';
import { ideaStateName } from '../lib/idea-labels';

/**
 * Who moved the idea, when, and the public response they gave; newest first. No staff name means the
 * author's submission (the first entry) or members' flags sending it back to review.
 */
export function StatusHistory({ changes }: { changes: readonly IdeaStatusChange[] }) {
  if (changes.length === 0) return <p>No status changes yet.</p>;
  return (
    <ol className="tally-list idea-history" aria-label="Status history">
      {[...changes].reverse().map((change) => (
        <li key={change.id}>
          <p className="idea-comment__meta">
            <strong>
              {change.from
                ? `${ideaStateName(change.from)} → ${ideaStateName(change.to)}`
                : ideaStateName(change.to)}
            </strong>{' '}
            <span className="tally-muted">
              <DateTime value={change.at} /> ·{' '}
              {change.byName ?? (change.from === null ? 'submitted by the author' : 'members’ flags')}
            </span>
          </p>
          <p className="idea-text">{change.response}</p>
        </li>
      ))}
    </ol>
  );
}
