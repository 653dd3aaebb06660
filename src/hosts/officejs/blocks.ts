/**
 * Excel on the web rejects a request over 5 MB; the host keeps each write under this many bytes
 * of JSON, leaving room for the library's envelope.
 */
export const MAX_WRITE_BYTES = 3 * 1024 * 1024;
/**
 * Cells read per sync: a response of long Chinese text stays under a few megabytes (Excel on the
 * web refuses 5 MB responses too) and far below the 5,000,000-cell read limit.
 */
export const MAX_READ_CELLS = 50_000;

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

/** Splits rows into consecutive blocks whose JSON stays under `maxBytes` (a row is never split). */
export function blocksOfRows<T>(rows: readonly T[][], maxBytes = MAX_WRITE_BYTES): { start: number; rows: T[][] }[] {
  const blocks: { start: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
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
