import type { SegmentDefinition, SegmentRule } from './segment.schema.js';

/**
 * Segments in plain words, so the console and the API say the same thing about who is in one, and the
 * small pure rules the API's membership query is built from.
 */
export interface SegmentWording {
  /** To name tiers and stores; an id that is not found is shown as it is. */
  tiers?: readonly { id: string; name: string }[];
  stores?: readonly { id: string; name: string }[];
  /** ISO currency of the programme, for spend. */
  currency: string;
  /** For numbers, money and dates; the wording itself is English. */
  locale?: string;
}

const DAY_MS = 86_400_000;

/** Month names, January first (a birthday rule's month 1 is `MONTH_NAMES[0]`). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `['a', 'b', 'c']` → `a, b or c`. */
function oneOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1) ?? ''}`;
}

function namesOf(ids: readonly string[], known: readonly { id: string; name: string }[] = []): string[] {
  return ids.map((id) => known.find((k) => k.id === id)?.name ?? id);
}

function range(min: number | null, max: number | null, format: (n: number) => string): string {
  if (min !== null && max !== null)
    return min === max ? `exactly ${format(min)}` : `between ${format(min)} and ${format(max)}`;
  if (min !== null) return `at least ${format(min)}`;
  return `at most ${format(max ?? 0)}`;
}

function lastDays(days: number, number: (n: number) => string): string {
  return days === 1 ? 'in the last day' : `in the last ${number(days)} days`;
}

/** One rule as a sentence, e.g. "Spent at least £100.00 in the last 30 days". */
export function describeSegmentRule(rule: SegmentRule, wording: SegmentWording): string {
  const locale = wording.locale ?? 'en-GB';
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const money = (minor: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: wording.currency }).format(minor / 100);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  switch (rule.kind) {
    case 'tier': {
      const names = namesOf(rule.tierIds, wording.tiers);
      return `In the ${oneOf(names)} tier`;
    }
    case 'spend':
      return `Spent ${range(rule.min, rule.max, money)} ${lastDays(rule.days, number)}`;
    case 'visits': {
      const r = range(rule.min, rule.max, number);
      // The noun follows the last number said: "at least 1 purchase", "between 1 and 3 purchases".
      const plural = (rule.max ?? rule.min) !== 1;
      return `Made ${r} purchase${plural ? 's' : ''} ${lastDays(rule.days, number)}`;
    }
    case 'lastPurchase':
      return rule.mode === 'within'
        ? `Bought something ${lastDays(rule.days, number)}`
        : `Bought before, but nothing for ${number(rule.days)} day${rule.days === 1 ? '' : 's'} or more`;
    case 'store':
      return `Bought at ${oneOf(namesOf(rule.storeIds, wording.stores))} ${lastDays(rule.days, number)}`;
    case 'birthdayMonth':
      return rule.month === 'current'
        ? 'Birthday this month'
        : `Birthday in ${MONTH_NAMES[rule.month - 1] ?? String(rule.month)}`;
    case 'signUp':
      if (rule.withinDays !== null) return `Joined ${lastDays(rule.withinDays, number)}`;
      if (rule.from !== null && rule.to !== null)
        return rule.from === rule.to
          ? `Joined on ${date(rule.from)}`
          : `Joined between ${date(rule.from)} and ${date(rule.to)}`;
      return rule.from !== null
        ? `Joined on or after ${date(rule.from)}`
        : `Joined on or before ${date(rule.to ?? '')}`;
  }
}

/** Every rule as a sentence; a member is in the segment when all of them hold. */
export function describeSegment(
  definition: Pick<SegmentDefinition, 'rules'>,
  wording: SegmentWording,
): string[] {
  return definition.rules.map((rule) => describeSegmentRule(rule, wording));
}

/** The start of a rolling period of `days` days ending at `now`. */
export const periodStart = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/**
 * The month (1–12) a birthday rule asks for at `now`: its own, or for `current` the month at `now` in
 * the given time zone (the store's at the till, UTC for counts).
 */
export function birthdayMonthAt(month: number | 'current', now: Date, timeZone: string): number {
  if (month !== 'current') return month;
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' }).format(now));
}

/** The instants a sign-up date range covers: from the first day's start to the end of the last (UTC). */
export function signUpBounds(
  from: string | null,
  to: string | null,
): { from: Date | null; until: Date | null } {
  return {
    from: from === null ? null : new Date(`${from}T00:00:00.000Z`),
    until: to === null ? null : new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS),
  };
}

/** The segment ids a set of campaign audiences names, each once, in a stable order. */
export function segmentIdsOf(audiences: readonly { segments: readonly string[] }[]): string[] {
  return [...new Set(audiences.flatMap((a) => a.segments))].sort();
}
