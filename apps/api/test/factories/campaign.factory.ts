import { randomUUID } from 'node:crypto';

export const HOUR = 3_600_000;
/** An instant `ms` from now, as the API takes it. */
export const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * A double-points campaign on a category of its own, so it never touches other tests' receipts; by
 * default it runs from an hour ago for a day.
 */
export function campaignDefinition(overrides: Record<string, unknown> = {}) {
  const category = `cmp-${randomUUID().slice(0, 8)}`;
  return {
    name: 'Double coffee points',
    window: { startsAt: iso(-HOUR), endsAt: iso(24 * HOUR) },
    basket: { categories: [category] },
    effect: { type: 'multiplier', multiplierBp: 20_000 },
    ...overrides,
  } as { basket: { categories: string[] } } & Record<string, unknown>;
}
