import {
  ProgrammeSchema,
  compareProgrammes,
  earliestEffective,
  type Programme,
  type ProgrammeChangeRequest,
  type ProgrammeDifference,
  type Reward,
} from '@tally/domain';
import { formatPoints, type FieldValue } from '@tally/ui';
import { localInputToIso } from '../../../lib/local-date-time';

/**
 * The "Announce a change" form. Field names are the API's own paths (`programme.pendingDays`,
 * `programme.tiers.1.threshold`, `effectiveAt`), so its field errors land beside the right input.
 */
export type ChangeFormValues = Record<string, FieldValue>;

export const EXPIRY_NEVER = 'expiryNever';
export const tierField = (index: number, key: 'threshold' | 'multiplierBp') =>
  `programme.tiers.${index}.${key}`;
export const priceField = (rewardId: string) => `price.${rewardId}`;

function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** `''` → undefined and text that is no number → NaN, for the schema to name the field. */
export function whole(text: FieldValue | undefined): number | undefined {
  const t = typeof text === 'string' ? text.trim() : '';
  return t === '' ? undefined : Number(t);
}

/** `'1.25'` → `12500` basis points. */
function multiplierBp(text: FieldValue | undefined): number | undefined {
  const n = whole(text);
  return n === undefined ? undefined : Math.round(n * 10_000);
}

/** The spend unit typed in currency units (`'1.00'`) → minor units (`100` for GBP). */
function spendUnitMinor(text: FieldValue | undefined, currency: string): number | undefined {
  const n = whole(text);
  return n === undefined ? undefined : Math.round(n * 10 ** currencyDigits(currency));
}

export function changeFormValues(programme: Programme, rewards: readonly Reward[]): ChangeFormValues {
  const values: ChangeFormValues = {
    'programme.pointsPerUnit': String(programme.pointsPerUnit),
    'programme.spendUnit': (programme.spendUnit / 10 ** currencyDigits(programme.currency)).toFixed(
      currencyDigits(programme.currency),
    ),
    'programme.pendingDays': String(programme.pendingDays),
    [EXPIRY_NEVER]: programme.expiryMonths === null,
    'programme.expiryMonths': programme.expiryMonths === null ? '' : String(programme.expiryMonths),
    'programme.inactivityMonths':
      programme.inactivityMonths === null ? '' : String(programme.inactivityMonths),
    'programme.refundPolicy': programme.refundPolicy,
    effectiveAt: '',
  };
  programme.tiers.forEach((tier, i) => {
    values[tierField(i, 'threshold')] = String(tier.threshold);
    values[tierField(i, 'multiplierBp')] = String(tier.multiplierBp / 10_000);
  });
  for (const reward of rewards) values[priceField(reward.id)] = String(reward.costPoints);
  return values;
}

export function changeFormLabels(programme: Programme, rewards: readonly Reward[]): Record<string, string> {
  const labels: Record<string, string> = {
    'programme.pointsPerUnit': 'Points per spend unit',
    'programme.spendUnit': `Spend unit (${programme.currency})`,
    'programme.pendingDays': 'Return window (days)',
    [EXPIRY_NEVER]: 'Points never expire',
    'programme.expiryMonths': 'Points expire after (months)',
    'programme.inactivityMonths': 'All points expire after inactivity (months)',
    'programme.refundPolicy': 'When a purchase is refunded',
    effectiveAt: 'Takes effect on',
  };
  programme.tiers.forEach((tier, i) => {
    labels[tierField(i, 'threshold')] = `${tier.name} threshold`;
    labels[tierField(i, 'multiplierBp')] = `${tier.name} multiplier`;
  });
  for (const reward of rewards) labels[priceField(reward.id)] = `${reward.name} (points)`;
  return labels;
}

/** The request the form describes: the current programme with the member-facing settings edited. */
export function toChangeRequest(
  values: ChangeFormValues,
  current: Programme,
  rewards: readonly Reward[],
): ProgrammeChangeRequest {
  const programme = {
    ...current,
    pointsPerUnit: whole(values['programme.pointsPerUnit']),
    spendUnit: spendUnitMinor(values['programme.spendUnit'], current.currency),
    pendingDays: whole(values['programme.pendingDays']),
    expiryMonths: values[EXPIRY_NEVER] === true ? null : whole(values['programme.expiryMonths']),
    // Empty: no inactivity rule.
    inactivityMonths: whole(values['programme.inactivityMonths']) ?? null,
    refundPolicy: values['programme.refundPolicy'],
    tiers: current.tiers.map((tier, i) => ({
      ...tier,
      threshold: whole(values[tierField(i, 'threshold')]),
      multiplierBp: multiplierBp(values[tierField(i, 'multiplierBp')]),
    })),
  };
  const rewardPrices = rewards.flatMap((reward) => {
    const cost = whole(values[priceField(reward.id)]);
    return cost === undefined || cost === reward.costPoints
      ? []
      : [{ rewardId: reward.id, costPoints: cost }];
  });
  // The schema refuses what does not fit (an empty or non-numeric field), naming it.
  return {
    effectiveAt: localInputToIso(String(values.effectiveAt ?? '')),
    programme,
    rewardPrices,
  } as unknown as ProgrammeChangeRequest;
}

export interface ChangePreview {
  differences: ProgrammeDifference[];
  worse: boolean;
  /** The earliest the change may take effect: now, or after the notice period when it is worse. */
  earliest: Date;
  /** False while a setting is not yet a valid value (nothing to compare). */
  complete: boolean;
}

/** What the change does for members, by the same rule the API applies (`compareProgrammes`). */
export function previewChange(
  request: ProgrammeChangeRequest,
  current: Programme,
  rewards: readonly Reward[],
  now: Date,
): ChangePreview {
  const parsed = ProgrammeSchema.safeParse(request.programme);
  const differences = parsed.success ? compareProgrammes(current, parsed.data) : [];
  for (const { rewardId, costPoints } of request.rewardPrices ?? []) {
    const reward = rewards.find((r) => r.id === rewardId);
    if (!reward || !Number.isInteger(costPoints) || costPoints < 1) continue;
    differences.push({
      setting: 'rewardPrices',
      summary: `${reward.name} costs ${formatPoints(costPoints)} points instead of ${formatPoints(reward.costPoints)}`,
      worse: costPoints > reward.costPoints,
    });
  }
  const worse = differences.some((d) => d.worse);
  return {
    differences,
    worse,
    earliest: earliestEffective(worse, current.changeNoticeDays, now),
    complete: parsed.success,
  };
}
