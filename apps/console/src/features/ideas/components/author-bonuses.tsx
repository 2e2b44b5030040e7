import type { IdeaReward } from '@tally/domain';
import { DateTime, QueryState, formatPoints } from '@tally/ui';
import { useIdeaRewards } from '../api/get-idea-rewards';

const BONUS: Record<IdeaReward['kind'], string> = {
  accepted: 'Accepted bonus (planned)',
  shipped: 'Shipped bonus',
};

const points = (n: number) => `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;

/** What happened to one bonus, in the words staff need to answer the author. */
function RewardState({ reward }: { reward: IdeaReward }) {
  const held =
    reward.cappedPoints > 0 ? `; ${points(reward.cappedPoints)} held back by the quarterly cap` : '';
  switch (reward.state) {
    case 'pending':
      return (
        <>
          {points(reward.points)} pending
          {reward.availableAt ? (
            <>
              {' '}
              until <DateTime value={reward.availableAt} />
            </>
          ) : null}
          {held}
        </>
      );
    case 'available':
      return (
        <>
          {points(reward.points)} paid{held}
        </>
      );
    case 'cancelled':
      return <>{points(reward.points)} cancelled: the idea was declined or merged within the hold</>;
    case 'capped':
      return <>Nothing paid: the quarterly cap held back {points(reward.cappedPoints)}</>;
  }
}

/** The author's bonuses for this idea (`GET /admin/ideas/:id/rewards`), with loading, empty and error states. */
export function AuthorBonuses({ ideaId }: { ideaId: string }) {
  const rewards = useIdeaRewards(ideaId);
  return (
    <QueryState
      query={rewards}
      loading="Loading the author’s bonuses…"
      isEmpty={(data) => data.rewards.length === 0}
      empty="No bonus yet: the author earns one when the idea is planned and another when it ships."
    >
      {(data) => (
        <dl className="approval__facts">
          {data.rewards.map((reward) => (
            <div key={reward.kind}>
              <dt>{BONUS[reward.kind]}</dt>
              <dd>
                <RewardState reward={reward} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </QueryState>
  );
}
