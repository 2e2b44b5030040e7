import { type UpcomingChange } from '@tally/domain';
import { EmptyState, QueryState, Section } from '@tally/ui';
import { useUpcomingChanges } from '../api/get-upcoming-changes';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/**
 * Announced programme changes, from the day they are announced until they take effect, soonest first.
 * A change that is worse for members says so: they had at least the notice period to plan for it.
 */
export function UpcomingChanges() {
  const upcoming = useUpcomingChanges();
  return (
    <Section title="Upcoming changes">
      <QueryState query={upcoming} loading="Loading announced changes…">
        {(changes: UpcomingChange[]) =>
          changes.length === 0 ? (
            <EmptyState>
              <p>No changes to the programme are announced. We will tell you here before anything changes.</p>
            </EmptyState>
          ) : (
            <ul aria-label="Upcoming changes" className="how-it-works__changes">
              {[...changes]
                .sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt))
                .map((change) => (
                  <li key={change.id}>
                    From{' '}
                    <time dateTime={change.effectiveAt}>
                      {dateFormat.format(new Date(change.effectiveAt))}
                    </time>
                    {change.worse ? ' (announced with notice, as it is less generous)' : ''}:
                    <ul>
                      {change.details.map((detail) => (
                        <li key={detail}>{detail}</li>
                      ))}
                    </ul>
                  </li>
                ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}
