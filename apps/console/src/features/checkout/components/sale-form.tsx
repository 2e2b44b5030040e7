import { LineKind, type MemberSummary } from '@tally/domain';
import { isApiError } from '@tally/ui';
import { useEffect, useId, useRef, type FormEvent, type RefObject } from 'react';
import { useCheckoutEarn } from '../api/checkout-earn';
import {
  LINE_KIND_LABELS,
  buildEarnRequest,
  emptyLine,
  linePath,
  type DraftLine,
  type EntryMode,
  type SaleDraft,
} from '../lib/sale-draft';
import type { CheckoutOutcome } from './checkout-result';
import {
  ErrorSummaryBox,
  Field,
  retryAdvice,
  sortErrors,
  useFormErrors,
  type FieldSpec,
  type FormErrors,
} from './form-kit';
import type { Sale } from './use-sale';
import type { StoreChoice } from './use-store-choice';

export interface SaleFormProps {
  sale: Sale;
  edit: (update: (draft: SaleDraft) => SaleDraft) => void;
  member: MemberSummary;
  /** The programme's currency, once known; GBP until then. */
  currency: string;
  store: StoreChoice;
  receiptFieldId: string;
  receiptRef: RefObject<HTMLInputElement | null>;
  onCompleted: (outcome: CheckoutOutcome) => void;
  onNewSale: () => void;
}

const OTHER_LABELS = {
  'receipt.lines': 'Receipt',
  'receipt.currency': 'Currency',
  'member.memberId': 'Member',
  member: 'Member',
  storeId: 'Store',
};

const LINE_FIELDS: readonly { field: keyof DraftLine; label: string }[] = [
  { field: 'sku', label: 'SKU' },
  { field: 'category', label: 'Category' },
  { field: 'quantity', label: 'Quantity' },
  { field: 'unitPrice', label: 'Unit price' },
  { field: 'kind', label: 'Kind' },
];

function fieldSpecs(
  draft: SaleDraft,
  formId: string,
  receiptFieldId: string,
  store: StoreChoice,
): FieldSpec[] {
  const specs: FieldSpec[] = [];
  if (store.required) specs.push({ name: 'storeId', label: 'Store', id: store.fieldId });
  specs.push({ name: 'receipt.id', label: 'Receipt id', id: receiptFieldId });
  if (draft.mode === 'total') {
    specs.push({ name: linePath(0, 'unitPrice'), label: 'Total', id: `${formId}-total` });
    specs.push({ name: linePath(0, 'category'), label: 'Category', id: `${formId}-total-category` });
  } else {
    draft.lines.forEach((_line, index) => {
      for (const { field, label } of LINE_FIELDS) {
        const name = linePath(index, field);
        specs.push({ name, label, id: `${formId}-${name}`, context: `Line ${index + 1}: ` });
      }
    });
  }
  return specs;
}

function earnAdvice(failure: Error | undefined): string | undefined {
  if (failure && isApiError(failure)) {
    if (failure.code === 'IDEMPOTENCY_KEY_REUSED')
      return 'This sale was already sent with other details. Press New sale and enter it again.';
    if (failure.code === 'STORE_REQUIRED')
      return 'Choose the store at the top of the page, then award again.';
    if (failure.code === 'RECEIPT_ALREADY_CREDITED')
      return 'Check the receipt id: each receipt earns points once in a store.';
  }
  return retryAdvice(failure, 'Award points');
}

/**
 * The receipt, line by line or as one total with a category, validated with the domain's
 * `CheckoutEarnRequestSchema` and sent with the sale's one Idempotency-Key.
 */
