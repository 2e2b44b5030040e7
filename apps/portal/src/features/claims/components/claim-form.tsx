import { CLAIM_WINDOW_DAYS, type Claim, CreateClaimSchema, calendarDate } from '@tally/domain';
import { Form, QueryState, SelectField, SubmitButton, TextField, useForm } from '@tally/ui';
import { useState } from 'react';
import { useCreateClaim } from '../api/create-claim';
import { useStores } from '../api/get-stores';

const EMPTY = { storeId: '', receiptRef: '', purchasedOn: '', amount: '', note: '' };

/** `24.99`, `24,99` or `24` → minor units; anything else is NaN, which the schema words as "must be a number". */
export function toMinorUnits(text: string): number {
  const cleaned = text.trim().replace(/^[^\d]+/, '');
  if (!/^\d{1,9}([.,]\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned.replace(',', '.')) * 100);
}

const DAY = 86_400_000;

export function ClaimForm() {
  const stores = useStores();
  const create = useCreateClaim();
  const [sent, setSent] = useState<Claim | null>(null);
  const form = useForm({
    initialValues: EMPTY,
    labels: {
      storeId: 'Store',
      receiptRef: 'Receipt number',
      purchasedOn: 'Date of purchase',
      amount: 'Receipt total',
      note: 'Anything we should know',
    },
    schema: CreateClaimSchema,
    toInput: (values) => ({
      storeId: values.storeId,
      receiptRef: values.receiptRef,
      purchasedOn: values.purchasedOn,
      amount: toMinorUnits(values.amount),
      note: values.note.trim() === '' ? undefined : values.note,
    }),
    onSubmit: (body) => create.mutateAsync(body),
    onSuccess: (claim) => setSent(claim),
    resetOnSuccess: true,
  });
  const now = new Date();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <QueryState query={stores} loading="Loading the stores…">
      {(list) => (
        <Form form={form} className="tally-form" aria-label="Claim missing points">
          <SelectField
            form={form}
            name="storeId"
            placeholder="Choose a store"
            options={list.map((s) => ({ value: s.id, label: s.name }))}
          />
          <TextField
            form={form}
            name="receiptRef"
            autoComplete="off"
            hint="As printed on the receipt, e.g. R-1042."
          />
          <TextField
            form={form}
            name="purchasedOn"
            type="date"
            max={calendarDate(now, timeZone)}
            min={calendarDate(new Date(now.getTime() - CLAIM_WINDOW_DAYS * DAY), timeZone)}
            hint={`Within the last ${CLAIM_WINDOW_DAYS} days.`}
          />
          <TextField
            form={form}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            hint="The total on the receipt, e.g. 24.99."
          />
          <TextField form={form} name="note" optional autoComplete="off" />
          <SubmitButton pending={form.pending} pendingText="Sending…">
            Send claim
          </SubmitButton>
          <div role="status" className="tally-status">
            {form.succeeded && sent ? (
              <p className="tally-notice">
                Your claim for receipt {sent.receiptRef} is sent. We check it against the store’s records and
                answer here.
              </p>
            ) : null}
          </div>
        </Form>
      )}
    </QueryState>
  );
}
