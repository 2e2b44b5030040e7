import type { CampaignDefinition } from '@tally/domain';
import { isoToLocalInput, localInputToUtc } from '../../../lib/local-date-time';
import { minorToUnits, unitsToMinor } from '../../../lib/money';

/**
 * What the campaign editor holds (text, as the inputs do) and how it becomes a `CampaignDefinition` for
 * the domain's schema to check. The field names are the definition's own paths (`window.endsAt`), so the
 * schema's issues and the API's problem+json `errors` land beside the right input without a lookup table.
 */
export type CampaignFormValues = {
  name: string;
  description: string;
  'window.startsAt': string;
  'window.endsAt': string;
  'window.daysOfWeek': string[];
  'window.hours.from': string;
  'window.hours.to': string;
  'audience.tierIds': string[];
  'audience.segments': string[];
  'audience.newMembersWithinDays': string;
  'audience.birthdayMonth': boolean;
  'basket.categories': string;
  'basket.skus': string;
  'basket.minSpend': string;
  'effect.type': string;
  'effect.multiplierBp': string;
  'effect.points': string;
  'limits.budgetPoints': string;
  'limits.perMember.points': string;
  'limits.perMember.period': string;
  stacking: string;
};

export const CAMPAIGN_LABELS: Record<keyof CampaignFormValues, string> = {
  name: 'Campaign name',
  description: 'Description',
  'window.startsAt': 'Starts',
  'window.endsAt': 'Ends',
  'window.daysOfWeek': 'Days of the week',
  'window.hours.from': 'From hour',
  'window.hours.to': 'Until hour',
  'audience.tierIds': 'Tiers',
  'audience.segments': 'Segments',
  'audience.newMembersWithinDays': 'New members within (days)',
  'audience.birthdayMonth': 'Only in the member’s birthday month',
  'basket.categories': 'Categories',
  'basket.skus': 'SKUs',
  'basket.minSpend': 'Minimum spend',
  'effect.type': 'Effect',
  'effect.multiplierBp': 'Multiplier (×)',
  'effect.points': 'Bonus points',
  'limits.budgetPoints': 'Total budget (points)',
  'limits.perMember.points': 'Allowance per member (points)',
  'limits.perMember.period': 'Allowance period',
  stacking: 'With other campaigns',
};

/** 0 = Sunday, as the domain counts; listed from Monday, as a week reads in the UK. */
export const WEEKDAYS = [
  { value: '1', label: 'Monday' },
  { value: '2', label: 'Tuesday' },
  { value: '3', label: 'Wednesday' },
  { value: '4', label: 'Thursday' },
  { value: '5', label: 'Friday' },
  { value: '6', label: 'Saturday' },
  { value: '0', label: 'Sunday' },
] as const;

export const ALLOWANCE_PERIODS = [
  { value: 'day', label: 'per day' },
  { value: 'week', label: 'per week (from Monday)' },
  { value: 'month', label: 'per month' },
  { value: 'campaign', label: 'for the whole campaign' },
] as const;

export const NEW_CAMPAIGN: CampaignFormValues = {
  name: '',
  description: '',
  'window.startsAt': '',
  'window.endsAt': '',
  'window.daysOfWeek': [],
  'window.hours.from': '',
  'window.hours.to': '',
  'audience.tierIds': [],
  'audience.segments': [],
  'audience.newMembersWithinDays': '',
  'audience.birthdayMonth': false,
  'basket.categories': '',
  'basket.skus': '',
  'basket.minSpend': '',
  'effect.type': 'multiplier',
  'effect.multiplierBp': '2',
  'effect.points': '',
  'limits.budgetPoints': '',
  'limits.perMember.points': '',
  'limits.perMember.period': 'campaign',
  stacking: 'stack',
};

/** `'a, b,,c '` → `['a', 'b', 'c']`, without repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}

/** `''` → `undefined`; anything else as a number (NaN included), so the schema has the last word. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** `×1.5` as typed → 15000 basis points; rounding only undoes binary fractions (1.1 × 10000). */
export function multiplierToBp(text: string): number | undefined {
  const value = toNumber(text.replace(/^×/, ''));
  return value === undefined ? undefined : Math.round(value * 10_000);
}

