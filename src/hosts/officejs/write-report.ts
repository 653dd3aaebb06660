/// <reference types="office-js" />
import { dayToExcelSerial, type ReportSheet, type ReportStyle } from '../../core';
import { LEVEL_FILLS } from '../xlsx/report-writer';
import { rangeRef } from '../xlsx/refs';
import { blocksOfRows } from './blocks';
import { rangeAt, sheetNames } from './ranges';
import type { Syncer } from './sync';

/** Written first under this name and renamed at the end, so a failure leaves no half-written sheet. */
export const TEMP_SHEET = '三色台账_临时';
const POINTS_PER_CHAR = 6;
const HEX = (argb: string) => `#${argb.slice(2)}`;

export interface ReportWriteOptions {
  date1904: boolean;
  conditionalFormats: boolean;
  /** ExcelApi 1.9: page layout (A4 landscape, fit to width, print titles). */
  pageLayout: boolean;
  /** ExcelApi 1.7: freeze panes. */
  freezePanes: boolean;
  /** ExcelApi 1.2: column widths and merging. */
  columnWidths: boolean;
  merge: boolean;
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
        return typeof cell.value === 'number' && cell.style === 'date' ? dayToExcelSerial(cell.value, options.date1904) : cell.value;
      }),
    );
    for (const block of blocksOfRows(matrix)) {
      const range = rangeAt(sheet, block.start, 0, block.rows.length, width);
      if (options.textOnly) range.numberFormat = block.rows.map((r) => r.map(() => '@'));
      range.values = block.rows;
      await syncer.sync();
    }
    if (options.columnWidths) report.columnWidths.forEach((w, c) => (sheet.getCell(0, c).format.columnWidth = w * POINTS_PER_CHAR));
    formatByRuns(sheet, report, width, options.conditionalFormats);
    if (options.merge) for (const m of report.merges) sheet.getRange(rangeRef(m)).merge();
    if (options.freezePanes && report.freezeRows) sheet.freezePanes.freezeRows(report.freezeRows);
    if (options.pageLayout) {
      sheet.pageLayout.orientation = report.print.landscape ? 'Landscape' : 'Portrait';
      sheet.pageLayout.paperSize = 'A4';
      if (report.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (report.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$${report.printTitleRows[0]}:$${report.printTitleRows[1]}`);
    }
    await syncer.sync();

    if ((await sheetNames(context, sync)).has(finalName)) sheets.getItem(finalName).delete();
    sheet.name = finalName;
    if (options.hidden) sheet.visibility = 'Hidden';
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
      cf.custom.format.fill.color = HEX(LEVEL_FILLS[level]);
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
      break;
    case 'header':
      range.format.font.bold = true;
      range.format.fill.color = '#D9D9D9';
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
      if (!conditionalFormats) range.format.fill.color = HEX(LEVEL_FILLS[style]);
      break;
    case 'note':
      range.format.font.italic = true;
      break;
    default:
      break;
  }
}
