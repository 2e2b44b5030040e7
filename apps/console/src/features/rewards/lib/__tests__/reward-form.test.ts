import { CreateRewardSchema, UpdateRewardSchema, type Reward } from '@tally/domain';
import { localInputToIso } from '../../../../lib/local-date-time';
import { NEW_REWARD, rewardToValues, toCreateInput, toUpdateInput } from '../reward-form';

const coffee: Reward = {
  id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
  name: 'Free coffee',
  description: 'Any size, any store.',
  imageUrl: 'https://cdn.example.com/coffee.png',
  costPoints: 500,
  stock: 20,
  perMemberLimit: 2,
  activeFrom: '2025-01-01T09:00:37.123Z',
  activeUntil: '2025-12-31T18:00:00.000Z',
  voucherValidDays: 14,
  archived: false,
};

describe('toCreateInput', () => {
  it('leaves empty optional fields out, so stock and the limit are unlimited and the start is now', () => {
    const input = toCreateInput({ ...NEW_REWARD, name: 'Tote bag', costPoints: '1200' });

    expect(CreateRewardSchema.parse(input)).toEqual({
      name: 'Tote bag',
      description: '',
      costPoints: 1200,
      voucherValidDays: 30,
    });
  });

  it('turns numbers and local dates into the request', () => {
    const input = toCreateInput({
      ...NEW_REWARD,
      name: ' Tote bag ',
      imageUrl: ' https://cdn.example.com/tote.png ',
      costPoints: '1200',
      stock: '0',
      perMemberLimit: '1',
      activeFrom: '2025-07-01T09:00',
      activeUntil: '2025-08-01T09:00',
      voucherValidDays: '7',
    });

    expect(CreateRewardSchema.parse(input)).toEqual({
      name: 'Tote bag',
      description: '',
      imageUrl: 'https://cdn.example.com/tote.png',
      costPoints: 1200,
      stock: 0,
      perMemberLimit: 1,
      activeFrom: localInputToIso('2025-07-01T09:00'),
      activeUntil: localInputToIso('2025-08-01T09:00'),
      voucherValidDays: 7,
    });
  });

  it('lets the schema name a missing or fractional cost', () => {
    const missing = CreateRewardSchema.safeParse(toCreateInput({ ...NEW_REWARD, name: 'Tote bag' }));
    const fractional = CreateRewardSchema.safeParse(
      toCreateInput({ ...NEW_REWARD, name: 'Tote bag', costPoints: '2.5' }),
    );

    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['costPoints']);
    expect(fractional.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['costPoints', 'must be whole points'],
    ]);
  });

  it('lets the schema refuse an end before the start', () => {
    const result = CreateRewardSchema.safeParse(
      toCreateInput({
        ...NEW_REWARD,
        name: 'Tote bag',
        costPoints: '100',
        activeFrom: '2025-08-01T09:00',
        activeUntil: '2025-07-01T09:00',
      }),
    );

    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['activeUntil', 'must be after the start'],
    ]);
  });
});

describe('toUpdateInput', () => {
  it('sends every field back as it was when nothing was edited, to the millisecond', () => {
    const { id: _id, archived: _archived, ...fields } = coffee;

    expect(UpdateRewardSchema.parse(toUpdateInput(rewardToValues(coffee), coffee))).toEqual(fields);
  });

  it('clears emptied optional fields with null and keeps the start when it is emptied', () => {
    const values = {
      ...rewardToValues(coffee),
      imageUrl: '',
      stock: '',
      perMemberLimit: '',
      activeFrom: '',
      activeUntil: '',
    };

    const body = UpdateRewardSchema.parse(toUpdateInput(values, coffee));

    expect(body).toMatchObject({ imageUrl: null, stock: null, perMemberLimit: null, activeUntil: null });
    expect(JSON.parse(JSON.stringify(body))).not.toHaveProperty('activeFrom');
  });

  it('sends a changed start or end as a local time with its offset', () => {
    const values = {
      ...rewardToValues(coffee),
      activeFrom: '2025-02-01T08:15',
      activeUntil: '2025-03-01T20:00',
    };

    expect(toUpdateInput(values, coffee)).toMatchObject({
      activeFrom: localInputToIso('2025-02-01T08:15'),
      activeUntil: localInputToIso('2025-03-01T20:00'),
    });
  });
});