export function bpToMultiplier(bp: number): string {
  return String(bp / 10_000);
}

export function campaignToValues(definition: CampaignDefinition, currency: string): CampaignFormValues {
  const { window, audience, basket, effect, limits } = definition;
  return {
    name: definition.name,
    description: definition.description,
    'window.startsAt': isoToLocalInput(window.startsAt),
    'window.endsAt': window.endsAt === null ? '' : isoToLocalInput(window.endsAt),
    'window.daysOfWeek': window.daysOfWeek.map(String),
    'window.hours.from': window.hours ? String(window.hours.from) : '',
    'window.hours.to': window.hours ? String(window.hours.to) : '',
    'audience.tierIds': [...audience.tierIds],
    'audience.segments': [...audience.segments],
    'audience.newMembersWithinDays':
      audience.newMembersWithinDays === null ? '' : String(audience.newMembersWithinDays),
    'audience.birthdayMonth': audience.birthdayMonth,
    'basket.categories': basket.categories.join(', '),
    'basket.skus': basket.skus.join(', '),
    'basket.minSpend': basket.minSpend === 0 ? '' : minorToUnits(basket.minSpend, currency),
    'effect.type': effect.type,
    'effect.multiplierBp': effect.type === 'multiplier' ? bpToMultiplier(effect.multiplierBp) : '2',
    'effect.points': effect.type === 'bonus' ? String(effect.points) : '',
    'limits.budgetPoints': limits.budgetPoints === null ? '' : String(limits.budgetPoints),
    'limits.perMember.points': limits.perMember ? String(limits.perMember.points) : '',
    'limits.perMember.period': limits.perMember?.period ?? 'campaign',
    stacking: definition.stacking,
  };
}

/**
 * An instant as the editor should send it: the stored value while the input still shows it (the input
 * only has minutes, so re-reading it would drop the seconds), else the input's new time.
 */
function editedInstant(input: string, current: string | null | undefined): string | undefined {
  if (current && input === isoToLocalInput(current)) return current;
  return localInputToUtc(input);
}

/**
 * The definition for `CampaignDefinitionSchema`. Empty optional fields become the schema's "none":
 * no end, every day, all day, everyone, every line, no budget, no allowance.
 */
export function toDefinitionInput(
  values: CampaignFormValues,
  currency: string,
  current?: CampaignDefinition,
) {
  const hoursFrom = values['window.hours.from'].trim();
  const hoursTo = values['window.hours.to'].trim();
  const allowance = values['limits.perMember.points'].trim();
  const minSpend = values['basket.minSpend'].trim();
  return {
    name: values.name,
    description: values.description,
    window: {
      startsAt: editedInstant(values['window.startsAt'], current?.window.startsAt),
      endsAt: editedInstant(values['window.endsAt'], current?.window.endsAt) ?? null,
      daysOfWeek: values['window.daysOfWeek'].map(Number).sort((a, b) => a - b),
      hours: hoursFrom === '' && hoursTo === '' ? null : { from: toNumber(hoursFrom), to: toNumber(hoursTo) },
    },
    audience: {
      tierIds: values['audience.tierIds'],
      segments: values['audience.segments'],
      newMembersWithinDays: toNumber(values['audience.newMembersWithinDays']) ?? null,
      birthdayMonth: values['audience.birthdayMonth'],
    },
    basket: {
      categories: splitList(values['basket.categories']),
      skus: splitList(values['basket.skus']),
      minSpend: minSpend === '' ? 0 : (unitsToMinor(minSpend, currency) ?? Number.NaN),
    },
    effect:
      values['effect.type'] === 'bonus'
        ? { type: 'bonus', points: toNumber(values['effect.points']) }
        : { type: 'multiplier', multiplierBp: multiplierToBp(values['effect.multiplierBp']) },
    limits: {
      budgetPoints: toNumber(values['limits.budgetPoints']) ?? null,
      perMember:
        allowance === '' ? null : { points: toNumber(allowance), period: values['limits.perMember.period'] },
    },
    stacking: values.stacking,
  };
}
