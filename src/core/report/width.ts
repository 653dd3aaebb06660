import type { ReportCell } from './types';

/**
 * Display width in Excel's character units: a CJK or full-width character takes two, as Excel
 * measures column widths. Used to size rows whose text must wrap, since neither Excel nor
 * LibreOffice sizes rows to wrapped text when opening a file.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

/** Lines a text needs in a cell `width` characters wide (at least one; line breaks kept). */
export function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(4, width - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
}

/**
 * Lines the tallest wrapping cell of a row needs (text in 'wrap' and 'header' cells), at least one:
 * what a report row's height is sized to, since no program sizes it on opening the file.
 */
export function wrappedLines(cells: readonly ReportCell[], widths: readonly number[]): number {
  let lines = 1;
  cells.forEach((cell, c) => {
    if ((cell.style === 'wrap' || cell.style === 'header') && typeof cell.value === 'string') lines = Math.max(lines, linesNeeded(cell.value, widths[c] ?? 10));
  });
  return lines;
}
