import { formatPoints } from '@tally/ui';
import { useId } from 'react';

/** Points issued against a budget, as words (for everyone) and a bar (named by the words). */
export function BudgetProgress({ issued, budget }: { issued: number; budget: number }) {
  const id = useId();
  const share = budget > 0 ? Math.min(issued / budget, 1) : 1;
  return (
    <div className="campaign-budget">
      <span id={id}>
        {formatPoints(issued)} of {formatPoints(budget)} points (
        {new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(share)})
      </span>
      <progress aria-labelledby={id} value={Math.min(issued, budget)} max={budget} />
    </div>
  );
}
