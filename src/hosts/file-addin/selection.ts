/**
 * The selection outside Excel. There is no grid to click there, so the page offers a small "name
 * box": the user types a cell ('B35'), a row ('35') or a qualified cell ('联席会议汇总!B6') and it
 * is selected as a click in Excel would select it. The page keeps the selection (FileAddinSession);
 * this module reads what was typed against the workbook's tabs.
 */
import { areaRef, parseAreaRef, toHalfWidth } from '../../core';
import { unquoteSheetName, type SelectProblem } from '../../addin/selection';
import type { SheetTab } from './operations';

export type { SelectProblem, SelectResult, WorkbookSelection } from '../../addin/selection';

/** Where a reference points, before the cell's contents are read. */
export type ResolvedReference = { ok: true; sheet: string; address: string } | { ok: false; problem: SelectProblem };

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
  let target = toHalfWidth(bang >= 0 ? typed.slice(bang + 1) : typed).trim();
  if (/^\d{1,7}$/.test(target)) target = `${target}:${target}`;
  const range = parseAreaRef(target);
  if (!range) return notAnAddress;
  let sheet = tabs.find((t) => t.name === active);
  if (bang >= 0) {
    const sheetPart = typed.slice(0, bang).trim();
    const exact = unquoteSheetName(sheetPart);
    const narrowed = unquoteSheetName(toHalfWidth(sheetPart).trim());
    if (exact === null || narrowed === null) return notAnAddress;
    // Excel's sheet names are unique regardless of case, and found regardless of case.
    const named = (name: string) => tabs.find((t) => t.name.toLowerCase() === name.toLowerCase());
    sheet = named(exact) ?? named(narrowed);
    if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: exact } };
  }
  if (!sheet) return { ok: false, problem: { kind: 'sheet', sheet: '' } };
  if (!sheet.visible) return { ok: false, problem: { kind: 'hidden', sheet: sheet.name } };
  return { ok: true, sheet: sheet.name, address: areaRef(range) };
}
