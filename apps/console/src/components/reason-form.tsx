import { ReasonBodySchema } from '@tally/domain';
import { Form, SubmitButton, TextField, useForm } from '@tally/ui';

export interface ReasonFormProps {
  /** Names the form, e.g. "Revoke key Till 1". */
  title: string;
  submitLabel: string;
  pendingText: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onDone: () => void;
  danger?: boolean;
}

/** Every staff action that changes access records why: a reason field, a confirm button and Cancel. */
export function ReasonForm({
  title,
  submitLabel,
  pendingText,
  onSubmit,
  onDone,
  danger = false,
}: ReasonFormProps) {
  const form = useForm({
    initialValues: { reason: '' },
    labels: { reason: 'Reason' },
    schema: ReasonBodySchema,
    toInput: (values) => values,
    onSubmit: ({ reason }) => onSubmit(reason),
    onSuccess: onDone,
  });
  return (
    <Form form={form} className="tally-form" aria-label={title}>
      <TextField form={form} name="reason" autoComplete="off" hint="Kept in the audit log." autoFocus />
      <SubmitButton
        pending={form.pending}
        pendingText={pendingText}
        className={danger ? 'tally-button--danger' : undefined}
        extra={
          <button type="button" className="tally-button--secondary" onClick={onDone} disabled={form.pending}>
            Cancel
          </button>
        }
      >
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
