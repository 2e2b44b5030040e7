import { MAX_SEGMENT_RULES, type SegmentRuleKind, type Tier } from '@tally/domain';
import { CheckboxGroupField, SelectField, TextField, type FormState } from '@tally/ui';
import { useId, useState } from 'react';
import { storeOptions, type StoreList } from '../../../lib/stores';
import {
  MONTH_OPTIONS,
  RULE_KINDS,
  addedRule,
  kindAt,
  removedRule,
  ruleCount,
  slotField,
  type SegmentFormValues,
} from '../lib/segment-form';

type Form = FormState<SegmentFormValues>;

function DaysField({ form, index, hint }: { form: Form; index: number; hint: string }) {
  return (
    <TextField
      form={form}
      name={slotField(index, 'days')}
      type="number"
      inputMode="numeric"
      min={1}
      step={1}
      hint={hint}
    />
  );
}

function RangeFields({ form, index, currency }: { form: Form; index: number; currency: string }) {
  const spend = kindAt(form.values, index) === 'spend';
  const props = spend
    ? { inputMode: 'decimal' as const, autoComplete: 'off' }
    : { type: 'number', inputMode: 'numeric' as const, min: 0, step: 1 };
  const unit = spend ? `In ${currency}, e.g. 100.00.` : 'Purchases (receipts).';
  return (
    <div className="campaign-pair">
      <TextField
        form={form}
        name={slotField(index, 'min')}
        optional
        hint={`${unit} Empty means no minimum.`}
        {...props}
      />
      <TextField
        form={form}
        name={slotField(index, 'max')}
        optional
        hint={`${unit} Empty means no maximum.`}
        {...props}
      />
    </div>
  );
}

/** The inputs of one rule, for its kind. */
function RuleInputs({
  form,
  index,
  tiers,
  stores,
  currency,
}: {
  form: Form;
  index: number;
  tiers: readonly Tier[];
  stores: StoreList;
  currency: string;
}) {
  const f = (field: Parameters<typeof slotField>[1]) => slotField(index, field);
  switch (kindAt(form.values, index)) {
    case 'tier':
      return (
        <CheckboxGroupField
          form={form}
          name={f('tierIds')}
          options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
          emptyText="The programme has no tiers."
        />
      );
    case 'spend':
    case 'visits':
      return (
        <>
          <DaysField form={form} index={index} hint="Over the last this many days, up to now." />
          <RangeFields form={form} index={index} currency={currency} />
        </>
      );
    case 'lastPurchase':
      return (
        <>
          <SelectField
            form={form}
            name={f('mode')}
            options={[
              { value: 'within', label: 'Bought something within the last … days' },
              { value: 'notWithin', label: 'Bought before, but nothing for … days or more' },
            ]}
          />
          <DaysField form={form} index={index} hint="Members who never bought are in neither." />
        </>
      );
    case 'store':
      return (
        <>
          <CheckboxGroupField
            form={form}
            name={f('storeIds')}
            options={storeOptions(stores)}
            emptyText={stores ? 'There are no stores.' : 'Loading the stores…'}
          />
          <DaysField form={form} index={index} hint="Bought there within the last this many days." />
        </>
      );
    case 'birthdayMonth':
      return <SelectField form={form} name={f('month')} options={MONTH_OPTIONS} />;
    case 'signUp':
      return (
        <>
          <SelectField
            form={form}
            name={f('by')}
            options={[
              { value: 'days', label: 'Within the last … days' },
              { value: 'dates', label: 'Between two dates' },
            ]}
          />
          {form.values[f('by')] === 'dates' ? (
            <div className="campaign-pair">
              <TextField
                form={form}
                name={f('from')}
                type="date"
                optional
                hint="Empty means any time before."
              />
              <TextField
                form={form}
                name={f('to')}
                type="date"
                optional
                hint="Included. Empty means up to now."
              />
            </div>
          ) : (
            <TextField
              form={form}
              name={f('withinDays')}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
            />
          )}
        </>
      );
    case '':
      return null;
  }
}

/**
 * The rules, one fieldset each with a button to remove it, and a way to add another kind. A member is
 * in the segment when every rule holds.
 */
export function SegmentRuleFields({
  form,
  tiers,
  stores,
  currency,
}: {
  form: Form;
  tiers: readonly Tier[];
  stores: StoreList;
  currency: string;
}) {
  const id = useId();
  const [kind, setKind] = useState<SegmentRuleKind>('tier');
  const count = ruleCount(form.values);
  const apply = (changes: SegmentFormValues) => {
    for (const [name, value] of Object.entries(changes)) form.setValue(name, value);
  };
  return (
    <fieldset className="tally-fieldset segment-rules">
      <legend>Rules</legend>
      <p className="tally-field__hint">A member is in the segment when every rule holds.</p>
      {count === 0 ? <p>No rules yet: add one below.</p> : null}
      {Array.from({ length: count }, (_, index) => {
        const label = RULE_KINDS.find((k) => k.value === kindAt(form.values, index))?.label ?? 'Rule';
        return (
          <fieldset key={index} className="tally-fieldset segment-rule">
            <legend>
              Rule {index + 1}: {label}
            </legend>
            <RuleInputs form={form} index={index} tiers={tiers} stores={stores} currency={currency} />
            <button
              type="button"
              className="tally-button--secondary"
              onClick={() => apply(removedRule(form.values, index))}
            >
              Remove rule {index + 1} ({label.toLowerCase()})
            </button>
          </fieldset>
        );
      })}
      {count < MAX_SEGMENT_RULES ? (
        <div className="segment-add-rule">
          <div className="tally-field">
            <label className="tally-field__label" htmlFor={`${id}-kind`}>
              Kind of rule to add
            </label>
            <p id={`${id}-kind-hint`} className="tally-field__hint">
              {RULE_KINDS.find((k) => k.value === kind)?.hint}
            </p>
            <select
              id={`${id}-kind`}
              value={kind}
              aria-describedby={`${id}-kind-hint`}
              onChange={(event) => setKind(event.target.value as SegmentRuleKind)}
            >
              {RULE_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="tally-button--secondary"
            onClick={() => apply(addedRule(form.values, kind))}
          >
            Add rule
          </button>
        </div>
      ) : (
        <p className="tally-muted">A segment has at most {MAX_SEGMENT_RULES} rules.</p>
      )}
    </fieldset>
  );
}