export function SaleForm({
  sale,
  edit,
  member,
  currency,
  store,
  receiptFieldId,
  receiptRef,
  onCompleted,
  onNewSale,
}: SaleFormProps) {
  const earn = useCheckoutEarn();
  const kit = useFormErrors();
  const formId = useId();
  const inFlight = useRef(false);
  const { draft, completed } = sale;
  const specs = fieldSpecs(draft, formId, receiptFieldId, store);
  const sorted = sortErrors(kit, specs, OTHER_LABELS);
  const busy = earn.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A ref, not state: a second Enter in the same frame must see the first at once.
    if (inFlight.current || completed) return;
    const built = buildEarnRequest(draft, { memberId: member.id, storeId: store.forRequest, currency });
    const errors = built.ok ? [] : [...built.errors];
    if (store.required && !store.forRequest)
      errors.unshift({ field: 'storeId', message: 'is required: choose the store you are working in' });
    if (!built.ok || errors.length > 0) {
      kit.fail(errors);
      return;
    }
    kit.clear();
    inFlight.current = true;
    const memberName = member.name;
    const receiptId = built.body.receipt.id;
    earn.mutate(
      { idempotencyKey: sale.idempotencyKey, body: built.body },
      {
        onSuccess: (response) => onCompleted({ kind: 'earn', memberName, receiptId, response }),
        onError: (error) => {
          if (isApiError(error) && error.code === 'STORE_REQUIRED') store.force();
          kit.fail(isApiError(error) ? error.errors : [], error);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const change = (name: string, update: (draft: SaleDraft) => SaleDraft) => {
    edit(update);
    kit.touch(name);
  };
  const setLine = (index: number, field: keyof DraftLine, value: string) =>
    change(linePath(index, field), (d) => ({
      ...d,
      lines: d.lines.map((line, i) => (i === index ? { ...line, [field]: value } : line)),
    }));

  return (
    <form
      aria-label="Sale"
      className="checkout-sale"
      noValidate
      onSubmit={submit}
      aria-busy={busy || undefined}
    >
      <ErrorSummaryBox kit={kit} fields={specs} sorted={sorted} advice={earnAdvice(kit.failure)} />
      <fieldset className="checkout-plain" disabled={completed}>
        <legend className="tally-visually-hidden">Receipt</legend>
        <Field
          id={receiptFieldId}
          label="Receipt id"
          hint="As printed on the receipt."
          error={sorted.inline('receipt.id')}
        >
          {(aria) => (
            <input
              {...aria}
              ref={receiptRef}
              type="text"
              value={draft.receiptId}
              onChange={(event) => change('receipt.id', (d) => ({ ...d, receiptId: event.target.value }))}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
            />
          )}
        </Field>
        <ModeChoice
          mode={draft.mode}
          onChange={(mode) => {
            edit((d) => ({ ...d, mode }));
            kit.clear();
          }}
        />
        {draft.mode === 'total' ? (
          <TotalFields draft={draft} formId={formId} sorted={sorted} change={change} />
        ) : (
          <LineFields
            draft={draft}
            formId={formId}
            sorted={sorted}
            setLine={setLine}
            kit={kit}
            edit={edit}
            busy={busy}
          />
        )}
      </fieldset>
      <div className="tally-actions">
        <button type="submit" disabled={busy || completed}>
          Award points
        </button>
        <button type="button" className="tally-button--secondary" onClick={onNewSale} disabled={busy}>
          New sale
        </button>
        <span role="status" className="tally-muted">
          {busy
            ? 'Awarding points…'
            : completed
              ? 'Sale finished: scan the next card or press New sale.'
              : ''}
        </span>
      </div>
    </form>
  );
}

function ModeChoice({ mode, onChange }: { mode: EntryMode; onChange: (mode: EntryMode) => void }) {
  const name = useId();
  const choices: { value: EntryMode; label: string }[] = [
    { value: 'lines', label: 'Item by item' },
    { value: 'total', label: 'Single amount' },
  ];
  return (
    <fieldset className="tally-fieldset checkout-mode">
      <legend>How to enter the receipt</legend>
      <div className="checkout-mode__choices">
        {choices.map((choice) => (
          <div className="tally-check" key={choice.value}>
            <input
              type="radio"
              id={`${name}-${choice.value}`}
              name={name}
              value={choice.value}
              checked={mode === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function TotalFields({
  draft,
  formId,
  sorted,
  change,
}: {
  draft: SaleDraft;
  formId: string;
  sorted: ReturnType<typeof sortErrors>;
  change: (name: string, update: (draft: SaleDraft) => SaleDraft) => void;
}) {
  const amount = linePath(0, 'unitPrice');
  const category = linePath(0, 'category');
  return (
    <div className="checkout-total">
      <Field
        id={`${formId}-total`}
        label="Total"
        hint="The whole receipt in pounds, e.g. 23.45."
        error={sorted.inline(amount)}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            inputMode="decimal"
            value={draft.total.amount}
            onChange={(event) =>
              change(amount, (d) => ({ ...d, total: { ...d.total, amount: event.target.value } }))
            }
            autoComplete="off"
            required
          />
        )}
      </Field>
      <Field
        id={`${formId}-total-category`}
        label="Category"
        hint="Optional, e.g. grocery."
        error={sorted.inline(category)}
      >
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={draft.total.category}
            onChange={(event) =>
              change(category, (d) => ({ ...d, total: { ...d.total, category: event.target.value } }))
            }
            autoComplete="off"
          />
        )}
      </Field>
    </div>
  );
}

function LineFields({
  draft,
  formId,
  sorted,
  setLine,
  kit,
  edit,
  busy,
}: {
  draft: SaleDraft;
  formId: string;
  sorted: ReturnType<typeof sortErrors>;
  setLine: (index: number, field: keyof DraftLine, value: string) => void;
  kit: FormErrors;
  edit: (update: (draft: SaleDraft) => SaleDraft) => void;
  busy: boolean;
}) {
  const lastSku = useRef<HTMLInputElement>(null);
  const count = draft.lines.length;
  const previousCount = useRef(count);
  useEffect(() => {
    // After "Add line" the new line's SKU is where the cashier types next.
    if (count > previousCount.current) lastSku.current?.focus();
    previousCount.current = count;
  }, [count]);
  const addLine = () => edit((d) => ({ ...d, lines: [...d.lines, emptyLine()] }));
  return (
    <>
      <p className="tally-muted checkout-lines__hint">
        Unit prices are in pounds, e.g. 4.99. Category is optional. Tax, shipping, gift cards and points paid
        do not earn.
      </p>
      <ol className="checkout-lines">
        {draft.lines.map((line, index) => {
          const id = (field: keyof DraftLine) => `${formId}-${linePath(index, field)}`;
          const last = index === draft.lines.length - 1;
          return (
            <li key={index}>
              <fieldset className="tally-fieldset checkout-line">
                <legend>Line {index + 1}</legend>
                <Field id={id('sku')} label="SKU" error={sorted.inline(linePath(index, 'sku'))}>
                  {(aria) => (
                    <input
                      {...aria}
                      ref={last ? lastSku : undefined}
                      type="text"
                      value={line.sku}
                      onChange={(event) => setLine(index, 'sku', event.target.value)}
                      autoComplete="off"
                      autoCapitalize="off"
                      spellCheck={false}
                      required
                    />
                  )}
                </Field>
                <Field
                  id={id('category')}
                  label="Category"
                  error={sorted.inline(linePath(index, 'category'))}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="text"
                      value={line.category}
                      onChange={(event) => setLine(index, 'category', event.target.value)}
                      autoComplete="off"
                    />
                  )}
                </Field>
                <Field
                  id={id('quantity')}
                  label="Quantity"
                  error={sorted.inline(linePath(index, 'quantity'))}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="text"
                      inputMode="numeric"
                      value={line.quantity}
                      onChange={(event) => setLine(index, 'quantity', event.target.value)}
                      autoComplete="off"
                      required
                    />
                  )}
                </Field>
                <Field
                  id={id('unitPrice')}
                  label="Unit price"
                  error={sorted.inline(linePath(index, 'unitPrice'))}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="text"
                      inputMode="decimal"
                      value={line.unitPrice}
                      onChange={(event) => setLine(index, 'unitPrice', event.target.value)}
                      autoComplete="off"
                      required
                    />
                  )}
                </Field>
                <Field id={id('kind')} label="Kind" error={sorted.inline(linePath(index, 'kind'))}>
                  {(aria) => (
                    <select
                      {...aria}
                      value={line.kind}
                      onChange={(event) => setLine(index, 'kind', event.target.value)}
                    >
                      {LineKind.options.map((kind) => (
                        <option key={kind} value={kind}>
                          {LINE_KIND_LABELS[kind]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {draft.lines.length > 1 ? (
                  <button
                    type="button"
                    className="tally-button--secondary checkout-line__remove"
                    disabled={busy}
                    onClick={() => {
                      edit((d) => ({ ...d, lines: d.lines.filter((_l, i) => i !== index) }));
                      // The messages name lines by position, which just moved.
                      kit.clear();
                    }}
                  >
                    Remove line {index + 1}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="tally-actions checkout-lines__add">
        <button type="button" className="tally-button--secondary" onClick={addLine} disabled={busy}>
          Add line
        </button>
      </div>
    </>
  );
}
