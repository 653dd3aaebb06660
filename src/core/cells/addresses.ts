// A1 addresses. Everything inside the core is 0-based; only text shown to people is A1.
import type { CellRange } from '../model';

/** Excel's last column, XFD. */
export const MAX_COLUMN = 16383;
/** Excel's last row, 0-based. */
export const MAX_ROW = 1048575;
/** Excel's grid as counts (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4; Excel's specifications and limits): 1,048,576 rows × 16,384 columns. */
export const SHEET_ROWS = MAX_ROW + 1;
export const SHEET_COLUMNS = MAX_COLUMN + 1;

/** 0 → 'A', 25 → 'Z', 26 → 'AA', 16383 → 'XFD'. Throws on a negative or fractional index (a caller bug). */
export function columnLetter(col0: number): string {
  // Writers ask for one a cell (millions for a large due-list): the columns any sheet uses, made once.
  if (col0 < COMMON_COLUMNS.length && col0 >= 0 && Number.isInteger(col0)) return COMMON_COLUMNS[col0];
  return lettersOf(col0);
}

function lettersOf(col0: number): string {
  if (!Number.isInteger(col0) || col0 < 0) throw new RangeError(`column index ${col0}`);
  // Bijective base 26: there is no zero digit, so 'Z' + 1 is 'AA'.
  let n = col0 + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}

/** A to ZZ. */
const COMMON_COLUMNS: readonly string[] = Array.from({ length: 26 * 27 }, (_, i) => lettersOf(i));

/** 'A' → 0, 'AB' → 27; case and '$' are ignored. -1 for anything that is not a column of Excel (A–XFD). */
export function columnIndex(letters: string): number {
  const s = letters.replace(/\$/g, '').toUpperCase();
  return /^[A-Z]{1,3}$/.test(s) ? columnOfLetters(s) : -1;
}

/**
 * The column of one to three letters A–Z already known to be such (as a reader's pattern matched
 * them, on the path every cell of a sheet takes): 'A' → 0, 'XFD' → 16383, past XFD → -1.
 */
export function columnOfLetters(upper: string): number {
  let n = 0;
  for (let i = 0; i < upper.length; i++) n = n * 26 + (upper.charCodeAt(i) - 64);
  return n - 1 <= MAX_COLUMN ? n - 1 : -1;
}

/** (11, 4) → 'E12'. Throws on a negative or fractional index (a caller bug). */
export function cellAddress(row0: number, col0: number): string {
  if (!Number.isInteger(row0) || row0 < 0) throw new RangeError(`row index ${row0}`);
  return `${columnLetter(col0)}${row0 + 1}`;
}

/**
 * 'E12', '$E$12' or 'e12' → { row: 11, col: 4 }; null for anything else, a cell past XFD1048576
 * included. The one A1 parser of every host: without a regular expression, since the file host
 * meets it once per cell of a sheet; strict inside ("A1e3", "A 1" and "A01" are no addresses),
 * space around it ignored.
 */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const ref = isSpace(address.charCodeAt(0)) || isSpace(address.charCodeAt(address.length - 1)) ? address.trim() : address;
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
  if (!col || col > MAX_COLUMN + 1 || i === digits || row < 1 || row > MAX_ROW + 1 || ref.charCodeAt(digits) === 48) return null;
  return { row: row - 1, col: col - 1 };
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** 'A1:P3' → the range; a single cell 'A1' → a one-cell range; null for anything else. */
export function parseRangeRef(ref: string): CellRange | null {
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const from = parseCellAddress(a);
  const to = b ? parseCellAddress(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/**
 * What Excel's name box and getRange take: a cell or range ('B3', 'b3:c4', '$A$1:$B$2'), whole
 * columns ('A:C') or whole rows ('2:5'), as a range (whole rows and columns reach Excel's last
 * column and row); null for anything else.
 */
export function parseAreaRef(text: string): CellRange | null {
  const parts = text.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  const span = (top: number, left: number, bottom: number, right: number): CellRange => ({
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  });
  const [cellA, cellB] = [parseCellAddress(a), parseCellAddress(b)];
  if (cellA && cellB) return span(cellA.row, cellA.col, cellB.row, cellB.col);
  if (parts.length < 2) return null;
  const [colA, colB] = [wholeColumn(a), wholeColumn(b)];
  if (colA >= 0 && colB >= 0) return span(0, colA, MAX_ROW, colB);
  const [rowA, rowB] = [wholeRow(a), wholeRow(b)];
  if (rowA >= 0 && rowB >= 0) return span(rowA, 0, rowB, MAX_COLUMN);
  return null;
}

/** 'C' or '$C' → 2; -1 for anything else. */
function wholeColumn(text: string): number {
  const letters = text.startsWith('$') ? text.slice(1) : text;
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  return parseCellAddress(`${letters}1`)?.col ?? -1;
}

/** '5' or '$5' → 4; -1 for anything else. */
function wholeRow(text: string): number {
  const digits = text.startsWith('$') ? text.slice(1) : text;
  if (!/^\d{1,7}$/.test(digits)) return -1;
  return parseCellAddress(`A${digits}`)?.row ?? -1;
}

/** A range as Excel answers with it: 'A1', 'A1:B2', whole columns 'A:C', whole rows '2:5'. */
export function areaRef(r: CellRange): string {
  if (r.left === 0 && r.right === MAX_COLUMN) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROW) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  return rangeRef(r);
}

/** A range as A1 text: 'A1:P3', or 'A1' for one cell. */
export function rangeRef(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

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
