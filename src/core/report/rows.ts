import type { ReportCell, ReportSheet } from './types';

/** A report row as a writer takes it: its cells, and its height in points when it needs one. */
export interface MadeRow {
  cells: ReportCell[];
  height?: number;
}

/** A run of rows made when read: row `start + i` is `make(i)`. */
interface RowRun {
  start: number;
  make: (i: number) => MadeRow;
}

/**
 * The rows of a report as they are built: rows given now, and runs of rows made only when read.
 * A list of 80,000 disputes is a million cell objects; made during the job and held until the
 * writer takes them, they filled the heap and were what the garbage collector spent its time
 * copying. A run holds only how to make each row, so a writer that goes row by row
 * (`reportRows(sheet).at(r)`) makes each and lets it go.
 */
export class ReportRows {
  /** Per row: its cells, or the run that makes it. */
  private readonly slots: (ReportCell[] | RowRun)[] = [];
  /** Heights of the rows given now, and of rows below the last that are only a height (lines to write on). */
  readonly heights: Record<number, number> = {};

  get length(): number {
    return this.slots.length;
  }

  /** Adds a row and returns its 0-based index. */
  add(cells: ReportCell[]): number {
    this.slots.push(cells);
    return this.slots.length - 1;
  }

  /**
   * Adds `count` rows, the i-th of them made by `make(i)` each time it is read; returns the first's
   * index. Made rows are no wider than the sheet's columns (a writer sizes the sheet before making them).
   */
  addMade(count: number, make: (i: number) => MadeRow): number {
    const run: RowRun = { start: this.slots.length, make };
    for (let i = 0; i < count; i++) this.slots.push(run);
    return run.start;
  }

  /** The widest row given now. */
  get widthGiven(): number {
    let width = 0;
    for (const slot of this.slots) if (Array.isArray(slot)) width = Math.max(width, slot.length);
    return width;
  }

  /** The cells of a row given now (undefined for a made row, which is not made to be looked at here). */
  given(r: number): ReportCell[] | undefined {
    const slot = this.slots[r];
    return Array.isArray(slot) ? slot : undefined;
  }

  /** Row `r`, made now if it is one of a run; a height set on the row wins over the one it was made with. */
  at(r: number): MadeRow {
    const slot = this.slots[r];
    if (slot === undefined) return { cells: [], height: this.heights[r] };
    if (Array.isArray(slot)) return { cells: slot, height: this.heights[r] };
    const made = slot.make(r - slot.start);
    return this.heights[r] === undefined ? made : { cells: made.cells, height: this.heights[r] };
  }
}

/** The rows of sheets built from ReportRows that have not been read whole yet. */
const unread = new WeakMap<ReportSheet, ReportRows>();

/**
 * A report sheet whose `rows` and `rowHeights` are made the first time either is read (and kept):
 * hosts and tests that read them see an ordinary sheet, and the .xlsx writer, which reads rows one
 * at a time through `reportRows`, never makes them all at once.
 */
export function sheetWithRows(sheet: Omit<ReportSheet, 'rows' | 'rowHeights'>, rows: ReportRows): ReportSheet {
  let whole: { rows: ReportCell[][]; heights: Record<number, number> } | undefined;
  const read = () => {
    if (!whole) {
      const all: ReportCell[][] = [];
      const heights: Record<number, number> = { ...rows.heights };
      for (let r = 0; r < rows.length; r++) {
        const made = rows.at(r);
        all.push(made.cells);
        if (made.height !== undefined) heights[r] = made.height;
      }
      whole = { rows: all, heights };
      unread.delete(result);
    }
    return whole;
  };
  const result = Object.defineProperties({ ...sheet } as ReportSheet, {
    rows: { get: () => read().rows, enumerable: true },
    rowHeights: { get: () => read().heights, enumerable: true },
  });
  unread.set(result, rows);
  return result;
}

/**
 * A sheet's rows one at a time: `length` rows (and, below them, rows that are only a height), each
 * with its height if it has one. Rows of a sheet not yet read whole are made as asked for and not kept.
 */
export function reportRows(sheet: ReportSheet): SheetRows {
  const rows = unread.get(sheet);
  if (rows) return { length: rows.length, width: rows.widthGiven, heights: rows.heights, at: (r) => rows.at(r) };
  const heights = sheet.rowHeights ?? {};
  let width = 0;
  for (const row of sheet.rows) width = Math.max(width, row.length);
  return { length: sheet.rows.length, width, heights, at: (r) => ({ cells: sheet.rows[r] ?? [], height: heights[r] }) };
}

/** A report's rows as a writer reads them, one at a time. */
export interface SheetRows {
  length: number;
  /** The widest row (made rows are no wider than the sheet's columns). */
  width: number;
  /** Heights set on rows, including rows below the last that are only a height. */
  heights: Readonly<Record<number, number>>;
  at: (r: number) => MadeRow;
}
