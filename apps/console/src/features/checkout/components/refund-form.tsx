import { CheckoutRefundRequestSchema, type ProblemFieldError } from '@tally/domain';
import { isApiError, issuesToFieldErrors, Section } from '@tally/ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useCheckoutRefund } from '../api/checkout-refund';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { parseWholeNumber } from '../lib/money';
import type { CheckoutOutcome } from './checkout-result';
import { ErrorSummaryBox, Field, retryAdvice, sortErrors, useFormErrors, type FieldSpec } from './form-kit';
import type { StoreChoice } from './use-store-choice';

interface ReturnedItem {
  sku: string;
  quantity: string;
}

type Scope = 'whole' | 'items';

const emptyItem = (): ReturnedItem => ({ sku: '', quantity: '1' });

/**
 * Refund by receipt id: the whole receipt (what is left of it) or the items brought back. The points it
 * earned come back out in proportion, never more than it earned. One Idempotency-Key per refund.
 */
export function RefundForm({
  store,
  onRefunded,
}: {
  store: StoreChoice;
  onRefunded: (outcome: CheckoutOutcome) => void;
}) {
  const refund = useCheckoutRefund();
  const kit = useFormErrors();
  const formId = useId();
  const [receiptId, setReceiptId] = useState('');
  const [scope, setScope] = useState<Scope>('whole');
  const [items, setItems] = useState<ReturnedItem[]>([emptyItem()]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const busy = refund.isPending;

  const id = (name: string) => `${formId}-${name}`;
  const specs: FieldSpec[] = [
    ...(store.required ? [{ name: 'storeId', label: 'Store', id: store.fieldId }] : []),
    { name: 'receiptId', label: 'Receipt id', id: id('receiptId') },
    ...(scope === 'items'
      ? items.flatMap((_item, index) => [
          {
            name: `lines.${index}.sku`,
            label: 'SKU',
            id: id(`lines.${index}.sku`),
            context: `Item ${index + 1}: `,
          },
          {
            name: `lines.${index}.quantity`,
            label: 'Quantity',
            id: id(`lines.${index}.quantity`),
            context: `Item ${index + 1}: `,
          },
        ])
      : []),
  ];
  const sorted = sortErrors(kit, specs, { lines: 'Items' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    const errors: ProblemFieldError[] = [];
    if (store.required && !store.forRequest)
      errors.push({ field: 'storeId', message: 'is required: choose the store you are working in' });
    const lines =
      scope === 'items'
        ? items.map((item, index) => {
            const quantity = parseWholeNumber(item.quantity);
            if (quantity === null)
              errors.push({ field: `lines.${index}.quantity`, message: 'must be a whole number' });
            return { sku: item.sku, quantity: quantity ?? Number.NaN };
          })
        : undefined;
    const parsed = CheckoutRefundRequestSchema.safeParse({
      receiptId,
      ...(store.forRequest ? { storeId: store.forRequest } : {}),
      ...(lines ? { lines } : {}),
    });
    if (!parsed.success) errors.push(...issuesToFieldErrors(parsed.error.issues));
    if (!parsed.success || errors.length > 0) {
      kit.fail(errors);
      return;
    }
    kit.clear();
    inFlight.current = true;
    const body = parsed.data;
    refund.mutate(
      { idempotencyKey, body },
      {
        onSuccess: (response) => {
          setIdempotencyKey(newIdempotencyKey());
          setReceiptId('');
          setScope('whole');
          setItems([emptyItem()]);
          onRefunded({ kind: 'refund', receiptId: body.receiptId, response });
        },
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

  const setItem = (index: number, field: keyof ReturnedItem, value: string) => {
    setItems((current) => current.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
    kit.touch(`lines.${index}.${field}`);
  };

  return (
    <Section title="Refund a receipt">
      <form
        aria-label="Refund"
        className="tally-form"
        noValidate
        onSubmit={submit}
        aria-busy={busy || undefined}
      >
        <ErrorSummaryBox
          kit={kit}
          fields={specs}
          sorted={sorted}
          advice={retryAdvice(kit.failure, 'Refund')}
        />
        <Field
          id={id('receiptId')}
          label="Receipt id"
          hint="The receipt the customer brings back, from this store."
          error={sorted.inline('receiptId')}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={receiptId}
              onChange={(event) => {
                setReceiptId(event.target.value);
                kit.touch('receiptId');
              }}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
            />
          )}
        </Field>
        <fieldset className="tally-fieldset">
          <legend>What to refund</legend>
          {(
            [
              { value: 'whole', label: 'Whole receipt' },
              { value: 'items', label: 'Chosen items' },
            ] as const
          ).map((choice) => (
            <div className="tally-check" key={choice.value}>
              <input
                type="radio"
                id={id(`scope-${choice.value}`)}
                name={id('scope')}
                value={choice.value}
                checked={scope === choice.value}
                onChange={() => {
                  setScope(choice.value);
                  kit.clear();
                }}
              />
              <label htmlFor={id(`scope-${choice.value}`)}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        {scope === 'items' ? (
          <>
            <ol className="checkout-lines">
              {items.map((item, index) => (
                <li key={index}>
                  <fieldset className="tally-fieldset checkout-line checkout-line--short">
                    <legend>Returned item {index + 1}</legend>
                    <Field
                      id={id(`lines.${index}.sku`)}
                      label="SKU"
                      error={sorted.inline(`lines.${index}.sku`)}
                    >
                      {(aria) => (
                        <input
                          {...aria}
                          type="text"
                          value={item.sku}
                          onChange={(event) => setItem(index, 'sku', event.target.value)}
                          autoComplete="off"
                          autoCapitalize="off"
                          spellCheck={false}
                          required
                        />
                      )}
                    </Field>
                    <Field
                      id={id(`lines.${index}.quantity`)}
                      label="Quantity"
                      error={sorted.inline(`lines.${index}.quantity`)}
                    >
                      {(aria) => (
                        <input
                          {...aria}
                          type="text"
                          inputMode="numeric"
                          value={item.quantity}
                          onChange={(event) => setItem(index, 'quantity', event.target.value)}
                          autoComplete="off"
                          required
                        />
                      )}
                    </Field>
                    {items.length > 1 ? (
                      <button
                        type="button"
                        className="tally-button--secondary checkout-line__remove"
                        disabled={busy}
                        onClick={() => {
                          setItems((current) => current.filter((_item, i) => i !== index));
                          kit.clear();
                        }}
                      >
                        Remove returned item {index + 1}
                      </button>
                    ) : null}
                  </fieldset>
                </li>
              ))}
            </ol>
            <div>
              <button
                type="button"
                className="tally-button--secondary"
                disabled={busy}
                onClick={() => setItems((current) => [...current, emptyItem()])}
              >
                Add a returned item
              </button>
            </div>
          </>
        ) : null}
        <div className="tally-actions">
          <button type="submit" disabled={busy}>
            Refund
          </button>
          <span role="status" className="tally-muted">
            {busy ? 'Refunding…' : ''}
          </span>
        </div>
      </form>
    </Section>
  );
}
