import { CreateStoreSchema } from '@tally/domain';
import { Form, SubmitButton, TextField, useForm } from '@tally/ui';
import { useCreateStore } from '../api/create-store';

const DEFAULT_TIMEZONE = 'Europe/London';

export function CreateStoreForm() {
  const create = useCreateStore();
  const form = useForm({
    initialValues: { code: '', name: '', address: '', timezone: DEFAULT_TIMEZONE },
    labels: { code: 'Store code', name: 'Store name', address: 'Address', timezone: 'Time zone' },
    schema: CreateStoreSchema,
    toInput: (values) => ({ ...values, address: values.address.trim() === '' ? undefined : values.address }),
    onSubmit: (body) => create.mutateAsync(body),
    codeFields: { STORE_CODE_TAKEN: 'code' },
    resetOnSuccess: true,
  });
  return (
    <Form form={form} className="tally-form" aria-label="New store">
      <TextField
        form={form}
        name="code"
        autoComplete="off"
        hint="2 to 20 letters, digits or dashes, e.g. LDN-01. Tills and reports use it."
      />
      <TextField form={form} name="name" autoComplete="off" />
      <TextField form={form} name="address" autoComplete="street-address" optional />
      <TextField
        form={form}
        name="timezone"
        autoComplete="off"
        hint="An IANA time zone such as Europe/London; the store’s days and opening hours follow it."
      />
      <SubmitButton pending={form.pending} pendingText="Creating the store…">
        Create store
      </SubmitButton>
      {form.succeeded && create.data ? (
        <p role="status" className="tally-notice">
          Store {create.data.name} ({create.data.code}) created.
        </p>
      ) : null}
    </Form>
  );
}
