import { formatCardNumber, type MemberSummary } from '@tally/domain';
import { formatPoints, Section } from '@tally/ui';

export function MemberPanel({ member, refreshing }: { member: MemberSummary; refreshing: boolean }) {
  const { balance } = member;
  return (
    <Section title="Member">
      <p className="checkout-member__name">{member.name}</p>
      <p className="tally-muted">
        Card {formatCardNumber(member.cardNumber)} ·{' '}
        {member.tier ? `${member.tier.name} tier` : 'No tier yet'}
      </p>
      <dl className="tally-stats checkout-member__balance" aria-busy={refreshing || undefined}>
        <div>
          <dt>Available</dt>
          <dd>{formatPoints(balance.available)}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd>{formatPoints(balance.pending)}</dd>
        </div>
        <div>
          <dt>Held</dt>
          <dd>{formatPoints(balance.held)}</dd>
        </div>
        <div>
          <dt>Owed</dt>
          <dd>{formatPoints(balance.debt)}</dd>
        </div>
      </dl>
    </Section>
  );
}
