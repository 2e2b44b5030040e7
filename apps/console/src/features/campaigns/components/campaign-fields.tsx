import type { Segment, Tier } from '@tally/domain';
import {
  CheckboxField,
  CheckboxGroupField,
  SelectField,
  TextField,
  type FieldName,
  type FormState,
  type Option,
  type TextFieldProps,
} from '@tally/ui';
import type { ReactNode } from 'react';
import { localTimeZone } from '../../../lib/local-date-time';
import { ALLOWANCE_PERIODS, WEEKDAYS, splitList, type CampaignFormValues } from '../lib/campaign-form';
import { STACKING_EXPLANATIONS } from '../lib/describe-campaign';

type Form = FormState<CampaignFormValues>;
type Props = TextFieldProps<CampaignFormValues>;

function WholeNumberField(props: Props) {
  return <TextField type="number" inputMode="numeric" step={1} {...props} />;
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="tally-fieldset campaign-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One choice of a few, each with a sentence saying what it means, in a fieldset named by the field's label. */
function RadioGroupField({
  form,
  name,
  options,
}: {
  form: Form;
  name: FieldName<CampaignFormValues>;
  options: readonly { value: string; label: string; hint: string }[];
}) {
  const id = form.fieldId(name);
  const error = form.errors[name];
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'tally-fieldset tally-field--invalid' : 'tally-fieldset'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{form.labels[name]}</legend>
      {error ? (
        <p id={`${id}-error`} className="tally-field__error">
          <span className="tally-visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <div className="tally-check" key={option.value}>
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={form.values[name] === option.value}
            onChange={() => form.setValue(name, option.value)}
            aria-describedby={`${id}-${option.value}-hint`}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          <p id={`${id}-${option.value}-hint`} className="tally-field__hint">
            {option.hint}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

/** A comma-separated list with what was understood shown as chips, so a stray comma is seen at once. */
function ListField({
  form,
  name,
  hint,
}: {
  form: Form;
  name: 'basket.categories' | 'basket.skus';
  hint: string;
}) {
  const items = splitList(form.values[name]);
  return (
    <div>
      <TextField form={form} name={name} autoComplete="off" optional hint={hint} />
      {items.length > 0 ? (
        <ul className="campaign-chips" aria-label={`${form.labels[name]} entered`}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The saved segments to pick from, plus any the campaign names that are no longer offered (archived
 * since), so they can be seen and unticked.
 */
function segmentOptions(segments: readonly Segment[], chosen: readonly string[]): Option[] {
  const offered = segments.map((s) => ({ value: s.id, label: s.definition.name }));
  const gone = chosen
    .filter((id) => !segments.some((s) => s.id === id))
    .map((id) => ({ value: id, label: 'An archived segment (untick it to save)' }));
  return [...offered, ...gone];
}

/** Every part of a campaign's definition, grouped as marketing thinks of it. */
export function CampaignFields({
  form,
  tiers,
  currency,
  segments,
}: {
  form: Form;
  tiers: readonly Tier[];
  currency: string;
  /** Saved segments to offer, and what to say when there are none (loading, failed, none saved). */
  segments: { list: readonly Segment[]; emptyText: string };
}) {
  const clock = `In your time zone, ${localTimeZone()}.`;
  const multiplier = form.values['effect.type'] !== 'bonus';
  return (
    <>
      <Group legend="About">
        <TextField
          form={form}
          name="name"
          autoComplete="off"
          hint="Staff see it; members see it on receipts."
        />
        <TextField form={form} name="description" autoComplete="off" optional />
      </Group>
      <Group legend="When">
        <TextField form={form} name="window.startsAt" type="datetime-local" hint={clock} />
        <TextField
          form={form}
          name="window.endsAt"
          type="datetime-local"
          optional
          hint={`${clock} Leave empty to run until it is ended.`}
        />
        <CheckboxGroupField
          form={form}
          name="window.daysOfWeek"
          optional
          options={WEEKDAYS}
          hint="In the store’s time zone. None ticked means every day."
        />
        <div className="campaign-pair">
          <WholeNumberField
            form={form}
            name="window.hours.from"
            min={0}
            max={23}
            optional
            hint="0–23, store time. Empty means all day."
          />
          <WholeNumberField
            form={form}
            name="window.hours.to"
            min={1}
            max={24}
            optional
            hint="1–24; the hour itself is not included."
          />
        </div>
      </Group>
      <Group legend="Who">
        <CheckboxGroupField
          form={form}
          name="audience.tierIds"
          optional
          options={tiers.map((tier) => ({ value: tier.id, label: tier.name }))}
          hint="None ticked means every tier."
          emptyText="The programme has no tiers."
        />
        <CheckboxGroupField
          form={form}
          name="audience.segments"
          optional
          options={segmentOptions(segments.list, form.values['audience.segments'])}
          hint="Members in at least one of the ticked segments. None ticked means no segment is needed."
          emptyText={segments.emptyText}
        />
        <WholeNumberField
          form={form}
          name="audience.newMembersWithinDays"
          min={1}
          optional
          hint="Only members who joined within this many days. Empty means everyone."
        />
        <CheckboxField form={form} name="audience.birthdayMonth" />
      </Group>
      <Group legend="What counts">
        <ListField
          form={form}
          name="basket.categories"
          hint="Separate with commas, e.g. coffee, tea. Empty means every line that earns."
        />
        <ListField form={form} name="basket.skus" hint="Separate with commas. Empty means any product." />
        <TextField
          form={form}
          name="basket.minSpend"
          inputMode="decimal"
          autoComplete="off"
          optional
          hint={`In ${currency}, e.g. 10.00, on the matching lines. Empty means no minimum.`}
        />
      </Group>
      <Group legend="Reward">
        <RadioGroupField
          form={form}
          name="effect.type"
          options={[
            {
              value: 'multiplier',
              label: 'Multiply the points',
              hint: 'The matching lines earn their usual points times the multiplier.',
            },
            {
              value: 'bonus',
              label: 'Fixed bonus',
              hint: 'A set number of extra points for each qualifying sale.',
            },
          ]}
        />
        {multiplier ? (
          <TextField
            form={form}
            name="effect.multiplierBp"
            type="number"
            inputMode="decimal"
            min={1}
            max={10}
            step={0.1}
            hint="From ×1 to ×10, e.g. 2 for double points or 1.5 for half as much again."
          />
        ) : (
          <WholeNumberField form={form} name="effect.points" min={1} />
        )}
      </Group>
      <Group legend="Limits">
        <WholeNumberField
          form={form}
          name="limits.budgetPoints"
          min={1}
          optional
          hint="The most points the campaign may ever add. It stops contributing when spent. Empty means no budget."
        />
        <div className="campaign-pair">
          <WholeNumberField
            form={form}
            name="limits.perMember.points"
            min={1}
            optional
            hint="The most one member may get from it. Empty means no limit."
          />
          <SelectField form={form} name="limits.perMember.period" options={ALLOWANCE_PERIODS} />
        </div>
      </Group>
      <RadioGroupField
        form={form}
        name="stacking"
        options={[
          { value: 'stack', label: 'Stack', hint: STACKING_EXPLANATIONS.stack },
          { value: 'exclusive', label: 'Exclusive', hint: STACKING_EXPLANATIONS.exclusive },
        ]}
      />
    </>
  );
}
