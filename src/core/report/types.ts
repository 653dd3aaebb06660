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
}

export type { Day };
