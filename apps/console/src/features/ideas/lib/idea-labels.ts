import {
  IDEA_CATEGORY_LABELS,
  ideaStateLabel,
  type IdeaCategory,
  type IdeaFlagReason,
  type IdeaRewardKind,
  type IdeaRewardState,
  type IdeaState,
} from '@tally/domain';

/** The state as a badge reads it: the domain's words, capitalised ("Under review"). */
export function ideaStateName(state: IdeaState): string {
  const words = ideaStateLabel(state);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ideaStateBadgeClass(state: IdeaState): string {
  if (state === 'shipped' || state === 'planned' || state === 'in_progress')
    return 'tally-badge tally-badge--ok';
  if (state === 'pending_review' || state === 'declined') return 'tally-badge tally-badge--bad';
  return 'tally-badge';
}

/** What each move's button says: the action, not the state ("Plan it"). */
const MOVE_LABELS: Readonly<Record<IdeaState, string>> = {
  pending_review: 'Send back to review',
  open: 'Open for votes',
  under_review: 'Start reviewing',
  planned: 'Plan it',
  in_progress: 'Start work',
  shipped: 'Mark shipped',
  declined: 'Decline',
  duplicate: 'Merge as a duplicate',
};

export function moveLabel(from: IdeaState, to: IdeaState): string {
  return from === 'declined' && to === 'open' ? 'Reopen' : MOVE_LABELS[to];
}

export function categoryName(category: IdeaCategory): string {
  return IDEA_CATEGORY_LABELS[category];
}

export const FLAG_REASON_LABELS: Readonly<Record<IdeaFlagReason, string>> = {
  spam: 'Spam',
  offensive: 'Offensive',
  off_topic: 'Off topic',
  personal_data: 'Personal data',
  other: 'Other',
};

export const REWARD_KIND_LABELS: Readonly<Record<IdeaRewardKind, string>> = {
  accepted: 'Accepted bonus',
  shipped: 'Shipped bonus',
};

export const REWARD_STATE_LABELS: Readonly<Record<IdeaRewardState, string>> = {
  pending: 'Pending',
  available: 'Paid',
  cancelled: 'Cancelled',
  capped: 'Held back by the quarterly cap',
};

/** `#42 Self-checkout in every store`. */
export function ideaName(idea: { number: number; title: string }): string {
  return `#${idea.number} ${idea.title}`;
}
