import { InviteStaffSchema } from '@tally/domain';
import { CheckboxGroupField, Form, SelectField, SubmitButton, TextField, useForm } from '@tally/ui';
import { storeOptions, type StoreList } from '../../../lib/stores';
import { useInviteStaff } from '../api/invite-staff';
import { ROLE_OPTIONS, STORES_HINT } from './roles';

export function InviteStaffForm({ stores }: { stores: StoreList }) {
  const invite = useInviteStaff();
  const form = useForm({
    initialValues: { email: '', name: '', role: 'cashier', storeIds: [] as string[] },
    labels: { email: 'Email', name: 'Name', role: 'Role', storeIds: 'Stores' },
    schema: InviteStaffSchema,
    toInput: (values) => values,
    onSubmit: (body) => invite.mutateAsync(body),
    codeFields: { EMAIL_TAKEN: 'email' },
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="tally-form" aria-label="Invite a staff member">
      <TextField form={form} name="email" type="email" autoComplete="off" inputMode="email" />
      <TextField form={form} name="name" autoComplete="off" />
      <SelectField form={form} name="role" options={ROLE_OPTIONS} />
      <CheckboxGroupField
        form={form}
        name="storeIds"
        options={storeOptions(stores)}
        hint={STORES_HINT}
        emptyText={stores ? 'No stores yet: add one on the Stores page first.' : 'Loading stores…'}
      />
      <SubmitButton pending={form.pending} pendingText="Sending the invitation…">
        Invite
      </SubmitButton>
      {form.succeeded && invite.data ? (
        <p role="status" className="tally-notice">
          Invitation sent to {invite.data.email}. It is in the outbox until it is delivered.
        </p>
      ) : null}
    </Form>
  );
}
