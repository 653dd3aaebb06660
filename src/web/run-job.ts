/**
 * The web edition's work, free of the DOM so that the worker, the page's fallback and node tests
 * all call the same functions: `inspectWorkbook` finds the ledger and its mapping before a run,
 * `runJob` is `processWorkbook` with the options `tricolor run` passes, plus a JSON-safe summary
 * for the page (counts, issues, a preview of the coloured ledger and the report sheets).
 */
import {
  chooseLedgerSheet,
  columnLetter,
  detectLedger,
  excelSerialToDay,
  formatDay,
  meetingHeadline,
  isDateFormat,
  parseIsoDay,
  validatePreset,
  DEFAULT_PRESET,
  OWN_SHEETS,
  PresetError,
  describeProblem,
  type CellValue,
  type Language,
  type LedgerJob,
  type LedgerLayout,
  type Level,
  type ReportSheet,
  type SheetGrid,
  type TriagePreset,
} from '../core';
import { Inflate } from 'fflate';
import { processWorkbook, readEntry, readZip, WorkbookError, type DeflateCodec, type WorkbookJobOptions } from '../hosts/xlsx';
import { readRelationships, readSheetEntries, relsPathOf, resolveTarget, workbookUses1904, type SheetEntry } from '../hosts/xlsx/package-parts';
import { readSharedStrings, readSheetXml } from '../hosts/xlsx/sheet-reader';
import { StyleSheet } from '../hosts/xlsx/styles';
import { ZipFormatError, type ZipEntry } from '../hosts/xlsx/zip';
import { correctedColumns, mappedColumns } from './columns';
import {
  outputNameFor,
  XLSM_MIME,
  XLSX_MIME,
  type IssueSummary,
  type JobFailure,
  type JobSummary,
  type LedgerPreview,
  type ReportPreview,
  type RunOptions,
  type WebStage,
  type WorkbookInfo,
} from './protocol';

/** The preview shows the first rows of a big ledger; the counts cover all of them. */
export const PREVIEW_ROWS = 200;
/** Report sheets are shown up to this many rows; the workbook holds them all. */
export const REPORT_ROWS = 500;
/** Issues listed on the page; the count covers all of them. */
export const ISSUE_LIMIT = 300;
/** Header detection reads the top of each sheet only, as processWorkbook does. */
const DETECTION_ROWS = 45;

const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** A preset that cannot be used; carries the problems so the page can word them in either language. */
export class WebPresetError extends Error {
  constructor(readonly problems: { path: string; message: string }[], language: Language) {
    super(problems.map((p) => describeProblem(p, language)).join('；'));
    this.name = 'WebPresetError';
  }
}

/** The preset of a run: the default, or the JSON the user chose, validated as the command does. */
export function presetOf(presetJson: unknown, language: Language): TriagePreset {
  if (presetJson === undefined || presetJson === null) return DEFAULT_PRESET;
  try {
    return validatePreset(presetJson as Parameters<typeof validatePreset>[0]);
  } catch (e) {
    if (e instanceof PresetError) throw new WebPresetError(e.problems, language);
    throw e;
  }
}

/** The options processWorkbook gets: exactly what `tricolor run` passes for the same choices. */
export function workbookOptions(options: RunOptions): WorkbookJobOptions {
  const day = (s: string, what: string) => {
    const d = parseIsoDay(s);
    if (d === null) throw new Error(`${what} is not a YYYY-MM-DD date: "${s}"`);
    return d;
  };
  return {
    fileName: options.fileName,
    sheet: options.sheet,
    asOf: day(options.asOf, 'asOf'),
    period: options.period ? { from: day(options.period.from, 'period.from'), to: day(options.period.to, 'period.to') } : undefined,
    preset: presetOf(options.presetJson, options.language),
    language: options.language,
    mask: options.mask,
    ...(options.fieldColumns && Object.keys(options.fieldColumns).length > 0 ? { fieldColumns: options.fieldColumns } : {}),
  };
}

