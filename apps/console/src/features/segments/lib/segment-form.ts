import {
  MAX_SEGMENT_RULES,
  MONTH_NAMES,
  type SegmentDefinition,
  type SegmentRule,
  type SegmentRuleKind,
} from '@tally/domain';
import type { FormValues } from '@tally/ui';
import { minorToUnits, unitsToMinor } from '../../../lib/money';

/**
 * The segment editor's values. Rules sit in numbered slots whose field names are the definition's own
 * paths (`rules.2.max`), so the schema's issues and the API's problem+json `errors` land beside the
 * right input. Slots are kept packed: the rules are slots 0…n-1 (`kind` is empty after the last).
 */
export type SegmentFormValues = FormValues;

/** The fields of one slot, whatever its kind (only the kind's own are shown and sent). */
const SLOT_FIELDS = [
  'kind',
  'tierIds',
  'days',
  'min',
  'max',
  'mode',
  'storeIds',
  'month',
  'by',
  'withinDays',
  'from',
  'to',
] as const;
type SlotField = (typeof SLOT_FIELDS)[number];

export const slotField = (index: number, field: SlotField) => `rules.${index}.${field}`;

export const RULE_KINDS: readonly { value: SegmentRuleKind; label: string; hint: string }[] = [
  { value: 'tier', label: 'Tier', hint: 'Members in one of the tiers you pick.' },
  { value: 'spend', label: 'Spend in a period', hint: 'What they spent (what earns points, less refunds).' },
  { value: 'visits', label: 'Visits in a period', hint: 'How many purchases they made.' },
  { value: 'lastPurchase', label: 'Last purchase', hint: 'Bought recently, or not for a while.' },
  { value: 'store', label: 'Store', hint: 'Bought at one of the stores you pick.' },
  { value: 'birthdayMonth', label: 'Birthday month', hint: 'A month, or whatever month it is.' },
  { value: 'signUp', label: 'Sign-up date', hint: 'Joined recently, or between two dates.' },
];

export const MONTH_OPTIONS = [
  { value: 'current', label: 'This month (whichever month it is)' },
  ...MONTH_NAMES.map((label, i) => ({ value: String(i + 1), label })),
] as const;

const emptySlot = (): Record<SlotField, string | string[]> => ({
  kind: '',
  tierIds: [],
  days: '',
  min: '',
  max: '',
  mode: 'within',
  storeIds: [],
  month: 'current',
  by: 'days',
  withinDays: '',
  from: '',
  to: '',
});

/** A new rule of a kind, with the defaults a marketer would most often keep. */
export function newSlot(kind: SegmentRuleKind): Record<SlotField, string | string[]> {
  const slot = { ...emptySlot(), kind };
  if (kind === 'spend' || kind === 'visits' || kind === 'store') slot.days = '30';
  if (kind === 'lastPurchase') slot.days = '90';
  if (kind === 'signUp') slot.withinDays = '30';
  return slot;
}

function slotValues(index: number, slot: Record<SlotField, string | string[]>): SegmentFormValues {
  return Object.fromEntries(SLOT_FIELDS.map((f) => [slotField(index, f), slot[f]]));
}

export function emptyValues(): SegmentFormValues {
  const values: SegmentFormValues = { name: '', description: '' };
  for (let i = 0; i < MAX_SEGMENT_RULES; i += 1) Object.assign(values, slotValues(i, emptySlot()));
  return values;
}

/** How many rules the form holds (slots are packed, so the first empty one ends them). */
export function ruleCount(values: SegmentFormValues): number {
  let n = 0;
  while (n < MAX_SEGMENT_RULES && values[slotField(n, 'kind')] !== '') n += 1;
  return n;
}

export const kindAt = (values: SegmentFormValues, index: number) =>
  values[slotField(index, 'kind')] as SegmentRuleKind | '';

const text = (values: SegmentFormValues, index: number, field: SlotField) =>
  String(values[slotField(index, field)] ?? '').trim();
const list = (values: SegmentFormValues, index: number, field: SlotField) =>
  (values[slotField(index, field)] as string[] | undefined) ?? [];

/** `''` → null; anything else as a number (NaN included), so the schema has the last word. */
function wholeOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

function moneyOrNull(value: string, currency: string): number | null {
  return value === '' ? null : (unitsToMinor(value, currency) ?? Number.NaN);
}

