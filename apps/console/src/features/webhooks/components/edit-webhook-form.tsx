import { UpdateWebhookEndpointSchema, type WebhookEndpoint } from '@tally/domain';
import { CheckboxGroupField, Form, SubmitButton, TextField, useForm } from '@tally/ui';
import { useUpdateWebhook } from '../api/update-webhook';
import { EVENT_OPTIONS, WEBHOOK_LABELS, type WebhookFormValues } from '../lib/webhook-events';

export function EditWebhookForm({ endpoint, onDone }: { endpoint: WebhookEndpoint; onDone: () => void }) {
  const update = useUpdateWebhook();
  const initial: WebhookFormValues = {
    url: endpoint.url,
    description: endpoint.description,
    events: [...endpoint.events],
  };
  const form = useForm({
    initialValues: initial,
    labels: WEBHOOK_LABELS,
    schema: UpdateWebhookEndpointSchema,
    toInput: (values) => ({ url: values.url.trim(), description: values.description, events: values.events }),
    onSubmit: (body) => update.mutateAsync({ id: endpoint.id, body }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} className="tally-form" aria-label={`Edit endpoint ${endpoint.url}`}>
      <TextField form={form} name="url" type="url" inputMode="url" autoComplete="off" />
      <TextField form={form} name="description" optional />
      <CheckboxGroupField form={form} name="events" options={EVENT_OPTIONS} />
      <div className="tally-actions">
        <SubmitButton pending={form.pending} pendingText="Saving…">
          Save endpoint
        </SubmitButton>
        <button type="button" className="tally-button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </Form>
  );
}
