/**
 * Points arithmetic. Points are whole numbers; money is integer minor units. Nothing here uses
 * floating point for a result: proportional shares go through BigInt and are floored once.
 */

/** The largest points amount a single operation may move (far above any real basket, far below 2^53). */
export const MAX_POINTS_PER_OPERATION = 1_000_000_000;

export function isPoints(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** floor(total * part / whole), exact for any safe integers. `whole` must be positive. */
export function proportionalPoints(total: number, part: number, whole: number): number {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(part) || !Number.isSafeInteger(whole)) {
    throw new RangeError('proportionalPoints takes safe integers');
  }
  if (whole <= 0) throw new RangeError('whole must be positive');
  if (part <= 0 || total <= 0) return 0;
  const share = (BigInt(total) * BigInt(Math.min(part, whole))) / BigInt(whole);
  return Number(share);
}

/** How much of a reversal request may still be taken: never more than what is left of the original. */
export function reversibleAmount(original: number, alreadyReversed: number, requested: number): number {
  const left = Math.max(0, original - alreadyReversed);
  return Math.max(0, Math.min(left, requested));
}

/**
 * Splits an incoming credit between paying off debt and the available balance: debt is paid first.
 * `debt` is the positive amount owed.
 */
export function splitAgainstDebt(credit: number, debt: number): { toDebt: number; toAvailable: number } {
  const toDebt = Math.min(Math.max(0, credit), Math.max(0, debt));
  return { toDebt, toAvailable: Math.max(0, credit) - toDebt };
}
