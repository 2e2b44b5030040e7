import fc from 'fast-check';
import { DEFAULT_PROGRAMME, type Programme } from '../../programme/programme.schema.js';
import {
  CampaignRuleSchema,
  type CampaignRuleInput,
  type EarnMember,
  ReceiptSchema,
  type ReceiptInput,
} from '../earn.schema.js';
import { evaluateEarn } from '../earn.rules.js';

const programme: Programme = { ...DEFAULT_PROGRAMME };
const STUDENTS = '5b0e8c86-0f4c-4b6e-9d6f-2f0a4e1c9a01';
const REGULARS = '5b0e8c86-0f4c-4b6e-9d6f-2f0a4e1c9a02';
const member: EarnMember = {
  tierId: 'member',
  segments: [REGULARS],
  joinedAt: '2025-01-01T00:00:00Z',
  birthday: '1990-06-15',
};
// A Wednesday, 10:30 in London (BST).
const ctx = { now: new Date('2026-06-17T09:30:00Z'), timeZone: 'Europe/London' };

const receipt = (lines: ReceiptInput['lines']) => ReceiptSchema.parse({ id: 'r-1', currency: 'GBP', lines });
const campaign = (c: Partial<CampaignRuleInput> & Pick<CampaignRuleInput, 'effect'>) =>
  CampaignRuleSchema.parse({
    id: 'c1',
    name: 'Double coffee',
    window: { startsAt: '2026-01-01T00:00:00Z', endsAt: null },
    ...c,
  });

