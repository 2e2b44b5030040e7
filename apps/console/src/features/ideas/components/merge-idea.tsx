import { IDEA_VOTABLE_STATES, MergeIdeaSchema, type Idea, type IdeaMergeResult } from '@tally/domain';
import { Form, LoadingState, ErrorState, TextAreaField, formatPoints, useForm } from '@tally/ui';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useIdeas } from '../api/get-ideas';
import { useMergeIdea } from '../api/merge-idea';
import { ideaName, ideaStateName } from '../lib/idea-labels';
import { ConfirmButtons } from './confirm-buttons';

function votes(n: number): string {
  return `${formatPoints(n)} ${n === 1 ? 'vote' : 'votes'}`;
}

function followers(n: number): string {
  return `${formatPoints(n)} ${n === 1 ? 'follower' : 'followers'}`;
}

/**
 * Merging as a duplicate (shown while the idea may still be merged, and after it was): find the idea this one repeats, pick it, give the public response, confirm.
 * The target takes the votes and followers; a member on both is counted once.
 */
export function MergeIdea({ idea }: { idea: Idea }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<IdeaMergeResult | null>(null);
  if (result) return <MergeDone result={result} />;
  if (idea.duplicateOf) {
    return (
      <p>
        Merged into <Link to={`/ideas/${idea.duplicateOf.id}`}>{ideaName(idea.duplicateOf)}</Link>, which took
        its votes and followers.
      </p>
    );
  }
  if (!open) {
    return (
      <>
        <p>
          When {ideaName(idea)} repeats another idea, merge it there: its {votes(idea.votes)} and{' '}
          {followers(idea.followers)} move to that idea, and members who already support it are not counted
          twice.
        </p>
        <button type="button" className="tally-button--secondary" onClick={() => setOpen(true)}>
          Merge into another idea…
        </button>
      </>
    );
  }
  return <MergeForm idea={idea} onDone={setResult} onCancel={() => setOpen(false)} />;
}

function MergeForm({
  idea,
  onDone,
  onCancel,
}: {
  idea: Idea;
  onDone: (result: IdeaMergeResult) => void;
  onCancel: () => void;
}) {
  const merge = useMergeIdea();
  const searchId = useId();
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  // Only ideas that can take votes can take a duplicate's (the API refuses the others).
  const candidates = useIdeas({ q, state: IDEA_VOTABLE_STATES, sort: 'top' }, { enabled: q !== '' });
  const form = useForm({
    initialValues: { targetId: '', response: '' },
    labels: { targetId: 'Idea to merge into', response: 'Public response' },
    schema: MergeIdeaSchema,
    toInput: ({ targetId, response }) => ({ targetId: targetId || undefined, response }),
    onSubmit: (body) => merge.mutateAsync({ id: idea.id, body }),
    onSuccess: onDone,
  });
  const found = (candidates.data?.pages.flatMap((page) => page.items) ?? []).filter((c) => c.id !== idea.id);
  const chosen = found.find((c) => c.id === form.values.targetId);
  const targetFieldId = form.fieldId('targetId');
  const targetError = form.errors.targetId;

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(words.trim());
  };

  return (
    <div className="idea-merge">
      <form role="search" aria-label="Search for the original idea" noValidate onSubmit={search}>
        <div className="tally-field">
          <label htmlFor={searchId} className="tally-field__label">
            Find the idea it duplicates
          </label>
          <p id={`${searchId}-hint`} className="tally-field__hint">
            Words from its title or description.
          </p>
          <div className="idea-merge__search">
            <input
              id={searchId}
              type="search"
              autoFocus
              value={words}
              aria-describedby={`${searchId}-hint`}
              onChange={(event) => setWords(event.target.value)}
            />
            <button type="submit" className="tally-button--secondary">
              Find
            </button>
          </div>
        </div>
      </form>
      <Form form={form} className="tally-form" aria-label={`Merge ${ideaName(idea)}`}>
        <fieldset
          id={targetFieldId}
          tabIndex={-1}
          className={targetError ? 'tally-fieldset tally-field--invalid' : 'tally-fieldset'}
          aria-describedby={targetError ? `${targetFieldId}-error` : undefined}
        >
          <legend>Idea to merge into</legend>
          {targetError ? (
            <p id={`${targetFieldId}-error`} className="tally-field__error">
              <span className="tally-visually-hidden">Error: </span>
              {targetError}
            </p>
          ) : null}
          {q === '' ? (
            <p className="tally-muted">Search above, then choose the idea.</p>
          ) : candidates.isPending ? (
            <LoadingState>Looking for ideas…</LoadingState>
          ) : candidates.isError ? (
            <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
          ) : found.length === 0 ? (
            <p>No other idea open for votes matches “{q}”.</p>
          ) : (
            found.map((candidate) => {
              const id = `${targetFieldId}-${candidate.id}`;
              return (
                <div className="tally-check" key={candidate.id}>
                  <input
                    type="radio"
                    id={id}
                    name="targetId"
                    value={candidate.id}
                    checked={form.values.targetId === candidate.id}
                    onChange={() => form.setValue('targetId', candidate.id)}
                  />
                  <label htmlFor={id}>
                    {ideaName(candidate)}{' '}
                    <span className="tally-muted">
                      ({ideaStateName(candidate.state)}, {votes(candidate.votes)},{' '}
                      {followers(candidate.followers)})
                    </span>
                  </label>
                </div>
              );
            })
          )}
        </fieldset>
        <div className="tally-warning" role="note" aria-label="What merging does">
          <p>
            {ideaName(idea)} becomes a duplicate
            {chosen ? ` of ${ideaName(chosen)}` : ' of the idea you choose'}. Its {votes(idea.votes)} and{' '}
            {followers(idea.followers)} move there; a member who already votes for or follows both is counted
            once, never twice. Everyone moved is told.
          </p>
          <p>Merging is final, and cancels the author’s accepted bonus if it is still pending.</p>
        </div>
        <TextAreaField
          form={form}
          name="response"
          rows={3}
          hint="Required. Members read it on this idea, which points to the one it was merged into."
        />
        <ConfirmButtons pending={form.pending} pendingText="Merging…" onCancel={onCancel} danger>
          Confirm merge
        </ConfirmButtons>
      </Form>
    </div>
  );
}

function MergeDone({ result }: { result: IdeaMergeResult }) {
  return (
    <div role="status" className="tally-notice">
      <p>
        Merged into <Link to={`/ideas/${result.target.id}`}>{ideaName(result.target)}</Link>:{' '}
        {votes(result.votesMoved)} and {followers(result.followersMoved)} moved (members already there were
        counted once). It now has {votes(result.target.votes)} and {followers(result.target.followers)}.
      </p>
    </div>
  );
}
