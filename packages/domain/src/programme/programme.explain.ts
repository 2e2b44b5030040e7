import type { LineKind, PublicProgramme, Tier } from './programme.schema.js';

/**
 * The programme in plain words, generated from its settings so the "how it works" page can never drift
 * from what the earn engine, the ledger and the tier rule actually do. Numbers and money are formatted
 * with `Intl` for the reader's locale; the wording is English.
 */
export type ProgrammeSectionId = 'earn' | 'tiers' | 'pending' | 'expiry' | 'refunds';

export interface ProgrammeSection {
  id: ProgrammeSectionId;
  title: string;
  paragraphs: string[];
  /** A list shown after the paragraphs (the tiers, one line each); empty when there is none. */
  items: string[];
}

const EXCLUDED_KIND_WORDS: Record<LineKind, string> = {
  item: 'goods',
  tax: 'tax',
  shipping: 'shipping and delivery',
  gift_card: 'gift cards',
  paid_with_points: 'the part of a purchase you pay with points',
};

const LINE_KIND_ORDER: readonly LineKind[] = ['item', 'tax', 'shipping', 'gift_card', 'paid_with_points'];

/** Tiers are measured over this rolling window (see the tier rule in the API's programme service). */
const TIER_WINDOW_MONTHS = 12;

export function explainProgramme(programme: PublicProgramme, locale: string): ProgrammeSection[] {
  const f = formatters(programme.currency, locale);
  return [
    earnSection(programme, f),
    tiersSection(programme, f),
    pendingSection(programme, f),
    expirySection(programme, f),
    refundsSection(programme),
  ];
}

interface Formatters {
  number: (n: number) => string;
  /** An amount in minor units (pence) as money. */
  money: (minor: number) => string;
  points: (n: number) => string;
  count: (n: number, one: string, other: string) => string;
  multiplier: (bp: number) => string;
  list: (parts: string[]) => string;
}

function formatters(currency: string, locale: string): Formatters {
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const minorDigits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const multiplier = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const plural = new Intl.PluralRules('en');
  const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
  const count = (n: number, one: string, other: string) =>
    `${number.format(n)} ${plural.select(n) === 'one' ? one : other}`;
  return {
    number: (n) => number.format(n),
    money: (minor) => money.format(minor / 10 ** minorDigits),
    points: (n) => count(n, 'point', 'points'),
    count,
    multiplier: (bp) => `${multiplier.format(bp / 10_000)}×`,
    list: (parts) => list.format(parts),
  };
}

function earnSection(p: PublicProgramme, f: Formatters): ProgrammeSection {
  const paragraphs: string[] = [];
  if (p.pointsPerUnit === 0) {
    paragraphs.push('Purchases do not earn points at the moment.');
  } else {
    paragraphs.push(`You earn ${f.points(p.pointsPerUnit)} for every ${f.money(p.spendUnit)} you spend.`);
    // The earn engine counts whole spend units of the eligible total: show what that means with numbers.
    const example = p.spendUnit * 9 + Math.floor(p.spendUnit / 2);
    if (example % p.spendUnit !== 0) {
      paragraphs.push(
        `Points are counted for each whole ${f.money(p.spendUnit)}: a purchase of ${f.money(example)} earns ${f.points(9 * p.pointsPerUnit)}.`,
      );
    }
  }
  const excluded = LINE_KIND_ORDER.filter((kind) => p.excludedKinds.includes(kind));
  if (p.pointsPerUnit > 0) {
    paragraphs.push(
      excluded.length === 0
        ? 'Everything on your receipt counts towards your points.'
        : `These do not earn points: ${f.list(excluded.map((kind) => EXCLUDED_KIND_WORDS[kind]))}.`,
    );
  }
  return { id: 'earn', title: 'How you earn points', paragraphs, items: [] };
}

