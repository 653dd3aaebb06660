/**
 * The selection outside Excel. There is no grid to click there, so the page offers a small "name
 * box": the user types a cell ('B35'), a row ('35') or a qualified cell ('联席会议汇总!B6') and it
 * is selected as a click in Excel would select it. The page keeps the selection (FileAddinSession);
 * this module reads what was typed against the workbook's tabs.
 */
import { columnIndex, columnLetter, SHEET_COLUMNS, SHEET_ROWS } from '../../core';
import type { SelectProblem } from '../../addin/selection';
import type { SheetTab } from './operations';

export type { SelectProblem, SelectResult, WorkbookSelection } from '../../addin/selection';

/** Where a reference points, before the cell's contents are read. */
export type ResolvedReference = { ok: true; sheet: string; address: string } | { ok: false; problem: SelectProblem };

/** A rectangle of 0-based rows and columns, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Full-width forms a Chinese input method gives (Ｂ３５, ！, ：) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** 'B3', 'b3:c4', '$A$1:$B$2', 'A:C' (whole columns) or '2:5' (whole rows) as a rectangle; null if it is none. */
export function parseSelectionAddress(text: string): Rect | null {
  const parts = text.trim().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts;
  let rect: Rect | null = null;
  if (CELL.test(a) && CELL.test(b)) {
    const [ca, cb] = [CELL.exec(a)!, CELL.exec(b)!];
    const [c0, c1] = [columnIndex(ca[1].toUpperCase()), columnIndex(cb[1].toUpperCase())];
    const [r0, r1] = [Number(ca[2]) - 1, Number(cb[2]) - 1];
    rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  } else if (parts.length === 2 && COLUMN.test(a) && COLUMN.test(b)) {
    const [c0, c1] = [columnIndex(COLUMN.exec(a)![1].toUpperCase()), columnIndex(COLUMN.exec(b)![1].toUpperCase())];
    rect = { r0: 0, r1: SHEET_ROWS - 1, c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    const [r0, r1] = [Number(ROW.exec(a)![1]) - 1, Number(ROW.exec(b)![1]) - 1];
    rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: 0, c1: SHEET_COLUMNS - 1 };
  }
  if (!rect || rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= SHEET_ROWS || rect.c1 >= SHEET_COLUMNS) return null;
  return rect;
}

/** 'A1', 'A1:B2', 'A:C' for whole columns, '2:5' for whole rows — the forms Excel answers with. */
export function formatRect(r: Rect): string {
  if (r.c0 === 0 && r.c1 === SHEET_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (r.r0 === 0 && r.r1 === SHEET_ROWS - 1) return `${columnLetter(r.c0)}:${columnLetter(r.c1)}`;
  const a = `${columnLetter(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnLetter(r.c1)}${r.r1 + 1}`;
}

/** A sheet name as typed before the '!': quotes ('My sheet', 'it''s') taken off; null if nothing is left. */
function unquoteSheetName(typed: string): string | null {
  const quoted = /^'((?:[^']|'')+)'$/.exec(typed);
  const name = quoted ? quoted[1].replace(/''/g, "'") : typed;
  return name === '' ? null : name;
}

/**
 * What `text` selects: 'B35' or 'B35:D40' on the active sheet, '35' for row 35, or 'Sheet!B35'.
 *
 * Only the cell or row part is read in half width (Ｂ３５ → B35): the sheet name is looked up as
 * typed first, since sheet names may hold full-width characters of their own — the add-in's own
 * fallback sheets are named 回访清单（三色台账） (core/job/choose.ts) — and only if no sheet has
 * that exact name, in half width (Ｓｈｅｅｔ１ → Sheet1). The separator may be '!' or '！'; the
 * last one counts, as a cell reference holds neither.
 */
export function resolveReference(tabs: readonly SheetTab[], active: string | null, text: string): ResolvedReference {
  const typed = text.trim();
  const notAnAddress: ResolvedReference = { ok: false, problem: { kind: 'address', text: typed } };
  const bang = Math.max(typed.lastIndexOf('!'), typed.lastIndexOf('！'));
  let target = halfWidth(bang >= 0 ? typed.slice(bang + 1) : typed).trim();
  if (/^\d{1,7}$/.test(target)) target = `${target}:${target}`;
  const rect = parseSelectionAddress(target);
  if (!rect) return notAnAddress;
  let sheet = tabs.find((t) => t.name === active);
  if (bang >= 0) {
    const sheetPart = typed.slice(0, bang).trim();
    const exact = unquoteSheetName(sheetPart);
    const narrowed = unquoteSheetName(halfWidth(sheetPart).trim());
    if (exact === null || narrowed === null) return notAnAddress;
    // Excel's sheet names are unique regardless of case, and found regardless of case.
    const named = (name: string) => tabs.find((t) => t.name.toLowerCase() === name.toLowerCase());
    sheet = named(exact) ?? named(narrowed);
    if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: exact } };
  }
  if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: '' } };
  if (!sheet.visible) return { ok: false, problem: { kind: 'hidden', sheet: sheet.name } };
  return { ok: true, sheet: sheet.name, address: formatRect(rect) };
}
