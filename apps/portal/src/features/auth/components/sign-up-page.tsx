import { SignUpRequestSchema } from '@tally/domain';
import { Form, NewPasswordField, Page, SubmitButton, TextField, useForm, useSession } from '@tally/ui';
import { Link, Navigate } from 'react-router';
import {
  MEMBER_DETAIL_LABELS,
  MemberDetailsFields,
  memberDetailsInput,
} from '../../../components/member-details-fields';
import { useSignUp } from '../api/create-member';

export function SignUpPage() {
  const session = useSession();
  const signUp = useSignUp();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', phone: '', birthday: '', marketingConsent: false },
    labels: { name: 'Name', email: 'Email', password: 'Password', ...MEMBER_DETAIL_LABELS },
    schema: SignUpRequestSchema,
    toInput: (values) => ({
      name: values.name,
      email: values.email,
      password: values.password,
      ...memberDetailsInput(values),
    }),
    onSubmit: (body) => signUp.mutateAsync(body),
    codeFields: { EMAIL_TAKEN: 'email' },
  });

  // Signed in (straight after joining, or already): the member's home page.
  if (session.data) return <Navigate to="/" replace />;

  return (
    <Page title="Join Tally" lead="Earn points every time you shop, and see every point explained.">
      <Form form={form} className="tally-form" aria-label="Join Tally">
        <TextField form={form} name="name" autoComplete="name" />
        <TextField form={form} name="email" type="email" autoComplete="email" inputMode="email" />
        <NewPasswordField form={form} name="password" />
        <MemberDetailsFields form={form} />
        <SubmitButton pending={form.pending} pendingText="Creating your account…">
          Sign up
        </SubmitButton>
      </Form>
      <p>
        Already a member? <Link to="/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
