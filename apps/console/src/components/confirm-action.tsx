import { ErrorState } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';

/** What a confirmed action needs of its mutation (a TanStack Query `useMutation` result fits). */
export interface ConfirmableMutation {
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: Error | null;
  reset: () => void;
}

/**
 * A button for an action that cannot be taken back: it first asks (the confirm button takes focus),
 * then runs, says when it is done and shows why it was refused.
 */
export function ConfirmAction({
  mutation,
  run,
  label,
  question,
  confirmLabel,
  pendingText,
  doneText,
  offered = true,
}: {
  mutation: ConfirmableMutation;
  /** Starts the action; calls `done` when it succeeded (a refusal keeps the question open). */
  run: (done: () => void) => void;
  label: string;
  question: string;
  confirmLabel: string;
  pendingText: string;
  doneText: string;
  /** False once the action no longer applies (e.g. after it was done): only the outcome stays. */
  offered?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  return (
    <>
      {!offered ? null : confirming ? (
        <div className="tally-warning" role="group" aria-label={confirmLabel}>
          <p>{question}</p>
          <div className="row-actions">
            <button
              ref={confirmRef}
              type="button"
              className="tally-button--danger"
              disabled={mutation.isPending}
              onClick={() => run(() => setConfirming(false))}
            >
              {confirmLabel}
            </button>
            <button type="button" className="tally-button--secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="tally-button--secondary"
          onClick={() => {
            mutation.reset();
            setConfirming(true);
          }}
        >
          {label}
        </button>
      )}
      <p role="status" className="tally-muted">
        {mutation.isPending ? pendingText : mutation.isSuccess ? doneText : ''}
      </p>
      {mutation.isError && mutation.error ? <ErrorState error={mutation.error} /> : null}
    </>
  );
}
