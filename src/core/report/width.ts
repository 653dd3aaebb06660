import type { ReportCell } from './types';

/**
 * Display width in Excel's character units: a CJK or full-width character takes two, as Excel
 * measures column widths. Used to size rows whose text must wrap, since neither Excel nor
 * LibreOffice sizes rows to wrapped text when opening a file.
 */
export function displayWidth(text: string): number {
  return widthOf(text, 0, text.length);
}

/**
 * The display width of text[from, to): a character (a surrogate pair counts once) above U+2E7F
 * takes two. Read by code unit, without taking the text apart: every wrapping cell of a long
 * report is measured.
 */
function widthOf(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += code > 0x2e7f ? 2 : 1;
  }
  return w;
}

/** Lines a text needs in a cell `width` characters wide (at least one; line breaks kept). */
export function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(4, width - 1);
  // No code unit is wider than two: a text that short fits one line without being measured (most cells of a list).
  if (text.length * 2 <= perLine && text.indexOf('\n') < 0) return 1;
  let lines = 0;
  let from = 0;
  for (;;) {
    const end = text.indexOf('\n', from);
    const to = end === -1 ? text.length : end;
    lines += Math.max(1, Math.ceil(widthOf(text, from, to) / perLine));
    if (end === -1) return lines;
    from = end + 1;
  }
}

/**
 * Lines the tallest wrapping cell of a row needs (text in 'wrap' and 'header' cells), at least one:
 * what a report row's height is sized to, since no program sizes it on opening the file.
 */
export function wrappedLines(cells: readonly ReportCell[], widths: readonly number[]): number {
  let lines = 1;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if ((cell.style === 'wrap' || cell.style === 'header') && typeof cell.value === 'string') lines = Math.max(lines, linesNeeded(cell.value, widths[c] ?? 10));
  }
  return lines;
}
