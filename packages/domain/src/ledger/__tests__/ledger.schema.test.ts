import {
  AdjustInputSchema,
  EarnInputSchema,
  IdempotencyKeySchema,
  JournalKind,
  ReverseInputSchema,
} from '../ledger.schema.js';
import { describeJournal } from '../statement.rules.js';

const base = { idempotencyKey: 'till-7-000123', actor: { type: 'api_key', id: 'pos-1' } } as const;
const memberId = '0b7e2c1a-4a4f-4d3b-9d8e-3f2a1b0c9d8e';

describe('ledger schemas', () => {
  it('accepts a whole positive earn and defaults the idempotency scope', () => {
    const parsed = EarnInputSchema.parse({ ...base, memberId, points: 120 });
    expect(parsed.idempotencyScope).toBe('global');
  });

  it.each([
    [{ points: 0 }, 'points'],
    [{ points: -5 }, 'points'],
    [{ points: 2.5 }, 'points'],
    [{ points: 2_000_000_000 }, 'points'],
    [{ memberId: 'abc' }, 'memberId'],
    [{ storeId: 'store-1' }, 'storeId'],
  ])('refuses %j naming the field %s', (override, field) => {
    const result = EarnInputSchema.safeParse({ ...base, memberId, points: 10, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it.each(['short', 'has space inside', 'x'.repeat(201), 'naïve-key-123'])(
    'refuses the idempotency key %j',
    (key) => {
      expect(IdempotencyKeySchema.safeParse(key).success).toBe(false);
    },
  );

  it('needs a reason for an adjustment and refuses zero points', () => {
    expect(AdjustInputSchema.safeParse({ ...base, memberId, points: 5 }).success).toBe(false);
    expect(AdjustInputSchema.safeParse({ ...base, memberId, points: 0, reason: 'goodwill' }).success).toBe(
      false,
    );
    expect(AdjustInputSchema.safeParse({ ...base, memberId, points: -5, reason: 'goodwill' }).success).toBe(
      true,
    );
  });

  it('defaults a reversal to the debt policy', () => {
    expect(ReverseInputSchema.parse({ ...base, journalId: memberId }).policy).toBe('debt');
  });

  it('describes every journal kind in plain words', () => {
    for (const kind of JournalKind.options) {
      expect(describeJournal(kind, 10).length).toBeGreaterThan(5);
    }
    expect(describeJournal('reverse', -10)).toMatch(/taken back/);
    expect(describeJournal('reverse', 10)).toMatch(/returned/);
  });

  it('says an adjustment from a missing-points claim was a claim', () => {
    expect(describeJournal('adjust', 25, { source: 'claim' })).toBe('Missing points claim approved');
    expect(describeJournal('adjust', 25)).toBe('Adjustment (added)');
  });
});
