import type { LiabilityMonth } from '@tally/domain';
import { formatPoints } from '@tally/ui';
import { useId } from 'react';
import { formatMonth } from '../lib/liability-format';

export const SERIES = [
  { key: 'issued', label: 'Issued', className: 'liability-bar--issued' },
  { key: 'redeemed', label: 'Redeemed', className: 'liability-bar--redeemed' },
  { key: 'expired', label: 'Expired', className: 'liability-bar--expired' },
] as const;

const HEIGHT = 180;
const BAR = 10;
const GAP = 14;
const GROUP = SERIES.length * BAR + GAP;
const AXIS = 22;

/**
 * Issued, redeemed and expired points per month as grouped bars, drawn as plain SVG. Screen readers get
 * the title and a one-line summary; the table beside the chart has every figure.
 */
export function LiabilityChart({ months }: { months: LiabilityMonth[] }) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => m[s.key])));
  const width = months.length * GROUP + GAP;
  const scale = (value: number) => (value / max) * (HEIGHT - 8);
  const totals = SERIES.map(
    (s) => `${s.label.toLowerCase()} ${formatPoints(months.reduce((sum, m) => sum + m[s.key], 0))}`,
  );
  const first = months[0];
  const last = months[months.length - 1];

  return (
    <figure className="liability-chart">
      <ul className="liability-legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span className={`liability-swatch ${s.className}`} /> {s.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>Points issued, redeemed and expired per month</title>
        <desc id={descId}>
          {first && last
            ? `From ${formatMonth(first.month, undefined, 'long')} to ${formatMonth(last.month, undefined, 'long')}: ${totals.join(', ')} points. The table below lists each month.`
            : 'No months.'}
        </desc>
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="liability-axis" />
        {months.map((m, i) => {
          const x = GAP + i * GROUP;
          return (
            <g key={m.month}>
              {SERIES.map((s, j) => {
                const h = scale(m[s.key]);
                return (
                  <rect
                    key={s.key}
                    className={s.className}
                    x={x + j * BAR}
                    y={HEIGHT - h}
                    width={BAR - 1}
                    height={h}
                  >
                    <title>{`${formatMonth(m.month)}: ${s.label.toLowerCase()} ${formatPoints(m[s.key])}`}</title>
                  </rect>
                );
              })}
              <text
                x={x + (SERIES.length * BAR) / 2}
                y={HEIGHT + 15}
                textAnchor="middle"
                className="liability-label"
              >
                {formatMonth(m.month, undefined, 'short').split(' ')[0]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
