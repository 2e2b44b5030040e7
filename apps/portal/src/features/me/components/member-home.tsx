import { Page, QueryState } from '@tally/ui';
import { usePointsSummary } from '../api/get-points-summary';
import { BalanceSummary } from './balance-summary';
import { ExpiringPoints, PendingPoints } from './points-outlook';
import { TierProgress } from './tier-progress';
import { LatestActivity } from './latest-activity';

/** The signed-in member's home page: every number about their points, each explained, then the latest activity. */
export function MemberHome({ name, cardNumber = null }: { name: string; cardNumber?: string | null }) {
  const summary = usePointsSummary();
  return (
    <Page title="Your points" lead={`Hello, ${name}.`}>
      <QueryState query={summary} loading="Loading your points…">
        {(s) => (
          <>
            <BalanceSummary
              balance={s.balance}
              cardNumber={cardNumber}
              tierName={s.tier.current?.name ?? null}
            />
            <PendingPoints pending={s.pending} asOf={s.asOf} />
            <ExpiringPoints expiring={s.expiring} />
            <TierProgress tier={s.tier} />
          </>
        )}
      </QueryState>
      <LatestActivity />
    </Page>
  );
}
