import {
  ApproveClaimSchema,
  DenyClaimSchema,
  formatCardNumber,
  type ClaimMatch,
  type StaffClaim,
} from '@tally/domain';
import {
  DateTime,
  ErrorState,
  fieldMessage,
  formatAmount,
  formatDate,
  formatPoints,
  isApiError,
} from '@tally/ui';
import { useId, useRef, useState } from 'react';
import { useDecideClaim } from '../api/decide-claim';

const STATE_LABELS: Readonly<Record<StaffClaim['state'], string>> = {
  submitted: 'Waiting for a decision',
  approved: 'Approved',
  denied: 'Denied',
};

function points(n: number): string {
  return `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;
}

/** The till's side of the claim, in words. */
export function matchSummary(match: ClaimMatch, currency: string): string {
  const recorded = match.recordedAmount === null ? '' : formatAmount(match.recordedAmount, currency);
  const differs = match.amountDiffers ? ` The claimed amount differs from the till’s ${recorded}.` : '';
  switch (match.status) {
    case 'not_found':
      return 'No till record of this receipt in this store.';
    case 'found':
      return `The till has this receipt (${recorded}) but it earned no points.${differs}`;
    case 'already_credited':
      return `Already credited ${match.creditedBy === 'claim' ? 'through a claim' : 'at the till'}: it cannot earn again.${differs}`;
  }
}

export interface ClaimCardProps {
  claim: StaffClaim;
  /** Announces a decision (or that someone else made it first) above the list, which is read again. */
  onDecided: (message: string) => void;
}

type FieldErrors = Partial<Record<'points' | 'reason', string>>;

/** One claim: what the member says, what the till knows, and approve (points editable) or deny, each with a reason. */
export function ClaimCard({ claim, onDecided }: ClaimCardProps) {
  const headingId = useId();
  const pointsId = useId();
  const reasonId = useId();
  const pointsRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const decide = useDecideClaim();
  const [pointsText, setPointsText] = useState(String(claim.match.suggestedPoints));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Error | null>(null);
  const { member, match } = claim;
  const labels = { points: 'Points', reason: 'Reason' } as const;

  const show = (found: FieldErrors) => {
    setErrors(found);
    if (found.points) pointsRef.current?.focus();
    else if (found.reason) reasonRef.current?.focus();
  };

  const onError = (error: Error) => {
    if (isApiError(error) && error.code === 'CLAIM_ALREADY_DECIDED') {
      onDecided(`The claim for receipt ${claim.receiptRef} was already answered by someone else.`);
      return;
    }
    if (isApiError(error)) {
      const found: FieldErrors = {};
      for (const e of error.errors)
        if (e.field === 'points' || e.field === 'reason')
          found[e.field] = fieldMessage(labels[e.field], e.message);
      show(found);
    }
    setFailure(error);
  };

  const submit = (decision: 'approve' | 'deny') => {
    if (decide.isPending) return;
    setFailure(null);
    const parsed =
      decision === 'approve'
        ? ApproveClaimSchema.safeParse({
            points: pointsText.trim() === '' ? Number.NaN : Number(pointsText),
            reason,
          })
        : DenyClaimSchema.safeParse({ reason });
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'points' || field === 'reason') && !found[field])
          found[field] = fieldMessage(labels[field], issue.message);
      }
      return show(found);
    }
    setErrors({});
    decide.mutate(
      decision === 'approve'
        ? { id: claim.id, decision, body: parsed.data }
        : { id: claim.id, decision, body: parsed.data },
      {
        onSuccess: (done) =>
          onDecided(
            done.state === 'approved'
              ? `Approved: ${points(done.points ?? 0)} credited to ${member.name} (receipt ${done.receiptRef}).`
              : `Denied: the claim for receipt ${done.receiptRef}; ${member.name} sees your reason.`,
          ),
        onError,
      },
    );
  };

  const described = (id: string, field: keyof FieldErrors) =>
    errors[field] ? `${id}-hint ${id}-error` : `${id}-hint`;
  const errorText = (id: string, field: keyof FieldErrors) =>
    errors[field] ? (
      <p id={`${id}-error`} className="tally-field__error">
        <span className="tally-visually-hidden">Error: </span>
        {errors[field]}
      </p>
    ) : null;

  return (
    <article aria-labelledby={headingId} className="approval">
      <h2 id={headingId} className="approval__title">
        {member.name}: receipt {claim.receiptRef}
      </h2>
      <dl className="approval__facts">
        <div>
          <dt>Store</dt>
          <dd>{claim.store.name}</dd>
        </div>
        <div>
          <dt>Card</dt>
          <dd>{formatCardNumber(member.cardNumber)}</dd>
        </div>
        <div>
          <dt>Bought on</dt>
          <dd>{formatDate(claim.purchasedOn)}</dd>
        </div>
        <div>
          <dt>Claimed total</dt>
          <dd>{formatAmount(claim.amount, claim.currency)}</dd>
        </div>
        <div>
          <dt>Claimed</dt>
          <dd>
            <DateTime value={claim.createdAt} />
          </dd>
        </div>
        {claim.note ? (
          <div>
            <dt>Member’s note</dt>
            <dd>{claim.note}</dd>
          </div>
        ) : null}
        {claim.state === 'submitted' ? (
          <>
            <div>
              <dt>Till record</dt>
              <dd>{matchSummary(match, claim.currency)}</dd>
            </div>
            <div>
              <dt>Suggested</dt>
              <dd>
                {points(match.suggestedPoints)} (
                {match.suggestionBasis === 'receipt_lines'
                  ? 'the earn rules on the till’s receipt lines'
                  : 'the base rate on the claimed total'}
                )
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>Status</dt>
          <dd>
            {STATE_LABELS[claim.state]}
            {claim.state === 'approved' && claim.points !== null ? `: ${points(claim.points)}` : ''}
          </dd>
        </div>
        {claim.decidedAt ? (
          <div>
            <dt>Answered</dt>
            <dd>
              <DateTime value={claim.decidedAt} />
              {claim.decidedBy ? ` by ${claim.decidedBy.name}` : ''}
            </dd>
          </div>
        ) : null}
        {claim.answer ? (
          <div>
            <dt>Reason given</dt>
            <dd>{claim.answer}</dd>
          </div>
        ) : null}
      </dl>
      {claim.state === 'submitted' ? (
        <div className="approval__decide">
          <div className={errors.points ? 'tally-field tally-field--invalid' : 'tally-field'}>
            <label htmlFor={pointsId} className="tally-field__label">
              Points
            </label>
            <p id={`${pointsId}-hint`} className="tally-field__hint">
              Credited if you approve; change the suggestion if the receipt says otherwise.
            </p>
            {errorText(pointsId, 'points')}
            <input
              ref={pointsRef}
              id={pointsId}
              inputMode="numeric"
              value={pointsText}
              onChange={(event) => {
                setPointsText(event.target.value);
                setErrors((e) => ({ ...e, points: undefined }));
              }}
              aria-invalid={errors.points ? true : undefined}
              aria-describedby={described(pointsId, 'points')}
            />
          </div>
          <div className={errors.reason ? 'tally-field tally-field--invalid' : 'tally-field'}>
            <label htmlFor={reasonId} className="tally-field__label">
              Reason
            </label>
            <p id={`${reasonId}-hint`} className="tally-field__hint">
              Needed either way: the member sees it, on their statement when you approve.
            </p>
            {errorText(reasonId, 'reason')}
            <textarea
              ref={reasonRef}
              id={reasonId}
              rows={2}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setErrors((e) => ({ ...e, reason: undefined }));
              }}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={described(reasonId, 'reason')}
            />
          </div>
          {failure ? <ErrorState error={failure} /> : null}
          <div className="tally-actions">
            <button
              type="button"
              aria-describedby={headingId}
              disabled={decide.isPending}
              onClick={() => submit('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="tally-button--danger"
              aria-describedby={headingId}
              disabled={decide.isPending}
              onClick={() => submit('deny')}
            >
              Deny
            </button>
            <span role="status" className="tally-muted">
              {decide.isPending ? 'Sending…' : ''}
            </span>
          </div>
        </div>
      ) : null}
    </article>
  );
}
