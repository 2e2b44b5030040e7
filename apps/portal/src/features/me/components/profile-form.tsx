import { UpdateProfileSchema, type MeResponse } from '@tally/domain';
import { Form, SubmitButton, TextField, useForm } from '@tally/ui';
import {
  MEMBER_DETAIL_LABELS,
  MemberDetailsFields,
  memberDetailsInput,
} from '../../../components/member-details-fields';
import { useUpdateMe } from '../api/update-me';

export function ProfileForm({ me }: { me: MeResponse }) {
  const update = useUpdateMe();
  const form = useForm({
    initialValues: {
      name: me.name,
      phone: me.phone ?? '',
      birthday: me.birthday ?? '',
      marketingConsent: me.marketingConsent,
    },
    labels: { name: 'Name', ...MEMBER_DETAIL_LABELS },
    schema: UpdateProfileSchema,
    toInput: (values) => ({ name: values.name, ...memberDetailsInput(values) }),
    onSubmit: (body) => update.mutateAsync(body),
  });

  return (
    <Form form={form} className="tally-form" aria-label="Your details">
      <TextField form={form} name="name" autoComplete="name" />
      <MemberDetailsFields form={form} />
      <SubmitButton pending={form.pending} pendingText="Saving…">
        Save profile
      </SubmitButton>
      {form.succeeded ? (
        <p role="status" className="tally-notice">
          Your profile is saved.
        </p>
      ) : null}
    </Form>
  );
}
