import { formatPoints } from '@tally/ui';
import { useId } from 'react';

/** `0.4` of the way → `40%`, in the reader's locale. */
export function formatShare(part: number, whole: number): string {
  const share = whole > 0 ? Math.min(part / whole, 1) : 1;
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * A bar named by its words (for everyone). Without `max` it has no value: the browser shows it busy and
 * assistive technology hears no figure.
 */
export function LabelledProgress({ label, value = 0, max }: { label: string; value?: number; max?: number }) {
  const id = useId();
  return (
    <div className="campaign-budget">
      <span id={id}>{label}</span>
      <progress aria-labelledby={id} max={max} value={max === undefined ? undefined : Math.min(value, max)} />
    </div>
  );
}

/** Points issued against a budget, as words and a bar. */
export function BudgetProgress({ issued, budget }: { issued: number; budget: number }) {
  return (
    <LabelledProgress
      label={`${formatPoints(issued)} of ${formatPoints(budget)} points (${formatShare(issued, budget)})`}
      value={issued}
      max={budget}
    />
  );
}