export interface RunJobResult {
  bytes: Uint8Array;
  summary: JobSummary;
  /** The engine's own result, for tests and for callers in the same thread. */
  job: LedgerJob;
}

/**
 * Runs the ledger job on a workbook's bytes: processWorkbook with `options` (the codec is fflate
 * unless one is given), then a summary the page can show. Throws WorkbookError, WebPresetError or
 * the engine's own errors; `failureOf` turns any of them into words for the page.
 */
export function runJob(bytes: Uint8Array, options: RunOptions, onProgress?: (stage: WebStage) => void, codec?: DeflateCodec): RunJobResult {
  const jobOptions = workbookOptions(options);
  const result = processWorkbook(bytes, { ...jobOptions, onProgress, ...(codec ? { codec } : {}) });
  onProgress?.('preview');
  const { job } = result;
  const preview = previewLedger(result.bytes, job);
  const macros = outputNameFor(options.fileName).endsWith('.xlsm');
  const issues: IssueSummary[] = job.issues.slice(0, ISSUE_LIMIT).map((i) => ({ row: i.row, cell: i.cell ?? null, message: i.message }));
  const summary: JobSummary = {
    outputName: outputNameFor(options.fileName),
    mimeType: macros ? XLSM_MIME : XLSX_MIME,
    sheet: job.layout.sheet,
    headerRows: headerRowsOf(job.layout),
    columns: mappedColumns(job.layout),
    counts: job.counts,
    asOf: formatDay(jobOptions.asOf),
    meeting: meetingHeadline(job.summary),
    issues,
    issueCount: job.issues.length,
    preview,
    reports: job.plan.reports.map(reportPreview),
    writtenParts: result.writtenParts,
  };
  return { bytes: result.bytes, summary, job };
}

