/**
 * What the task pane outside Excel (src/hosts/file-addin) needs of the file host for one add-in
 * operation at a time: the workbook opened to read (withWorkbook) or to edit (editWorkbook) —
 * the same openers the command uses, so a file is refused, and its failures worded, exactly as
 * the command refuses it — and the ledger's own columns written.
 */
import { SheetProtectedError, type Language, type LedgerJob } from '../../core';
import type { SheetEntry } from './package-parts';
import { editWorkbook, readLedger, sheetIsProtected, withWorkbook, writeLedger } from './workbook';
import { OpenWorkbook, type Fail, type OwnSheet } from './workbook-package';

export { editWorkbook, OpenWorkbook, readLedger, sheetIsProtected, withWorkbook };
export { joinBytes } from './zip';
export type { Fail, OwnSheet, SheetEntry };

/**
 * Writes only the add-in's columns, colours and dropdown into the ledger sheet (what a triage writes;
 * processWorkbook writes the report sheets too). A protected ledger sheet is refused before anything
 * is written, as Excel refuses it.
 */
export function writeLedgerColumns(workbook: OpenWorkbook, entry: SheetEntry, job: LedgerJob, language: Language): void {
  if (sheetIsProtected(workbook, entry)) throw new SheetProtectedError(entry.name, language);
  writeLedger(workbook, workbook.partOf(entry)!, job);
}
