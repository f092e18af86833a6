/**
 * CSV as RFC 4180 writes it: CRLF after every row, a field quoted (its quotes doubled) when it
 * holds a comma, a quote, CR or LF. A text field that a spreadsheet would run as a formula (one
 * starting with =, +, -, @, a tab or CR) is prefixed with a single quote (OWASP's "CSV
 * injection" advice), so a name such as `=HYPERLINK(…)` opens as the text it is.
 */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
