export type { ReportStyle, ReportCell, ReportSheet, ReportChart, ReportChartSeries } from './types';
export { displayWidth, linesNeeded, wrappedLines } from './width';
export { cellsInRange, cellLabel } from './cells';
export { ReportRows, reportRows, sheetWithRows, type MadeRow, type SheetRows } from './rows';
export { HANDOUT_TEXT_CHARS, handoutExcerpt, handoutWindow } from './excerpt';
