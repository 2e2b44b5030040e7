/** Money from the report's milli-minor units (minor units × 1000) in the reader's locale. */
export function formatMoneyMilli(valueMilli: number, currency: string, locale?: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(valueMilli / 1000 / 10 ** digits);
}

/** `2026-03` → `Mar 2026` (the month is a UTC calendar month; no time zone may shift it). */
export function formatMonth(month: string, locale?: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
