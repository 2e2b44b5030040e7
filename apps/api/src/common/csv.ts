export type CsvValue = string | number | null | undefined;

/** One CSV cell: quoted, inner quotes doubled, spreadsheet formulas defused. */
function cell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}

/** RFC 4180 CSV with CRLF line ends: a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  return [header.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n';
}
