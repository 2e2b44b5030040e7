import { maskEmail, type ReferralFriend, type ReferralSettings } from '@tally/domain';
import { type ReferralViewRow } from './referrals.repository.js';

/** What the referrer may see of a friend: the first name (or a masked email), never more. */
function displayName(row: ReferralViewRow): string {
  if (row.friend_status !== 'active') return 'A former member';
  const first = row.friend_name.trim().split(/\s+/)[0];
  if (first) return first;
  return row.friend_email ? maskEmail(row.friend_email) : 'A friend';
}

export function toReferralFriend(row: ReferralViewRow, settings: ReferralSettings): ReferralFriend {
  const base = {
    id: row.id,
    displayName: displayName(row),
    joinedAt: new Date(row.created_at).toISOString(),
    ineligibleReason: null,
    rewardDueAt: null,
    pointsPending: 0,
    pointsEarned: 0,
  };
  switch (row.status) {
    case 'rewarded':
      return { ...base, state: 'rewarded', pointsEarned: Number(row.referrer_points) };
    case 'capped':
      return { ...base, state: 'not_eligible', ineligibleReason: 'monthly_cap' };
    case 'not_eligible':
      return { ...base, state: 'not_eligible', ineligibleReason: row.ineligible_reason };
    case 'joined': {
      const pointsPending = settings.enabled ? settings.referrerPoints : 0;
      if (!row.due_at) return { ...base, state: 'joined', pointsPending };
      return {
        ...base,
        state: 'purchase_pending',
        rewardDueAt: new Date(row.due_at).toISOString(),
        pointsPending,
      };
    }
  }
}
