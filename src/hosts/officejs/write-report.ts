/// <reference types="office-js" />
import { dayToExcelSerial, fitCellText, type CellRange, type ReportChart, type ReportSheet, type ReportStyle, LEVEL_FILLS, cellAddress, rangeRef, REPORT_HEADER_FILL, rgbHex } from '../../core';
import { blocksOfRows, MAX_WRITE_BYTES } from './blocks';
import { rangeAt, sheetNames } from './ranges';
import type { Syncer } from './sync';
import { bytesWithFormats, textFormats } from './write-ledger';

/** Written first under this name and renamed at the end, so a failure leaves no half-written sheet. */
export const TEMP_SHEET = '三色台账_临时';
const POINTS_PER_CHAR = 6;

export interface ReportWriteOptions {
  date1904: boolean;
  conditionalFormats: boolean;
  /** ExcelApi 1.9: page layout (A4 landscape, fit to width, print titles) and manual page breaks. */
  pageLayout: boolean;
  /** ExcelApi 1.7: freeze panes. */
  freezePanes: boolean;
  /** ExcelApi 1.2: column widths, row heights and merging. */
  columnWidths: boolean;
  rowHeights: boolean;
  merge: boolean;
  /** ExcelApi 1.7: native charts (series from their own cells, setValues and setXAxisValues). */
  charts: boolean;
  /** ExcelApi 1.2: setting a sheet's visibility (reading it is 1.1). */
  sheetVisibility: boolean;
  hidden?: boolean;
  /** Cells are text ('@'): the state sheet keeps keys such as '0012' as written. */
  textOnly?: boolean;
}

/**
 * Writes a report sheet (回访清单, 联席会议汇总, the hidden state) under a temporary name: values in
 * blocks under the request limit, formats by column runs (never cell by cell), then removes the old
 * sheet of the final name and renames the new one. On failure the temporary sheet is deleted.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  syncer: Syncer,
  report: ReportSheet,
  finalName: string,
  options: ReportWriteOptions,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const sync = () => syncer.sync();
  if ((await sheetNames(context, sync)).has(TEMP_SHEET)) sheets.getItem(TEMP_SHEET).delete();
  const sheet = sheets.add(TEMP_SHEET);
  try {
    const width = Math.max(report.columnWidths.length, ...report.rows.slice(0, 50).map((r) => r.length), 1);
    const matrix = report.rows.map((row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row[c];
        if (!cell || cell.value === null) return '';
        if (typeof cell.value === 'string') return fitCellText(cell.value);
        return cell.style === 'date' ? dayToExcelSerial(cell.value, options.date1904) : cell.value;
      }),
    );
    // The number formats go in the same request as the values: both count.
    for (const block of blocksOfRows(matrix, MAX_WRITE_BYTES, bytesWithFormats)) {
      const range = rangeAt(sheet, block.start, 0, block.rows.length, width);
      // Text cells are '@' before their text arrives: Excel would turn "=…", "+86…", "2026-01-05",
      // "001" and 18-digit ID numbers into formulas, dates and numbers. (An apostrophe in front
      // would do for most, but not for text that starts with one.)
      range.numberFormat = options.textOnly ? block.rows.map((r) => r.map(() => '@')) : textFormats(block.rows);
      range.values = block.rows;
      await syncer.syncWrites();
    }
    if (options.columnWidths) report.columnWidths.forEach((w, c) => (sheet.getCell(0, c).format.columnWidth = w * POINTS_PER_CHAR));
    if (options.rowHeights && report.rowHeights) setRowHeights(sheet, report.rowHeights);
    formatByRuns(sheet, report, width, options.conditionalFormats);
    if (options.merge) for (const m of report.merges) sheet.getRange(rangeRef(m)).merge();
    if (options.freezePanes && report.freezeRows) sheet.freezePanes.freezeRows(report.freezeRows);
    if (options.pageLayout) {
      sheet.pageLayout.orientation = report.print.landscape ? 'Landscape' : 'Portrait';
      sheet.pageLayout.paperSize = 'A4';
      if (report.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (report.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$${report.printTitleRows[0]}:$${report.printTitleRows[1]}`);
      // A break above the first row would start no new page.
      for (const row of report.rowBreaks ?? []) if (row > 0) sheet.horizontalPageBreaks.add(cellAddress(row, 0));
    }
    // Charts go on the temporary sheet in this same request: no round trip of their own, and a
    // refused chart fails the request before the rename, so the catch below removes everything.
    if (options.charts) for (const chart of report.charts ?? []) addChart(sheet, chart);
    await syncer.syncWrites();

    if ((await sheetNames(context, sync)).has(finalName)) sheets.getItem(finalName).delete();
    sheet.name = finalName;
    // Setting visibility needs ExcelApi 1.2 (reading it 1.1): before that the state sheet stays visible.
    if (options.hidden && options.sheetVisibility) sheet.visibility = 'Hidden';
    await syncer.sync();
  } catch (e) {
    // Leave nothing half-written: the temporary sheet goes, the old report stays as it was.
    try {
      if ((await sheetNames(context, sync)).has(TEMP_SHEET)) sheets.getItem(TEMP_SHEET).delete();
      await sync();
    } catch {
      // The original failure is what the user needs to see.
    }
    throw e;
  }
}

/** Rows of one height in a row are set as one range. */
function setRowHeights(sheet: Excel.Worksheet, heights: Record<number, number>) {
  const rows = Object.keys(heights).map(Number).sort((a, b) => a - b);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i] === rows[i - 1] + 1 && heights[rows[i]] === heights[rows[start]]) continue;
    rangeAt(sheet, rows[start], 0, rows[i - 1] - rows[start] + 1, 1).format.rowHeight = heights[rows[start]];
    start = i;
  }
}

