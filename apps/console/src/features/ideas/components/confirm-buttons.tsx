import { SubmitButton } from '@tally/ui';
import type { ReactNode } from 'react';

export interface ConfirmButtonsProps {
  /** The confirm button's name, e.g. "Confirm merge". */
  children: ReactNode;
  pending: boolean;
  pendingText: string;
  /** A decision that takes something away (decline, merge) looks like one. */
  danger?: boolean;
  onCancel: () => void;
}

/** The last step of every staff decision on an idea: confirm (disabled while it is sent) or cancel. */
export function ConfirmButtons({
  children,
  pending,
  pendingText,
  danger = false,
  onCancel,
}: ConfirmButtonsProps) {
  return (
    <SubmitButton
      pending={pending}
      pendingText={pendingText}
      className={danger ? 'tally-button--danger' : undefined}
      extra={
        <button type="button" className="tally-button--secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      }
    >
      {children}
    </SubmitButton>
  );
}