describe('evaluateEarn', () => {
  it.each<[string, ReceiptInput['lines'], number]>([
    ['whole pounds only', [{ sku: 'a', quantity: 1, unitPrice: 1999 }], 19],
    [
      'several lines add up before flooring',
      [
        { sku: 'a', quantity: 1, unitPrice: 150 },
        { sku: 'b', quantity: 1, unitPrice: 150 },
      ],
      3,
    ],
    ['quantity multiplies', [{ sku: 'a', quantity: 3, unitPrice: 500 }], 15],
    [
      'tax does not earn',
      [
        { sku: 'a', quantity: 1, unitPrice: 1000 },
        { sku: 'vat', quantity: 1, unitPrice: 200, kind: 'tax' },
      ],
      10,
    ],
    [
      'shipping does not earn',
      [
        { sku: 'a', quantity: 1, unitPrice: 1000 },
        { sku: 'ship', quantity: 1, unitPrice: 499, kind: 'shipping' },
      ],
      10,
    ],
    ['gift cards do not earn', [{ sku: 'gc', quantity: 1, unitPrice: 5000, kind: 'gift_card' }], 0],
    [
      'the part paid with points does not earn',
      [
        { sku: 'a', quantity: 1, unitPrice: 2000 },
        { sku: 'pts', quantity: 1, unitPrice: 500, kind: 'paid_with_points' },
      ],
      20,
    ],
    ['under one unit earns nothing', [{ sku: 'a', quantity: 1, unitPrice: 99 }], 0],
  ])('%s', (_, lines, expected) => {
    const result = evaluateEarn(receipt(lines), member, programme, [], ctx);
    expect(result.points).toBe(expected);
    expect(result.lines[0]!.source).toBe('base');
  });

  it('explains the base line in money and says what did not earn', () => {
    const result = evaluateEarn(
      receipt([
        { sku: 'a', quantity: 1, unitPrice: 1250 },
        { sku: 'vat', quantity: 1, unitPrice: 250, kind: 'tax' },
      ]),
      member,
      programme,
      [],
      ctx,
    );
    expect(result.lines[0]!.description).toBe('1 point per £1.00 on £12.50 (£2.50 does not earn)');
    expect(result).toMatchObject({ eligibleAmount: 1250, excludedAmount: 250 });
  });

  it('adds the tier multiplier to base points as its own line, floored once', () => {
    const gold = evaluateEarn(
      receipt([{ sku: 'a', quantity: 1, unitPrice: 1500 }]),
      { ...member, tierId: 'gold' },
      programme,
      [],
      ctx,
    );
    expect(gold.lines).toEqual([
      expect.objectContaining({ source: 'base', points: 15 }),
      expect.objectContaining({ source: 'tier', points: 7, description: 'Gold tier: ×1.5 on base points' }),
    ]);
    expect(gold.points).toBe(22);
  });

  it('applies a category multiplier only to matching lines', () => {
    const double = campaign({
      effect: { type: 'multiplier', multiplierBp: 20_000 },
      basket: { categories: ['coffee'] },
    });
    const result = evaluateEarn(
      receipt([
        { sku: 'latte', category: 'coffee', quantity: 2, unitPrice: 350 },
        { sku: 'cake', category: 'bakery', quantity: 1, unitPrice: 300 },
      ]),
      member,
      programme,
      [double],
      ctx,
    );
    expect(result.lines.map((l) => [l.source, l.points])).toEqual([
      ['base', 10],
      ['campaign', 7],
    ]);
  });

  it('gives a fixed bonus only above the minimum spend', () => {
    const bonus = campaign({ effect: { type: 'bonus', points: 50 }, basket: { minSpend: 2000 } });
    expect(
      evaluateEarn(receipt([{ sku: 'a', quantity: 1, unitPrice: 1999 }]), member, programme, [bonus], ctx)
        .points,
    ).toBe(19);
    expect(
      evaluateEarn(receipt([{ sku: 'a', quantity: 1, unitPrice: 2000 }]), member, programme, [bonus], ctx)
        .points,
    ).toBe(70);
  });

  it.each([
    ['before it starts', { startsAt: '2026-07-01T00:00:00Z', endsAt: null }, false],
    ['after it ends', { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z' }, false],
    ['on a listed weekday', { startsAt: '2026-01-01T00:00:00Z', endsAt: null, daysOfWeek: [3] }, true],
    ['on another weekday', { startsAt: '2026-01-01T00:00:00Z', endsAt: null, daysOfWeek: [0, 6] }, false],
    [
      'inside local happy hours',
      { startsAt: '2026-01-01T00:00:00Z', endsAt: null, hours: { from: 10, to: 11 } },
      true,
    ],
    [
      'outside local hours (09:30 UTC is 10:30 in London)',
      { startsAt: '2026-01-01T00:00:00Z', endsAt: null, hours: { from: 9, to: 10 } },
      false,
    ],
  ])('respects the campaign window: %s', (_, window, applies) => {
    const c = campaign({ window, effect: { type: 'bonus', points: 5 } });
    const result = evaluateEarn(
      receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
      member,
      programme,
      [c],
      ctx,
    );
    expect(result.points).toBe(applies ? 15 : 10);
  });

  it.each([
    ['a tier it targets', { tierIds: ['member'] }, true],
    ['another tier', { tierIds: ['gold'] }, false],
    ['a segment the member is not in', { segments: [STUDENTS] }, false],
    ['a segment the member is in', { segments: [REGULARS] }, true],
    ['any one of its segments', { segments: [STUDENTS, REGULARS] }, true],
    ['new members when the member joined long ago', { newMembersWithinDays: 30 }, false],
    ['the birthday month', { birthdayMonth: true }, true],
  ])('respects the audience: %s', (_, audience, applies) => {
    const c = campaign({ audience, effect: { type: 'bonus', points: 5 } });
    expect(
      evaluateEarn(receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]), member, programme, [c], ctx).points,
    ).toBe(applies ? 15 : 10);
  });

  it('caps a campaign by what is left of its budget and of the member’s allowance', () => {
    const c = campaign({ effect: { type: 'bonus', points: 100 }, remainingBudget: 30, memberRemaining: 40 });
    const result = evaluateEarn(
      receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]),
      member,
      programme,
      [c],
      ctx,
    );
    expect(result.lines.at(-1)).toMatchObject({ source: 'campaign', points: 30 });
    const spent = campaign({ effect: { type: 'bonus', points: 100 }, remainingBudget: 0 });
    expect(
      evaluateEarn(receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]), member, programme, [spent], ctx)
        .lines,
    ).toHaveLength(1);
  });

  it('stacks stackable campaigns, and an exclusive one only when it alone earns more', () => {
    const a = campaign({ id: 'a', effect: { type: 'bonus', points: 10 } });
    const b = campaign({ id: 'b', effect: { type: 'bonus', points: 15 } });
    const solo = campaign({ id: 'x', stacking: 'exclusive', effect: { type: 'bonus', points: 20 } });
    const big = campaign({ id: 'y', stacking: 'exclusive', effect: { type: 'bonus', points: 40 } });
    const basket = receipt([{ sku: 'a', quantity: 1, unitPrice: 1000 }]);
    expect(evaluateEarn(basket, member, programme, [a, b, solo], ctx).lines.map((l) => l.campaignId)).toEqual(
      [null, 'a', 'b'],
    );
    expect(
      evaluateEarn(basket, member, programme, [a, b, solo, big], ctx).lines.map((l) => l.campaignId),
    ).toEqual([null, 'y']);
  });
});