/** The failure as the page shows it, in `language` where the error does not carry its own words. */
export function failureOf(error: unknown): JobFailure {
  if (error instanceof WorkbookError) return { kind: 'workbook', code: error.code, params: { ...error.params }, message: error.message };
  if (error instanceof WebPresetError) return { kind: 'preset', problems: error.problems, message: error.message };
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/** A read-only view of a package: its worksheets by name and their cells. */
class PackageView {
  private readonly entries = new Map<string, ZipEntry>();
  readonly sheets: { entry: SheetEntry; part: string }[];
  private readonly sharedStrings: string[];
  private readonly styles: StyleSheet;
  private readonly date1904: boolean;

  constructor(bytes: Uint8Array, fileName: string, language: Language) {
    const fail = (code: ConstructorParameters<typeof WorkbookError>[0], params: Record<string, string | number> = {}): never => {
      throw new WorkbookError(code, { file: fileName, ...params }, language);
    };
    try {
      for (const e of readZip(bytes)) this.entries.set(e.name, e);
    } catch (e) {
      if (e instanceof ZipFormatError) fail(e.reason === 'encrypted' ? 'file.encrypted' : 'file.notWorkbook');
      throw e;
    }
    try {
      const rootRels = this.entries.has('_rels/.rels') ? readRelationships(this.text('_rels/.rels')) : [];
      const workbookPart = resolveTarget('', rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT)?.target ?? 'xl/workbook.xml');
      if (!this.entries.has(workbookPart) || !this.entries.has('[Content_Types].xml')) fail('file.notWorkbook');
      const workbookXml = this.text(workbookPart);
      if (/^\s*(?:<\?xml[^>]*>\s*)?<[\w.-]+:workbook\b/.test(workbookXml)) fail('file.prefixedXml');
      const rels = readRelationships(this.text(relsPathOf(workbookPart)));
      const partOf = (entry: SheetEntry) => {
        const rel = rels.find((r) => r.id === entry.rid);
        return rel && rel.type === REL_WORKSHEET ? resolveTarget(workbookPart, rel.target) : undefined;
      };
      this.sheets = readSheetEntries(workbookXml)
        .map((entry) => ({ entry, part: partOf(entry) ?? '' }))
        .filter((s) => s.part && this.entries.has(s.part));
      const byType = (kind: string) => {
        const rel = rels.find((r) => r.type.endsWith(`/${kind}`));
        return rel ? resolveTarget(workbookPart, rel.target) : undefined;
      };
      const stylesPart = byType('styles');
      this.styles = new StyleSheet(stylesPart && this.entries.has(stylesPart) ? this.text(stylesPart) : '<styleSheet/>');
      const sstPart = byType('sharedStrings');
      this.sharedStrings = sstPart && this.entries.has(sstPart) ? readSharedStrings(this.text(sstPart)) : [];
      this.date1904 = workbookUses1904(workbookXml);
    } catch (e) {
      if (e instanceof ZipFormatError) fail('file.damaged', { detail: e.message });
      throw e;
    }
  }

  text(part: string): string {
    const entry = this.entries.get(part);
    if (!entry) throw new ZipFormatError('notZip', `missing part ${part}`);
    return new TextDecoder().decode(readEntry(entry));
  }

  /**
   * The part's text up to and including sheet row `rows` (1-based), closed after it: only as much
   * of the part is inflated and decoded as those rows need, so the top of a 100,000-row sheet is
   * read in a moment. The whole part when it is short or stored uncompressed.
   */
  textOfRows(part: string, rows: number): string {
    const entry = this.entries.get(part);
    if (!entry?.record || entry.method !== 8) return this.text(part);
    const decoder = new TextDecoder();
    let text = '';
    let rowTags = 0;
    let scanFrom = 0;
    let cut = -1;
    const inflater = new Inflate((chunk) => {
      if (cut >= 0) return;
      text += decoder.decode(chunk, { stream: true });
      // The (rows + 1)-th <row> tag has r > rows (numbers only grow): every row wanted is complete before it.
      const tag = /<row[\s>/]/g;
      tag.lastIndex = scanFrom;
      let end = scanFrom;
      for (let m = tag.exec(text); m; m = tag.exec(text)) {
        end = tag.lastIndex;
        if (++rowTags > rows) {
          cut = m.index;
          return;
        }
      }
      // A tag cut off at the end of this chunk is counted with the next one.
      scanFrom = Math.max(end, text.length - 4);
    });
    const data = entry.record.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const step = 1 << 16;
    for (let at = 0; at < data.length && cut < 0; at += step) inflater.push(data.subarray(at, at + step), at + step >= data.length);
    return cut < 0 ? text : `${text.slice(0, cut)}</sheetData></worksheet>`;
  }

  grid(sheet: { entry: SheetEntry; part: string }, maxRows?: number, prefixOnly = false): SheetGrid {
    const xml = prefixOnly && maxRows !== undefined ? this.textOfRows(sheet.part, maxRows) : this.text(sheet.part);
    return {
      ...readSheetXml(xml, {
        name: sheet.entry.name,
        sharedStrings: this.sharedStrings,
        formatOf: this.styles.formatOf,
        date1904: this.date1904,
        maxRows,
      }),
      hidden: sheet.entry.state !== 'visible',
    };
  }
}

/**
 * Finds the ledger as processWorkbook will: the sheet asked for, or the sheet whose header looks
 * most like a ledger, read from the top 45 rows of each sheet. Throws WorkbookError like
 * processWorkbook for a file that is not a workbook, has no ledger or no such sheet.
 */