/** The rule in one slot as the domain's schema reads it. */
function slotRule(values: SegmentFormValues, i: number, currency: string): unknown {
  const kind = kindAt(values, i);
  const days = wholeOrNull(text(values, i, 'days'));
  switch (kind) {
    case 'tier':
      return { kind, tierIds: list(values, i, 'tierIds') };
    case 'spend':
      return {
        kind,
        days,
        min: moneyOrNull(text(values, i, 'min'), currency),
        max: moneyOrNull(text(values, i, 'max'), currency),
      };
    case 'visits':
      return {
        kind,
        days,
        min: wholeOrNull(text(values, i, 'min')),
        max: wholeOrNull(text(values, i, 'max')),
      };
    case 'lastPurchase':
      return { kind, mode: text(values, i, 'mode'), days };
    case 'store':
      return { kind, storeIds: list(values, i, 'storeIds'), days };
    case 'birthdayMonth': {
      const month = text(values, i, 'month');
      return { kind, month: month === 'current' ? 'current' : Number(month) };
    }
    case 'signUp':
      return text(values, i, 'by') === 'dates'
        ? { kind, from: text(values, i, 'from') || null, to: text(values, i, 'to') || null }
        : { kind, withinDays: wholeOrNull(text(values, i, 'withinDays')) };
    case '':
      return { kind };
  }
}

/** The rules alone, for the live count (which needs no name). */
export function toRulesInput(values: SegmentFormValues, currency: string): unknown[] {
  return Array.from({ length: ruleCount(values) }, (_, i) => slotRule(values, i, currency));
}

/** The definition for `SegmentDefinitionSchema`. */
export function toDefinitionInput(values: SegmentFormValues, currency: string) {
  return {
    name: values.name,
    description: values.description,
    rules: toRulesInput(values, currency),
  };
}

function ruleSlot(rule: SegmentRule, currency: string): Record<SlotField, string | string[]> {
  const slot = newSlot(rule.kind);
  switch (rule.kind) {
    case 'tier':
      return { ...slot, tierIds: [...rule.tierIds] };
    case 'spend':
      return {
        ...slot,
        days: String(rule.days),
        min: rule.min === null ? '' : minorToUnits(rule.min, currency),
        max: rule.max === null ? '' : minorToUnits(rule.max, currency),
      };
    case 'visits':
      return {
        ...slot,
        days: String(rule.days),
        min: rule.min === null ? '' : String(rule.min),
        max: rule.max === null ? '' : String(rule.max),
      };
    case 'lastPurchase':
      return { ...slot, mode: rule.mode, days: String(rule.days) };
    case 'store':
      return { ...slot, storeIds: [...rule.storeIds], days: String(rule.days) };
    case 'birthdayMonth':
      return { ...slot, month: String(rule.month) };
    case 'signUp':
      return rule.withinDays !== null
        ? { ...slot, by: 'days', withinDays: String(rule.withinDays) }
        : { ...slot, by: 'dates', withinDays: '', from: rule.from ?? '', to: rule.to ?? '' };
  }
}

export function segmentToValues(definition: SegmentDefinition, currency: string): SegmentFormValues {
  const values = emptyValues();
  values.name = definition.name;
  values.description = definition.description;
  definition.rules.forEach((rule, i) => Object.assign(values, slotValues(i, ruleSlot(rule, currency))));
  return values;
}

/** The values that change when a rule is added at the end. */
export function addedRule(values: SegmentFormValues, kind: SegmentRuleKind): SegmentFormValues {
  return slotValues(ruleCount(values), newSlot(kind));
}

/** The values that change when rule `index` is removed: the later rules move up one slot. */
export function removedRule(values: SegmentFormValues, index: number): SegmentFormValues {
  const n = ruleCount(values);
  const changes: SegmentFormValues = {};
  for (let i = index; i < n; i += 1) {
    for (const f of SLOT_FIELDS) {
      const next = i + 1 < n ? values[slotField(i + 1, f)] : emptySlot()[f];
      changes[slotField(i, f)] = next ?? emptySlot()[f];
    }
  }
  return changes;
}

/**
 * Each field's label ("Rule 2: Minimum"), the same whatever the rule's kind: the rule's fieldset names
 * the kind and the hints say the unit.
 */
export function segmentLabels(): Record<string, string> {
  const labels: Record<string, string> = { name: 'Segment name', description: 'Description' };
  const words: Record<SlotField, string> = {
    kind: 'Kind of rule',
    tierIds: 'Tiers',
    days: 'Days',
    min: 'Minimum',
    max: 'Maximum',
    mode: 'When',
    storeIds: 'Stores',
    month: 'Birthday month',
    by: 'Joined',
    withinDays: 'Joined within the last (days)',
    from: 'Joined on or after',
    to: 'Joined on or before',
  };
  for (let i = 0; i < MAX_SEGMENT_RULES; i += 1)
    for (const f of SLOT_FIELDS) labels[slotField(i, f)] = `Rule ${i + 1}: ${words[f]}`;
  return labels;
}
