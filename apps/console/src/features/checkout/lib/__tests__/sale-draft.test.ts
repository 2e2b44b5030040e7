import { evaluateEarn } from '@tally/domain';
import { alice, bob, programme } from '../../testing/fixtures';
import { newIdempotencyKey } from '../idempotency-key';
import { parseMemberQuery } from '../member-query';
import { parsePounds, parseWholeNumber } from '../money';
import {
  QUICK_SALE_SKU,
  buildEarnRequest,
  earnMemberOf,
  emptyDraft,
  emptyLine,
  previewSale,
  type SaleDraft,
} from '../sale-draft';

const now = new Date('2026-03-03T14:05:00.000Z');

function draft(overrides: Partial<SaleDraft> = {}): SaleDraft {
  return { ...emptyDraft(), receiptId: 'R-1001', ...overrides };
}

describe(parsePounds.name, () => {
  it.each([
    ['4.99', 499],
    ['£4.99', 499],
    [' 12 ', 1200],
    ['12.5', 1250],
    ['0.07', 7],
    ['.50', 50],
    ['1,250.00', 125_000],
    ['0', 0],
    // 0.1 + 0.2 style drift never happens: the digits are read, not multiplied as floats.
    ['19.99', 1999],
    ['1000000.00', 100_000_000],
  ])('reads %p as %p pence', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it.each(['', '.', '4.999', '-1', 'abc', '4,99', '1,25.00', '£', '1e3'])('refuses %p', (text) => {
    expect(parsePounds(text)).toBeNull();
  });
});

describe(parseWholeNumber.name, () => {
  it.each([
    ['3', 3],
    [' 10 ', 10],
    ['1.5', null],
    ['-1', null],
    ['', null],
  ])('reads %p as %p', (text, value) => {
    expect(parseWholeNumber(text)).toBe(value);
  });
});

describe(parseMemberQuery.name, () => {
  it('takes 12 digits (spaces and dashes allowed) as a card number with a valid check digit', () => {
    expect(parseMemberQuery('4000 0000 0002')).toEqual({ ok: true, lookup: { card: '400000000002' } });
    expect(parseMemberQuery('4000-0000-0002')).toEqual({ ok: true, lookup: { card: '400000000002' } });
  });

  it('refuses a card number whose check digit is wrong, before any request', () => {
    expect(parseMemberQuery('400000000003')).toEqual({
      ok: false,
      message: expect.stringContaining('check the digits') as string,
    });
  });

  it('takes an email (lower-cased) or a phone number', () => {
    expect(parseMemberQuery(' Alice@Demo.Tally ')).toEqual({
      ok: true,
      lookup: { email: 'alice@demo.tally' },
    });
    expect(parseMemberQuery('+44 7700 900123')).toEqual({ ok: true, lookup: { phone: '+447700900123' } });
  });

  it('says what it needs when the text is none of them', () => {
    expect(parseMemberQuery('')).toMatchObject({ ok: false });
    expect(parseMemberQuery('alice@')).toEqual({ ok: false, message: 'This is not a valid email address' });
    expect(parseMemberQuery('12ab')).toMatchObject({ ok: false });
  });
});

describe(buildEarnRequest.name, () => {
  const context = { memberId: alice.id, storeId: undefined, currency: 'GBP' };

  it('sends prices in whole pence and the member by id, checked by CheckoutEarnRequestSchema', () => {
    const result = buildEarnRequest(
      draft({
        lines: [
          { sku: 'APL-1', category: 'fruit', quantity: '3', unitPrice: '0.45', kind: 'item' },
          { sku: 'VAT', category: '', quantity: '1', unitPrice: '£2.00', kind: 'tax' },
        ],
      }),
      context,
    );

    expect(result).toEqual({
      ok: true,
      body: {
        member: { memberId: alice.id },
        receipt: {
          id: 'R-1001',
          currency: 'GBP',
          lines: [
            { sku: 'APL-1', category: 'fruit', quantity: 3, unitPrice: 45, kind: 'item' },
            { sku: 'VAT', quantity: 1, unitPrice: 200, kind: 'tax' },
          ],
        },
      },
    });
  });

  it('sends the quick "total with a category" mode as one item line', () => {
    const result = buildEarnRequest(
      draft({ mode: 'total', total: { amount: '23.45', category: 'grocery' } }),
      { ...context, storeId: '0f1e2d3c-4b5a-4968-8776-655443322110' },
    );

    expect(result).toMatchObject({
      ok: true,
      body: {
        storeId: '0f1e2d3c-4b5a-4968-8776-655443322110',
        receipt: {
          lines: [{ sku: QUICK_SALE_SKU, category: 'grocery', quantity: 1, unitPrice: 2345, kind: 'item' }],
        },
      },
    });
  });

  it('names every field with a problem by the request’s own path', () => {
    const result = buildEarnRequest(
      draft({
        receiptId: 'has space',
        lines: [
          { ...emptyLine(), sku: '', quantity: '1.5', unitPrice: '4.999' },
          { ...emptyLine(), sku: 'OK', quantity: '0', unitPrice: '' },
        ],
      }),
      context,
    );

    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const byField = Object.fromEntries(errors.reverse().map((e) => [e.field, e.message]));
    expect(byField).toMatchObject({
      'receipt.id': 'may use letters, digits and . : / - _',
      'receipt.lines.0.sku': 'is required',
      'receipt.lines.0.quantity': 'must be a whole number',
      'receipt.lines.0.unitPrice': 'must be an amount in pounds, e.g. 4.99',
      'receipt.lines.1.quantity': 'must be at least 1',
      'receipt.lines.1.unitPrice': 'is required',
    });
  });
});

describe(previewSale.name, () => {
  it('is exactly what the domain engine says for the same receipt, tier line included', () => {
    const d = draft({
      lines: [
        { sku: 'BRD', category: 'bakery', quantity: '2', unitPrice: '11.99', kind: 'item' },
        { sku: 'DEL', category: '', quantity: '1', unitPrice: '4.95', kind: 'shipping' },
      ],
    });

    const preview = previewSale(d, alice, programme, now);

    const expected = evaluateEarn(
      {
        id: 'preview',
        currency: 'GBP',
        lines: [
          { sku: 'BRD', category: 'bakery', quantity: 2, unitPrice: 1199, kind: 'item' },
          { sku: 'DEL', quantity: 1, unitPrice: 495, kind: 'shipping' },
        ],
      },
      earnMemberOf(alice),
      programme,
      [],
      { now, timeZone: 'Europe/London' },
    );
    expect(preview?.result).toEqual(expected);
    expect(preview?.result.lines.map((line) => line.source)).toEqual(['base', 'tier']);
    expect(preview?.result.points).toBe(23 + 5);
  });

  it('counts a line as soon as its quantity and price can be read, and leaves the others out', () => {
    const d = draft({
      lines: [
        { ...emptyLine(), quantity: '1', unitPrice: '10' },
        { ...emptyLine(), quantity: 'x', unitPrice: '5' },
      ],
    });

    expect(previewSale(d, bob, programme, now)).toMatchObject({ result: { points: 10 }, skipped: 1 });
    expect(previewSale(draft(), bob, programme, now)).toBeNull();
  });

  it('gives the engine the member the brief names: their tier, nothing else', () => {
    expect(earnMemberOf(alice)).toEqual({
      tierId: 'silver',
      segments: [],
      joinedAt: '1970-01-01T00:00:00.000Z',
      birthday: null,
    });
    expect(earnMemberOf(bob).tierId).toBeNull();
  });
});

describe(newIdempotencyKey.name, () => {
  it('makes a fresh UUID each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
