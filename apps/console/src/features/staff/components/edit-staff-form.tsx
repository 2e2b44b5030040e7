import { UpdateStaffSchema, type StaffUser } from '@tally/domain';
import { CheckboxGroupField, Form, SelectField, SubmitButton, TextField, useForm } from '@tally/ui';
import { storeOptions, type StoreList } from '../../../lib/stores';
import { useUpdateStaff } from '../api/update-staff';
import { ROLE_OPTIONS, STORES_HINT } from './roles';

export function EditStaffForm({
  staff,
  stores,
  onDone,
}: {
  staff: StaffUser;
  stores: StoreList;
  onDone: () => void;
}) {
  const update = useUpdateStaff();
  const form = useForm({
    initialValues: { role: String(staff.role), storeIds: staff.storeIds, reason: '' },
    labels: { role: 'Role', storeIds: 'Stores', reason: 'Reason' },
    schema: UpdateStaffSchema,
    toInput: (values) => values,
    onSubmit: (body) => update.mutateAsync({ id: staff.id, body }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} className="tally-form" aria-label={`Change role and stores of ${staff.name}`}>
      <SelectField form={form} name="role" options={ROLE_OPTIONS} />
      <CheckboxGroupField form={form} name="storeIds" options={storeOptions(stores)} hint={STORES_HINT} />
      <TextField form={form} name="reason" autoComplete="off" hint="Kept in the audit log." />
      <SubmitButton
        pending={form.pending}
        pendingText="Saving…"
        extra={
          <button type="button" className="tally-button--secondary" onClick={onDone} disabled={form.pending}>
            Cancel
          </button>
        }
      >
        Save changes
      </SubmitButton>
    </Form>
  );
}
