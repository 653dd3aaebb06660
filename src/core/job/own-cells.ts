import type { OwnCell, OwnColumnPlan } from './types';

/** An own column's cells as a writer reads them, one at a time by index. */
export interface ColumnCells {
  length: number;
  /** The 0-based sheet row of cell `i`, without making its value. */
  rowAt(i: number): number;
  cellAt(i: number): OwnCell;
}

/** Columns whose cells have not been read whole yet. */
const unread = new WeakMap<OwnColumnPlan, ColumnCells>();

/**
 * An own column whose `cells` — one per dispute, the reasons column's a joined text each — are made
 * the first time they are read (and kept): the Office.js host and the tests read an ordinary list,
 * and the .xlsx writer, which reads them one at a time through `columnCells`, never holds them
 * together (300,000 cells and 100,000 joined reasons at a 100,000-row run's peak).
 */
export function columnWithCells(column: Omit<OwnColumnPlan, 'cells'>, cells: ColumnCells): OwnColumnPlan {
  let whole: OwnCell[] | undefined;
  const result = Object.defineProperty({ ...column } as OwnColumnPlan, 'cells', {
    get: () => {
      if (!whole) {
        whole = Array.from({ length: cells.length }, (_, i) => cells.cellAt(i));
        unread.delete(result);
      }
      return whole;
    },
    enumerable: true,
  });
  unread.set(result, cells);
  return result;
}

/** A column's cells one at a time: made as asked for while the column has not been read whole. */
export function columnCells(column: OwnColumnPlan): ColumnCells {
  const lazy = unread.get(column);
  if (lazy) return lazy;
  const cells = column.cells;
  return { length: cells.length, rowAt: (i) => cells[i].row, cellAt: (i) => cells[i] };
}
