import { Page, QueryState, Section } from '@tally/ui';
import { useRewards } from '../api/get-rewards';
import { CreateRewardForm } from './create-reward-form';
import { RewardsTable } from './rewards-table';

/** The rewards catalogue members spend points on; the route admits only roles with `rewards:manage`. */
export function RewardsPage() {
  const rewards = useRewards();
  return (
    <Page title="Rewards" lead="What members can spend their points on, and when.">
      <Section title="Add a reward">
        <CreateRewardForm />
      </Section>
      <Section title="Catalogue">
        <QueryState
          query={rewards}
          loading="Loading rewards…"
          isEmpty={(list) => list.length === 0}
          empty={<p>No rewards yet. Add the first one above.</p>}
        >
          {(list) => <RewardsTable rewards={list} />}
        </QueryState>
      </Section>
    </Page>
  );
}
