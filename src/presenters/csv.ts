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

/** A column of an export: its header, its HXL hashtag, and how a row's cell is read. */
export type Column<T, C> = readonly [header: string, hxl: string, value: (row: T, ctx: C) => Cell];

/** A table with one line per row, its columns declared by the capability's presenter. */
export function csvTable<T, C>(columns: readonly Column<T, C>[], rows: readonly T[], ctx: C): string {
  return toCsv(
    columns.map((c) => c[0]),
    columns.map((c) => c[1]),
    rows.map((r) => columns.map(([, , value]) => value(r, ctx))),
  );
}
