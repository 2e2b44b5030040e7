import { PasswordResetConfirmSchema } from '@tally/domain';
import { Link } from 'react-router';
import { NewPasswordField } from '../../forms/fields.js';
import { Form, SubmitButton } from '../../forms/form.js';
import { useForm } from '../../forms/use-form.js';
import { Page } from '../../page/page.js';
import { useConfirmPasswordReset } from '../api/confirm-password-reset.js';
import { BrokenLink, useLinkToken } from './link-token.js';

export function ResetPasswordPage({
  signInPath = '/sign-in',
  forgotPasswordPath = '/forgot-password',
}: {
  signInPath?: string;
  forgotPasswordPath?: string;
}) {
  const token = useLinkToken();
  const confirm = useConfirmPasswordReset();
  const form = useForm({
    initialValues: { password: '' },
    labels: { password: 'New password' },
    schema: PasswordResetConfirmSchema,
    toInput: (values) => ({ ...values, token }),
    onSubmit: (body) => confirm.mutateAsync(body),
  });
  const newLink = <Link to={forgotPasswordPath}>Ask for a new link</Link>;

  return (
    <Page title="Choose a new password">
      {!token ? (
        <BrokenLink>
          <p>{newLink}</p>
        </BrokenLink>
      ) : form.succeeded ? (
        <div role="status" className="tally-notice">
          <p>Your password is changed, and every session of your account was signed out.</p>
          <p>
            <Link to={signInPath}>Sign in with your new password</Link>
          </p>
        </div>
      ) : (
        <>
          <Form form={form} className="tally-form" aria-label="Choose a new password">
            <NewPasswordField form={form} name="password" />
            <SubmitButton pending={form.pending} pendingText="Saving…">
              Set new password
            </SubmitButton>
          </Form>
          <p>Link expired or already used? {newLink}</p>
        </>
      )}
    </Page>
  );
}
