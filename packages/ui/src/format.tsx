/**
 * Numbers and dates in the reader's own locale (the browser's, unless a caller names one), via `Intl`.
 * Points are whole numbers; instants are ISO strings from the API; calendar dates are `YYYY-MM-DD`.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** `12345` → `12,345` (en) or `12.345` (de). */
export function formatPoints(points: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(points);
}

/** A change, always signed: `+250`, `−40`, `0`. */
export function formatPointsChange(points: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(points);
}

/** Money in minor units (`2499`, `GBP`) → `£24.99`, with the currency's own number of decimals. */
export function formatAmount(minor: number, currency: string, locale?: string): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** An instant, e.g. `3 Mar 2025, 14:05`, in the reader's time zone unless one is given. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date such as a birthday: no time zone may shift it to the day before. */
export function formatDate(isoDate: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as a `<time>` element, machine-readable and in the reader's words. */
export function DateTime({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
