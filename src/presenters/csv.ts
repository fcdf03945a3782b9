/**
 * @module CSV text (RFC 4180) for every export, with an HXL hashtag row under the header so
 * humanitarian tools can read the columns. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe.
 */
export type Cell = string | number | boolean | null;

function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], hxl: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, hxl, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One row of cells as a CSV line (no line break). */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(cell).join(',');
}
