import { FlagIdeaSchema, IdeaFlagReason, type IdeaFlagResult } from '@tally/domain';
import { Form, SelectField, SubmitButton, TextAreaField, useForm } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';
import { useFlagIdea } from '../api/flag-idea';
import { ideaProblem } from './idea-messages';

const REASON_LABELS: Record<IdeaFlagReason, string> = {
  spam: 'Spam or advertising',
  offensive: 'Offensive or abusive',
  off_topic: 'Not about our products or service',
  personal_data: 'It shares someone’s personal details',
  other: 'Something else',
};

/** The domain's request, with a plain word for a reason not chosen yet. */
const ReportSchema = FlagIdeaSchema.extend({
  reason: IdeaFlagReason.exclude([], 'Choose why you are reporting it'),
});

/** "Report": asks for a reason and a confirmation before the idea is flagged for the moderators. */
export function ReportIdea({ ideaId }: { ideaId: string }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<IdeaFlagResult | null>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const flag = useFlagIdea(ideaId);
  const form = useForm({
    initialValues: { reason: '', note: '' },
    labels: { reason: 'Why are you reporting it?', note: 'Anything the moderators should know' },
    schema: ReportSchema,
    toInput: (values) => ({
      reason: values.reason === '' ? undefined : values.reason,
      note: values.note.trim() === '' ? undefined : values.note,
    }),
    onSubmit: (body) =>
      flag.mutateAsync(body).catch((error: unknown) => {
        throw ideaProblem(error, 'report');
      }),
    onSuccess: (answer) => {
      setResult(answer);
      setOpen(false);
    },
  });

  // Opening moves focus to the question; cancelling gives it back to the Report button.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open) question.current?.focus();
    else if (returnFocus.current) reportButton.current?.focus();
    returnFocus.current = false;
  }, [open]);

  if (result) {
    return (
      <p role="status" className="tally-notice">
        Thank you for your report: the moderators will look at this idea.
        {result.returnedToReview ? ' It is hidden from the board until they have.' : ''}
      </p>
    );
  }
  if (!open) {
    return (
      <button
        ref={reportButton}
        type="button"
        className="tally-button--secondary"
        onClick={() => {
          form.reset();
          setOpen(true);
        }}
      >
        Report
      </button>
    );
  }
  return (
    <Form form={form} className="tally-form tally-card" aria-label="Report this idea">
      <p ref={question} tabIndex={-1}>
        Report this idea to the moderators? They check reported ideas and remove those that break the board’s
        rules.
      </p>
      <SelectField
        form={form}
        name="reason"
        placeholder="Choose a reason"
        options={IdeaFlagReason.options.map((value) => ({ value, label: REASON_LABELS[value] }))}
      />
      <TextAreaField form={form} name="note" optional rows={3} maxLength={500} />
      <SubmitButton
        pending={form.pending}
        pendingText="Sending your report…"
        extra={
          <button
            type="button"
            className="tally-button--secondary"
            disabled={form.pending}
            onClick={() => {
              returnFocus.current = true;
              setOpen(false);
            }}
          >
            Cancel
          </button>
        }
      >
        Send report
      </SubmitButton>
    </Form>
  );
}
