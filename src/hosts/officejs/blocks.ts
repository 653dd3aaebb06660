/**
 * Excel on the web rejects a request over 5 MB; the host keeps each write under this many bytes
 * of JSON, leaving room for the library's envelope.
 */
export const MAX_WRITE_BYTES = 3 * 1024 * 1024;
/**
 * At most this many cells are read per sync, far below the 5,000,000-cell read limit; the bytes of
 * the response decide first (READ_BUDGET_BYTES).
 */
export const MAX_READ_CELLS = 50_000;
/**
 * Response bytes a read aims at per sync. Excel on the web refuses responses over 5 MB
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * and cells decide nothing: 50,000 cells of 1 KB of Chinese are 50 MB of JSON.
 */
export const READ_BUDGET_BYTES = 2 * 1024 * 1024;
/** Bytes per cell assumed before any row of a sheet was read: a short text or a number. */
export const FIRST_GUESS_BYTES_PER_CELL = 64;
/**
 * Rows per getMergedAreasOrNullObject call. "If the number of merged areas in this range is more
 * than 512, then this method will fail to return the result"
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)):
 * one merge per row stays under it; more are asked for again in smaller pieces.
 */
export const MERGE_ROWS = 500;

/** UTF-8 bytes of a value's JSON, as the request will carry it. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) bytes += c > 0x7ff ? 2 : 1;
  }
  return bytes;
}

/**
 * Splits rows into consecutive blocks whose JSON stays under `maxBytes` (a row is never split).
 * `sizeOf` gives what a row costs in the request when more than its values go with it (its number
 * formats).
 */
export function blocksOfRows<T>(rows: readonly T[][], maxBytes = MAX_WRITE_BYTES, sizeOf: (row: T[]) => number = (row) => jsonBytes(row) + 1): { start: number; rows: T[][] }[] {
  const blocks: { start: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = sizeOf(row);
    if (current.length && bytes + size > maxBytes) {
      blocks.push({ start, rows: current });
      current = [];
      bytes = 0;
      start = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length) blocks.push({ start, rows: current });
  return blocks;
}
