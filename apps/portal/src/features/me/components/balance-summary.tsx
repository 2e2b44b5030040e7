import { formatCardNumber, type MeResponse } from '@tally/domain';
import { formatPoints } from '@tally/ui';

export function BalanceSummary({ me }: { me: MeResponse }) {
  const { balance } = me;
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
        Available points can be spent now. Pending points become available once a purchase can no longer be
        returned. Reserved points are set aside for a redemption in progress; owed points are taken from your
        next earnings after a refund.
      </p>
      <p>
        Card number: <strong>{formatCardNumber(me.cardNumber)}</strong>
        {' · '}
        Tier: <strong>{me.tier ? me.tier.name : 'none yet'}</strong>
      </p>
    </section>
  );
}
