import { CloseAccountSchema } from '@tally/domain';
import { Form, Section, SubmitButton, TextField, useForm } from '@tally/ui';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { useCloseAccount } from '../api/close-account';

/** Where the welcome page reads that an account was just closed. */
export interface AccountClosedState {
  accountClosed: true;
}

export function CloseAccount() {
  const navigate = useNavigate();
  const close = useCloseAccount({
    beforeSignedOut: () =>
      flushSync(
        () =>
          void navigate('/', { replace: true, state: { accountClosed: true } satisfies AccountClosedState }),
      ),
  });
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    labels: { password: 'Password', confirm: 'Type CLOSE to confirm' },
    schema: CloseAccountSchema,
    toInput: (values) => values,
    onSubmit: (body) => close.mutateAsync(body),
    codeFields: { INVALID_CREDENTIALS: 'password' },
  });

  return (
    <Section title="Close your account">
      <div className="tally-warning">
        <p>Closing your account cannot be undone:</p>
        <ul>
          <li>Your personal data (name, email, phone, birthday) is erased.</li>
          <li>Your points are lost, including pending ones; they cannot be spent or moved.</li>
          <li>
            The records of points earned and spent are kept, without your name, because the programme’s books
            must still add up.
          </li>
        </ul>
        <p>Download your data first if you want a copy.</p>
      </div>
      <Form form={form} className="tally-form" aria-label="Close your account">
        <TextField form={form} name="password" type="password" autoComplete="current-password" />
        <TextField
          form={form}
          name="confirm"
          autoComplete="off"
          hint="Type the word CLOSE in capital letters."
        />
        <SubmitButton
          pending={form.pending}
          pendingText="Closing your account…"
          className="tally-button--danger"
        >
          Close my account
        </SubmitButton>
      </Form>
    </Section>
  );
}
