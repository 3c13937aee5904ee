/**
 * CSV as spreadsheets read it (RFC 4180: fields quoted when they hold a
 * comma, quote or line break, quotes doubled; CRLF between records), and
 * safe to open: a field that a spreadsheet would run as a formula (it
 * begins with =, +, -, @, tab or carriage return) is prefixed with a single
 * quote (OWASP's CSV injection advice). Browser-safe.
 */

function field(value: unknown): string {
  let text = value === undefined || value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The records under a header row, in the header's order. */
export function toCsv<T extends Record<string, unknown>>(
  columns: (keyof T & string)[],
  rows: T[],
): string {
  return [columns, ...rows.map((row) => columns.map((c) => row[c]))]
    .map((cells) => cells.map(field).join(","))
    .join("\r\n")
    .concat("\r\n");
}
