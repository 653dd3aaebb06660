import type { LedgerPreview } from '../protocol';

/** A data column's width in em: wide enough for short texts, wrapping long ones. */
export const DATA_COLUMN_MIN_EM = 4;
export const DATA_COLUMN_MAX_EM = 24;
/** A cell's padding and border, in em of the table's font (8 px each side at 12 px). */
const CELL_CHROME_EM = 1.5;

/** Em a character takes: a CJK or full-width one 1, a Latin letter or digit a little over ½ (proportional fonts). */
const WIDE_EM = 1;
const NARROW_EM = 0.6;

/** The width in em of the longest line of `text`. */
function longestLineEm(text: string): number {
  let widest = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line = 0;
      continue;
    }
    // The second half of a surrogate pair adds nothing: the pair is one (wide) character.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    line += code > 0x2e7f ? WIDE_EM : NARROW_EM;
    widest = Math.max(widest, line);
  }
  return widest;
}

/**
 * Column widths (em) for the preview, from the texts it shows: the table is laid out with fixed
 * widths, set from all the rows it will show, so the columns do not move as later rows arrive, and
 * a step's layout is that of its own rows.
 * The first two are the row number and the level, never wrapped; a data column fits its longest
 * line between 4 and 24 em, and its header (one line) in any case.
 */
export function previewColumnWidths(preview: LedgerPreview, levelTexts: readonly string[], rowHeader: string, levelHeader: string): number[] {
  const lastRow = preview.rows.length ? preview.rows[preview.rows.length - 1].row : 1;
  const rowNumber = Math.max(longestLineEm(String(lastRow)), longestLineEm(rowHeader));
  const level = Math.max(longestLineEm(levelHeader), ...levelTexts.map(longestLineEm));
  const data = preview.columns.map((column, c) => {
    let widest = 0;
    for (const row of preview.rows) widest = Math.max(widest, longestLineEm(row.cells[c] ?? ''));
    // The column letter stands on a line of its own above the header, which is set semibold.
    const header = Math.max(longestLineEm(column.header) * 1.1, longestLineEm(column.column) * 1.2);
    return Math.max(Math.min(Math.max(widest, DATA_COLUMN_MIN_EM), DATA_COLUMN_MAX_EM), header);
  });
  return [rowNumber, level, ...data].map((em) => Math.ceil((em + CELL_CHROME_EM) * 2) / 2);
}
