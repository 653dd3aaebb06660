import { cellAddress, columnLetter, dayToExcelSerial, LEVEL_FILLS, rangeRef, REPORT_HEADER_FILL, reportRows, wrappedLines, type ReportSheet, type ReportStyle } from '../../core';
import type { StyleSheet, XfSpec } from './styles';
import { inlineStringCell, SPREADSHEET_NS } from './xml';


const REPORT_STYLES: Record<ReportStyle, XfSpec> = {
  title: { bold: true, fontSize: 14, horizontal: 'center' },
  subtitle: { bold: true, wrap: true },
  header: { bold: true, border: true, fill: REPORT_HEADER_FILL, horizontal: 'center', wrap: true },
  text: { border: true, wrap: true },
  wrap: { border: true, wrap: true },
  number: { border: true, horizontal: 'center' },
  percent: { border: true, horizontal: 'center', numFmt: '0.0%' },
  date: { border: true, horizontal: 'center', numFmt: 'yyyy-mm-dd' },
  red: { border: true, horizontal: 'center', fill: LEVEL_FILLS.red },
  yellow: { border: true, horizontal: 'center', fill: LEVEL_FILLS.yellow },
  green: { border: true, horizontal: 'center', fill: LEVEL_FILLS.green },
  note: { italic: true, wrap: true },
};

export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A complete worksheet part for a sheet the add-in owns (回访清单, 联席会议汇总), made a row at a
 * time as the deflater takes it: a due-list of 80,000 rows is 60 MB of XML, which is never held
 * whole. `drawingRid` is the relationship to the drawing part holding the sheet's charts, when it
 * has any. Styles are registered as rows are made, so the part is written before the styles part.
 */
export function* reportSheetXml(sheet: ReportSheet, styles: StyleSheet, date1904: boolean, drawingRid?: string): Generator<string> {
  // Each style's ` s="…"`, made once: a long list has a million cells.
  const styleAttributes = new Map<ReportStyle, string>();
  const styleAttribute = (s: ReportStyle) => {
    let attribute = styleAttributes.get(s);
    if (attribute === undefined) styleAttributes.set(s, (attribute = ` s="${styles.ensureXf(REPORT_STYLES[s])}"`));
    return attribute;
  };
  const rows = reportRows(sheet);
  const width = Math.max(rows.width, sheet.columnWidths.length, 1);
  // A row given a height may lie below the table (lines left to write on): it is written, empty.
  // A loop, not Math.max(...): a due-list of 80,000 rows gives 80,000 heights, past what one call's arguments may hold.
  let rowCount = rows.length;
  for (const r of Object.keys(rows.heights)) rowCount = Math.max(rowCount, Number(r) + 1);
  const cols = sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const lastRow = Math.max(rows.length, 1);
  const freeze = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
    : '';
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    (sheet.print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="A1:${columnLetter(width - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${freeze}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>';
  for (let r = 0; r < rowCount; r++) {
    const made = rows.at(r);
    const cells = made.cells;
    const height = made.height ?? rowHeight(cells, sheet.columnWidths);
    if (r >= rows.length && height === undefined) continue;
    // The row's number made once, not once per cell (a due-list of 80,000 rows has a million cells).
    const rowNumber = String(r + 1);
    let xml = `<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ''}>`;
    // A cell right after the one written before it goes without its reference (readers place it
    // next, ECMA-376 Part 1, 18.3.1.4): a sixth of a long list's XML, to make, compress and store.
    let next = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const s = cell.style ? styleAttribute(cell.style) : '';
      const empty = cell.value === null || cell.value === '';
      if (empty && !s) continue;
      const ref = c === next ? '' : columnLetter(c) + rowNumber;
      const r = ref === '' ? '' : ` r="${ref}"`;
      next = c + 1;
      if (empty) xml += `<c${r}${s}/>`;
      else if (typeof cell.value === 'number') {
        const v = cell.style === 'date' ? dayToExcelSerial(cell.value, date1904) : cell.value;
        xml += `<c${r}${s}><v>${v}</v></c>`;
      } else xml += inlineStringCell(ref, s, cell.value as string);
    }
    yield `${xml}</row>`;
  }
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`
    : '';
  const { landscape, fitToWidth } = sheet.print;
  yield '</sheetData>' +
    merges +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9"${landscape ? ' orientation="landscape"' : ''}${fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
    rowBreaksXml(sheet.rowBreaks ?? []) +
    (drawingRid ? `<drawing r:id="${drawingRid}"/>` : '') +
    `</worksheet>`;
}

/**
 * Manual page breaks. A <brk id="n"> sits between 0-based rows n-1 and n — equally, below 1-based
 * row n — so the 0-based row that starts the new page is the id itself (ECMA-376 Part 1, 18.3.1.3;
 * Excel writes id="10" for a break above row 11 as the user sees it). max is the last column, 16383.
 */
function rowBreaksXml(rows: readonly number[]): string {
  const ids = [...new Set(rows)].filter((r) => Number.isInteger(r) && r > 0).sort((a, b) => a - b);
  if (ids.length === 0) return '';
  const breaks = ids.map((id) => `<brk id="${id}" max="16383" man="1"/>`).join('');
  return `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">${breaks}</rowBreaks>`;
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * Excel sizes rows to wrapped text when it edits them, but neither Excel nor LibreOffice does so
 * when opening a file, so a wrapped row gets the height its longest cell needs (and a title a bit more).
 */
function rowHeight(cells: ReportSheet['rows'][number], widths: readonly number[]): number | undefined {
  if (cells.some((c) => c.style === 'title')) return 24;
  const lines = wrappedLines(cells, widths);
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

/** The hidden sheet holding meeting snapshots: all text cells, so keys like '0012' survive Excel. */
export function stateSheetXml(rows: (string | number)[][]): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => inlineStringCell(cellAddress(r, c), '', String(v)))
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${RELATIONSHIPS_NS}"><sheetData>${body}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
