import type { StatementLine } from '@tally/domain';
import { DateTime, formatPoints, formatPointsChange } from '@tally/ui';
import { useState } from 'react';
import { ReceiptPanel } from './receipt-panel';

export function StatementLineItem({ line }: { line: StatementLine }) {
  const { reason } = line;
  const [showReceipt, setShowReceipt] = useState(false);
  const receiptId = reason.receiptId ?? null;
  const out = line.points < 0;
  return (
    <li>
      <div className="activity-line">
        <div>
          <strong>{reason.description}</strong>
          {reason.externalRef ? <span> · receipt {reason.externalRef}</span> : null}
          {reason.note ? <div className="tally-muted">Note: {reason.note}</div> : null}
          <div className="tally-muted">
            <DateTime value={line.occurredAt} />
            {reason.expiresAt ? (
              <>
                {' · expires '}
                <DateTime value={reason.expiresAt} />
              </>
            ) : null}
          </div>
          {receiptId ? (
            <button
              type="button"
              className="tally-button--secondary"
              aria-expanded={showReceipt}
              onClick={() => setShowReceipt((shown) => !shown)}
            >
              {showReceipt ? 'Hide receipt' : 'View receipt'}
            </button>
          ) : null}
        </div>
        <div>
          <div className={out ? 'activity-line__points activity-line__points--out' : 'activity-line__points'}>
            <span className="tally-visually-hidden">{out ? 'Spent or removed: ' : 'Added: '}</span>
            {formatPointsChange(line.points)} <span className="tally-muted">points</span>
          </div>
          {line.availableAfter !== null ? (
            <div className="tally-muted">Balance {formatPoints(line.availableAfter)}</div>
          ) : null}
        </div>
      </div>
      {receiptId && showReceipt ? <ReceiptPanel receiptId={receiptId} /> : null}
    </li>
  );
}
