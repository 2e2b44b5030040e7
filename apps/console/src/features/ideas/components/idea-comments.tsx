import { CreateIdeaCommentSchema, type IdeaCommentPage } from '@tally/domain';
import { DateTime, Form, PagedList, SubmitButton, TextAreaField, useForm } from '@tally/ui';
import { useState } from 'react';
import { useAnswerIdea } from '../api/answer-idea';
import { useIdeaComments } from '../api/get-idea-comments';

/** The discussion, oldest first, staff answers marked; members' text is shown as text, never as HTML. */
export function IdeaComments({ ideaId, first }: { ideaId: string; first: IdeaCommentPage }) {
  const comments = useIdeaComments(ideaId, first);
  return (
    <>
      <PagedList query={comments} noun="comments" loading="Loading comments…" empty={<p>No comments yet.</p>}>
        {(items) => (
          <ol className="tally-list idea-comments" aria-label="Comments">
            {items.map((comment) => (
              <li key={comment.id} className={comment.staffAnswer ? 'idea-comment--staff' : undefined}>
                <p className="idea-comment__meta">
                  <strong>{comment.authorName}</strong>{' '}
                  {comment.staffAnswer ? (
                    <span className="tally-badge tally-badge--ok">Staff answer</span>
                  ) : null}{' '}
                  <span className="tally-muted">
                    <DateTime value={comment.createdAt} />
                  </span>
                </p>
                <p className="idea-text">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
      </PagedList>
      <StaffAnswerForm ideaId={ideaId} />
    </>
  );
}

/** A comment under the staff member's name, shown to members as "Staff answer". */
function StaffAnswerForm({ ideaId }: { ideaId: string }) {
  const answer = useAnswerIdea();
  const [posted, setPosted] = useState('');
  const form = useForm({
    initialValues: { body: '' },
    labels: { body: 'Staff answer' },
    schema: CreateIdeaCommentSchema,
    toInput: (values) => values,
    onSubmit: (body) => answer.mutateAsync({ id: ideaId, body }),
    onSuccess: () => setPosted('Answer posted: members see it marked as a staff answer.'),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="tally-form" aria-label="Answer as staff">
      <TextAreaField
        form={form}
        name="body"
        rows={3}
        hint="Posted under your name and marked as a staff answer. Followers of the idea can read it."
      />
      <SubmitButton pending={form.pending} pendingText="Posting…">
        Post answer
      </SubmitButton>
      <p role="status" className="tally-muted">
        {form.pending ? '' : posted}
      </p>
    </Form>
  );
}
