import { DataTable, Page, QueryState, Section, formatPoints } from '@tally/ui';
import { useId, useState } from 'react';
import { LIABILITY_CSV_PATH, useLiability } from '../api/get-liability';
import { formatMoneyMilli, formatMonth } from '../lib/liability-format';
import { LiabilityChart } from './liability-chart';

const SPANS = [6, 12, 24] as const;

/** What the programme owes its members in points, and how it moved month by month (UTC months). */
export function LiabilityPage() {
  const [months, setMonths] = useState<number>(12);
  const report = useLiability(months);
  const spanId = useId();
  return (
    <Page
      title="Points liability"
      lead="Points members hold and what they are worth at the programme’s point value; issued, redeemed and expired each month (calendar months in UTC)."
    >
      <div className="tally-field filter-field">
        <label htmlFor={spanId} className="tally-field__label">
          Months shown
        </label>
        <select id={spanId} value={months} onChange={(event) => setMonths(Number(event.target.value))}>
          {SPANS.map((n) => (
            <option key={n} value={n}>
              Last {n} months
            </option>
          ))}
        </select>
      </div>
      <p>
        <a href={`${LIABILITY_CSV_PATH}?months=${months}`} download>
          Download CSV
        </a>
      </p>
      <QueryState query={report} loading="Loading the report…">
        {(r) => (
          <>
            <Section title="Outstanding now">
              <dl className="tally-stats">
                <div>
                  <dt>Available</dt>
                  <dd>{formatPoints(r.outstanding.available)}</dd>
                </div>
                <div>
                  <dt>Pending</dt>
                  <dd>{formatPoints(r.outstanding.pending)}</dd>
                </div>
                <div>
                  <dt>Value</dt>
                  <dd>{formatMoneyMilli(r.outstanding.valueMilli, r.currency)}</dd>
                </div>
                <div>
                  <dt>Owed by members (debt)</dt>
                  <dd>{formatPoints(r.outstanding.debt)}</dd>
                </div>
              </dl>
              <p className="tally-muted">
                One point is worth {formatMoneyMilli(r.pointValueMilli, r.currency)}. Available includes{' '}
                {formatPoints(r.outstanding.held)} points held by unfinished redemptions.
              </p>
            </Section>
            <Section title="Per month">
              <LiabilityChart months={r.months} />
              <DataTable
                label="Points per month"
                columns={[
                  'Month',
                  { label: 'Issued', className: 'tally-num' },
                  { label: 'Reversed', className: 'tally-num' },
                  { label: 'Adjusted', className: 'tally-num' },
                  { label: 'Redeemed', className: 'tally-num' },
                  { label: 'Expired', className: 'tally-num' },
                  { label: 'Outstanding at month end', className: 'tally-num' },
                  { label: 'Value', className: 'tally-num' },
                ]}
              >
                {r.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatMonth(m.month, undefined, 'long')}</th>
                    <td className="tally-num">{formatPoints(m.issued)}</td>
                    <td className="tally-num">{formatPoints(m.reversed)}</td>
                    <td className="tally-num">{formatPoints(m.adjusted)}</td>
                    <td className="tally-num">{formatPoints(m.redeemed)}</td>
                    <td className="tally-num">{formatPoints(m.expired)}</td>
                    <td className="tally-num">{formatPoints(m.outstandingEnd)}</td>
                    <td className="tally-num">
                      {formatMoneyMilli(m.outstandingEnd * r.pointValueMilli, r.currency)}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
