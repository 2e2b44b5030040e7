import type { CampaignDefinition, Tier } from '@tally/domain';
import { formatDateTime, formatPoints } from '@tally/ui';
import { ALLOWANCE_PERIODS, WEEKDAYS } from './campaign-form';
import { formatMinor } from '../../../lib/money';

export const STACKING_EXPLANATIONS = {
  stack: 'Stacks: its points are added to those of any other campaign the same sale qualifies for.',
  exclusive:
    'Exclusive: it does not combine with other campaigns. When a sale qualifies for several, the member gets whichever earns more.',
} as const;

/** `['a', 'b', 'c']` → `a, b or c` (or `and`). */
export function joinWords(words: readonly string[], last: 'or' | 'and' = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1) ?? ''}`;
}

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function describeWindow(window: CampaignDefinition['window']): string {
  const dates = `From ${formatDateTime(window.startsAt)} ${
    window.endsAt ? `until ${formatDateTime(window.endsAt)}` : 'with no end date'
  }`;
  const days =
    window.daysOfWeek.length === 0 || window.daysOfWeek.length === 7
      ? 'every day'
      : `on ${joinWords(
          WEEKDAYS.filter((d) => window.daysOfWeek.includes(Number(d.value))).map((d) => `${d.label}s`),
          'and',
        )}`;
  const hours = window.hours
    ? `between ${hour(window.hours.from)} and ${hour(window.hours.to)} in the store’s time`
    : 'all day';
  return `${dates}, ${days}, ${hours}.`;
}

export function describeAudience(
  audience: CampaignDefinition['audience'],
  tiers: readonly Tier[],
  segmentName: (id: string) => string = (id) => id,
): string {
  const tierNames = audience.tierIds.map((id) => tiers.find((t) => t.id === id)?.name ?? id);
  const parts = [tierNames.length > 0 ? `Members in the ${joinWords(tierNames)} tier` : 'Every member'];
  if (audience.newMembersWithinDays !== null)
    parts.push(`who joined in the last ${formatPoints(audience.newMembersWithinDays)} days`);
  if (audience.segments.length > 0)
    parts.push(
      `in the segment${audience.segments.length === 1 ? '' : 's'} ${joinWords(audience.segments.map(segmentName))}`,
    );
  if (audience.birthdayMonth) parts.push('in their birthday month');
  return `${parts.join(', ')}.`;
}

export function describeBasket(basket: CampaignDefinition['basket'], currency: string): string {
  const which: string[] = [];
  if (basket.categories.length > 0) which.push(`in the categories ${joinWords(basket.categories)}`);
  if (basket.skus.length > 0) which.push(`with the SKUs ${joinWords(basket.skus)}`);
  const lines = which.length > 0 ? `Lines ${which.join(' or ')}` : 'Every line that earns points';
  return basket.minSpend > 0
    ? `${lines}, when the sale spends at least ${formatMinor(basket.minSpend, currency)} on them.`
    : `${lines}.`;
}

export function describeEffect(effect: CampaignDefinition['effect']): string {
  return effect.type === 'multiplier'
    ? `×${effect.multiplierBp / 10_000} points on the matching lines.`
    : `${formatPoints(effect.points)} bonus points per qualifying sale.`;
}

export function describeLimits(limits: CampaignDefinition['limits']): string {
  const budget =
    limits.budgetPoints === null
      ? 'No total budget'
      : `A total budget of ${formatPoints(limits.budgetPoints)} points`;
  const period = ALLOWANCE_PERIODS.find((p) => p.value === limits.perMember?.period)?.label;
  const allowance = limits.perMember
    ? `at most ${formatPoints(limits.perMember.points)} points per member ${period ?? ''}`.trim()
    : 'no limit per member';
  return `${budget}; ${allowance}.`;
}

/** The definition in plain words, one sentence per part, for the detail page. */
export function describeCampaign(
  definition: CampaignDefinition,
  {
    tiers,
    currency,
    segmentName,
  }: { tiers: readonly Tier[]; currency: string; segmentName?: (id: string) => string },
): [term: string, description: string][] {
  return [
    ['When', describeWindow(definition.window)],
    ['Who', describeAudience(definition.audience, tiers, segmentName)],
    ['What counts', describeBasket(definition.basket, currency)],
    ['Reward', describeEffect(definition.effect)],
    ['Limits', describeLimits(definition.limits)],
    ['With other campaigns', STACKING_EXPLANATIONS[definition.stacking]],
  ];
}
