import type { CellRange } from '../model';
import { formatDay } from '../cells';
import type { ReportCell } from './types';

/** The cells of a one-row or one-column range of a report sheet, in order (a chart's categories or values). */
export function cellsInRange(rows: readonly (readonly ReportCell[])[], range: CellRange): (ReportCell | undefined)[] {
  const cells: (ReportCell | undefined)[] = [];
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) cells.push(rows[r]?.[c]);
  return cells;
}

/** A cell as it reads on the sheet, for a chart's category label: dates as YYYY-MM-DD, fractions as 0.0%. */
export function cellLabel(cell: ReportCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'string') return cell.value;
  if (cell.style === 'date') return formatDay(cell.value);
  if (cell.style === 'percent') return `${(cell.value * 100).toFixed(1)}%`;
  return String(cell.value);
}
