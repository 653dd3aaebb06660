import { cellAddress, columnIndex, columnLetter, type CellRange } from '../../core';

/** Excel's grid (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4; Excel's specifications and limits): 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/**
 * 'E12' or '$E$12' → 0-based {row, col}; null for anything else, a cell past XFD1048576 included.
 * Faster than the core's general parser on the hot path, and strict: "A1e3" or "A 1" is no address.
 */
export function parseCellAddress(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  if (ref.charCodeAt(0) === 36) i++; // $
  const letters = i;
  for (; i < ref.length && i - letters < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57 || i - digits >= 8) return null;
    row = row * 10 + (code - 48);
  }
  if (!col || col > MAX_COLS || i === digits || row < 1 || row > MAX_ROWS || ref.charCodeAt(digits) === 48) return null;
  return { row: row - 1, col: col - 1 };
}

/** 'A1:P3' → range; a single cell 'A1' → a one-cell range. */
export function parseRangeRef(ref: string): CellRange | null {
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const from = parseCellAddress(a);
  const to = b ? parseCellAddress(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export function rangeRef(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export { columnIndex, columnLetter, cellAddress };

/**
 * A sheet name as formulas and defined names spell it: always quoted, a quote doubled. Quoting a
 * name that needs none is valid in Excel, WPS and LibreOffice, and saves guessing which names do
 * (digits first, spaces, names that look like cell references).
 */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet'!$A$5:$A$9 — an absolute reference to cells of a sheet, as chart series use. */
export function absoluteRef(sheet: string, r: CellRange): string {
  const abs = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const a = abs(r.top, r.left);
  const b = abs(r.bottom, r.right);
  return `${sheetRef(sheet)}!${a === b ? a : `${a}:${b}`}`;
}
