import { CreateIdeaCommentSchema, type IdeaComment, type IdeaDetail } from '@tally/domain';
import { DateTime, ErrorState, Form, SubmitButton, TextAreaField, useForm } from '@tally/ui';
import { useState } from 'react';
import { useAddIdeaComment } from '../api/add-idea-comment';
import { useLaterComments } from '../api/get-idea-comments';
import { ideaProblem } from './idea-messages';

/**
 * The comments, oldest first: the first page came with the idea; "Show more comments" reads the rest
 * a page at a time. Staff answers are marked.
 */
export function IdeaComments({ idea }: { idea: IdeaDetail }) {
  const [showMore, setShowMore] = useState(false);
  const later = useLaterComments(idea.id, idea.comments.nextCursor, showMore);
  const comments = [...idea.comments.items, ...(later.data?.pages.flatMap((page) => page.items) ?? [])];
  const more = showMore ? later.hasNextPage || later.isPending : idea.comments.nextCursor !== null;

  return (
    <>
      {comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ol className="tally-list idea-comments" aria-label="Comments">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
      {later.isError ? <ErrorState error={later.error} onRetry={() => void later.refetch()} /> : null}
      {more ? (
        <div className="tally-actions">
          <button
            type="button"
            className="tally-button--secondary"
            disabled={later.isFetching}
            onClick={() => (showMore ? void later.fetchNextPage() : setShowMore(true))}
          >
            Show more comments
          </button>
          <span role="status" className="tally-muted">
            {later.isFetching ? 'Loading more comments…' : ''}
          </span>
        </div>
      ) : null}
    </>
  );
}

function CommentItem({ comment }: { comment: IdeaComment }) {
  return (
    <li className={comment.staffAnswer ? 'idea-comment idea-comment--staff' : 'idea-comment'}>
      <p className="idea-comment__meta">
        <strong>{comment.authorName}</strong>
        {comment.staffAnswer ? <span className="tally-badge tally-badge--ok">Staff answer</span> : null}{' '}
        <span className="tally-muted">
          <DateTime value={comment.createdAt} />
        </span>
      </p>
      <p className="idea-text">{comment.body}</p>
    </li>
  );
}

export function AddIdeaComment({ ideaId }: { ideaId: string }) {
  const add = useAddIdeaComment(ideaId);
  const form = useForm({
    initialValues: { body: '' },
    labels: { body: 'Your comment' },
    schema: CreateIdeaCommentSchema,
    toInput: (values) => values,
    onSubmit: (body) =>
      add.mutateAsync(body).catch((error: unknown) => {
        throw ideaProblem(error, 'comment');
      }),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="tally-form" aria-label="Add a comment">
      <TextAreaField
        form={form}
        name="body"
        rows={4}
        maxLength={2000}
        hint="Plain text, up to 2,000 characters. Commenting does not follow the idea."
      />
      <SubmitButton pending={form.pending} pendingText="Posting your comment…">
        Post comment
      </SubmitButton>
      <p role="status" className="tally-status">
        {form.succeeded ? 'Your comment is posted.' : ''}
      </p>
    </Form>
  );
}