export function inspectWorkbook(bytes: Uint8Array, request: { fileName: string; language: Language; sheet?: string }): WorkbookInfo {
  const { fileName, language } = request;
  const view = new PackageView(bytes, fileName, language);
  const sheets = view.sheets.filter((s) => !OWN_SHEETS.includes(s.entry.name));
  let layout: LedgerLayout | null;
  let sheetName: string;
  try {
    if (request.sheet !== undefined) {
      const wanted = request.sheet;
      const found = view.sheets.find((s) => s.entry.name === wanted) ?? view.sheets.find((s) => s.entry.name.trim() === wanted.trim());
      if (!found) throw new WorkbookError('sheet.unknown', { file: fileName, sheet: wanted, sheets: view.sheets.map((s) => s.entry.name).join('、') }, language);
      sheetName = found.entry.name;
      layout = detectLedger(view.grid(found, DETECTION_ROWS));
      if (!layout) throw new WorkbookError('ledger.notFound', { file: fileName, sheet: sheetName }, language);
    } else {
      const chosen = chooseLedgerSheet(sheets.map((s) => view.grid(s, DETECTION_ROWS)));
      if (!chosen) throw new WorkbookError('ledger.noneInWorkbook', { file: fileName }, language);
      sheetName = chosen.sheet;
      layout = chosen.layout;
    }
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookError('file.damaged', { file: fileName, detail: e.message }, language);
    throw e;
  }
  return {
    fileName,
    sheet: sheetName,
    sheets: sheets.map((s) => s.entry.name),
    headerRows: headerRowsOf(layout),
    columns: mappedColumns(layout),
  };
}

function headerRowsOf(layout: LedgerLayout): number[] {
  const rows: number[] = [];
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) rows.push(r + 1);
  return rows;
}

export { correctedColumns };

/** Cell text as the preview shows it: dates (by their number format) as YYYY-MM-DD. */
function displayText(value: CellValue | undefined, format: string | null | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (format && isDateFormat(format)) {
      const day = excelSerialToDay(value, date1904);
      if (day !== null) return formatDay(day);
    }
    return String(value);
  }
  return value;
}

/**
 * The first rows of the ledger as the output workbook holds them: the user's columns and the
 * add-in's, each row with the effective level that colours it.
 */
function previewLedger(output: Uint8Array, job: LedgerJob): LedgerPreview {
  const { plan, layout } = job;
  const view = new PackageView(output, '', 'zh');
  const sheet = view.sheets.find((s) => s.entry.name === plan.sheet);
  const lastRow = Math.min(plan.lastDataRow, plan.firstDataRow + PREVIEW_ROWS - 1);
  const grid = sheet ? view.grid(sheet, lastRow + 1, true) : null;
  const ownCols = new Map(plan.columns.map((c) => [c.col, c.header]));
  const right = Math.max(layout.lastCol, ...plan.columns.map((c) => c.col));
  const columns: LedgerPreview['columns'] = [];
  const indexes: number[] = [];
  for (let c = layout.firstCol; c <= right; c++) {
    const own = ownCols.get(c);
    const header = own ?? layout.labels.get(c);
    if (header === undefined) continue;
    columns.push({ column: columnLetter(c), header, own: own !== undefined });
    indexes.push(c);
  }
  const levelOf = new Map<number, Level>(job.disputes.map((d) => [d.record.row, d.triage.effective]));
  const rows: LedgerPreview['rows'] = [];
  for (let r = plan.firstDataRow; r <= lastRow; r++) {
    const values = grid?.values[r] ?? [];
    const formats = grid?.numberFormats?.[r] ?? [];
    const cells = indexes.map((c) => displayText(values[c], formats[c], grid?.date1904 ?? false));
    const level = levelOf.get(r + 1) ?? null;
    if (level === null && cells.every((t) => t === '')) continue;
    rows.push({ row: r + 1, level, cells });
  }
  return { columns, rows, truncated: plan.lastDataRow > lastRow };
}

function reportPreview(sheet: ReportSheet): ReportPreview {
  const rows = sheet.rows.slice(0, REPORT_ROWS);
  return {
    name: sheet.name,
    columnWidths: sheet.columnWidths,
    rows,
    merges: sheet.merges.filter((m) => m.bottom < rows.length),
    totalRows: sheet.rows.length,
  };
}
