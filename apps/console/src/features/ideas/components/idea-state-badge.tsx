import type { IdeaState } from '@tally/domain';
import { ideaStateBadgeClass, ideaStateName } from '../lib/idea-labels';

export function IdeaStateBadge({ state }: { state: IdeaState }) {
  return <span className={ideaStateBadgeClass(state)}>{ideaStateName(state)}</span>;
}
