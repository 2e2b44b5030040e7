import { CreatePosKeySchema } from '@tally/domain';
import { Form, SelectField, SubmitButton, TextField, useForm } from '@tally/ui';
import { storeOptions, type StoreList } from '../../../lib/stores';
import { useCreatePosKey } from '../api/create-pos-key';
import { CreatedKeyNotice } from './created-key-notice';

export function CreatePosKeyForm({ stores }: { stores: StoreList }) {
  const create = useCreatePosKey();
  const form = useForm({
    initialValues: { storeId: '', name: '' },
    labels: { storeId: 'Store', name: 'Key name' },
    schema: CreatePosKeySchema,
    toInput: (values) => values,
    onSubmit: (body) => create.mutateAsync(body),
    resetOnSuccess: true,
  });

  if (create.data) return <CreatedKeyNotice posKey={create.data} onDone={() => create.reset()} />;

  return (
    <Form form={form} className="tally-form" aria-label="New POS key">
      <SelectField
        form={form}
        name="storeId"
        options={storeOptions(stores)}
        placeholder={stores ? 'Choose a store' : 'Loading stores…'}
      />
      <TextField
        form={form}
        name="name"
        autoComplete="off"
        hint="Which till or system uses it, e.g. Till 3 or Web shop."
      />
      <SubmitButton pending={form.pending} pendingText="Creating the key…">
        Create key
      </SubmitButton>
    </Form>
  );
}
