import { formatMoney } from '../earn/earn.rules.js';
import { type ProgrammeDifference } from './programme-change.schema.js';
import { type Programme } from './programme.schema.js';

/**
 * The settings members feel; the rest (cashier limits, point value, notice) is internal. Referral and
 * idea rewards (`referrals`, `ideas`) are internal too: they are thank-you bonuses the business sets
 * and may change at once with `PUT /api/v1/programme` (a bonus already recorded keeps its amount);
 * they do not change what a member's purchases earn or what their points are worth, so they are not
 * announced with notice.
 */
export const MEMBER_FACING_SETTINGS = [
  'currency',
  'spendUnit',
  'pointsPerUnit',
  'excludedKinds',
  'pendingDays',
  'expiryMonths',
  'expiryRounding',
  'inactivityMonths',
  'refundPolicy',
  'tierBasis',
  'tiers',
] as const satisfies readonly (keyof Programme)[];
export type MemberFacingSetting = (typeof MEMBER_FACING_SETTINGS)[number];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const rate = (p: Programme) =>
  `${plural(p.pointsPerUnit, 'point')} per ${formatMoney(p.spendUnit, p.currency)}`;
const expiry = (months: number | null) =>
  months === null ? 'points never expire' : `points expire ${plural(months, 'month')} after they are earned`;
const multiplier = (bp: number) => `×${bp / 10_000}`;

/**
 * Compares the member-facing settings of two programmes and says, for each difference, whether it is
 * worse for members. Worse: fewer points per spend, more excluded line kinds, a longer return window,
 * sooner expiry (by age or for inactivity), debt on refunds, a tier removed, raised or given a lower multiplier, a new tier basis
 * or currency (some members would lose). Everything else that changes is listed as not worse.
 */
export function compareProgrammes(before: Programme, after: Programme): ProgrammeDifference[] {
  const out: ProgrammeDifference[] = [];
  const add = (setting: string, summary: string, worse: boolean) => out.push({ setting, summary, worse });

  if (before.currency !== after.currency)
    add('currency', `The programme counts in ${after.currency} instead of ${before.currency}`, true);
  if (before.spendUnit !== after.spendUnit || before.pointsPerUnit !== after.pointsPerUnit) {
    // Compare points per minor unit without division: a/b < c/d ⇔ a·d < c·b.
    const worse = after.pointsPerUnit * before.spendUnit < before.pointsPerUnit * after.spendUnit;
    add('earnRate', `You earn ${rate(after)} instead of ${rate(before)}`, worse);
  }
  const added = after.excludedKinds.filter((k) => !before.excludedKinds.includes(k));
  const removed = before.excludedKinds.filter((k) => !after.excludedKinds.includes(k));
  if (added.length > 0)
    add('excludedKinds', `No points on ${added.map((k) => k.replaceAll('_', ' ')).join(', ')}`, true);
  if (removed.length > 0)
    add('excludedKinds', `Points also on ${removed.map((k) => k.replaceAll('_', ' ')).join(', ')}`, false);
  if (before.pendingDays !== after.pendingDays)
    add(
      'pendingDays',
      after.pendingDays === 0
        ? 'Points can be spent as soon as they are earned'
        : `Points can be spent ${plural(after.pendingDays, 'day')} after a purchase (was ${before.pendingDays})`,
      after.pendingDays > before.pendingDays,
    );
  if (before.expiryMonths !== after.expiryMonths) {
    const worse =
      after.expiryMonths !== null &&
      (before.expiryMonths === null || after.expiryMonths < before.expiryMonths);
    add(
      'expiryMonths',
      `${capitalise(expiry(after.expiryMonths))} (was: ${expiry(before.expiryMonths)})`,
      worse,
    );
  }
  if (before.expiryRounding !== after.expiryRounding && after.expiryMonths !== null)
    add(
      'expiryRounding',
      after.expiryRounding === 'month_end'
        ? 'Points last until the end of the month they expire in'
        : 'Points expire on the day, no longer at the end of that month',
      after.expiryRounding === 'none',
    );
  if (before.inactivityMonths !== after.inactivityMonths)
    add(
      'inactivityMonths',
      after.inactivityMonths === null
        ? 'Points no longer expire for want of activity'
        : `All your points expire after ${plural(after.inactivityMonths, 'month')} without earning or spending (was: ${
            before.inactivityMonths === null ? 'no such rule' : plural(before.inactivityMonths, 'month')
          })`,
      after.inactivityMonths !== null &&
        (before.inactivityMonths === null || after.inactivityMonths < before.inactivityMonths),
    );
  if (before.refundPolicy !== after.refundPolicy)
    add(
      'refundPolicy',
      after.refundPolicy === 'debt'
        ? 'Points already spent from a refunded purchase are owed back'
        : 'Points already spent from a refunded purchase are forgiven',
      after.refundPolicy === 'debt',
    );
  if (before.tierBasis !== after.tierBasis)
    add(
      'tierBasis',
      `Tiers are reached by ${after.tierBasis} over 12 months instead of ${before.tierBasis}`,
      true,
    );

  for (const old of before.tiers) {
    const next = after.tiers.find((t) => t.id === old.id);
    if (!next) {
      add('tiers', `The ${old.name} tier ends`, true);
      continue;
    }
    if (next.threshold !== old.threshold)
      add(
        'tiers',
        `${next.name} needs ${next.threshold.toLocaleString('en')} instead of ${old.threshold.toLocaleString('en')}`,
        next.threshold > old.threshold,
      );
    if (next.multiplierBp !== old.multiplierBp)
      add(
        'tiers',
        `${next.name} earns ${multiplier(next.multiplierBp)} instead of ${multiplier(old.multiplierBp)}`,
        next.multiplierBp < old.multiplierBp,
      );
    if (next.name !== old.name) add('tiers', `${old.name} is renamed ${next.name}`, false);
    if (next.benefits !== old.benefits)
      add('tiers', `${next.name} benefits: ${next.benefits || 'none'}`, false);
  }
  for (const tier of after.tiers.filter((t) => !before.tiers.some((o) => o.id === t.id)))
    add('tiers', `New tier ${tier.name} from ${tier.threshold.toLocaleString('en')}`, false);
  return out;
}

/** The member-facing settings a change touches, to apply over whatever the programme is by then. */
export function memberFacingPatch(before: Programme, after: Programme): Partial<Programme> {
  return Object.fromEntries(
    MEMBER_FACING_SETTINGS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => [
      k,
      after[k],
    ]),
  );
}

/** The earliest a change may take effect: now for one no worse for members, else after the notice. */
export function earliestEffective(worse: boolean, noticeDays: number, now: Date): Date {
  return worse ? new Date(now.getTime() + noticeDays * 86_400_000) : now;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
