import { CreateWebhookEndpointSchema } from '@tally/domain';
import { CheckboxGroupField, Form, SubmitButton, TextField, useForm } from '@tally/ui';
import { SecretNotice } from '../../../components/secret-notice';
import { useCreateWebhook } from '../api/create-webhook';
import { EVENT_OPTIONS, WEBHOOK_LABELS, type WebhookFormValues } from '../lib/webhook-events';

const EMPTY: WebhookFormValues = { url: '', description: '', events: [] };

export function CreateWebhookForm() {
  const create = useCreateWebhook();
  const form = useForm({
    initialValues: EMPTY,
    labels: WEBHOOK_LABELS,
    schema: CreateWebhookEndpointSchema,
    toInput: (values) => ({ url: values.url.trim(), description: values.description, events: values.events }),
    onSubmit: (body) => create.mutateAsync(body),
    resetOnSuccess: true,
  });

  if (create.data) {
    return (
      <SecretNotice
        label="New webhook endpoint"
        title={`Endpoint ${create.data.url} added: copy its signing secret now`}
        secret={create.data.secret}
        copyLabel="Copy secret"
        onDone={() => create.reset()}
      >
        <p>
          <strong>This is the only time the secret is shown.</strong> Your receiver needs it to check the
          <code> Tally-Signature</code> header. If it is lost, rotate the secret.
        </p>
      </SecretNotice>
    );
  }

  return (
    <Form form={form} className="tally-form" aria-label="New webhook endpoint">
      <TextField
        form={form}
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        hint="HTTPS. Plain http only to localhost while developing."
      />
      <TextField form={form} name="description" optional hint="What receives it, e.g. CRM sync." />
      <CheckboxGroupField form={form} name="events" options={EVENT_OPTIONS} />
      <SubmitButton pending={form.pending} pendingText="Adding the endpoint…">
        Add endpoint
      </SubmitButton>
    </Form>
  );
}
