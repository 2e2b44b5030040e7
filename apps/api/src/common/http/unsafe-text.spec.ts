import { unsafeTextFields } from './unsafe-text.js';

describe(unsafeTextFields.name, () => {
  it.each([
    ['plain text', 'Flat white'],
    ['emoji (a valid surrogate pair)', 'Coffee ☕😀'],
    ['other control characters', 'tab\there\u0001'],
    ['numbers, booleans and null', { a: 1, b: true, c: null }],
  ])('lets %s through', (_, value) => {
    expect(unsafeTextFields(value)).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate', 'a\ud800', 'surrogate'],
    ['a lone low surrogate', '\udc00b', 'surrogate'],
    ['a reversed pair', '\ude00\ud83d', 'surrogate'],
  ])('refuses %s, saying why', (_, value, why) => {
    const [error] = unsafeTextFields({ name: value });
    expect(error).toEqual({ field: 'name', message: expect.stringContaining(why) });
  });

  it('names each place by its dotted path after the prefix, keys included', () => {
    const body = {
      receipt: { lines: [{ sku: 'ok' }, { sku: 'x\u0000', category: '\ud800' }] },
      'k\u0000': 1,
    };
    expect(unsafeTextFields(body).map((e) => e.field)).toEqual([
      'receipt.lines.1.sku',
      'receipt.lines.1.category',
      'k\u0000',
    ]);
    expect(unsafeTextFields({ q: '\u0000' }, 'query')).toEqual([
      { field: 'query.q', message: expect.stringContaining('NUL') },
    ]);
    expect(unsafeTextFields('\u0000')).toEqual([{ field: '', message: expect.stringContaining('NUL') }]);
  });

  it('reports at most 20 places', () => {
    expect(unsafeTextFields(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('walks a value nested 100,000 deep without running out of stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [error] = unsafeTextFields(deep);
    expect(error!.field.split('.')).toHaveLength(100_000);
  });
});
