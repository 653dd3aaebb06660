/**
 * The web edition's work, free of the DOM so that the worker, the page's fallback and node tests
 * all call the same functions: `inspectWorkbook` finds the ledger and its mapping before a run,
 * `runJob` is `processWorkbook` with the options `tricolor run` passes, `runMeeting` is `tricolor
 * meeting` (readLedgerWorkbook for each unit's ledger, runMeetingJob, writeReportWorkbook), each with
 * a JSON-safe summary for the page (counts, issues, a preview of the coloured ledger and the report
 * sheets). Workbooks are read only by the file host's own reader (OpenWorkbook, readLedgerWorkbook).
 */
import {
  baseFileName,
  chooseLedgerSheet,
  columnLetter,
  detectLedger,
  excelSerialToDay,
  findLedgerUnit,
  formatDay,
  meetingHeadline,
  isDateFormat,
  parseIsoDay,
  runMeetingJob,
  unitFromFileName,
  validatePreset,
  DEFAULT_PRESET,
  hasOwnSheetTitle,
  OWN_SHEETS,
  PresetError,
  type CellRange,
  type CellValue,
  type JobOptions,
  type Language,
  type LedgerJob,
  type LedgerLayout,
  type Level,
  type MeetingJob,
  type MeetingLedger,
  type ReportSheet,
  type SheetGrid,
  type TriagePreset,
  DETECTION_ROWS,
  defaultPeriod,
  WorkbookError,
} from '../core';
import {
  processWorkbook,
  readLedgerWorkbook,
  withWorkbook,
  writeReportWorkbook,
  type DeflateCodec,
  type WorkbookJobOptions,
} from '../hosts/xlsx';
import { correctedColumns, mappedColumns } from './columns';
import {
  outputNameFor,
  MEETING_OUTPUT_NAME,
  XLSM_MIME,
  XLSX_MIME,
  type FileProgress,
  type IssueSummary,
  type JobFailure,
  type JobSummary,
  type LedgerPreview,
  type MeetingJobSummary,
  type MeetingRunOptions,
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

/** The preset of a run: the default, or the JSON the user chose, validated as the command does. */
export function presetOf(presetJson: unknown, language: Language): TriagePreset {
  if (presetJson === undefined || presetJson === null) return DEFAULT_PRESET;
  try {
    return validatePreset(presetJson as Parameters<typeof validatePreset>[0]);
  } catch (e) {
    // Worded in the page's language; the problems keep their codes for the page to word again.
    if (e instanceof PresetError) throw new PresetError(e.problems, language);
    throw e;
  }
}

/** The options every ledger of a run or a meeting gets: what the command passes for the same choices. */
export function jobOptionsOf(options: MeetingRunOptions): JobOptions {
  const day = (s: string, what: string) => {
    const d = parseIsoDay(s);
    if (d === null) throw new Error(`${what} is not a YYYY-MM-DD date: "${s}"`);
    return d;
  };
  return {
    asOf: day(options.asOf, 'asOf'),
    period: options.period ? { from: day(options.period.from, 'period.from'), to: day(options.period.to, 'period.to') } : undefined,
    preset: presetOf(options.presetJson, options.language),
    language: options.language,
    mask: options.mask,
  };
}

/** The options processWorkbook gets: exactly what `tricolor run` passes for the same choices. */
export function workbookOptions(options: RunOptions): WorkbookJobOptions {
  return {
    fileName: options.fileName,
    sheet: options.sheet,
    ...jobOptionsOf(options),
    ...(options.fieldColumns && Object.keys(options.fieldColumns).length > 0 ? { fieldColumns: options.fieldColumns } : {}),
  };
}

/** A notice about the workbook (its previous meeting's data damaged), listed first among the issues. */
function noticeIssue(message: string): IssueSummary {
  return { row: 0, cell: null, message };
}

export interface RunJobResult {
  bytes: Uint8Array;
  summary: JobSummary;
  /** The engine's own result, for tests and for callers in the same thread. */
  job: LedgerJob;
}

/**
 * Runs the ledger job on a workbook's bytes: processWorkbook with `options` (the codec is fflate
 * unless one is given), then a summary the page can show. Throws WorkbookError, PresetError or
 * the engine's own errors; `failureOf` turns any of them into words for the page.
 */
export function runJob(bytes: Uint8Array, options: RunOptions, onProgress?: (stage: WebStage) => void, codec?: DeflateCodec): RunJobResult {
  const jobOptions = workbookOptions(options);
  const result = processWorkbook(bytes, { ...jobOptions, onProgress, ...(codec ? { codec } : {}) });
  onProgress?.('preview');
  const { job } = result;
  const preview = previewLedger(result.bytes, job);
  const macros = outputNameFor(options.fileName).endsWith('.xlsm');
  const issues: IssueSummary[] = [...job.notices.map(noticeIssue), ...job.issues.slice(0, ISSUE_LIMIT).map((i) => ({ row: i.row, cell: i.cell ?? null, message: i.message }))];
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
    issueCount: job.notices.length + job.issues.length,
    preview,
    reports: job.plan.reports.map(reportPreview),
    writtenParts: result.writtenParts,
  };
  return { bytes: result.bytes, summary, job };
}

