import type { CampaignStats } from '@tally/domain';
import { formatDate, formatPoints } from '@tally/ui';
import { useId } from 'react';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 32, left: 64 };

/**
 * Points issued so far against the budget, day by day, drawn as an SVG area. The picture has a text
 * alternative (`role="img"` with a title and a one-sentence summary) and the same figures as a table
 * that only assistive technology sees, so nothing depends on seeing the chart.
 */
export function IssuedChart({ stats }: { stats: CampaignStats }) {
  const id = useId();
  const { daily, budgetPoints } = stats;
  if (daily.length === 0) return <p>No points issued yet, so there is nothing to chart.</p>;

  const last = daily.at(-1) ?? daily[0];
  const max = Math.max(budgetPoints ?? 0, ...daily.map((d) => d.cumulativePoints), 1);
  const top = max * 1.05;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (daily.length === 1 ? plotWidth / 2 : (index / (daily.length - 1)) * plotWidth);
  const y = (points: number) => PAD.top + plotHeight - (points / top) * plotHeight;
  const line = daily
    .map((d, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(d.cumulativePoints).toFixed(1)}`)
    .join(' ');
  const area = `${line} L${x(daily.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z`;
  const ticks = [...new Set([0, Math.round(max / 2), max])];

  const summary =
    `${formatPoints(last?.cumulativePoints ?? 0)} points issued from ${formatDate(daily[0]?.date ?? '')} ` +
    `to ${formatDate(last?.date ?? '')}` +
    (budgetPoints === null ? ', with no budget.' : `, against a budget of ${formatPoints(budgetPoints)}.`);

  return (
    <figure className="campaign-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>Points issued against budget over time</title>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="campaign-chart__grid"
            />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end" className="campaign-chart__label">
              {formatPoints(tick)}
            </text>
          </g>
        ))}
        <path d={area} className="campaign-chart__area" />
        <path d={line} className="campaign-chart__line" />
        {budgetPoints !== null ? (
          <g aria-hidden="true">
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(budgetPoints)}
              y2={y(budgetPoints)}
              className="campaign-chart__budget"
            />
            <text
              x={WIDTH - PAD.right}
              y={y(budgetPoints) - 6}
              textAnchor="end"
              className="campaign-chart__label"
            >
              Budget {formatPoints(budgetPoints)}
            </text>
          </g>
        ) : null}
        <g aria-hidden="true">
          <text x={PAD.left} y={HEIGHT - 8} className="campaign-chart__label">
            {formatDate(daily[0]?.date ?? '')}
          </text>
          {daily.length > 1 ? (
            <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="campaign-chart__label">
              {formatDate(last?.date ?? '')}
            </text>
          ) : null}
        </g>
      </svg>
      <figcaption id={`${id}-desc`} className="tally-muted">
        {summary}
      </figcaption>
      <table className="tally-visually-hidden">
        <caption>Points issued per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Points that day</th>
            <th scope="col">Issued so far</th>
            <th scope="col">Members</th>
            <th scope="col">Receipts</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((day) => (
            <tr key={day.date}>
              <th scope="row">{formatDate(day.date)}</th>
              <td>{formatPoints(day.points)}</td>
              <td>{formatPoints(day.cumulativePoints)}</td>
              <td>{formatPoints(day.members)}</td>
              <td>{formatPoints(day.receipts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
