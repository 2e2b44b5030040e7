import { compareProgrammes, earliestEffective, memberFacingPatch } from '../programme-change.rules.js';
import { DEFAULT_PROGRAMME, inactivityExpiry, lotExpiry, type Programme } from '../programme.schema.js';

const base = DEFAULT_PROGRAMME;
const tiers = base.tiers;

describe(compareProgrammes.name, () => {
  it.each<[string, Partial<Programme>, boolean, string]>([
    [
      'a lower earn rate',
      { pointsPerUnit: 1, spendUnit: 200 },
      true,
      'You earn 1 point per £2.00 instead of 1 point per £1.00',
    ],
    [
      'a higher earn rate',
      { pointsPerUnit: 2 },
      false,
      'You earn 2 points per £1.00 instead of 1 point per £1.00',
    ],
    [
      'an extra excluded line kind',
      { excludedKinds: [...base.excludedKinds, 'item'] },
      true,
      'No points on item',
    ],
    [
      'one excluded kind fewer',
      { excludedKinds: ['tax'] },
      false,
      'Points also on shipping, gift card, paid with points',
    ],
    [
      'a longer return window',
      { pendingDays: 30 },
      true,
      'Points can be spent 30 days after a purchase (was 14)',
    ],
    ['no return window', { pendingDays: 0 }, false, 'Points can be spent as soon as they are earned'],
    [
      'sooner expiry',
      { expiryMonths: 12 },
      true,
      'Points expire 12 months after they are earned (was: points expire 24 months after they are earned)',
    ],
    [
      'no expiry',
      { expiryMonths: null },
      false,
      'Points never expire (was: points expire 24 months after they are earned)',
    ],
    [
      'points expiring after inactivity',
      { inactivityMonths: 12 },
      true,
      'All your points expire after 12 months without earning or spending (was: no such rule)',
    ],
    ['debt on refunds', { refundPolicy: 'debt' }, false, ''],
    [
      'a new tier basis',
      { tierBasis: 'spend' },
      true,
      'Tiers are reached by spend over 12 months instead of points',
    ],
    [
      'a raised tier threshold',
      { tiers: tiers.map((t) => (t.id === 'gold' ? { ...t, threshold: 6_000 } : t)) },
      true,
      'Gold needs 6,000 instead of 5,000',
    ],
    [
      'a lower tier threshold',
      { tiers: tiers.map((t) => (t.id === 'gold' ? { ...t, threshold: 4_000 } : t)) },
      false,
      'Gold needs 4,000 instead of 5,000',
    ],
    [
      'a lower tier multiplier',
      { tiers: tiers.map((t) => (t.id === 'gold' ? { ...t, multiplierBp: 12_500 } : t)) },
      true,
      'Gold earns ×1.25 instead of ×1.5',
    ],
    ['a tier removed', { tiers: tiers.filter((t) => t.id !== 'gold') }, true, 'The Gold tier ends'],
    [
      'a tier added',
      {
        tiers: [
          ...tiers,
          { id: 'platinum', name: 'Platinum', threshold: 20_000, multiplierBp: 20_000, benefits: '' },
        ],
      },
      false,
      'New tier Platinum from 20,000',
    ],
  ])('%s: worse = %s', (_, change, worse, summary) => {
    const differences = compareProgrammes(base, { ...base, ...change });
    if (summary === '') {
      expect(differences).toEqual([]);
      return;
    }
    expect(differences).toContainEqual(expect.objectContaining({ summary, worse }));
  });

  it('calls refunds turning into debt worse and forgiving them better', () => {
    const forgiving = { ...base, refundPolicy: 'forgive' as const };
    expect(compareProgrammes(forgiving, base)).toEqual([
      expect.objectContaining({ setting: 'refundPolicy', worse: true }),
    ]);
    expect(compareProgrammes(base, forgiving)).toEqual([
      expect.objectContaining({ setting: 'refundPolicy', worse: false }),
    ]);
  });

  it('ignores internal settings members do not feel', () => {
    expect(
      compareProgrammes(base, {
        ...base,
        cashierLimits: { pointsPerReceipt: 1, pointsPerDay: 1 },
        pointValueMilli: 1,
        changeNoticeDays: 60,
      }),
    ).toEqual([]);
  });
});

