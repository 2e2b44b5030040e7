/** The largest unit price a receipt line takes (`ReceiptLineSchema`), in pence. */
export const MAX_UNIT_PRICE = 100_000_000;

/**
 * What a cashier types for a price, in pounds ("4.99", "£4.99", "12", "1,250.00", ".50"), as whole
 * pence, without ever going through a floating-point multiplication; `null` when it is not an amount.
 */
export function parsePounds(text: string): number | null {
  let value = text.trim().replace(/^£\s*/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(value)) value = value.replaceAll(',', '');
  const match = /^(\d{0,9})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match || (match[1] === '' && match[2] === undefined)) return null;
  return Number(match[1] || '0') * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A whole, non-negative count ("3"); `null` otherwise. */
export function parseWholeNumber(text: string): number | null {
  const value = text.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}
