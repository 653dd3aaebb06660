import type { CellRange, Day } from '../model';

/** How a report cell should look; hosts map these to their own styles. */
export type ReportStyle =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'text'
  | 'wrap'
  | 'number'
  | 'percent'
  | 'date'
  | 'red'
  | 'yellow'
  | 'green'
  | 'note';

/** A value in a report: a date is a `Day` with style 'date', a percentage a fraction with style 'percent'. */
export interface ReportCell {
  value: string | number | null;
  style?: ReportStyle;
}

/** A sheet the add-in owns (回访清单, 联席会议汇总), described independently of any host. */
export interface ReportSheet {
  name: string;
  /** Column widths in characters. */
  columnWidths: number[];
  rows: ReportCell[][];
  merges: CellRange[];
  /** 1-based rows repeated at the top of every printed page. */
  printTitleRows?: [number, number];
  /** Page setup: A4 landscape, fit all columns to one page width. */
  print: { landscape: boolean; fitToWidth: boolean };
  /** 0-based row of the header that an autofilter / freeze pane sits under, if any. */
  freezeRows?: number;
  /** 0-based rows that start a new printed page (a manual page break above each). */
  rowBreaks?: number[];
  /** Row heights in points by 0-based row, where a row must be taller than its text needs (lines to write on). */
  rowHeights?: Record<number, number>;
  /** Native charts drawn over empty cells of this sheet, fed from ranges of this sheet. */
  charts?: ReportChart[];
}

/** One series of a chart: its values are cells of the same sheet. */
export interface ReportChartSeries {
  /** Legend text. */
  name: string;
  /** One row or one column of number cells (0-based, inclusive). */
  values: CellRange;
  /** Fill as RRGGBB. */
  color?: string;
  /** One fill per point (RRGGBB), for a pie's slices or a column per colour level. */
  pointColors?: string[];
}

/**
 * A native chart (DrawingML in an .xlsx, `worksheet.charts` in Office.js) that Excel, WPS and
 * LibreOffice draw from the sheet's own cells, so the picture always matches the table beside it.
 */
export interface ReportChart {
  kind: 'column' | 'bar' | 'pie' | 'line';
  title: string;
  /** One row or one column of label cells (0-based, inclusive), as long as each series. */
  categories: CellRange;
  series: ReportChartSeries[];
  /** Stacked columns or bars (one column per category, series on top of each other). */
  stacked?: boolean;
  /** The cells the chart covers, top-left to bottom-right, inclusive; they are left empty. */
  anchor: CellRange;
}

export type { Day };
