import type { StatementFilters } from '../api/get-statement-pages';

export interface FilterValues {
  /** One of `TYPE_OPTIONS`' values; `''` for all. */
  type: string;
  /** `YYYY-MM-DD` from the date inputs, or `''`. */
  from: string;
  to: string;
}

export const TYPE_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'earn', label: 'Earned' },
  { value: 'redeem,capture', label: 'Spent' },
  { value: 'reverse', label: 'Refunds and returns' },
  { value: 'expire', label: 'Expired' },
  { value: 'adjust', label: 'Adjustments' },
];

/** A `YYYY-MM-DD` date at the reader's local midnight, `days` later, as an ISO instant. */
export function localMidnight(date: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d) + days).toISOString();
}

/** The API's query: `from` at local midnight, `to` at the next midnight, since the API's `to` is exclusive. */
export function toQuery(values: FilterValues): StatementFilters {
  return {
    kind: values.type || undefined,
    from: localMidnight(values.from),
    to: localMidnight(values.to, 1),
  };
}

export function StatementFiltersForm({
  values,
  onChange,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
}) {
  return (
    <form
      aria-label="Filter the statement"
      className="tally-actions"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="tally-field">
        <label htmlFor="statement-type" className="tally-field__label">
          Type
        </label>
        <select
          id="statement-type"
          value={values.type}
          onChange={(event) => onChange({ ...values, type: event.target.value })}
        >
          {TYPE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="tally-field">
        <label htmlFor="statement-from" className="tally-field__label">
          From
        </label>
        <input
          id="statement-from"
          type="date"
          value={values.from}
          onChange={(event) => onChange({ ...values, from: event.target.value })}
        />
      </div>
      <div className="tally-field">
        <label htmlFor="statement-to" className="tally-field__label">
          To
        </label>
        <input
          id="statement-to"
          type="date"
          value={values.to}
          onChange={(event) => onChange({ ...values, to: event.target.value })}
        />
      </div>
    </form>
  );
}
