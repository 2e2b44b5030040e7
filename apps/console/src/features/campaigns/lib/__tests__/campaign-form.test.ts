import { CampaignDefinitionSchema } from '@tally/domain';
import { doubleCoffee } from '../../testing/fixtures';
import {
  NEW_CAMPAIGN,
  campaignToValues,
  multiplierToBp,
  splitList,
  toDefinitionInput,
} from '../campaign-form';
import { minorToUnits, unitsToMinor } from '../../../../lib/money';

describe('toDefinitionInput', () => {
  it('gives back the stored definition unchanged when nothing was edited, to the millisecond', () => {
    const values = campaignToValues(doubleCoffee, 'GBP');

    expect(CampaignDefinitionSchema.parse(toDefinitionInput(values, 'GBP', doubleCoffee))).toEqual(
      doubleCoffee,
    );
  });

  it('turns empty optional fields into the schema’s "none": no end, all day, everyone, no limits', () => {
    const input = toDefinitionInput(
      { ...NEW_CAMPAIGN, name: 'Bonus week', 'window.startsAt': '2099-01-01T00:00' },
      'GBP',
    );

    expect(CampaignDefinitionSchema.parse(input)).toMatchObject({
      window: { endsAt: null, daysOfWeek: [], hours: null },
      audience: { tierIds: [], newMembersWithinDays: null, birthdayMonth: false },
      basket: { categories: [], skus: [], minSpend: 0 },
      effect: { type: 'multiplier', multiplierBp: 20_000 },
      limits: { budgetPoints: null, perMember: null },
      stacking: 'stack',
    });
  });

  it('lets the schema name a half-filled hour range and a multiplier out of range', () => {
    const result = CampaignDefinitionSchema.safeParse(
      toDefinitionInput(
        {
          ...NEW_CAMPAIGN,
          name: 'Bonus week',
          'window.startsAt': '2099-01-01T00:00',
          'window.hours.from': '9',
          'effect.multiplierBp': '12',
        },
        'GBP',
      ),
    );

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'window.hours.to',
      'effect.multiplierBp',
    ]);
  });
});

describe('form helpers', () => {
  it.each([
    ['1', 10_000],
    ['1.5', 15_000],
    ['×2', 20_000],
    ['1.1', 11_000],
    ['10', 100_000],
  ])('reads a multiplier of %s as %d basis points', (text, bp) => {
    expect(multiplierToBp(text)).toBe(bp);
  });

  it('splits a comma list, trimming and dropping empties and repeats', () => {
    expect(splitList(' coffee, tea,, coffee ,')).toEqual(['coffee', 'tea']);
  });

  it.each([
    ['5', 'GBP', 500],
    ['5.5', 'GBP', 550],
    ['0.05', 'GBP', 5],
    ['1,250.00', 'GBP', 125_000],
    ['500', 'JPY', 500],
    ['5.555', 'GBP', null],
    ['five', 'GBP', null],
    ['5.5', 'JPY', null],
  ] as const)('reads %s %s as %p minor units', (text, currency, minor) => {
    expect(unitsToMinor(text, currency)).toBe(minor);
  });

  it('shows minor units as an amount to edit', () => {
    expect(minorToUnits(505, 'GBP')).toBe('5.05');
    expect(minorToUnits(500, 'JPY')).toBe('500');
  });
});
