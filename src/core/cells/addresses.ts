// A1 addresses. Everything inside the core is 0-based; only text shown to people is A1.

/** Excel's last column, XFD. */
export const MAX_COLUMN = 16383;
/** Excel's last row, 0-based. */
export const MAX_ROW = 1048575;

/** 0 → 'A', 25 → 'Z', 26 → 'AA', 16383 → 'XFD'. Throws on a negative or fractional index (a caller bug). */
export function columnLetter(col0: number): string {
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

/** 'A' → 0, 'AB' → 27; case and '$' are ignored. -1 for anything that is not a column of Excel (A–XFD). */
export function columnIndex(letters: string): number {
  const s = letters.replace(/\$/g, '').toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 <= MAX_COLUMN ? n - 1 : -1;
}

/** (11, 4) → 'E12'. Throws on a negative or fractional index (a caller bug). */
export function cellAddress(row0: number, col0: number): string {
  if (!Number.isInteger(row0) || row0 < 0) throw new RangeError(`row index ${row0}`);
  return `${columnLetter(col0)}${row0 + 1}`;
}

/** 'E12' or '$E$12' → { row: 11, col: 4 }; null when it is not a cell inside Excel's grid. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  return col < 0 || row > MAX_ROW ? null : { row, col };
}