describe(memberFacingPatch.name, () => {
  it('carries only the member-facing settings that changed', () => {
    expect(
      memberFacingPatch(base, {
        ...base,
        pendingDays: 7,
        cashierLimits: { pointsPerReceipt: 1, pointsPerDay: 1 },
      }),
    ).toEqual({ pendingDays: 7 });
  });
});

describe(earliestEffective.name, () => {
  it('lets a change no worse for members apply now and makes a worse one wait the notice period', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(earliestEffective(false, 30, now)).toEqual(now);
    expect(earliestEffective(true, 30, now).toISOString()).toBe('2026-12-23T12:00:00.000Z');
  });
});

describe(lotExpiry.name, () => {
  const earned = new Date('2026-01-31T10:30:00Z');
  it.each<[string, Pick<Programme, 'expiryMonths' | 'expiryRounding'>, string | null]>([
    ['never', { expiryMonths: null, expiryRounding: 'none' }, null],
    [
      'a month later, the 31st becoming the last day of February',
      { expiryMonths: 1, expiryRounding: 'none' },
      '2026-02-28T10:30:00.000Z',
    ],
    ['24 months later', { expiryMonths: 24, expiryRounding: 'none' }, '2028-01-31T10:30:00.000Z'],
    [
      'at the end of the month 12 months later',
      { expiryMonths: 12, expiryRounding: 'month_end' },
      '2027-02-01T00:00:00.000Z',
    ],
    [
      'across a year end, at the month end',
      { expiryMonths: 11, expiryRounding: 'month_end' },
      '2027-01-01T00:00:00.000Z',
    ],
  ])('expires %s', (_, programme, expected) => {
    expect(lotExpiry(programme, earned)?.toISOString() ?? null).toBe(expected);
  });

  it('calls dropping month-end rounding worse for members and adding it better', () => {
    const rounded = { ...base, expiryRounding: 'month_end' as const };
    expect(compareProgrammes(base, rounded)).toEqual([
      expect.objectContaining({ setting: 'expiryRounding', worse: false }),
    ]);
    expect(compareProgrammes(rounded, base)).toEqual([
      expect.objectContaining({ setting: 'expiryRounding', worse: true }),
    ]);
  });
});

describe(inactivityExpiry.name, () => {
  const lastActive = new Date('2026-03-31T23:15:00Z');
  it('is none without the rule or without any activity', () => {
    expect(inactivityExpiry({ inactivityMonths: null }, lastActive)).toBeNull();
    expect(inactivityExpiry({ inactivityMonths: 6 }, null)).toBeNull();
  });

  it('falls the given calendar months after the last activity, the 31st becoming the month’s last day as in PostgreSQL', () => {
    expect(inactivityExpiry({ inactivityMonths: 1 }, lastActive)?.toISOString()).toBe(
      '2026-04-30T23:15:00.000Z',
    );
    expect(inactivityExpiry({ inactivityMonths: 12 }, lastActive)?.toISOString()).toBe(
      '2027-03-31T23:15:00.000Z',
    );
  });

  it('calls a shorter inactivity period worse for members, and a longer one or none better', () => {
    const strict = { ...base, inactivityMonths: 6 };
    expect(compareProgrammes(strict, { ...strict, inactivityMonths: 3 })).toEqual([
      expect.objectContaining({ setting: 'inactivityMonths', worse: true }),
    ]);
    expect(compareProgrammes(strict, { ...strict, inactivityMonths: 12 })).toEqual([
      expect.objectContaining({ setting: 'inactivityMonths', worse: false }),
    ]);
    expect(compareProgrammes(strict, base)).toEqual([
      {
        setting: 'inactivityMonths',
        summary: 'Points no longer expire for want of activity',
        worse: false,
      },
    ]);
  });
});
