import type { Reward, VoucherResult } from '@tally/domain';
import { Page, QueryState, Section, formatPoints } from '@tally/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../../api/get-me';
import { useRewards } from '../api/get-rewards';
import { RewardCard } from './reward-card';

export function RewardsPage() {
  const rewards = useRewards();
  const me = useMe();
  const [redeemed, setRedeemed] = useState<VoucherResult | null>(null);
  const available = me.data?.balance.available;

  return (
    <Page title="Rewards" lead="Spend your points on a reward; you get a voucher to show at the till.">
      <div role="status" className="tally-status">
        {redeemed ? (
          <p>
            Your voucher for {redeemed.voucher.reward.name} is <strong>{redeemed.voucher.code}</strong>. You
            now have {formatPoints(redeemed.balance.available)} points available.{' '}
            <Link to="/vouchers">See my vouchers</Link>
          </p>
        ) : null}
      </div>
      {available === undefined ? null : (
        <p>
          You have <strong>{formatPoints(available)}</strong> points available.
        </p>
      )}
      <Section title="On offer now">
        <QueryState
          query={rewards}
          loading="Loading rewards…"
          isEmpty={(list) => list.length === 0}
          empty={<p>There are no rewards on offer right now. Please look again soon.</p>}
        >
          {(list: Reward[]) => (
            <ul className="tally-reward-list" aria-label="Rewards">
              {list.map((reward) => (
                <RewardCard key={reward.id} reward={reward} available={available} onRedeemed={setRedeemed} />
              ))}
            </ul>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}
