import { SegmentRulesSchema } from '@tally/domain';
import { ErrorState, formatPoints, useSettled } from '@tally/ui';
import { useSegmentCount } from '../api/count-segment';

/** How long typing must pause before the rules are counted again. */
export const COUNT_DELAY_MS = 400;

export const membersMatch = (n: number) =>
  n === 1 ? '1 member matches' : `${formatPoints(n)} members match`;

/**
 * How many members the rules being edited match now, asked again a moment after each change (the
 * API counts with the same query it uses for saved segments). Announced politely as it changes.
 */
export function LiveCount({ rulesInput }: { rulesInput: unknown }) {
  const settled = useSettled(rulesInput, COUNT_DELAY_MS);
  const current = SegmentRulesSchema.safeParse(rulesInput);
  const ready = SegmentRulesSchema.safeParse(settled);
  const count = useSegmentCount(ready.success ? ready.data : null);
  const waiting = JSON.stringify(settled) !== JSON.stringify(rulesInput);

  let text: string;
  if (!current.success) text = 'Finish the rules to see how many members match.';
  else if (waiting || count.isFetching || count.isPending) text = 'Counting…';
  else if (count.data) text = membersMatch(count.data.members);
  else text = '';

  return (
    <div className="segment-live-count">
      <p role="status" aria-live="polite" className="segment-live-count__value">
        {text}
      </p>
      {current.success && !waiting && count.isError ? (
        <ErrorState error={count.error} onRetry={() => void count.refetch()} />
      ) : null}
      <p className="tally-muted">Active members, counted now. Periods run back from this moment.</p>
    </div>
  );
}
