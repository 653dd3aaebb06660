/// <reference types="office-js" />
import type { CellRange, CellValue, SheetGrid } from '../../core';
import { parseRangeRef } from '../xlsx/refs';
import { MAX_READ_CELLS } from './blocks';
import { rangeAt } from './ranges';
import type { Syncer } from './sync';

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/** Names and visibility of every worksheet, in tab order: one sync. */
export async function listSheets(context: Excel.RequestContext, syncer: Syncer): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await syncer.sync();
  return sheets.items.map((s) => ({ name: s.name, hidden: s.visibility !== 'Visible' }));
}

interface Used {
  name: string;
  hidden: boolean;
  used: Excel.Range;
}

/**
 * Reads sheets into grids with A1 origin, as the core expects: values, number formats and merged
 * areas. The used range includes formatted empty cells, so the add-in's columns go right of them.
 * Reads are cut into blocks of rows (MAX_READ_CELLS per sync); `maxRows` stops early for detection.
 */
export async function readGrids(
  context: Excel.RequestContext,
  syncer: Syncer,
  sheets: SheetInfo[],
  options: { maxRows?: number; merges: boolean },
): Promise<SheetGrid[]> {
  // getUsedRange exists on every Excel (1.1); an empty sheet answers A1, which reads as one blank cell.
  const used: Used[] = sheets.map((s) => {
    const range = context.workbook.worksheets.getItem(s.name).getUsedRange();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: s.name, hidden: s.hidden, used: range };
  });
  await syncer.sync();

  const grids: SheetGrid[] = used.map((u) => ({ name: u.name, values: [], merges: [], numberFormats: [], date1904: false, hidden: u.hidden }));
  // Every sheet's blocks are queued together, so detection over many sheets costs one sync per block round.
  // Blocks are queued one round at a time (everything queued before a sync goes in that sync);
  // the blocks of all sheets in a round share it, so detection over many sheets stays cheap.
  type Block = { grid: SheetGrid; sheet: string; top: number; left: number; rows: number; cols: number; mergeRows?: number };
  const rounds: Block[][] = [];
  used.forEach((u, i) => {
    const rows = Math.min(u.used.rowCount, Math.max(0, (options.maxRows ?? Infinity) - u.used.rowIndex));
    const perBlock = Math.max(1, Math.floor(MAX_READ_CELLS / Math.max(1, u.used.columnCount)));
    let round = 0;
    for (let start = 0; start < rows; start += perBlock, round++) {
      const block: Block = { grid: grids[i], sheet: u.name, top: u.used.rowIndex + start, left: u.used.columnIndex, rows: Math.min(perBlock, rows - start), cols: u.used.columnCount };
      if (start === 0 && options.merges) block.mergeRows = rows;
      (rounds[round] ??= []).push(block);
    }
  });
  for (const round of rounds) {
    const queued = round.map((b) => {
      const sheet = context.workbook.worksheets.getItem(b.sheet);
      const range = rangeAt(sheet, b.top, b.left, b.rows, b.cols);
      // Number formats only where they can matter (the header rows found by detection); the
      // engine reads a number in a date column as a serial whatever its format.
      range.load(options.maxRows ? 'values,numberFormat' : 'values');
      let merges: Excel.RangeAreas | undefined;
      if (b.mergeRows) {
        merges = rangeAt(sheet, b.top, b.left, b.mergeRows, b.cols).getMergedAreasOrNullObject();
        merges.load('address');
      }
      return { ...b, range, merges };
    });
    await syncer.sync();
    for (const { grid, range, top, left, merges } of queued) {
      range.values.forEach((row, r) => {
        grid.values[top + r] = padLeft(row as CellValue[], left);
        if (options.maxRows) grid.numberFormats![top + r] = padLeft(range.numberFormat[r] as string[], left);
      });
      if (merges && !merges.isNullObject) grid.merges.push(...parseAreas(merges.address));
    }
  }
  for (const grid of grids) for (let r = 0; r < grid.values.length; r++) grid.values[r] ??= [];
  return grids;
}

/** Excel gives '' for an empty cell; the core reads null and '' alike, but keeps the row's length. */
function padLeft<T>(row: T[], left: number): (T | null)[] {
  return left === 0 ? row : [...new Array<null>(left).fill(null), ...row];
}

/** 'Sheet1!A1:B2, Sheet1!D1:E1' → ranges (Excel quotes sheet names with spaces: 'My Sheet'!A1). */
export function parseAreas(address: string): CellRange[] {
  return address
    .split(',')
    .map((part) => part.trim().replace(/^.*!/, ''))
    .map((ref) => parseRangeRef(ref.replace(/\$/g, '')))
    .filter((r): r is CellRange => r !== null);
}
