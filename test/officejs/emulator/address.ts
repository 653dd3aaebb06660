/**
 * A1 addresses for the fake Excel: parsing what the Excel JavaScript API accepts in getRange(),
 * and formatting what Excel answers in Range.address. Rows and columns are zero-based here.
 */

import { quoteSheetName, unquoteSheetName } from '../../../src/addin/selection';
import { columnIndex as coreColumnIndex, columnLetter, parseAreaRef, parseCellAddress, SHEET_COLUMNS, SHEET_ROWS } from '../../../src/core';

/** An inclusive rectangle of cells, zero-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters of a 0-based column: the core's, so the fake and the hosts name columns alike. */
export const columnLetters = columnLetter;

/** The core's column reader (-1 past XFD): the fake parses no address on its own. */
export const columnIndex = coreColumnIndex;

export function cellKey(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function parseCellKey(key: string): { row: number; col: number } {
  const cell = parseCellAddress(key);
  if (!cell) throw new Error(`Not a cell reference: ${key}`);
  return cell;
}

export function rectArea(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function rectIntersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function rectIntersection(a: Rect, b: Rect): Rect | null {
  if (!rectIntersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

export function rectEquals(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** a minus b, as up to four rectangles (bands above, below, left, right). */
export function rectSubtract(a: Rect, b: Rect): Rect[] {
  const x = rectIntersection(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.r0 < x.r0) out.push({ r0: a.r0, c0: a.c0, r1: x.r0 - 1, c1: a.c1 });
  if (x.r1 < a.r1) out.push({ r0: x.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < x.c0) out.push({ r0: x.r0, c0: a.c0, r1: x.r1, c1: x.c0 - 1 });
  if (x.c1 < a.c1) out.push({ r0: x.r0, c0: x.c1 + 1, r1: x.r1, c1: a.c1 });
  return out;
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === SHEET_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === SHEET_COLUMNS - 1;
}

/** 'A1', 'A1:B2', 'A:C' for whole columns, '2:5' for whole rows (and '1:1048576' for the sheet) — the forms Excel answers with. */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  if (isEntireColumns(r)) return `${d}${columnLetters(r.c0)}:${d}${columnLetters(r.c1)}`;
  const a = `${d}${columnLetters(r.c0)}${d}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${d}${columnLetters(r.c1)}${d}${r.r1 + 1}`;
}

export function qualify(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(r)}`;
}

export interface ParsedAddress {
  sheetName?: string;
  rect: Rect;
}

/**
 * One rectangular area, as getRange() takes it: 'B3', 'b3:c4', '$A$1:$B$2', 'A:C', '2:5',
 * optionally qualified by a sheet name ('Sheet1!A1', "'My sheet'!A1"). Returns null when the text
 * is not an address (it may then be a defined name).
 */
export function parseAddress(text: string): ParsedAddress | null {
  let rest = text.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const sheetPart = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    const name = unquoteSheetName(sheetPart);
    if (name === null) return null;
    sheetName = name;
  }
  // The area itself is read by the core's one A1 parser, as the name box's is.
  const area = parseAreaRef(rest);
  if (!area) return null;
  const rect: Rect = { r0: area.top, c0: area.left, r1: area.bottom, c1: area.right };
  return { sheetName, rect };
}

/** Like parseAddress, but several areas separated by commas ('A1:B2,D4'); null if any is not an address. */
export function parseAreas(text: string): ParsedAddress[] | null {
  const out: ParsedAddress[] = [];
  for (const part of text.split(',')) {
    const p = parseAddress(part);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

export function formatAreas(rects: Rect[]): string {
  return rects.map((r) => formatRect(r)).join(',');
}