describe('evaluateEarn properties', () => {
  const line = fc.record({
    sku: fc.constantFrom('a', 'b', 'c', 'd'),
    category: fc.constantFrom('coffee', 'bakery', 'fresh'),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.integer({ min: 0, max: 50_000 }),
    kind: fc.constantFrom('item', 'item', 'item', 'tax', 'shipping', 'gift_card', 'paid_with_points'),
  });
  const campaignArb = fc.record({
    id: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
    name: fc.constant('Promo'),
    window: fc.constant({ startsAt: '2026-01-01T00:00:00Z', endsAt: null }),
    basket: fc.record({
      categories: fc.subarray(['coffee', 'bakery']),
      skus: fc.subarray(['a', 'b']),
      minSpend: fc.integer({ min: 0, max: 5000 }),
    }),
    effect: fc.oneof(
      fc.record({
        type: fc.constant('multiplier' as const),
        multiplierBp: fc.integer({ min: 10_000, max: 50_000 }),
      }),
      fc.record({ type: fc.constant('bonus' as const), points: fc.integer({ min: 1, max: 500 }) }),
    ),
    stacking: fc.constantFrom('stack' as const, 'exclusive' as const),
    remainingBudget: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  });
  const tierArb = fc.constantFrom('member', 'silver', 'gold', null);

  const evaluate = (lines: ReceiptInput['lines'], campaigns: CampaignRuleInput[], tierId: string | null) =>
    evaluateEarn(
      receipt(lines),
      { ...member, tierId },
      programme,
      campaigns.map((c) => CampaignRuleSchema.parse(c)),
      ctx,
    );

  it('never gives negative points and its lines always sum to the total', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.uniqueArray(campaignArb, { maxLength: 4, selector: (c) => c.id }),
        tierArb,
        (lines, campaigns, tierId) => {
          const result = evaluate(lines, campaigns, tierId);
          expect(result.points).toBeGreaterThanOrEqual(0);
          expect(result.lines.every((l) => Number.isInteger(l.points) && l.points >= 0)).toBe(true);
          expect(result.lines.reduce((s, l) => s + l.points, 0)).toBe(result.points);
        },
      ),
    );
  });

  it('never lowers the points when an item is added to the basket', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        line,
        fc.uniqueArray(campaignArb, { maxLength: 4, selector: (c) => c.id }),
        tierArb,
        (lines, extra, campaigns, tierId) => {
          expect(evaluate([...lines, extra], campaigns, tierId).points).toBeGreaterThanOrEqual(
            evaluate(lines, campaigns, tierId).points,
          );
        },
      ),
    );
  });

  it('gives the same result for the same input, whatever the order of the campaigns', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(campaignArb, { maxLength: 4, selector: (c) => c.id }),
        tierArb,
        (lines, campaigns, tierId) => {
          expect(evaluate(lines, [...campaigns].reverse(), tierId)).toEqual(
            evaluate(lines, campaigns, tierId),
          );
        },
      ),
    );
  });
});
