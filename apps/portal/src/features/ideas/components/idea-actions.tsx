import { isVotable, type IdeaDetail } from '@tally/domain';
import { formatPoints } from '@tally/ui';
import { useId } from 'react';
import { useFollow } from '../api/follow-idea';
import { useVote } from '../api/vote-idea';
import { ideaProblemText, type IdeaAction } from './idea-messages';

/** Why the vote button does what it does, or why it cannot be pressed. */
function voteExplanation(idea: IdeaDetail): string {
  switch (idea.state) {
    case 'pending_review':
      return 'Voting opens once a moderator has reviewed this idea.';
    case 'shipped':
      return 'This idea has shipped, so voting has closed.';
    case 'declined':
      return 'This idea was declined, so voting has closed.';
    case 'duplicate':
      return 'This idea was merged into another one, so voting has closed here: vote for that one instead.';
    case 'open':
    case 'under_review':
    case 'planned':
    case 'in_progress':
      return idea.viewerVoted
        ? 'You voted for this idea. Press the button again to withdraw your vote.'
        : 'Voting follows the idea too, so you hear what happens to it.';
  }
}

/**
 * Vote and follow: toggle buttons (`aria-pressed`) whose count changes at once and goes back if the
 * API refuses. A press while the last one is on its way is ignored rather than disabling the button,
 * so keyboard focus stays on it.
 */
export function IdeaActions({ idea }: { idea: IdeaDetail }) {
  const vote = useVote(idea.id);
  const follow = useFollow(idea.id);
  return (
    <div className="idea-actions">
      <IdeaToggle
        count={idea.votes}
        noun={['vote', 'votes']}
        label="Vote for this idea"
        pressed={idea.viewerVoted}
        disabled={!isVotable(idea.state)}
        note={voteExplanation(idea)}
        toggle={vote}
        action="vote"
      />
      <IdeaToggle
        count={idea.followers}
        noun={['follower', 'followers']}
        label="Follow this idea"
        pressed={idea.viewerFollows}
        disabled={false}
        note={
          idea.viewerFollows
            ? 'You follow this idea: we tell you when its state changes. Press again to stop.'
            : 'Follow to hear when its state changes.'
        }
        toggle={follow}
        action="follow"
      />
    </div>
  );
}

function IdeaToggle({
  count,
  noun: [one, many],
  label,
  pressed,
  disabled,
  note,
  toggle,
  action,
}: {
  count: number;
  noun: [string, string];
  label: string;
  pressed: boolean;
  disabled: boolean;
  note: string;
  toggle: ReturnType<typeof useVote>;
  action: IdeaAction;
}) {
  const noteId = useId();
  return (
    <div className="idea-actions__item">
      <p className="idea-actions__count">
        <strong>{formatPoints(count)}</strong> {count === 1 ? one : many}
      </p>
      <button
        type="button"
        className="idea-toggle"
        aria-pressed={pressed}
        aria-describedby={noteId}
        disabled={disabled}
        onClick={() => {
          if (!toggle.isPending) toggle.mutate(!pressed);
        }}
      >
        {label}
      </button>
      <p id={noteId} role="status" className="tally-muted">
        {toggle.isPending ? 'Saving…' : note}
      </p>
      {toggle.isError ? (
        <p role="alert" className="tally-state tally-state--error">
          {ideaProblemText(toggle.error, action)}
        </p>
      ) : null}
    </div>
  );
}
