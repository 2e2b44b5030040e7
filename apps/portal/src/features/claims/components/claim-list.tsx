import type { Claim } from '@tally/domain';
import { DateTime, PagedList, formatAmount, formatDate, formatPoints } from '@tally/ui';
import { useMyClaims } from '../api/get-my-claims';

function ClaimStateBadge({ claim }: { claim: Claim }) {
  switch (claim.state) {
    case 'submitted':
      return <span className="tally-badge">Waiting for review</span>;
    case 'approved':
      return (
        <span className="tally-badge tally-badge--ok">
          Approved: {formatPoints(claim.points ?? 0)} points added
        </span>
      );
    case 'denied':
      return <span className="tally-badge tally-badge--bad">Not approved</span>;
  }
}

export function ClaimList() {
  const claims = useMyClaims();
  return (
    <PagedList
      query={claims}
      noun="claims"
      loading="Loading your claims…"
      empty={<p>You have not claimed any missing points.</p>}
    >
      {(items) => (
        <ul className="tally-list" aria-label="Your claims">
          {items.map((claim) => (
            <li key={claim.id}>
              <div className="activity-line">
                <div>
                  <strong>Receipt {claim.receiptRef}</strong> · {claim.store.name}
                  <div className="tally-muted">
                    Bought on {formatDate(claim.purchasedOn)} · {formatAmount(claim.amount, claim.currency)} ·
                    claimed <DateTime value={claim.createdAt} />
                  </div>
                  {claim.answer ? <div>Our answer: {claim.answer}</div> : null}
                </div>
                <div>
                  <ClaimStateBadge claim={claim} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  );
}
