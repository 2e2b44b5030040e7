import { formatCardNumber, type Balance } from '@tally/domain';
import { formatPoints } from '@tally/ui';

const points = (n: number) => `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;

export interface BalanceSummaryProps {
  balance: Balance;
  cardNumber: string | null;
  tierName: string | null;
}

export function BalanceSummary({ balance, cardNumber, tierName }: BalanceSummaryProps) {
  return (
    <section aria-label="Balance" className="tally-section">
      <dl className="tally-stats">
        <div>
          <dt>Available</dt>
          <dd>{formatPoints(balance.available)}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd>{formatPoints(balance.pending)}</dd>
        </div>
        <div>
          <dt>Reserved</dt>
          <dd>{formatPoints(balance.held)}</dd>
        </div>
        <div>
          <dt>Owed</dt>
          <dd>{formatPoints(balance.debt)}</dd>
        </div>
      </dl>
      <p className="tally-muted">
        Available points can be spent now. Pending points are from recent purchases and become available once
        those purchases can no longer be returned. Reserved points are set aside for a redemption in progress;
        owed points are taken from your next earnings after a refund.
      </p>
      {balance.held > 0 ? (
        <p className="tally-muted">
          {points(balance.held)} reserved: they are spent when the redemption completes, or come back if it is
          cancelled.
        </p>
      ) : null}
      {balance.debt > 0 ? (
        <p role="note">
          You owe {points(balance.debt)}: a purchase was refunded after you had spent the points it earned.
          Your next points pay this off first.
        </p>
      ) : null}
      <p>
        {cardNumber ? (
          <>
            Card number: <strong>{formatCardNumber(cardNumber)}</strong>
            {' · '}
          </>
        ) : null}
        Tier: <strong>{tierName ?? 'none yet'}</strong>
      </p>
    </section>
  );
}
