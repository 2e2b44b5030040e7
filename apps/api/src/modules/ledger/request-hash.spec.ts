import { requestHash } from './request-hash.js';

describe(requestHash.name, () => {
  it('is the same for the same request in any key order', () => {
    expect(requestHash('earn', { a: 1, b: { y: 2, x: 1 } })).toBe(
      requestHash('earn', { b: { x: 1, y: 2 }, a: 1 }),
    );
  });

  it('ignores absent optional fields but not their values', () => {
    expect(requestHash('earn', { points: 5, reason: undefined })).toBe(
      requestHash('earn', { points: 5, reason: null }),
    );
    expect(requestHash('earn', { points: 5 })).not.toBe(requestHash('earn', { points: 5, reason: 'x' }));
  });

  it('differs by operation, amount and date', () => {
    const base = requestHash('earn', { points: 5, at: new Date('2026-01-01T00:00:00Z') });
    expect(requestHash('redeem', { points: 5, at: new Date('2026-01-01T00:00:00Z') })).not.toBe(base);
    expect(requestHash('earn', { points: 6, at: new Date('2026-01-01T00:00:00Z') })).not.toBe(base);
    expect(requestHash('earn', { points: 5, at: new Date('2026-01-02T00:00:00Z') })).not.toBe(base);
  });
});
