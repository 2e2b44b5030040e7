/**
 * Amounts are integer minor units in the API; people type and read them in currency units. The number
 * of decimals comes from `Intl` (2 for GBP, 0 for JPY), and no amount goes through a float multiply.
 */
function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** `'12.5'` → `1250` (GBP); `null` when the text is not an amount with at most the currency's decimals. */
export function unitsToMinor(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const match = /^(\d{0,12})(?:\.(\d*))?$/.exec(text.trim().replaceAll(',', ''));
  if (!match || (match[1] === '' && !match[2]) || (match[2] ?? '').length > digits) return null;
  return Number(match[1] || '0') * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
}

/** `1250` → `'12.50'` (GBP), for an input to show. */
export function minorToUnits(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.trunc(minor / 10 ** digits);
  const fraction = String(minor % 10 ** digits).padStart(digits, '0');
  return `${whole}.${fraction}`;
}

/** `1250` → `£12.50` in the reader's locale. */
export function formatMinor(minor: number, currency: string, locale?: string): string {
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}
