import fc from 'fast-check';
import { DEFAULT_PROGRAMME } from '../../programme/programme.schema.js';
import {
  type SimulatedMember,
  type SimulatedSale,
  type SimulationTotals,
  simulateSales,
  simulationPeriod,
  simulationPeriodProblems,
} from '../campaign-simulation.rules.js';
import { CampaignSimulationRequestSchema } from '../campaign-simulation.schema.js';
import { CampaignDefinitionSchema, type CampaignDefinitionInput } from '../campaign.schema.js';

const ID = 'c-sim';
const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
const ZERO: SimulationTotals = {
  pointsIssued: 0,
  receiptsMatched: 0,
  membersReached: 0,
  budgetExhaustedAt: null,
};

/** Double points on coffee; its own dates are in the future (a draft), which the simulation replaces. */
const definition = (overrides: Partial<CampaignDefinitionInput> = {}) =>
  CampaignDefinitionSchema.parse({
    name: 'Double coffee',
    window: { startsAt: '2030-01-01T00:00:00Z', endsAt: null },
    basket: { categories: ['coffee'] },
    effect: { type: 'multiplier', multiplierBp: 20_000 },
    ...overrides,
  });

/** A sale of `pounds` of coffee (or of bread) by a member at an instant, in London. */
function sale(
  memberId: string,
  at: string,
  pounds: number,
  category = 'coffee',
  tierId = 'member',
): SimulatedSale {
  return {
    memberId,
    at: new Date(at),
    timeZone: 'Europe/London',
    receipt: {
      id: `r-${memberId}-${at}`,
      currency: 'GBP',
      lines: [{ sku: 'x', category, quantity: 1, unitPrice: pounds * 100, kind: 'item' }],
    },
    member: { tierId, segments: [], joinedAt: '2025-01-01T00:00:00Z', birthday: null },
  };
}

const run = (
  sales: SimulatedSale[],
  def = definition(),
  state: { totals?: SimulationTotals; members?: Map<string, SimulatedMember> } = {},
) =>
  simulateSales({
    campaignId: ID,
    definition: def,
    period,
    programme: DEFAULT_PROGRAMME,
    totals: state.totals ?? ZERO,
    members: state.members ?? new Map(),
    sales,
  });

