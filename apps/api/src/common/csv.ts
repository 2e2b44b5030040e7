export type CsvValue = string | number | null | undefined;

/** Text a spreadsheet would read as a formula (or that starts with a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers stay numbers (unquoted, so −40 is the number −40); text is quoted with inner
 * quotes doubled, and text a spreadsheet would run as a formula is defused with a leading `'`.
 */
function cell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '""';
  const text = value ?? '';
  return `"${(FORMULA_START.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}

/** RFC 4180 CSV with CRLF line ends: a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  return [header.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}
