import { SignUpRequestSchema } from '@tally/domain';
import { Form, NewPasswordField, Page, SubmitButton, TextField, useForm, useSession } from '@tally/ui';
import { useEffect } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import {
  MEMBER_DETAIL_LABELS,
  MemberDetailsFields,
  memberDetailsInput,
} from '../../../components/member-details-fields';
import { useReferralCodeCheck } from '../api/check-referral-code';
import { useSignUp } from '../api/create-member';

export function SignUpPage() {
  const session = useSession();
  const signUp = useSignUp();
  // A friend's invitation link carries their code: `/sign-up?ref=CODE`.
  const invitedWith = (useSearchParams()[0].get('ref') ?? '').trim().slice(0, 40);
  const invitation = useReferralCodeCheck(invitedWith);
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      password: '',
      phone: '',
      birthday: '',
      marketingConsent: false,
      referralCode: invitedWith,
    },
    labels: {
      name: 'Name',
      email: 'Email',
      password: 'Password',
      ...MEMBER_DETAIL_LABELS,
      referralCode: 'Friend’s referral code',
    },
    schema: SignUpRequestSchema,
    toInput: (values) => ({
      name: values.name,
      email: values.email,
      password: values.password,
      ...memberDetailsInput(values),
      referralCode: values.referralCode.trim() || undefined,
    }),
    onSubmit: (body) => signUp.mutateAsync(body),
    codeFields: { EMAIL_TAKEN: 'email' },
  });

  // A code the link carried but that cannot be used is dropped, so it does not stop the sign-up.
  const dropInvitation = invitation.data?.valid === false && form.values.referralCode === invitedWith;
  const { setValue } = form;
  useEffect(() => {
    if (dropInvitation) setValue('referralCode', '');
  }, [dropInvitation, setValue]);

  // Signed in (straight after joining, or already): the member's home page.
  if (session.data) return <Navigate to="/" replace />;

  return (
    <Page title="Join Tally" lead="Earn points every time you shop, and see every point explained.">
      {invitedWith ? (
        <div role="status" className="tally-status">
          {invitation.data?.valid === true ? (
            <p>
              A friend invited you: their code is filled in below, and you both earn points after your first
              purchase.
            </p>
          ) : invitation.data?.valid === false ? (
            <p>The code in your invitation link is not valid. You can still join without it.</p>
          ) : null}
        </div>
      ) : null}
      <Form form={form} className="tally-form" aria-label="Join Tally">
        <TextField form={form} name="name" autoComplete="name" />
        <TextField form={form} name="email" type="email" autoComplete="email" inputMode="email" />
        <NewPasswordField form={form} name="password" />
        <MemberDetailsFields form={form} />
        <TextField
          form={form}
          name="referralCode"
          optional
          autoComplete="off"
          autoCapitalize="characters"
          hint="From a friend’s invitation; leave empty if you have none."
        />
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