function tiersSection(p: PublicProgramme, f: Formatters): ProgrammeSection {
  const title = 'Tiers';
  if (p.tiers.length === 0) {
    return {
      id: 'tiers',
      title,
      paragraphs: ['There are no tiers: every member earns at the same rate.'],
      items: [],
    };
  }
  const measure =
    p.tierBasis === 'spend'
      ? `how much you spent in the last ${f.count(TIER_WINDOW_MONTHS, 'month', 'months')}`
      : `the points you earned in the last ${f.count(TIER_WINDOW_MONTHS, 'month', 'months')}`;
  const tiers = [...p.tiers].sort((a, b) => a.threshold - b.threshold);
  return {
    id: 'tiers',
    title,
    paragraphs: [
      `Your tier depends on ${measure}. It is checked again after every purchase and every refund, so it can go up or down.`,
    ],
    items: tiers.map((tier) => describeTier(tier, p.tierBasis, f)),
  };
}

function describeTier(tier: Tier, basis: PublicProgramme['tierBasis'], f: Formatters): string {
  const from =
    tier.threshold === 0
      ? 'where everyone starts'
      : basis === 'spend'
        ? `from ${f.money(tier.threshold)} spent`
        : `from ${f.points(tier.threshold)} earned`;
  const rate =
    tier.multiplierBp === 10_000
      ? 'the standard rate'
      : `${f.multiplier(tier.multiplierBp)} the standard points`;
  const benefits = tier.benefits.trim();
  return `${tier.name} (${from}): ${rate}${benefits ? `. ${benefits.replace(/\.$/, '')}` : ''}.`;
}

function pendingSection(p: PublicProgramme, f: Formatters): ProgrammeSection {
  const paragraphs =
    p.pendingDays === 0
      ? ['Points are yours to spend as soon as you earn them.']
      : [
          `New points are pending for ${f.count(p.pendingDays, 'day', 'days')}, the time you have to return what you bought. After that they become available to spend.`,
          'Your home page shows pending points and the date they become available.',
        ];
  return { id: 'pending', title: 'When points can be spent', paragraphs, items: [] };
}

function expirySection(p: PublicProgramme, f: Formatters): ProgrammeSection {
  const inactivity =
    p.inactivityMonths === null
      ? []
      : [
          `If you neither earn nor spend points for ${f.count(p.inactivityMonths, 'month', 'months')}, all your available points expire. Any purchase that earns points, or any reward you take, starts the ${f.count(p.inactivityMonths, 'month', 'months')} again.`,
        ];
  const paragraphs =
    p.expiryMonths === null
      ? [
          p.inactivityMonths === null ? 'Your points never expire.' : 'Points do not expire with age.',
          ...inactivity,
        ]
      : [
          p.expiryRounding === 'month_end'
            ? `Points expire at the end of the month, ${f.count(p.expiryMonths, 'month', 'months')} after you earn them.`
            : `Points expire ${f.count(p.expiryMonths, 'month', 'months')} after you earn them.`,
          ...inactivity,
          'When you spend points, the ones closest to expiring are used first. Your home page shows the points that expire in the next 30, 60 and 90 days.',
        ];
  if (p.expiryMonths === null && p.inactivityMonths !== null)
    paragraphs.push('Your home page shows the date your points would expire and how many.');
  return { id: 'expiry', title: 'When points expire', paragraphs, items: [] };
}

function refundsSection(p: PublicProgramme): ProgrammeSection {
  return {
    id: 'refunds',
    title: 'Returns and refunds',
    paragraphs: [
      'If you return something, the points it earned are taken back, in proportion to what you return. Points you paid with on that purchase come back to you in the same proportion, with their original expiry date.',
      p.refundPolicy === 'debt'
        ? 'If you have already spent the points a return takes back, your balance shows them as points owed, and the next points you earn pay that off first.'
        : 'If you have already spent the points a return would take back, you keep them: we only take back points you still have.',
    ],
    items: [],
  };
}