type ChartTypeName = 'ColumnClustered' | 'ColumnStacked' | 'BarClustered' | 'BarStacked' | 'Line' | 'LineStacked' | 'Pie';
const CHART_TYPES: Record<ReportChart['kind'], [plain: ChartTypeName, stacked: ChartTypeName]> = {
  column: ['ColumnClustered', 'ColumnStacked'],
  bar: ['BarClustered', 'BarStacked'],
  line: ['Line', 'LineStacked'],
  pie: ['Pie', 'Pie'],
};
/** The plan's colours are RRGGBB; an ARGB colour (the file host's form) keeps its RGB. */
const RGB = (color: string) => `#${color.slice(-6)}`;

/**
 * One chart, queued without a sync. It is made from the first series' own cells, then every series
 * gets its values, categories and name set explicitly, so what Excel plots never depends on how
 * Charts.add reads a source range (a text cell on top would become a series name).
 */
function addChart(sheet: Excel.Worksheet, spec: ReportChart) {
  if (!spec.series.length) return;
  const range = (r: CellRange) => sheet.getRange(rangeRef(r));
  const first = spec.series[0].values;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind][spec.stacked ? 1 : 0], range(first), first.left === first.right ? 'Columns' : 'Rows');
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    if (i === 0) series.name = s.name;
    series.setValues(range(s.values));
    series.setXAxisValues(range(spec.categories));
    if (s.color) series.format.fill.setSolidColor(RGB(s.color));
    // No sync per point: getItemAt addresses a point without loading the collection.
    s.pointColors?.forEach((c, p) => series.points.getItemAt(p).format.fill.setSolidColor(RGB(c)));
  });
  chart.title.text = spec.title;
  // Counts start at 0: Excel's automatic minimum starts close values (11, 12) near 10, which misleads.
  if (spec.kind !== 'pie') chart.axes.valueAxis.minimum = 0;
  chart.setPosition(cellAddress(spec.anchor.top, spec.anchor.left), cellAddress(spec.anchor.bottom, spec.anchor.right));
}

/**
 * Each style is applied to runs of consecutive rows in a column: a due-list of 40,000 rows has a
 * handful of runs per column. Level cells are coloured by conditional formats where the client
 * has them (three rules), else by their runs.
 */
function formatByRuns(sheet: Excel.Worksheet, report: ReportSheet, width: number, conditionalFormats: boolean) {
  for (let c = 0; c < width; c++) {
    let start = 0;
    let style: ReportStyle | undefined = report.rows[0]?.[c]?.style;
    for (let r = 1; r <= report.rows.length; r++) {
      const s = r < report.rows.length ? report.rows[r][c]?.style : undefined;
      if (s === style && r < report.rows.length) continue;
      if (style) applyStyle(rangeAt(sheet, start, c, r - start, 1), r - start, style, conditionalFormats);
      start = r;
      style = s;
    }
  }
  if (conditionalFormats) {
    // A formula relative to the top-left cell applies to each cell of the range, as in Excel's UI.
    const used = rangeAt(sheet, 0, 0, report.rows.length, width);
    for (const [level, text] of [['red', '红'], ['yellow', '黄'], ['green', '绿']] as const) {
      const cf = used.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = `=A1="${text}"`;
      cf.custom.format.fill.color = rgbHex(LEVEL_FILLS[level]);
    }
  }
}

function applyStyle(range: Excel.Range, height: number, style: ReportStyle, conditionalFormats: boolean) {
  const column = (format: string) => Array.from({ length: height }, () => [format]);
  const bordered = !['title', 'subtitle', 'note'].includes(style);
  if (bordered)
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal'] as const) range.format.borders.getItem(edge).style = 'Continuous';
  switch (style) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      range.format.horizontalAlignment = 'Center';
      break;
    case 'subtitle':
      range.format.font.bold = true;
      range.format.wrapText = true;
      break;
    case 'text':
      range.format.wrapText = true;
      break;
    case 'header':
      range.format.font.bold = true;
      range.format.fill.color = rgbHex(REPORT_HEADER_FILL);
      range.format.horizontalAlignment = 'Center';
      range.format.wrapText = true;
      break;
    case 'wrap':
      range.format.wrapText = true;
      break;
    case 'number':
      range.format.horizontalAlignment = 'Center';
      break;
    case 'percent':
      range.numberFormat = column('0.0%');
      break;
    case 'date':
      range.numberFormat = column('yyyy-mm-dd');
      range.format.horizontalAlignment = 'Center';
      break;
    case 'red':
    case 'yellow':
    case 'green':
      range.format.horizontalAlignment = 'Center';
      if (!conditionalFormats) range.format.fill.color = rgbHex(LEVEL_FILLS[style]);
      break;
    case 'note':
      range.format.font.italic = true;
      range.format.wrapText = true;
      break;
    default:
      break;
  }
}
