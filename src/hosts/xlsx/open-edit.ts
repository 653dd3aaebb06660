/**
 * The package opened for one add-in operation at a time (the task pane outside Excel runs on these,
 * src/hosts/file-addin): read it, or edit it and get the new bytes. Both go through withPackage, so
 * a file is refused, and its failures worded, exactly as the command refuses it.
 */
import { SheetProtectedError, type Language, type LedgerJob } from '../../core';
import type { SheetEntry } from './package-parts';
import { readLedger, withPackage, writeLedger, type ReadWorkbookOptions } from './workbook';
import { OpenWorkbook, type Fail, type OwnSheet } from './workbook-package';
import { attr, findElement } from './xml';

export { OpenWorkbook, readLedger };
export type { Fail, OwnSheet, SheetEntry };

/** Opens `bytes` for reading only (prefixed SpreadsheetML too) and runs `body` on the workbook. */
export function readOpenWorkbook<T>(bytes: Uint8Array, options: ReadWorkbookOptions, body: (workbook: OpenWorkbook, fail: Fail) => T): T {
  return withPackage(bytes, options, (pkg, fail) => body(OpenWorkbook.open(pkg, fail, 'read'), fail));
}

/**
 * Opens `bytes` for writing, runs `body`, saves the workbook part, and returns the new file:
 * every part `body` did not write is copied byte for byte.
 */
export function editOpenWorkbook<T>(bytes: Uint8Array, options: ReadWorkbookOptions, body: (workbook: OpenWorkbook, fail: Fail) => T): { bytes: Uint8Array; value: T } {
  return withPackage(bytes, options, (pkg, fail) => {
    const workbook = OpenWorkbook.open(pkg, fail);
    const value = body(workbook, fail);
    workbook.save();
    return { bytes: pkg.toBytes(), value };
  });
}

/** Whether Excel would refuse to write into the sheet: its <sheetProtection sheet="1">. */
export function sheetIsProtected(workbook: OpenWorkbook, entry: SheetEntry): boolean {
  const part = workbook.partOf(entry);
  if (!part) return false;
  const protection = findElement(workbook.pkg.text(part), 'sheetProtection');
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
