/**
 * The selection of the in-memory workbook, for the pane outside Excel. There is no grid to click
 * there, so the page offers a small "name box": the user types a cell ('B35'), a row ('35') or a
 * qualified cell ('联席会议汇总!B6') and it is selected as a click in Excel would select it; the
 * page then shows what is selected and what the cell holds. The pane itself reads the selection
 * through the Excel API as it would in Excel (getSelectedRange), and its own selectCell (the
 * result card's links) moves it the same way.
 */
import { excelSerialToDay, formatDay, isDateFormat } from '../../core';
import { SHEET_COLUMNS } from '../../core';
import { formatRect, parseAddress, quoteSheetName } from './address';
import type { FakeWorkbook } from './fake-workbook';

export interface WorkbookSelection {
  sheet: string;
  /** Without the sheet name: 'B35', '35:35', 'A1:C4'. */
  address: string;
  /** What the cell holds as text (dates as YYYY-MM-DD), '' for an empty cell, null for more than one cell. */
  value: string | null;
}

export type SelectProblem =
  /** Not a cell, row or area reference. */
  | { kind: 'address'; text: string }
  /** No sheet of that name. */
  | { kind: 'sheet'; sheet: string }
  /** The sheet is hidden; Excel cannot select in it either. */
  | { kind: 'hidden'; sheet: string };

export type SelectResult = { ok: true; selection: WorkbookSelection } | { ok: false; problem: SelectProblem };

/** Full-width forms a Chinese input method gives (Ｂ３５, ！, ：) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The active sheet's selection, with the selected cell's contents; null when no sheet is active. */
export function readSelection(workbook: FakeWorkbook): WorkbookSelection | null {
  const sheet = workbook.activeSheet;
  if (!sheet) return null;
  const parsed = parseAddress(sheet.selection);
  if (!parsed) return { sheet: sheet.name, address: sheet.selection, value: null };
  const { rect } = parsed;
  if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) return { sheet: sheet.name, address: sheet.selection, value: null };
  const cell = sheet.cell(sheet.selection);
  let value = '';
  if (cell?.value !== undefined) {
    const day = typeof cell.value === 'number' && cell.numberFormat && isDateFormat(cell.numberFormat) ? excelSerialToDay(cell.value, workbook.date1904) : null;
    value = day !== null ? formatDay(day) : String(cell.value);
  }
  return { sheet: sheet.name, address: sheet.selection, value };
}

/** A sheet name as typed before the '!': quotes ('My sheet', 'it''s') taken off; null if nothing is left. */
function unquoteSheetName(typed: string): string | null {
  const quoted = /^'((?:[^']|'')+)'$/.exec(typed);
  const name = quoted ? quoted[1].replace(/''/g, "'") : typed;
  return name === '' ? null : name;
}

/**
 * Selects what `text` names: 'B35' or 'B35:D40' on the active sheet, '35' for row 35, or
 * 'Sheet!B35' (the sheet is activated, as a click on its tab would). Returns the new selection,
 * or why nothing was selected.
 *
 * Only the cell or row part is read in half width (Ｂ３５ → B35): the sheet name is looked up as
 * typed first, since sheet names may hold full-width characters of their own — the add-in's own
 * fallback sheets are named 回访清单（三色台账） (core/job/choose.ts) — and only if no sheet has
 * that exact name, in half width (Ｓｈｅｅｔ１ → Sheet1). The separator may be '!' or '！'; the
 * last one counts, as a cell reference holds neither.
 */
export function selectReference(workbook: FakeWorkbook, text: string): SelectResult {
  const typed = text.trim();
  const notAnAddress: SelectResult = { ok: false, problem: { kind: 'address', text: typed } };
  const bang = Math.max(typed.lastIndexOf('!'), typed.lastIndexOf('！'));
  let target = halfWidth(bang >= 0 ? typed.slice(bang + 1) : typed).trim();
  if (/^\d{1,7}$/.test(target)) target = `${target}:${target}`;
  const parsed = parseAddress(target);
  if (!parsed || parsed.rect.c1 >= SHEET_COLUMNS) return notAnAddress;
  let sheet = workbook.activeSheet;
  if (bang >= 0) {
    const sheetPart = typed.slice(0, bang).trim();
    const exact = unquoteSheetName(sheetPart);
    const narrowed = unquoteSheetName(halfWidth(sheetPart).trim());
    if (exact === null || narrowed === null) return notAnAddress;
    sheet = workbook.findSheet(exact) ?? workbook.findSheet(narrowed);
    if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: exact } };
  }
  if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: '' } };
  if (sheet.visibility !== 'Visible') return { ok: false, problem: { kind: 'hidden', sheet: sheet.name } };
  sheet.selection = formatRect(parsed.rect);
  workbook.activeSheetId = sheet.id;
  return { ok: true, selection: readSelection(workbook)! };
}

/** 'Sheet!B35' as Excel writes it (the name quoted when it must be). */
export function qualifiedSelection(selection: WorkbookSelection): string {
  return `${quoteSheetName(selection.sheet)}!${selection.address}`;
}
