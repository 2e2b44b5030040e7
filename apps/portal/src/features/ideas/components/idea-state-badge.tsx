import { ideaStateLabel, type IdeaState } from '@tally/domain';

/** "Under review", "Merged as a duplicate": the state in the member's words. */
export function ideaStateText(state: IdeaState): string {
  const label = ideaStateLabel(state);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function IdeaStateBadge({ state }: { state: IdeaState }) {
  return <span className={`tally-badge idea-state idea-state--${state}`}>{ideaStateText(state)}</span>;
}
