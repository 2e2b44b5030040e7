import fc from 'fast-check';
import { proportionalPoints, reversibleAmount, splitAgainstDebt } from '../points.js';

describe('proportionalPoints', () => {
  it.each([
    [100, 50, 100, 50],
    [100, 1, 3, 33],
    [7, 2, 3, 4],
    [100, 0, 100, 0],
    [0, 50, 100, 0],
    [100, 150, 100, 100],
    [Number.MAX_SAFE_INTEGER, 1, 2, Math.floor(Number.MAX_SAFE_INTEGER / 2)],
  ])('share of %i for %i of %i is %i (floored once)', (total, part, whole, expected) => {
    expect(proportionalPoints(total, part, whole)).toBe(expected);
  });

  it('refuses a non-positive whole and fractional inputs', () => {
    expect(() => proportionalPoints(10, 1, 0)).toThrow(RangeError);
    expect(() => proportionalPoints(10.5, 1, 2)).toThrow(RangeError);
  });

  it('never exceeds the total and parts of a whole never sum above it', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        (total, parts) => {
          const whole = parts.reduce((a, b) => a + b, 0);
          const shares = parts.map((p) => proportionalPoints(total, p, whole));
          expect(shares.every((s) => s >= 0 && s <= total)).toBe(true);
          expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(total);
        },
      ),
    );
  });
});

describe('reversibleAmount', () => {
  it.each([
    [100, 0, 40, 40],
    [100, 60, 60, 40],
    [100, 100, 1, 0],
    [100, 120, 10, 0],
    [100, 0, -5, 0],
  ])('original %i, already %i, asked %i → %i', (original, already, asked, expected) => {
    expect(reversibleAmount(original, already, asked)).toBe(expected);
  });

  it('never lets the reversals of one journal add up to more than the journal', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.array(fc.nat(5_000), { maxLength: 30 }), (original, requests) => {
        let reversed = 0;
        for (const request of requests) reversed += reversibleAmount(original, reversed, request);
        expect(reversed).toBeLessThanOrEqual(original);
      }),
    );
  });
});

describe('splitAgainstDebt', () => {
  it('pays debt first and puts the rest in the available balance', () => {
    expect(splitAgainstDebt(100, 30)).toEqual({ toDebt: 30, toAvailable: 70 });
    expect(splitAgainstDebt(20, 30)).toEqual({ toDebt: 20, toAvailable: 0 });
    expect(splitAgainstDebt(20, 0)).toEqual({ toDebt: 0, toAvailable: 20 });
  });

  it('always splits the whole credit, never more', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (credit, debt) => {
        const { toDebt, toAvailable } = splitAgainstDebt(credit, debt);
        expect(toDebt + toAvailable).toBe(credit);
        expect(toDebt).toBeLessThanOrEqual(debt);
      }),
    );
  });
});
