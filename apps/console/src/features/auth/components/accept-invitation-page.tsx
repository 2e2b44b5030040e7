import { AcceptInvitationSchema } from '@tally/domain';
import {
  BrokenLink,
  Form,
  NewPasswordField,
  Page,
  SubmitButton,
  TextField,
  useForm,
  useLinkToken,
  useSession,
} from '@tally/ui';
import { Navigate } from 'react-router';
import { useAcceptInvitation } from '../api/accept-invitation';

export function AcceptInvitationPage() {
  const token = useLinkToken();
  const session = useSession();
  const accept = useAcceptInvitation();
  const form = useForm({
    initialValues: { name: '', password: '' },
    labels: { name: 'Your name', password: 'Choose a password' },
    schema: AcceptInvitationSchema,
    toInput: (values) => ({
      token,
      password: values.password,
      name: values.name.trim() === '' ? undefined : values.name,
    }),
    onSubmit: (body) => accept.mutateAsync(body),
  });

  // Accepting signs the new staff member in: on to the console's home page.
  if (form.succeeded && session.data) return <Navigate to="/" replace />;

  return (
    <Page title="Join the Tally console" lead="Choose a password to finish setting up your staff account.">
      {!token ? (
        <BrokenLink>
          <p>Ask an admin to send you a new invitation.</p>
        </BrokenLink>
      ) : (
        <Form form={form} className="tally-form" aria-label="Accept the invitation">
          <TextField
            form={form}
            name="name"
            autoComplete="name"
            optional
            hint="Leave empty to keep the name your invitation was sent with."
          />
          <NewPasswordField form={form} name="password" />
          <SubmitButton pending={form.pending} pendingText="Setting up your account…">
            Accept invitation
          </SubmitButton>
        </Form>
      )}
    </Page>
  );
}
