import { rangeRef } from '../../core';
/// <reference types="office-js" />

/**
 * A block of cells by 0-based position, through getRange(address), which every Excel has
 * (getRangeByIndexes needs ExcelApi 1.7, and government PCs often run Office 2016 with 1.1).
 */
export function rangeAt(sheet: Excel.Worksheet, top: number, left: number, rows: number, cols: number): Excel.Range {
  return sheet.getRange(rangeRef({ top, left, bottom: top + Math.max(1, rows) - 1, right: left + Math.max(1, cols) - 1 }));
}

/** Names of the worksheets, to test for one without getItemOrNullObject (ExcelApi 1.4). */
export async function sheetNames(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Set<string>> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await sync();
  return new Set(sheets.items.map((s) => s.name));
}
