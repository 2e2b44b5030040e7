import type { StatementLine } from '@tally/domain';
import { DateTime, QueryState, Section, formatPointsChange } from '@tally/ui';
import { Link } from 'react-router';
import { useStatement } from '../api/get-statement';

export const LATEST_ACTIVITY_LIMIT = 5;

export function LatestActivity() {
  const statement = useStatement({ limit: LATEST_ACTIVITY_LIMIT });
  return (
    <Section title="Latest activity">
      <QueryState
        query={statement}
        loading="Loading your latest activity…"
        isEmpty={(page) => page.items.length === 0}
        empty={<p>No activity yet. Show your card at the till to start earning points.</p>}
      >
        {(page) => (
          <>
            <ul className="tally-list">
              {page.items.map((line) => (
                <ActivityLine key={line.journalId} line={line} />
              ))}
            </ul>
            <p>
              <Link to="/statement">See every line on your statement</Link>
            </p>
          </>
        )}
      </QueryState>
    </Section>
  );
}

function ActivityLine({ line }: { line: StatementLine }) {
  const { reason } = line;
  return (
    <li className="activity-line">
      <div>
        <strong>{reason.description}</strong>
        {reason.note ? <div className="tally-muted">{reason.note}</div> : null}
        <div className="tally-muted">
          <DateTime value={line.occurredAt} />
          {reason.externalRef ? ` · receipt ${reason.externalRef}` : null}
        </div>
      </div>
      <div
        className={
          line.points < 0 ? 'activity-line__points activity-line__points--out' : 'activity-line__points'
        }
      >
        {formatPointsChange(line.points)} <span className="tally-muted">points</span>
      </div>
    </li>
  );
}
