import { DEFAULT_PROGRAMME } from '../../programme/programme.schema.js';
import { basePointsFor, calendarDate, claimDateProblem } from '../claims.rules.js';
import { CreateClaimSchema } from '../claims.schema.js';

describe('claimDateProblem', () => {
  it.each([
    ['2026-06-17', '2026-06-17', null],
    ['2026-06-16', '2026-06-17', null],
    ['2026-03-19', '2026-06-17', null],
    ['2026-03-18', '2026-06-17', 'must be within the last 90 days'],
    ['2026-06-18', '2026-06-17', 'must not be in the future'],
  ])('purchase on %s, today %s → %s', (purchasedOn, today, expected) => {
    expect(claimDateProblem(purchasedOn, today)).toBe(expected);
  });
});

describe('basePointsFor', () => {
  it.each([
    [99, 0],
    [100, 1],
    [1_999, 19],
    [0, 0],
  ])('%i minor units earn %i points at 1 point per 100', (amount, points) => {
    expect(basePointsFor(amount, { ...DEFAULT_PROGRAMME, spendUnit: 100, pointsPerUnit: 1 })).toBe(points);
  });
});

describe('calendarDate', () => {
  it('gives the date where the store is, not in UTC', () => {
    const now = new Date('2026-06-17T23:30:00Z');
    expect(calendarDate(now, 'UTC')).toBe('2026-06-17');
    expect(calendarDate(now, 'Pacific/Auckland')).toBe('2026-06-18');
  });
});

describe('CreateClaimSchema', () => {
  const valid = {
    storeId: '0b9f0f7e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    receiptRef: 'R-1',
    purchasedOn: '2026-06-01',
    amount: 1250,
  };
  it('accepts a claim and trims the receipt id', () => {
    expect(CreateClaimSchema.parse({ ...valid, receiptRef: '  R-1 ' }).receiptRef).toBe('R-1');
  });
  it.each([
    ['amount', { amount: 0 }],
    ['amount', { amount: 12.5 }],
    ['receiptRef', { receiptRef: '' }],
    ['purchasedOn', { purchasedOn: '01/06/2026' }],
    ['storeId', { storeId: 'x' }],
  ])('names %s when it is not valid', (field, patch) => {
    const result = CreateClaimSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
