/**
 * @jest-environment ./test/jsdom-environment.js
 */
import { CreateStoreSchema, ReasonBodySchema, StoreSchema, type Store } from '@tally/domain';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ApiClient } from '../api-client.js';
import { createApiClient } from '../api-client.js';
import { TextAreaField, TextField } from '../forms/fields.js';
import { Form, SubmitButton } from '../forms/form.js';
import { useForm } from '../forms/use-form.js';
import { sendJson, sendProblem, startTestServer, type TestServer } from '../testing/test-server.js';

const store: Store = {
  id: '1b7e2c1a-0f5e-4d3c-9a8b-7c6d5e4f3a2b',
  code: 'LDN-1',
  name: 'London',
  address: null,
  timezone: 'Europe/London',
  createdAt: '2025-01-01T00:00:00.000Z',
};

function StoreForm({ client, path }: { client: ApiClient; path: string }) {
  const form = useForm({
    initialValues: { code: '', name: '' },
    labels: { code: 'Store code', name: 'Name' },
    schema: CreateStoreSchema,
    toInput: (values) => values,
    onSubmit: (body) => client.post(path, body, StoreSchema),
    codeFields: { STORE_CODE_TAKEN: 'code' },
  });
  return (
    <Form form={form} aria-label="New store">
      <TextField form={form} name="code" hint="Letters, digits and dashes." />
      <TextField form={form} name="name" />
      <SubmitButton pending={form.pending}>Create store</SubmitButton>
      {form.succeeded ? <p role="status">Store created</p> : null}
    </Form>
  );
}

describe('useForm with Form, TextField and SubmitButton', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      'POST /slow': (_req, res) => setTimeout(() => sendJson(res, 201, store), 150),
      'POST /taken': (_req, res) =>
        sendProblem(
          res,
          409,
          { code: 'STORE_CODE_TAKEN', title: 'A store with this code already exists' },
          'req-409',
        ),
      'POST /invalid': (_req, res) =>
        sendProblem(res, 400, {
          code: 'VALIDATION_FAILED',
          title: 'The request is not valid',
          detail: '1 field is invalid',
          errors: [{ field: 'name', message: 'must be at least 2 characters' }],
        }),
    });
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  function fill(label: string, value: string) {
    fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
  }

  it('checks the domain schema before sending: messages beside the fields, wired with aria, summary focused', async () => {
    render(<StoreForm client={createApiClient({ baseUrl: server.baseUrl })} path="/slow" />);
    fill('Store code', 'x');

    fireEvent.click(screen.getByRole('button', { name: 'Create store' }));

    const code = screen.getByRole('textbox', { name: 'Store code' });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (code.getAttribute('aria-describedby') ?? '').split(' ');
    const descriptions = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(descriptions).toEqual([
      'Letters, digits and dashes.',
      'Error: Store code must be 2 to 20 letters, digits or dashes',
    ]);
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');

    const summary = screen.getByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Store code must be 2 to 20 letters, digits or dashes', 'Name must be at least 2 characters']);
    expect(server.requests).toHaveLength(0);
  });

  it('clears a field’s message once it is edited', () => {
    render(<StoreForm client={createApiClient({ baseUrl: server.baseUrl })} path="/slow" />);
    fireEvent.click(screen.getByRole('button', { name: 'Create store' }));
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');

    fill('Name', 'London');

    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('sends once however often it is submitted while the request runs, and disables the button meanwhile', async () => {
    render(<StoreForm client={createApiClient({ baseUrl: server.baseUrl })} path="/slow" />);
    fill('Store code', 'ldn-1');
    fill('Name', 'London');
    const form = screen.getByRole('form', { name: 'New store' });

    fireEvent.submit(form);
    fireEvent.submit(form);
    fireEvent.click(screen.getByRole('button', { name: 'Create store' }));

    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Create store' }).disabled).toBe(true);
    expect(await screen.findByText('Store created')).toBeTruthy();
    expect(server.requests).toHaveLength(1);
    // The schema's own output is sent: the code upper-cased, the time zone defaulted.
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      code: 'LDN-1',
      name: 'London',
      timezone: 'Europe/London',
    });
  });

  it('shows the API’s per-field messages beside the fields and its title and detail in the summary', async () => {
    render(<StoreForm client={createApiClient({ baseUrl: server.baseUrl })} path="/invalid" />);
    fill('Store code', 'LDN-1');
    fill('Name', 'London');

    fireEvent.click(screen.getByRole('button', { name: 'Create store' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('The request is not valid');
    expect(summary.textContent).toContain('1 field is invalid');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Error: Name must be at least 2 characters',
    );
  });

  it('puts a conflict about one field (STORE_CODE_TAKEN) beside that field, with the request id in the summary', async () => {
    render(<StoreForm client={createApiClient({ baseUrl: server.baseUrl })} path="/taken" />);
    fill('Store code', 'LDN-1');
    fill('Name', 'London');

    fireEvent.click(screen.getByRole('button', { name: 'Create store' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('req-409');
    expect(screen.getByRole('textbox', { name: 'Store code' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(summary).getByRole('link').textContent).toBe('A store with this code already exists');
  });
});

function ReasonForm({ onSubmit }: { onSubmit: (reason: string) => Promise<unknown> }) {
  const form = useForm({
    initialValues: { reason: '' },
    labels: { reason: 'Reason' },
    schema: ReasonBodySchema,
    toInput: (values) => values,
    onSubmit: ({ reason }) => onSubmit(reason),
  });
  return (
    <Form form={form} aria-label="Why">
      <TextAreaField form={form} name="reason" hint="Kept in the audit log." rows={4} />
      <SubmitButton pending={form.pending}>Send</SubmitButton>
    </Form>
  );
}

describe('TextAreaField', () => {
  it('is a labelled, multi-line field wired to its hint and message like a text field, and sends what was typed', async () => {
    const sent: string[] = [];
    render(<ReasonForm onSubmit={(reason) => Promise.resolve(sent.push(reason))} />);
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(reason.tagName).toBe('TEXTAREA');
    expect(reason.getAttribute('rows')).toBe('4');

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(
      (reason.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['Kept in the audit log.', 'Error: Reason must be at least 3 characters']);
    expect(sent).toEqual([]);

    fireEvent.change(reason, { target: { value: 'First line\nsecond line' } });
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sent).toEqual(['First line\nsecond line']));
  });
});
