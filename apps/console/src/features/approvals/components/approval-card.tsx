import { ApprovalDecisionSchema, ApprovalDenialSchema, formatCardNumber, type Approval } from '@tally/domain';
import { DateTime, ErrorState, fieldMessage, formatPoints, isApiError } from '@tally/ui';
import { useId, useRef, useState } from 'react';
import { storeName, type StoreList } from '../../../lib/stores';
import { useApproveApproval } from '../api/approve-approval';
import { useDenyApproval } from '../api/deny-approval';

const STATUS_LABELS: Readonly<Record<Approval['status'], string>> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  denied: 'Denied',
};

function points(n: number): string {
  return `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;
}

export interface ApprovalCardProps {
  approval: Approval;
  stores: StoreList;
  /** Announces a decision (or that someone else made it first) above the list, which is read again. */
  onDecided: (message: string) => void;
}

/**
 * One request. Approving makes the award now (a reason is optional); denying needs a reason, which the
 * audit log keeps. A text area, not a one-line input, so Enter never decides anything by accident.
 */
export function ApprovalCard({ approval, stores, onDecided }: ApprovalCardProps) {
  const headingId = useId();
  const reasonId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const approve = useApproveApproval();
  const deny = useDenyApproval();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const busy = approve.isPending || deny.isPending;
  const { member } = approval;

  const refuse = (message: string) => {
    setReasonError(fieldMessage('Reason', message));
    reasonRef.current?.focus();
  };

  const onError = (error: Error) => {
    if (isApiError(error) && error.code === 'ALREADY_DONE') {
      onDecided(
        `${member.name}’s request was already decided by someone else${error.detail ? `: ${error.detail}` : '.'}`,
      );
      return;
    }
    const reasonMessage = isApiError(error)
      ? error.errors.find((e) => e.field === 'reason')?.message
      : undefined;
    if (reasonMessage) setReasonError(fieldMessage('Reason', reasonMessage));
    setFailure(error);
  };

  const decide = (decision: 'approve' | 'deny') => {
    if (busy) return;
    setFailure(null);
    setReasonError(null);
    if (decision === 'deny') {
      const parsed = ApprovalDenialSchema.safeParse({ reason });
      if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'is required');
      deny.mutate(
        { id: approval.id, body: parsed.data },
        {
          onSuccess: (done) =>
            onDecided(`Denied: ${points(done.points)} for ${done.member.name} (receipt ${done.receiptRef}).`),
          onError,
        },
      );
      return;
    }
    const parsed = ApprovalDecisionSchema.safeParse(reason.trim() === '' ? {} : { reason });
    if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? 'is not valid');
    approve.mutate(
      { id: approval.id, body: parsed.data },
      {
        onSuccess: (done) =>
          onDecided(
            `Approved: ${points(done.points)} awarded to ${done.member.name} (receipt ${done.receiptRef}).`,
          ),
        onError,
      },
    );
  };

  const hintId = `${reasonId}-hint`;
  const errorId = `${reasonId}-error`;
  return (
    <article aria-labelledby={headingId} className="approval">
      <h2 id={headingId} className="approval__title">
        {member.name}: {points(approval.points)}
      </h2>
      <dl className="approval__facts">
        <div>
          <dt>Receipt</dt>
          <dd>{approval.receiptRef}</dd>
        </div>
        <div>
          <dt>Store</dt>
          <dd>{storeName(stores, approval.storeId)}</dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>{formatCardNumber(member.cardNumber)}</dd>
        </div>
        <div>
          <dt>Asked by</dt>
          <dd>{approval.requestedBy.name}</dd>
        </div>
        <div>
          <dt>Asked</dt>
          <dd>
            <DateTime value={approval.createdAt} />
          </dd>
        </div>
        <div>
          <dt>Why it needs approval</dt>
          <dd>{approval.limitReason}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[approval.status]}</dd>
        </div>
        {approval.decidedAt ? (
          <div>
            <dt>Decided</dt>
            <dd>
              <DateTime value={approval.decidedAt} />
            </dd>
          </div>
        ) : null}
        {approval.decisionReason ? (
          <div>
            <dt>Reason given</dt>
            <dd>{approval.decisionReason}</dd>
          </div>
        ) : null}
      </dl>
      {approval.status === 'pending' ? (
        <div className="approval__decide">
          <div className={reasonError ? 'tally-field tally-field--invalid' : 'tally-field'}>
            <label htmlFor={reasonId} className="tally-field__label">
              Reason
            </label>
            <p id={hintId} className="tally-field__hint">
              Needed to deny, optional to approve; kept in the audit log.
            </p>
            {reasonError ? (
              <p id={errorId} className="tally-field__error">
                <span className="tally-visually-hidden">Error: </span>
                {reasonError}
              </p>
            ) : null}
            <textarea
              ref={reasonRef}
              id={reasonId}
              rows={2}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${hintId} ${errorId}` : hintId}
            />
          </div>
          {failure ? <ErrorState error={failure} /> : null}
          <div className="tally-actions">
            <button
              type="button"
              aria-describedby={headingId}
              disabled={busy}
              onClick={() => decide('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="tally-button--danger"
              aria-describedby={headingId}
              disabled={busy}
              onClick={() => decide('deny')}
            >
              Deny
            </button>
            <span role="status" className="tally-muted">
              {approve.isPending ? 'Approving…' : deny.isPending ? 'Denying…' : ''}
            </span>
          </div>
        </div>
      ) : null}
    </article>
  );
}
