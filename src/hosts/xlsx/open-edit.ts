/**
 * What the task pane outside Excel (src/hosts/file-addin) needs of the file host for one add-in
 * operation at a time: the workbook opened to read (withWorkbook) or to edit (editWorkbook) —
 * the same openers the command uses, so a file is refused, and its failures worded, exactly as
 * the command refuses it — and the ledger's own columns written.
 */
import { SheetProtectedError, type Language, type LedgerJob } from '../../core';
import type { SheetEntry } from './package-parts';
import { editWorkbook, readLedger, withWorkbook, writeLedger } from './workbook';
import { OpenWorkbook, type Fail, type OwnSheet } from './workbook-package';
import { attr, findElement } from './xml';

export { editWorkbook, OpenWorkbook, readLedger, withWorkbook };
export { joinBytes } from './zip';
export type { Fail, OwnSheet, SheetEntry };

/** Whether Excel would refuse to write into the sheet: its <sheetProtection sheet="1">. */
export function sheetIsProtected(workbook: OpenWorkbook, entry: SheetEntry): boolean {
  const part = workbook.partOf(entry);
  if (!part) return false;
  // Looked for outside the sheet data: a ledger kept as bytes is not decoded whole for it.
  const source = workbook.pkg.sheetSource(part);
  const layout = workbook.sheetLayouts.get(part);
  const xml = typeof source === 'string' ? source : layout && !layout.special ? source.slice(0, layout.start) + source.slice(layout.end) : source.whole();
  const protection = findElement(xml, 'sheetProtection');
  const on = protection && attr(protection.tag, 'sheet');
  return on === '1' || on === 'true';
}

/**
 * Writes only the add-in's columns, colours and dropdown into the ledger sheet (what a triage writes;
 * processWorkbook writes the report sheets too). A protected ledger sheet is refused before anything
 * is written, as Excel refuses it.
 */
export function writeLedgerColumns(workbook: OpenWorkbook, entry: SheetEntry, job: LedgerJob, language: Language): void {
  if (sheetIsProtected(workbook, entry)) throw new SheetProtectedError(entry.name, language);
  writeLedger(workbook, workbook.partOf(entry)!, job);
}
