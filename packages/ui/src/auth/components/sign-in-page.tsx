import { LoginRequestSchema, type Audience } from '@tally/domain';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { TextField } from '../../forms/fields.js';
import { Form, SubmitButton } from '../../forms/form.js';
import { useForm } from '../../forms/use-form.js';
import { Page } from '../../page/page.js';
import { useSession } from '../api/get-session.js';
import { useLogin } from '../api/login.js';
import { returnPath } from './require-session.js';

export interface SignInPageProps {
  audience: Audience;
  lead?: ReactNode;
  /** Links under the form: forgotten password, sign up. */
  children?: ReactNode;
}

export function SignInPage({ audience, lead, children }: SignInPageProps) {
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const form = useForm({
    initialValues: { email: '', password: '' },
    labels: { email: 'Email', password: 'Password' },
    schema: LoginRequestSchema,
    toInput: (values) => ({ ...values, audience }),
    onSubmit: (request) => login.mutateAsync(request),
  });

  // Signed in (now, or already when the page opened): on to where the user was going.
  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  return (
    <Page title="Sign in" lead={lead}>
      <Form form={form} className="tally-form" aria-label="Sign in">
        <TextField form={form} name="email" type="email" autoComplete="username" inputMode="email" />
        <TextField form={form} name="password" type="password" autoComplete="current-password" />
        <SubmitButton pending={form.pending} pendingText="Signing in…">
          Sign in
        </SubmitButton>
      </Form>
      {children}
    </Page>
  );
}
