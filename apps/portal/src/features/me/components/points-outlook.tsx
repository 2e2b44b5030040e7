import type { Expiring, PendingGroup } from '@tally/domain';
import { Section, formatDate, formatDateTime, formatPoints } from '@tally/ui';

const points = (n: number) => `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;

/** Pending points by the day they become available. */
export function PendingPoints({ pending, asOf }: { pending: PendingGroup[]; asOf: string }) {
  return (
    <Section title="Pending points">
      {pending.length === 0 ? (
        <p>
          Nothing pending. Points from a purchase wait here until it can no longer be returned, then they
          become available.
        </p>
      ) : (
        <>
          <p className="tally-muted">
            Points from recent purchases wait until the purchase can no longer be returned.
          </p>
          <ul className="tally-list">
            {pending.map((group) => (
              <li key={group.date}>
                <strong>{points(group.points)}</strong>{' '}
                {Date.parse(group.availableAt) <= Date.parse(asOf) ? (
                  'become available any moment now'
                ) : (
                  <>
                    become available on <time dateTime={group.date}>{formatDate(group.date)}</time>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

const BUCKETS = [
  { key: 'within30Days', label: 'In the next 30 days' },
  { key: 'within60Days', label: 'In the next 60 days' },
  { key: 'within90Days', label: 'In the next 90 days' },
] as const;

/** Available points that expire soon; the buckets are cumulative, and the page says so. */
export function ExpiringPoints({ expiring }: { expiring: Expiring }) {
  return (
    <Section title="Points expiring soon">
      {expiring.within90Days === 0 ? (
        <p>None of your points expire in the next 90 days.</p>
      ) : (
        <>
          <dl className="tally-stats">
            {BUCKETS.map((bucket) => (
              <div key={bucket.key}>
                <dt>{bucket.label}</dt>
                <dd>{formatPoints(expiring[bucket.key])}</dd>
              </div>
            ))}
          </dl>
          <p className="tally-muted">
            Each figure includes the shorter periods: the 60-day figure counts the 30-day points too. When you
            spend points, the ones expiring first are used first.
          </p>
        </>
      )}
      {expiring.next ? (
        <p>
          Your next points to expire: <strong>{points(expiring.next.points)}</strong> on{' '}
          <time dateTime={expiring.next.expiresAt}>{formatDateTime(expiring.next.expiresAt)}</time>.
        </p>
      ) : null}
      {expiring.inactiveAt ? (
        <p>
          Without any activity, all your points expire on{' '}
          <time dateTime={expiring.inactiveAt}>{formatDateTime(expiring.inactiveAt)}</time>. Earning points on
          a purchase, or taking a reward, keeps them.
        </p>
      ) : null}
    </Section>
  );
}
