import type { TierProgress as Progress } from '@tally/domain';
import { Section, formatDate, formatPoints } from '@tally/ui';

/** Spend is kept in minor units; show it as money in the reader's locale. */
function formatAmount(value: number, progress: Progress): string {
  if (progress.basis === 'points') return `${formatPoints(value)} ${value === 1 ? 'point' : 'points'}`;
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: progress.currency });
  return format.format(value / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

export function TierProgress({ tier }: { tier: Progress }) {
  const { current, next, qualifying, toNext, changes } = tier;
  const counted =
    tier.basis === 'points'
      ? 'Your tier counts the points you earned in the last 12 months, less any taken back by refunds.'
      : 'Your tier counts what you spent in the last 12 months, less refunds.';
  return (
    <Section title="Your tier">
      <p>
        {current ? (
          <>
            You are in <strong>{current.name}</strong>.
          </>
        ) : (
          'You have no tier yet.'
        )}
      </p>
      <p className="tally-muted">
        {counted} So far: <strong>{formatAmount(qualifying, tier)}</strong>.
      </p>
      {next && toNext !== null ? (
        <>
          <progress
            className="tier-progress"
            max={next.threshold}
            value={Math.min(qualifying, next.threshold)}
            aria-label={`Progress to ${next.name}`}
          />
          <p>
            {toNext === 0 ? (
              <>You have reached {next.name}: it applies from your next purchase.</>
            ) : (
              <>
                {formatAmount(toNext, tier)} more to reach <strong>{next.name}</strong> (at{' '}
                {formatAmount(next.threshold, tier)}).
              </>
            )}
          </p>
        </>
      ) : current ? (
        <p>This is our top tier.</p>
      ) : null}
      {changes.length > 0 ? (
        <>
          <h3>Recent tier changes</h3>
          <ul className="tally-list">
            {changes.map((change) => (
              <li key={`${change.at}-${change.to}`}>
                {change.from ? `${change.from} → ${change.to}` : `Joined ${change.to}`} on{' '}
                <time dateTime={change.at}>{formatDate(change.at.slice(0, 10))}</time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
