import type { Reward } from '@tally/domain';

export type RewardStatus = 'active' | 'scheduled' | 'ended' | 'archived';

export const REWARD_STATUS_LABELS: Record<RewardStatus, string> = {
  active: 'Active',
  scheduled: 'Scheduled',
  ended: 'Ended',
  archived: 'Archived',
};

/**
 * Where a reward stands at `now`, by the same rule the API uses for the members' list: on offer from
 * `activeFrom` (inclusive) until `activeUntil` (exclusive), unless archived.
 */
export function rewardStatus(
  reward: Pick<Reward, 'archived' | 'activeFrom' | 'activeUntil'>,
  now: number,
): RewardStatus {
  if (reward.archived) return 'archived';
  if (Date.parse(reward.activeFrom) > now) return 'scheduled';
  if (reward.activeUntil !== null && Date.parse(reward.activeUntil) <= now) return 'ended';
  return 'active';
}
