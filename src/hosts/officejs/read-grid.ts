/// <reference types="office-js" />
import { excelSerialToDay, isDateFormat, ymdFromDay, type CellRange, type CellValue, type SheetGrid, parseRangeRef } from '../../core';
import { FIRST_GUESS_BYTES_PER_CELL, jsonBytes, MAX_READ_CELLS, MERGE_ROWS, READ_BUDGET_BYTES } from './blocks';
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

/** The date system of the workbook, asked in the next sync: DATE(1904,1,1) is 0 in the 1904 system and 1462 in the 1900 one. */
export function queueDateSystemCheck(context: Excel.RequestContext, functions: boolean): () => boolean {
  // workbook.functions needs ExcelApi 1.2; before that (Office 2016 on Windows) the 1900 system is taken.
  if (!functions) return () => false;
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return () => probe.value === 0;
}

/**
 * Before ExcelApi 1.2 (no workbook.functions), the date system from one dated cell of the rows
 * detection read: Excel shows its serial as text in the workbook's own system, so the year shown
 * tells 1900 from 1904 (four years apart). One sync, only where such a cell exists.
 */
export async function dateSystemFromText(context: Excel.RequestContext, syncer: Syncer, tops: readonly SheetGrid[]): Promise<boolean> {
  for (const grid of tops)
    for (let r = 0; r < grid.values.length; r++)
      for (let c = 0; c < (grid.values[r]?.length ?? 0); c++) {
        const serial = grid.values[r][c];
        const format = grid.numberFormats?.[r]?.[c];
        if (typeof serial !== 'number' || serial < 367 || !format || !isDateFormat(format)) continue;
        const cell = context.workbook.worksheets.getItem(grid.name).getCell(r, c);
        cell.load('text');
        await syncer.sync();
        const shown = String(cell.text[0][0]);
        const year = (date1904: boolean) => ymdFromDay(excelSerialToDay(serial, date1904)!).year;
        const four = /(\d{4})/.exec(shown);
        const two = /(\d{2})/.exec(shown);
        const matches = (y: number) => (four ? Number(four[1]) === y : two ? Number(two[1]) === y % 100 : false);
        return matches(year(true)) && !matches(year(false));
      }
  return false;
}

/** One sheet's reading: where it stands and what it has taught about its rows. */
interface SheetRead {
  grid: SheetGrid;
  sheet: string;
  top: number;
  left: number;
  cols: number;
  rows: number;
  /** Rows read so far. */
  done: number;
  /** Response bytes one row is expected to take. */
  bytesPerRow: number;
  /** Rows per getMergedAreasOrNullObject call. */
  mergeRows: number;
}

function officeErrorCode(e: unknown): string {
  return (e as { code?: string })?.code ?? '';
}

function officeErrorLocation(e: unknown): string {
  return (e as { debugInfo?: { errorLocation?: string } })?.debugInfo?.errorLocation ?? '';
}

/**
 * Reads sheets into grids with A1 origin, as the core expects: values, number formats and merged
 * areas. The used range includes formatted empty cells, so the add-in's columns go right of them.
 *
 * Reads are sized by bytes, not cells: a block is as many rows as READ_BUDGET_BYTES of response
 * holds at the bytes per row seen so far (a first guess before), never more than MAX_READ_CELLS
 * cells. A response Excel refuses all the same (ResponsePayloadSizeLimitExceeded) is read again in
 * smaller blocks. Merged areas are asked for per MERGE_ROWS rows at most, in the same requests:
 * Excel fails above 512 areas in one range, and then they are asked for in smaller pieces.
 * Blocks of all sheets in a round share one sync, so detection over many sheets stays cheap;
 * `maxRows` stops early for detection.
 */
