/**
 * A `datetime-local` input holds a wall-clock time with no zone (`2025-03-01T09:00`); the API wants an
 * instant. Both directions use the browser's time zone, and the instant keeps that zone's offset
 * (`2025-03-01T09:00:00+01:00`) so the request says which clock the person meant.
 */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * `''` → `undefined`; a value that is not a local date and time is returned as it is, for the schema to
 * refuse. A time skipped by a daylight-saving change moves forward, as the browser's own `Date` does.
 */
export function localInputToIso(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const match = LOCAL_INPUT.exec(text);
  if (!match) return text;
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  if (Number.isNaN(date.getTime())) return text;
  const offset = -date.getTimezoneOffset();
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** An instant from the API as a `datetime-local` value on the browser's clock, to the minute. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The browser's IANA time zone, e.g. `Europe/London`, to name the clock the date fields use. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The same instant in UTC (`2025-03-01T08:00:00.000Z`), for schemas that take no offset; a value that is
 * not a local date and time is returned as it is, for the schema to refuse.
 */
export function localInputToUtc(value: string): string | undefined {
  const iso = localInputToIso(value);
  if (iso === undefined || iso === value.trim()) return iso;
  return new Date(iso).toISOString();
}