describe('simulateSales', () => {
  it('adds the campaign’s own points to the matching sales in the period, counting members and receipts once', () => {
    const { totals, members } = run([
      sale('ann', '2026-03-02T10:00:00Z', 10),
      sale('bob', '2026-03-02T11:00:00Z', 7),
      sale('ann', '2026-03-03T10:00:00Z', 5),
      sale('cat', '2026-03-03T12:00:00Z', 50, 'bread'),
    ]);

    expect(totals).toEqual({
      pointsIssued: 22,
      receiptsMatched: 3,
      membersReached: 2,
      budgetExhaustedAt: null,
    });
    expect(members.get('ann')?.points).toBe(15);
    expect(members.get('bob')?.points).toBe(7);
    expect(members.has('cat')).toBe(false);
  });

  it('spends the budget in receipt order: the sale that reaches it gets what is left, later ones nothing', () => {
    const { totals } = run(
      [
        sale('ann', '2026-03-02T10:00:00Z', 10),
        sale('bob', '2026-03-02T11:00:00Z', 10),
        sale('cat', '2026-03-02T12:00:00Z', 10),
        sale('dan', '2026-03-02T13:00:00Z', 10),
      ],
      definition({ limits: { budgetPoints: 25 } }),
    );

    expect(totals).toEqual({
      pointsIssued: 25,
      receiptsMatched: 3,
      membersReached: 3,
      budgetExhaustedAt: new Date('2026-03-02T12:00:00Z'),
    });
  });

  it('caps each member per UTC day, and a new day brings a new allowance', () => {
    const { totals, members } = run(
      [
        sale('ann', '2026-03-02T09:00:00Z', 10),
        sale('ann', '2026-03-02T20:00:00Z', 10),
        sale('ann', '2026-03-03T09:00:00Z', 10),
      ],
      definition({ limits: { perMember: { points: 12, period: 'day' } } }),
    );

    expect(totals.pointsIssued).toBe(22);
    expect(members.get('ann')).toEqual({
      periodStart: new Date('2026-03-03T00:00:00Z'),
      periodPoints: 10,
      points: 22,
    });
  });

  it('caps each member once over the whole simulation with a per-campaign allowance', () => {
    const { totals } = run(
      [
        sale('ann', '2026-03-02T09:00:00Z', 10),
        sale('ann', '2026-03-20T09:00:00Z', 10),
        sale('bob', '2026-03-21T09:00:00Z', 10),
      ],
      definition({ limits: { perMember: { points: 15, period: 'campaign' } } }),
    );

    expect(totals).toMatchObject({ pointsIssued: 25, receiptsMatched: 3, membersReached: 2 });
  });

  it('keeps the campaign’s days and hours in the store’s time zone, with its dates replaced by the period', () => {
    // Mondays 07:00–11:00 London time; 2 March 2026 is a Monday (GMT), 3 March a Tuesday.
    const { totals } = run(
      [
        sale('ann', '2026-03-02T07:30:00Z', 10),
        sale('bob', '2026-03-02T11:30:00Z', 10),
        sale('cat', '2026-03-03T08:00:00Z', 10),
      ],
      definition({
        window: {
          startsAt: '2030-01-01T00:00:00Z',
          endsAt: null,
          daysOfWeek: [1],
          hours: { from: 7, to: 11 },
        },
      }),
    );

    expect(totals).toMatchObject({ pointsIssued: 10, receiptsMatched: 1 });
  });

  it('uses the tier the member had at each sale for a tier audience', () => {
    const { totals } = run(
      [
        sale('ann', '2026-03-02T10:00:00Z', 10, 'coffee', 'member'),
        sale('ann', '2026-03-09T10:00:00Z', 10, 'coffee', 'silver'),
      ],
      definition({ audience: { tierIds: ['silver'] } }),
    );

    expect(totals).toMatchObject({ pointsIssued: 10, receiptsMatched: 1, membersReached: 1 });
  });

  it('gives the same figures in batches, carrying totals and member states over, as in one go', () => {
    const arbitrarySale = fc.record({
      member: fc.constantFrom('ann', 'bob', 'cat'),
      day: fc.integer({ min: 1, max: 30 }),
      pounds: fc.integer({ min: 1, max: 40 }),
      category: fc.constantFrom('coffee', 'bread'),
    });
    const limits = fc.record({
      budgetPoints: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
      perMember: fc.option(
        fc.record({
          points: fc.integer({ min: 1, max: 60 }),
          period: fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'campaign' as const),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(arbitrarySale, { maxLength: 40 }), fc.nat(), limits, (raw, cut, lim) => {
        const sales = raw
          .map((s, i) =>
            sale(
              s.member,
              `2026-03-${String(s.day).padStart(2, '0')}T10:${String(i).padStart(2, '0')}:00Z`,
              s.pounds,
              s.category,
            ),
          )
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        const def = definition({ limits: lim });
        const whole = run(sales, def);
        const at = sales.length === 0 ? 0 : cut % (sales.length + 1);
        const first = run(sales.slice(0, at), def);
        const second = run(sales.slice(at), def, { totals: first.totals, members: first.members });
        expect(second.totals).toEqual(whole.totals);
        if (lim.budgetPoints !== null)
          expect(whole.totals.pointsIssued).toBeLessThanOrEqual(lim.budgetPoints);
      }),
      { seed: 20260301, numRuns: 200 },
    );
  });
});

describe('simulation periods', () => {
  const now = new Date('2026-04-10T12:00:00Z');
  const parse = (from: string, to: string) => CampaignSimulationRequestSchema.safeParse({ from, to });

  it.each<[string, string, string, string]>([
    ['an end before the start', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z', 'must be after the start'],
    ['an empty period', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', 'must be after the start'],
    [
      'more than 366 days',
      '2025-01-01T00:00:00Z',
      '2026-01-03T00:00:00Z',
      'must be at most 366 days after the start',
    ],
  ])('refuses %s on `to`', (_case, from, to, message) => {
    const result = parse(from, to);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['to', message]]);
  });

  it('takes instants with an offset, and 366 days exactly', () => {
    expect(parse('2025-01-01T00:00:00+01:00', '2026-01-02T00:00:00+01:00').success).toBe(true);
    expect(parse('yesterday', '2026-01-01T00:00:00Z').error?.issues[0]?.path).toEqual(['from']);
  });

  it.each<[string, string, string, { field: string; message: string }[]]>([
    ['a past period', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', []],
    [
      'a start in the future',
      '2026-04-11T00:00:00Z',
      '2026-04-12T00:00:00Z',
      [{ field: 'from', message: 'must be in the past' }],
    ],
    [
      'an end well in the future',
      '2026-04-01T00:00:00Z',
      '2026-04-11T00:00:00Z',
      [{ field: 'to', message: 'must not be in the future' }],
    ],
    ['an end a few seconds ahead (a fast clock)', '2026-04-01T00:00:00Z', '2026-04-10T12:00:30Z', []],
  ])('checks %s against the clock', (_case, from, to, problems) => {
    expect(simulationPeriodProblems({ from, to }, now)).toEqual(problems);
  });

  it('ends a period that reaches a little past now at now', () => {
    expect(simulationPeriod({ from: '2026-04-01T00:00:00Z', to: '2026-04-10T12:00:30Z' }, now)).toEqual({
      from: new Date('2026-04-01T00:00:00Z'),
      to: now,
    });
  });
});