export async function readGrids(
  context: Excel.RequestContext,
  syncer: Syncer,
  sheets: SheetInfo[],
  options: { maxRows?: number; merges: boolean; date1904?: boolean },
): Promise<SheetGrid[]> {
  // getUsedRange exists on every Excel (1.1); an empty sheet answers A1, which reads as one blank cell.
  const used: Used[] = sheets.map((s) => {
    const range = context.workbook.worksheets.getItem(s.name).getUsedRange();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { name: s.name, hidden: s.hidden, used: range };
  });
  await syncer.sync();

  const date1904 = options.date1904 ?? false;
  const reads: SheetRead[] = used.map((u) => ({
    grid: { name: u.name, values: [], merges: [], numberFormats: [], date1904, hidden: u.hidden },
    sheet: u.name,
    top: u.used.rowIndex,
    left: u.used.columnIndex,
    cols: u.used.columnCount,
    rows: Math.min(u.used.rowCount, Math.max(0, (options.maxRows ?? Infinity) - u.used.rowIndex)),
    done: 0,
    bytesPerRow: u.used.columnCount * FIRST_GUESS_BYTES_PER_CELL * (options.maxRows ? 2 : 1),
    mergeRows: MERGE_ROWS,
  }));
  // Number formats only where they can matter (the header rows found by detection); the engine
  // reads a number in a date column as a serial whatever its format.
  const select = options.maxRows ? 'values,numberFormat' : 'values';

  for (let round = reads.filter((r) => r.done < r.rows); round.length; round = reads.filter((r) => r.done < r.rows)) {
    // Detection reads a few rows of every sheet in one round; a full read shares the budget.
    const budget = options.maxRows ? READ_BUDGET_BYTES : READ_BUDGET_BYTES / round.length;
    const queued = round.map((read) => {
      const rows = Math.max(1, Math.min(read.rows - read.done, Math.floor(MAX_READ_CELLS / Math.max(1, read.cols)), Math.floor(budget / read.bytesPerRow)));
      const sheet = context.workbook.worksheets.getItem(read.sheet);
      const top = read.top + read.done;
      const range = rangeAt(sheet, top, read.left, rows, read.cols);
      range.load(select);
      const merges: Excel.RangeAreas[] = [];
      // Excel answers the areas whose top-left cell is in the range (office-js#3611): each area once.
      if (options.merges)
        for (let r = 0; r < rows; r += read.mergeRows) {
          const areas = rangeAt(sheet, top + r, read.left, Math.min(read.mergeRows, rows - r), read.cols).getMergedAreasOrNullObject();
          areas.load('address');
          merges.push(areas);
        }
      return { read, top, rows, range, merges };
    });
    try {
      await syncer.sync();
    } catch (e) {
      if (officeErrorCode(e) === 'ResponsePayloadSizeLimitExceeded' && queued.some((q) => q.rows > 1)) {
        for (const { read, rows } of queued) read.bytesPerRow = Math.max(read.bytesPerRow * 2, READ_BUDGET_BYTES / Math.max(1, Math.floor(rows / 2)));
        continue;
      }
      if (/getMergedAreas/.test(officeErrorLocation(e)) && queued.some((q) => q.read.mergeRows > 1)) {
        for (const { read } of queued) read.mergeRows = Math.max(1, Math.floor(read.mergeRows / 2));
        continue;
      }
      throw e;
    }
    for (const { read, top, rows, range, merges } of queued) {
      const { grid, left } = read;
      range.values.forEach((row, r) => {
        grid.values[top + r] = padLeft(row as CellValue[], left);
        if (options.maxRows) grid.numberFormats![top + r] = padLeft(range.numberFormat[r] as string[], left);
      });
      for (const areas of merges) if (!areas.isNullObject) grid.merges.push(...parseAreas(areas.address));
      // The next block is sized by what the rows so far took — the block's average or its last
      // tenth's, whichever is more, never less than before — with half again to spare.
      const tail = Math.max(1, Math.ceil(rows / 10));
      const perRow = Math.max(jsonBytes(range.values) / rows, jsonBytes(range.values.slice(-tail)) / tail) * (options.maxRows ? 2 : 1);
      read.bytesPerRow = Math.max(read.done === 0 ? 1 : read.bytesPerRow, Math.ceil(1.5 * perRow));
      read.done += rows;
    }
  }
  const grids = reads.map((r) => r.grid);
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
