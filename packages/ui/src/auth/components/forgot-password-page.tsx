import { PasswordResetRequestSchema, type Audience } from '@tally/domain';
import { Link } from 'react-router';
import { TextField } from '../../forms/fields.js';
import { Form, SubmitButton } from '../../forms/form.js';
import { useForm } from '../../forms/use-form.js';
import { Page } from '../../page/page.js';
import { useRequestPasswordReset } from '../api/request-password-reset.js';

export function ForgotPasswordPage({
  audience,
  signInPath = '/sign-in',
}: {
  audience: Audience;
  signInPath?: string;
}) {
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    labels: { email: 'Email' },
    schema: PasswordResetRequestSchema,
    toInput: (values) => ({ ...values, audience }),
    onSubmit: (body) => request.mutateAsync(body),
  });

  return (
    <Page title="Reset your password" lead="We will email you a link to choose a new password.">
      {form.succeeded && request.data ? (
        <div role="status" className="tally-notice">
          <p>{request.data.message}</p>
          <p>The link works once and expires soon. Check your spam folder if nothing arrives.</p>
        </div>
      ) : (
        <Form form={form} className="tally-form" aria-label="Reset your password">
          <TextField form={form} name="email" type="email" autoComplete="email" inputMode="email" />
          <SubmitButton pending={form.pending} pendingText="Sending…">
            Send reset link
          </SubmitButton>
        </Form>
      )}
      <p>
        <Link to={signInPath}>Back to sign in</Link>
      </p>
    </Page>
  );
}
