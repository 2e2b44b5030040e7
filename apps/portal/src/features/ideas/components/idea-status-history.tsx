import type { IdeaStatusChange } from '@tally/domain';
import { DateTime } from '@tally/ui';
import { IdeaStateBadge } from './idea-state-badge';

/** Every change of state, oldest first, with who made it and the public response. */
export function IdeaStatusHistory({ changes }: { changes: readonly IdeaStatusChange[] }) {
  if (changes.length === 0) return <p>No changes yet.</p>;
  return (
    <ol className="tally-list idea-history" aria-label="Status history">
      {changes.map((change) => (
        <li key={change.id}>
          <p>
            <IdeaStateBadge state={change.to} /> <DateTime value={change.at} />
            {change.from === null ? (
              <> · submitted</>
            ) : change.byName ? (
              <>
                {' '}
                · by {change.byName} <span className="tally-badge">Staff</span>
              </>
            ) : (
              <> · after members’ reports</>
            )}
          </p>
          {change.response ? <p className="idea-text">{change.response}</p> : null}
        </li>
      ))}
    </ol>
  );
}