/** The failure as the page shows it, in `language` where the error does not carry its own words. */
export function failureOf(error: unknown): JobFailure {
  if (error instanceof WorkbookError) return { kind: 'workbook', code: error.code, params: { ...error.params }, message: error.message };
  if (error instanceof PresetError) return { kind: 'preset', problems: [...error.problems], message: error.message };
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Finds the ledger as processWorkbook will: the sheet asked for, or the sheet whose header looks
 * most like a ledger, read from the top 45 rows of each sheet (readLedgerWorkbook would read the
 * whole ledger, three times as long on 100,000 rows, and give no list of sheets). Throws
 * WorkbookError like processWorkbook for a file that is not a workbook, has no ledger or no such sheet.
 */
export function inspectWorkbook(bytes: Uint8Array, request: { fileName: string; language: Language; sheet?: string }): WorkbookInfo {
  const { fileName, language } = request;
  // Opened for writing, as processWorkbook opens it, so it is refused as a run would refuse it.
  return withWorkbook(bytes, { fileName, language }, 'write', (workbook) => {
    const all = workbook.sheets();
    const sheets = all.filter((s) => !OWN_SHEETS.includes(s.name));
    let grid: SheetGrid;
    let layout: LedgerLayout | null;
    if (request.sheet !== undefined) {
      const wanted = request.sheet;
      const found = workbook.sheetNamed(wanted);
      if (!found) throw new WorkbookError('sheet.unknown', { file: fileName, sheet: wanted, sheets: all.map((s) => s.name).join('、') }, language);
      grid = workbook.readGrid(found, DETECTION_ROWS);
      if (hasOwnSheetTitle(grid.values[0]?.[0])) throw new WorkbookError('sheet.isOwnReport', { file: fileName, sheet: found.name }, language);
      layout = detectLedger(grid);
      if (!layout) throw new WorkbookError('ledger.notFound', { file: fileName, sheet: found.name }, language);
    } else {
      const chosen = chooseLedgerSheet(workbook.topRowsOf(sheets));
      if (!chosen) {
        const why = workbook.noLedger();
        throw new WorkbookError(why.code, { file: fileName, ...why.params }, language);
      }
      grid = workbook.readGrid(sheets.find((s) => s.name === chosen.sheet)!, DETECTION_ROWS);
      layout = chosen.layout;
    }
    return {
      fileName,
      sheet: grid.name,
      sheets: sheets.map((s) => s.name),
      headerRows: headerRowsOf(layout),
      columns: mappedColumns(layout),
      // As the meeting names it (runMeetingJob): the ledger's title or 填报单位 line, else the file's name.
      unit: findLedgerUnit(grid, layout.headerTop) ?? unitFromFileName(fileName) ?? baseFileName(fileName),
    };
  });
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
  const lastRow = Math.min(plan.lastDataRow, plan.firstDataRow + PREVIEW_ROWS - 1);
  const grid = withWorkbook(output, { fileName: '', language: 'zh' }, 'write', (workbook) => {
    const entry = workbook.sheets().find((s) => s.name === plan.sheet);
    return entry ? workbook.readTopRows(entry, lastRow + 1) : null;
  });
  const ownCols = new Map(plan.columns.map((c) => [c.col, c.header ?? layout.labels.get(c.col) ?? '']));
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
  const kept = (range: CellRange) => range.bottom < rows.length;
  return {
    name: sheet.name,
    columnWidths: sheet.columnWidths,
    rows,
    merges: sheet.merges.filter(kept),
    // A chart is drawn from its cells: only one whose cells (and place) are all in the preview.
    charts: (sheet.charts ?? []).filter((c) => kept(c.anchor) && kept(c.categories) && c.series.every((s) => kept(s.values))),
    totalRows: sheet.rows.length,
  };
}

export interface MeetingInputFile {
  bytes: Uint8Array;
  fileName: string;
  /** The unit as the user named it; read from the ledger when absent (as `FILE=单位` on the command line). */
  unit?: string;
  /** The ledger sheet, when the user picked one. */
  sheet?: string;
}

export interface RunMeetingResult {
  bytes: Uint8Array;
  summary: MeetingJobSummary;
  /** The engine's own result, for tests and for callers in the same thread. */
  job: MeetingJob;
}

/**
 * `tricolor meeting` on several units' ledgers: each read with readLedgerWorkbook (the sheet the
 * single run would choose, or the one the user picked), joined by runMeetingJob with the options
 * the command passes, and written as a new workbook by writeReportWorkbook (回访清单, 联席会议汇总,
 * the hidden state). No ledger is changed. Throws WorkbookError naming the file that cannot be read.
 */
export function runMeeting(
  files: readonly MeetingInputFile[],
  options: MeetingRunOptions,
  onProgress?: (stage: WebStage, file?: FileProgress) => void,
  codec?: DeflateCodec,
): RunMeetingResult {
  const jobOptions = jobOptionsOf(options);
  const ledgers: MeetingLedger[] = files.map((f, index) => {
    onProgress?.('read', { name: f.fileName, index, count: files.length });
    const read = readLedgerWorkbook(f.bytes, {
      fileName: f.fileName,
      language: options.language,
      period: jobOptions.period ?? defaultPeriod(jobOptions.asOf),
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(codec ? { codec } : {}),
    });
    const unit = f.unit?.trim();
    return { file: f.fileName, ...(unit ? { unit } : {}), input: read.input };
  });
  onProgress?.('triage');
  const job = runMeetingJob(ledgers, jobOptions);
  onProgress?.('write');
  const bytes = writeReportWorkbook(job.plan.reports, job.plan.state, codec ? { codec } : {});
  onProgress?.('preview');
  const { summary } = job;
  const summaryData: MeetingJobSummary = {
    outputName: MEETING_OUTPUT_NAME,
    mimeType: XLSX_MIME,
    asOf: formatDay(jobOptions.asOf),
    disputes: summary.disputes,
    meeting: meetingHeadline(summary),
    units: job.units.map((u, i) => {
      const row = summary.unitRows[i];
      return {
        unit: u.unit,
        fileName: u.file,
        sheet: u.sheet,
        disputes: row.disputes,
        registered: row.registered,
        open: { ...row.open },
        overdue: row.overdue,
        shared: row.shared,
      };
    }),
    duplicates: job.duplicates.map((group) => group.map((r) => ({ unit: r.unit, row: r.row, serial: r.serial }))),
    issues: [
      ...job.notices.map((n) => ({ ...noticeIssue(n), unit: '' })),
      ...job.issues.slice(0, ISSUE_LIMIT).map((i) => ({ unit: i.unit, row: i.row, cell: i.cell ?? null, message: i.message })),
    ],
    issueCount: job.notices.length + job.issues.length,
    reports: job.plan.reports.map(reportPreview),
  };
  return { bytes, summary: summaryData, job };
}
