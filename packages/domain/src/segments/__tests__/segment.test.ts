import {
  birthdayMonthAt,
  describeSegment,
  describeSegmentRule,
  periodStart,
  segmentIdsOf,
  signUpBounds,
} from '../segment.rules.js';
import {
  SegmentCountRequestSchema,
  SegmentDefinitionSchema,
  type SegmentRuleInput,
} from '../segment.schema.js';

const STORE = '7d7f6c0e-5d0f-4a53-9a53-3c1a3e0b1f10';

function issuesOf(rules: unknown, extra: object = {}): { field: string; message: string }[] {
  const parsed = SegmentDefinitionSchema.safeParse({ name: 'Regulars', rules, ...extra });
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

describe('SegmentDefinitionSchema', () => {
  it.each<[string, SegmentRuleInput]>([
    ['a tier', { kind: 'tier', tierIds: ['gold'] }],
    ['spend with a minimum only', { kind: 'spend', days: 30, min: 10_000 }],
    ['spend with a maximum only', { kind: 'spend', days: 30, max: 500 }],
    ['spend between equal bounds', { kind: 'spend', days: 30, min: 500, max: 500 }],
    ['visits of at least one', { kind: 'visits', days: 90, min: 1 }],
    ['a recent purchase', { kind: 'lastPurchase', mode: 'within', days: 14 }],
    ['a lapsed customer', { kind: 'lastPurchase', mode: 'notWithin', days: 90 }],
    ['a store', { kind: 'store', storeIds: [STORE], days: 60 }],
    ['a birthday month', { kind: 'birthdayMonth', month: 12 }],
    ['this month’s birthdays', { kind: 'birthdayMonth', month: 'current' }],
    ['joined recently', { kind: 'signUp', withinDays: 30 }],
    ['joined between two dates', { kind: 'signUp', from: '2025-01-01', to: '2025-03-31' }],
    ['joined on or after a date', { kind: 'signUp', from: '2025-01-01' }],
  ])('accepts %s', (_, rule) => {
    expect(issuesOf([rule])).toEqual([]);
  });

  const refusals: [string, unknown, object, string][] = [
    ['no rules', [], {}, 'rules'],
    ['a short name', [{ kind: 'tier', tierIds: ['gold'] }], { name: 'ab' }, 'name'],
    ['an unknown rule kind', [{ kind: 'favourite-colour' }], {}, 'rules.0.kind'],
    ['no tier chosen', [{ kind: 'tier', tierIds: [] }], {}, 'rules.0.tierIds'],
    ['zero days', [{ kind: 'spend', days: 0, min: 1 }], {}, 'rules.0.days'],
    ['fractional days', [{ kind: 'visits', days: 1.5, min: 1 }], {}, 'rules.0.days'],
    ['fractional money', [{ kind: 'spend', days: 30, min: 10.5 }], {}, 'rules.0.min'],
    ['a negative visit count', [{ kind: 'visits', days: 30, min: -1 }], {}, 'rules.0.min'],
    ['neither minimum nor maximum', [{ kind: 'spend', days: 30 }], {}, 'rules.0.min'],
    ['a minimum above the maximum', [{ kind: 'visits', days: 30, min: 5, max: 2 }], {}, 'rules.0.max'],
    ['a purchase mode nobody knows', [{ kind: 'lastPurchase', mode: 'ever', days: 3 }], {}, 'rules.0.mode'],
    [
      'a store that is not an id',
      [{ kind: 'store', storeIds: ['camden'], days: 3 }],
      {},
      'rules.0.storeIds.0',
    ],
    ['month 13', [{ kind: 'birthdayMonth', month: 13 }], {}, 'rules.0.month'],
    ['month zero', [{ kind: 'birthdayMonth', month: 0 }], {}, 'rules.0.month'],
    ['a month by name', [{ kind: 'birthdayMonth', month: 'May' }], {}, 'rules.0.month'],
    ['sign-up with nothing', [{ kind: 'signUp' }], {}, 'rules.0.withinDays'],
    [
      'sign-up with days and dates',
      [{ kind: 'signUp', withinDays: 3, from: '2025-01-01' }],
      {},
      'rules.0.withinDays',
    ],
    [
      'dates the wrong way round',
      [{ kind: 'signUp', from: '2025-03-01', to: '2025-01-01' }],
      {},
      'rules.0.to',
    ],
    ['a date that is not a date', [{ kind: 'signUp', from: '2025-02-30' }], {}, 'rules.0.from'],
    ['an extra field on a rule', [{ kind: 'tier', tierIds: ['gold'], colour: 'red' }], {}, 'rules.0'],
    ['eleven rules', Array.from({ length: 11 }, () => ({ kind: 'tier', tierIds: ['gold'] })), {}, 'rules'],
  ];
  it.each(refusals.map(([what, rules, extra, field]) => [what, field, rules, extra] as const))(
    'refuses %s, naming %s',
    (_, field, rules, extra) => {
      const issues = issuesOf(rules, extra);
      expect(issues.map((i) => i.field)).toContain(field);
    },
  );

  it('names the rule by its position, so the editor can show the message beside it', () => {
    const issues = issuesOf([
      { kind: 'tier', tierIds: ['gold'] },
      { kind: 'spend', days: 30, min: 900, max: 100 },
    ]);
    expect(issues).toEqual([{ field: 'rules.1.max', message: 'must not be less than the minimum' }]);
  });

  it('counts on rules alone: an unsaved segment with no name yet can still be counted', () => {
    expect(
      SegmentCountRequestSchema.safeParse({ definition: { rules: [{ kind: 'visits', days: 7, min: 1 }] } })
        .success,
    ).toBe(true);
    expect(SegmentCountRequestSchema.safeParse({ definition: { rules: [] } }).success).toBe(false);
  });
});

describe('describeSegment', () => {
  const wording = {
    currency: 'GBP',
    tiers: [
      { id: 'gold', name: 'Gold' },
      { id: 'silver', name: 'Silver' },
    ],
    stores: [{ id: STORE, name: 'Camden' }],
  };
  const parse = (rule: SegmentRuleInput) =>
    SegmentDefinitionSchema.parse({ name: 'Any', rules: [rule] }).rules[0]!;

  it.each<[SegmentRuleInput, string]>([
    [{ kind: 'tier', tierIds: ['gold', 'silver', 'bronze'] }, 'In the Gold, Silver or bronze tier'],
    [{ kind: 'spend', days: 30, min: 10_000 }, 'Spent at least £100.00 in the last 30 days'],
    [{ kind: 'spend', days: 1, max: 999 }, 'Spent at most £9.99 in the last day'],
    [
      { kind: 'spend', days: 365, min: 5_000, max: 20_000 },
      'Spent between £50.00 and £200.00 in the last 365 days',
    ],
    [{ kind: 'visits', days: 90, min: 1 }, 'Made at least 1 purchase in the last 90 days'],
    [{ kind: 'visits', days: 90, min: 3 }, 'Made at least 3 purchases in the last 90 days'],
    [{ kind: 'visits', days: 90, min: 2, max: 2 }, 'Made exactly 2 purchases in the last 90 days'],
    [{ kind: 'visits', days: 7, max: 0 }, 'Made at most 0 purchases in the last 7 days'],
    [{ kind: 'lastPurchase', mode: 'within', days: 14 }, 'Bought something in the last 14 days'],
    [{ kind: 'lastPurchase', mode: 'notWithin', days: 90 }, 'Bought before, but nothing for 90 days or more'],
    [{ kind: 'store', storeIds: [STORE], days: 60 }, 'Bought at Camden in the last 60 days'],
    [{ kind: 'birthdayMonth', month: 3 }, 'Birthday in March'],
    [{ kind: 'birthdayMonth', month: 'current' }, 'Birthday this month'],
    [{ kind: 'signUp', withinDays: 30 }, 'Joined in the last 30 days'],
    [
      { kind: 'signUp', from: '2025-01-01', to: '2025-03-31' },
      'Joined between 1 January 2025 and 31 March 2025',
    ],
    [{ kind: 'signUp', to: '2024-12-31' }, 'Joined on or before 31 December 2024'],
  ])('%j reads “%s”', (rule, text) => {
    expect(describeSegmentRule(parse(rule), wording)).toBe(text);
  });

  it('gives one sentence per rule, in order', () => {
    const definition = SegmentDefinitionSchema.parse({
      name: 'Lapsed gold',
      rules: [
        { kind: 'tier', tierIds: ['gold'] },
        { kind: 'lastPurchase', mode: 'notWithin', days: 60 },
      ],
    });
    expect(describeSegment(definition, wording)).toEqual([
      'In the Gold tier',
      'Bought before, but nothing for 60 days or more',
    ]);
  });
});

describe('segment evaluation helpers', () => {
  it('measures a period back from now in whole days of 24 hours', () => {
    expect(periodStart(new Date('2026-03-31T12:00:00Z'), 30).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it('takes "this month" where the evaluation happens', () => {
    const newYearsEveUtc = new Date('2025-12-31T23:30:00Z');
    expect(birthdayMonthAt('current', newYearsEveUtc, 'UTC')).toBe(12);
    expect(birthdayMonthAt('current', newYearsEveUtc, 'Europe/Berlin')).toBe(1);
    expect(birthdayMonthAt(7, newYearsEveUtc, 'UTC')).toBe(7);
  });

  it('covers both named days of a sign-up range, whole', () => {
    expect(signUpBounds('2025-01-01', '2025-01-31')).toEqual({
      from: new Date('2025-01-01T00:00:00Z'),
      until: new Date('2025-02-01T00:00:00Z'),
    });
    expect(signUpBounds(null, null)).toEqual({ from: null, until: null });
  });

  it('lists each segment a set of audiences names once', () => {
    expect(segmentIdsOf([{ segments: ['b', 'a'] }, { segments: [] }, { segments: ['a'] }])).toEqual([
      'a',
      'b',
    ]);
  });
});
