import {
  ChangeIdeaStatusSchema,
  ideaStateLabel,
  nextIdeaStates,
  type Idea,
  type IdeaRewardSettings,
  type IdeaState,
} from '@tally/domain';
import { Form, TextAreaField, formatPoints, useForm } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';
import { useProgramme } from '../../../lib/programme';
import { useChangeIdeaStatus } from '../api/change-idea-status';
import { ideaName, moveLabel } from '../lib/idea-labels';
import { ConfirmButtons } from './confirm-buttons';

/**
 * The moves the idea's state allows, decided by the domain's `nextIdeaStates` (the rule the API applies),
 * so a refused move is never offered. Merging is a move too, with its own form (`MergeIdea`).
 */
export function IdeaStatusActions({ idea }: { idea: Idea }) {
  const [asking, setAsking] = useState<IdeaState | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const moves = nextIdeaStates(idea.state).filter((to) => to !== 'duplicate');

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (asking) {
    return (
      <StatusChangeForm
        idea={idea}
        to={asking}
        onDone={(message) => {
          setAsking(null);
          setDone(message);
        }}
        onCancel={() => setAsking(null)}
      />
    );
  }
  return (
    <>
      {moves.length > 0 ? (
        <div className="row-actions" role="group" aria-label="Status actions">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'declined' ? 'tally-button--danger' : 'tally-button--secondary'}
              onClick={() => {
                setDone(null);
                setAsking(to);
              }}
            >
              {moveLabel(idea.state, to)}
            </button>
          ))}
        </div>
      ) : (
        <p className="tally-muted">
          {idea.duplicateOf
            ? `A merged idea is final: its votes and followers are with #${idea.duplicateOf.number}.`
            : 'A shipped idea is final: its status cannot change.'}
        </p>
      )}
      {idea.state === 'pending_review' ? (
        <p className="tally-muted">To trust the author as well, approve the idea from the review queue.</p>
      ) : null}
      <p ref={doneRef} tabIndex={-1} role="status" className={done ? 'tally-notice' : undefined}>
        {done ?? ''}
      </p>
    </>
  );
}

interface StatusChangeFormProps {
  idea: Idea;
  to: IdeaState;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Every move needs a public response: followers are told, and it stays in the idea's history. */
function StatusChangeForm({ idea, to, onDone, onCancel }: StatusChangeFormProps) {
  const change = useChangeIdeaStatus();
  const rewards = useProgramme().data?.ideas;
  const form = useForm({
    initialValues: { response: '' },
    labels: { response: 'Public response' },
    schema: ChangeIdeaStatusSchema,
    toInput: ({ response }) => ({ to, response }),
    onSubmit: (body) => change.mutateAsync({ id: idea.id, body }),
    onSuccess: (changed) => onDone(`${ideaName(changed)} is now ${ideaStateLabel(changed.state)}.`),
  });
  const label = moveLabel(idea.state, to);
  const note = rewardNote(to, rewards);
  return (
    <Form form={form} className="tally-form" aria-label={`${label}: ${ideaName(idea)}`}>
      <p>
        From <strong>{ideaStateLabel(idea.state)}</strong> to <strong>{ideaStateLabel(to)}</strong>.
      </p>
      {note ? <p className="tally-warning">{note}</p> : null}
      <TextAreaField
        form={form}
        name="response"
        rows={4}
        autoFocus
        hint="Required. Members read it on the idea, and its followers are told."
      />
      <ConfirmButtons
        pending={form.pending}
        pendingText="Changing the status…"
        onCancel={onCancel}
        danger={to === 'declined'}
      >
        Confirm: {ideaStateLabel(to)}
      </ConfirmButtons>
    </Form>
  );
}

/** What the move does to the author's idea bonuses, from the programme's settings when they are known. */
function rewardNote(to: IdeaState, rewards: IdeaRewardSettings | undefined): string | null {
  if (to === 'planned') {
    return rewards
      ? `The author gets the accepted bonus: ${formatPoints(rewards.acceptedPoints)} points, pending for ${formatPoints(rewards.holdDays)} days (within their quarterly cap).`
      : 'The author gets the accepted bonus, pending for the hold period (within their quarterly cap).';
  }
  if (to === 'shipped') {
    return rewards
      ? `The author gets the shipped bonus: ${formatPoints(rewards.shippedPoints)} points (within their quarterly cap).`
      : 'The author gets the shipped bonus (within their quarterly cap).';
  }
  if (to === 'declined')
    return 'Declining cancels the author’s accepted bonus if it is still pending. A declined idea can be reopened later.';
  return null;
}
