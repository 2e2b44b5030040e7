import { CheckoutRedeemRequestSchema, type MemberSummary, type ProblemFieldError } from '@tally/domain';
import { formatPoints, isApiError, issuesToFieldErrors, Section } from '@tally/ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useCheckoutRedeem } from '../api/checkout-redeem';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { parseWholeNumber } from '../lib/money';
import type { CheckoutOutcome } from './checkout-result';
import { ErrorSummaryBox, Field, retryAdvice, sortErrors, useFormErrors, type FieldSpec } from './form-kit';
import type { StoreChoice } from './use-store-choice';

export interface RedeemFormProps {
  member: MemberSummary;
  /** The sale's receipt, which the points pay towards. */
  receiptId: string;
  receiptFieldId: string;
  store: StoreChoice;
  /** The sale is finished: redeem towards the next one. */
  disabled: boolean;
  onRedeemed: (outcome: CheckoutOutcome) => void;
}

/** Spends points towards the sale's receipt; one Idempotency-Key per redemption, kept for its retries. */
export function RedeemForm({
  member,
  receiptId,
  receiptFieldId,
  store,
  disabled,
  onRedeemed,
}: RedeemFormProps) {
  const redeem = useCheckoutRedeem();
  const kit = useFormErrors();
  const pointsId = useId();
  const [points, setPoints] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const busy = redeem.isPending;

  const specs: FieldSpec[] = [
    ...(store.required ? [{ name: 'storeId', label: 'Store', id: store.fieldId }] : []),
    { name: 'receiptId', label: 'Receipt id', id: receiptFieldId },
    { name: 'points', label: 'Points to redeem', id: pointsId },
  ];
  const sorted = sortErrors(kit, specs, { member: 'Member', 'member.memberId': 'Member' });
  const short = kit.failure && isApiError(kit.failure) && kit.failure.code === 'INSUFFICIENT_POINTS';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current || disabled) return;
    const errors: ProblemFieldError[] = [];
    if (store.required && !store.forRequest)
      errors.push({ field: 'storeId', message: 'is required: choose the store you are working in' });
    if (receiptId.trim() === '')
      errors.push({ field: 'receiptId', message: 'is required: enter the sale’s receipt id first' });
    const amount = parseWholeNumber(points);
    if (points.trim() === '') errors.push({ field: 'points', message: 'is required' });
    else if (amount === null || amount < 1)
      errors.push({ field: 'points', message: 'must be a whole number of at least 1' });
    const parsed = CheckoutRedeemRequestSchema.safeParse({
      member: { memberId: member.id },
      ...(store.forRequest ? { storeId: store.forRequest } : {}),
      points: amount ?? Number.NaN,
      receiptId,
    });
    if (!parsed.success) errors.push(...issuesToFieldErrors(parsed.error.issues));
    if (!parsed.success || errors.length > 0) {
      kit.fail(errors);
      return;
    }
    kit.clear();
    inFlight.current = true;
    const memberName = member.name;
    const body = parsed.data;
    redeem.mutate(
      { idempotencyKey, body },
      {
        onSuccess: (response) => {
          // The next redemption is a new action with a key of its own.
          setIdempotencyKey(newIdempotencyKey());
          setPoints('');
          onRedeemed({ kind: 'redeem', memberName, receiptId: body.receiptId ?? receiptId.trim(), response });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'STORE_REQUIRED') store.force();
          kit.fail(isApiError(error) ? error.errors : [], error);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  return (
    <Section title="Redeem points">
      <form
        aria-label="Redeem points"
        className="tally-form"
        noValidate
        onSubmit={submit}
        aria-busy={busy || undefined}
      >
        <ErrorSummaryBox
          kit={kit}
          fields={specs}
          sorted={sorted}
          // The balance is read again after a refusal, so this is today's figure, not the screen's old one.
          title={short ? `Not enough points: ${formatPoints(member.balance.available)} available` : undefined}
          advice={retryAdvice(kit.failure, 'Redeem points')}
        />
        <Field
          id={pointsId}
          label="Points to redeem"
          hint={
            <>
              {formatPoints(member.balance.available)} available. Pays towards receipt{' '}
              {receiptId.trim() === '' ? '(enter the sale’s receipt id above)' : receiptId.trim()}.
            </>
          }
          error={sorted.inline('points')}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              value={points}
              onChange={(event) => {
                setPoints(event.target.value);
                kit.touch('points');
              }}
              autoComplete="off"
              disabled={disabled}
              required
            />
          )}
        </Field>
        <div className="tally-actions">
          <button type="submit" disabled={busy || disabled}>
            Redeem points
          </button>
          <span role="status" className="tally-muted">
            {busy ? 'Redeeming points…' : ''}
          </span>
        </div>
      </form>
    </Section>
  );
}
