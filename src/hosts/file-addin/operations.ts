/**
 * The add-in's operations on a workbook's bytes: each opens the package through the file host
 * (src/hosts/xlsx), does what the Office.js host does for that operation — the same core job, the
 * same sheets, the same messages — and, where it writes, returns the new bytes. Plain data in and
 * out, so it runs in a worker as well as in the page (see runner.ts).
 */
import {
  chooseLedgerSheet,
  countJob,
  DETECTION_ROWS,
  DUE_LIST_SHEET,
  excelSerialToDay,
  formatDay,
  isDateFormat,
  meetingHeadline,
  MEETING_SUMMARY_SHEET,
  message,
  OWN_SHEETS,
  parseIsoDay,
  REVISIT_LOG_HEADER,
  REVISIT_LOG_SHEET,
  revisitLogRow,
  runLedgerJob,
  runMeetingJob,
  STATE_SHEET,
  TricolorError,
  unitFromFileName,
  withFieldColumns,
  detectLedger,
  type CellValue,
  type FieldName,
  type JobOptions,
  type Language,
  type LedgerJob,
  type ReportCell,
  type ReportSheet,
  type SheetGrid,
  parseAreaRef,
} from '../../core';
import type { AddinSettings, JobReport, LedgerInfo, ProgressListener, RevisitEntry, SelectedDispute, SummaryOptions } from '../../addin/host';
import { ledgerInfo } from '../../addin/ledger-info';
import { jointMeetingReport } from '../../addin/joint-report';
import { ledgerReportIssues, meetingReportIssues } from '../../addin/report-issues';
import { selectedDispute } from '../../addin/selected-dispute';
import { defaultSettings, fieldColumnIndexes, parseStoredSettings, SETTINGS_SHEET, storedSettingsJson } from '../../addin/settings';
import { editWorkbook, joinBytes, readLedger, withWorkbook, writeLedgerColumns, type Fail, type OpenWorkbook, type SheetEntry } from '../xlsx/open-edit';

/** A sheet tab as the page's selection box needs it. */
export interface SheetTab {
  name: string;
  visible: boolean;
}

/** The workbook as the page shows it around the pane: its tabs, the sheet open, and one cell's contents. */
export interface WorkbookView {
  tabs: SheetTab[];
  /** The sheet Excel would open on (the workbook's active tab, else the first visible sheet). */
  active: string | null;
  /** What the cell asked for holds as text (dates as YYYY-MM-DD), '' when empty; null for several cells. */
  value: string | null;
}

/** Each operation: what it takes and what it answers. */
export interface FileOperations {
  view: { args: { sheet?: string; address?: string }; value: WorkbookView };
  detect: { args: object; value: LedgerInfo };
  setFieldColumn: { args: { field: FieldName; column: string | null }; value: LedgerInfo };
  triage: { args: object; value: JobReport };
  writeDueList: { args: object; value: JobReport };
  writeSummary: { args: { options: SummaryOptions }; value: JobReport };
  selectedDispute: { args: { sheet: string; row: number }; value: SelectedDispute | null };
  recordRevisit: { args: { entry: RevisitEntry }; value: { nextRevisit: string | null } };
  loadSettings: { args: object; value: AddinSettings };
  saveSettings: { args: { settings: AddinSettings }; value: null };
}
export type FileOperationKind = keyof FileOperations;
export type FileOperation<K extends FileOperationKind = FileOperationKind> = K extends FileOperationKind ? { kind: K } & FileOperations[K]['args'] : never;

/** One operation on one version of the workbook. */
export interface FileCall<K extends FileOperationKind = FileOperationKind> {
  bytes: Uint8Array;
  fileName: string;
  language: Language;
  /** Today as YYYY-MM-DD, read by the page. */
  today: string;
  operation: FileOperation<K>;
}

/** The operation's answer, and the new workbook when it wrote one. */
export interface FileAnswer<K extends FileOperationKind = FileOperationKind> {
  value: FileOperations[K]['value'];
  bytes?: Uint8Array;
}

type Context = Omit<FileCall, 'bytes' | 'operation'> & { onProgress?: ProgressListener };

/** Runs one operation on `call.bytes`. Failures are the file host's and the core's TricolorErrors. */
export function runFileOperation<K extends FileOperationKind>(call: FileCall<K>, onProgress?: ProgressListener): FileAnswer<K> {
  const ctx: Context = { fileName: call.fileName, language: call.language, today: call.today, onProgress };
  const op = call.operation as FileOperation;
  const read = <T>(body: (workbook: OpenWorkbook, fail: Fail) => T) => withWorkbook(call.bytes, ctx, 'read', body);
  const edit = <T>(body: (workbook: OpenWorkbook, fail: Fail) => T) => {
    const { pieces, value } = editWorkbook(call.bytes, ctx, body);
    return { bytes: joinBytes(pieces), value };
  };
  const answer = ((): FileAnswer => {
    switch (op.kind) {
      case 'view':
        return { value: read((workbook) => viewOf(workbook, op.sheet, op.address)) };
      case 'detect':
        return { value: read((workbook, fail) => detectIn(workbook, fail, settingsOf(workbook))) };
      case 'setFieldColumn':
        return edit((workbook, fail) => {
          const before = settingsOf(workbook);
          const settings = { ...before, fieldColumns: { ...before.fieldColumns, [op.field]: op.column } };
          workbook.writeOwnSheets([settingsSheet(settings)]);
          return detectIn(workbook, fail, settings);
        });
      case 'triage':
        return edit((workbook, fail) => triage(workbook, fail, ctx));
      case 'writeDueList':
        return edit((workbook, fail) => {
          const { job } = ledgerJob(workbook, fail, ctx);
          ctx.onProgress?.({ stage: 'write' });
          const due = job.plan.reports.find((r) => r.name === DUE_LIST_SHEET)!;
          const [sheet] = workbook.writeOwnSheets([{ name: due.name, report: due }]);
          return report(job, sheet);
        });
      case 'writeSummary':
        return edit((workbook, fail) => writeSummary(workbook, fail, ctx, op.options));
      case 'selectedDispute':
        return { value: read((workbook, fail) => disputeAt(workbook, fail, ctx, op.sheet, op.row)) };
      case 'recordRevisit':
        return edit((workbook, fail) => recordRevisit(workbook, fail, ctx, op.entry));
      case 'loadSettings':
        return { value: read((workbook) => settingsOf(workbook)) };
      case 'saveSettings':
        return edit((workbook) => {
          workbook.writeOwnSheets([settingsSheet(op.settings)]);
          return null;
        });
    }
  })();
  return answer as FileAnswer<K>;
}

/** The settings kept in the workbook's hidden settings sheet (where the Office.js host keeps them), or the defaults. */
function settingsOf(workbook: OpenWorkbook): AddinSettings {
  const entry = workbook.sheets().find((s) => s.name === SETTINGS_SHEET);
  return (entry && parseStoredSettings(workbook.readGrid(entry, 1).values[0]?.[0])) || defaultSettings();
}

/** The hidden settings sheet, the add-in's by its name. */
function settingsSheet(settings: AddinSettings) {
  return { name: SETTINGS_SHEET, stateRows: [[storedSettingsJson(settings)]], byName: true };
}

/** Sheets that may hold the ledger: not the add-in's own. */
const isCandidate = (entry: SheetEntry) => !OWN_SHEETS.includes(entry.name) && entry.name !== SETTINGS_SHEET;
const isVisible = (entry: SheetEntry) => entry.state === 'visible';

function detectIn(workbook: OpenWorkbook, fail: Fail, settings: AddinSettings): LedgerInfo {
  const candidates = workbook.sheets().filter(isCandidate);
  const chosen = chooseLedgerSheet(workbook.topRowsOf(candidates));
  if (!chosen) {
    const why = workbook.noLedger();
    return fail(why.code, why.params);
  }
  const layout = withFieldColumns(chosen.layout, fieldColumnIndexes(settings));
  return ledgerInfo(layout, candidates.filter(isVisible).map((s) => s.name));
}

/** The ledger's job as the Office.js host runs it: the saved corrections, preset and masking, today. */
function ledgerJob(workbook: OpenWorkbook, fail: Fail, ctx: Context, extra: Partial<JobOptions> = {}) {
  ctx.onProgress?.({ stage: 'read' });
  const settings = settingsOf(workbook);
  const { entry, input } = readLedger(workbook, undefined, fail);
  ctx.onProgress?.({ stage: 'triage' });
  const job = runLedgerJob(input, {
    asOf: parseIsoDay(ctx.today)!,
    preset: settings.preset,
    language: ctx.language,
    mask: settings.mask,
    fieldColumns: fieldColumnIndexes(settings),
    unitFallback: unitFromFileName(ctx.fileName) ?? undefined,
    ...extra,
  });
  return { entry, job, settings, input };
}

function report(job: LedgerJob, sheet: string): JobReport {
  return {
    counts: job.counts,
    issues: ledgerReportIssues(job),
    sheet,
    // A file always gets conditional formats: Excel 2007 and later, WPS and LibreOffice show them.
    staticFills: false,
  };
}

/** 一键分级上色: the add-in's columns and colours in the ledger sheet, nothing else (a triage saves nothing). */
function triage(workbook: OpenWorkbook, fail: Fail, ctx: Context): JobReport {
  const { entry, job } = ledgerJob(workbook, fail, ctx);
  ctx.onProgress?.({ stage: 'write' });
  writeLedgerColumns(workbook, entry, job, ctx.language);
  return report(job, job.layout.sheet);
}

function writeSummary(workbook: OpenWorkbook, fail: Fail, ctx: Context, options: SummaryOptions): JobReport {
  const period = { from: parseIsoDay(options.from)!, to: parseIsoDay(options.to)! };
  if (options.others?.length) return jointSummary(workbook, fail, ctx, options, period);
  const { job } = ledgerJob(workbook, fail, ctx, { period, mask: options.mask });
  ctx.onProgress?.({ stage: 'write' });
  const paper = job.plan.reports.find((r) => r.name === MEETING_SUMMARY_SHEET)!;
  const [sheet] = workbook.writeOwnSheets([{ name: paper.name, report: paper }, { name: STATE_SHEET, stateRows: job.plan.state.rows }]);
  return { ...report(job, sheet), meeting: meetingHeadline(job.summary) };
}

/**
 * A joint meeting of this workbook's ledger and other units' (read from their files by the pane),
 * as the Office.js host writes it: runMeetingJob, then its 回访清单, 联席会议汇总 and state. The saved
 * column corrections are this ledger's and cannot be given to the others', so none is used, and
 * the report says so.
 */
function jointSummary(workbook: OpenWorkbook, fail: Fail, ctx: Context, options: SummaryOptions, period: { from: number; to: number }): JobReport {
  ctx.onProgress?.({ stage: 'read' });
  const settings = settingsOf(workbook);
  const { input } = readLedger(workbook, undefined, fail);
  ctx.onProgress?.({ stage: 'triage' });
  const asOf = parseIsoDay(ctx.today)!;
  // Named by its sheet, as in Excel: the unit comes from the ledger's own lines first.
  const own = { file: input.ledger.name, input };
  const result = runMeetingJob([own, ...options.others!], { asOf, period, preset: settings.preset, language: ctx.language, mask: options.mask, stateRows: input.stateRows ?? null });
  ctx.onProgress?.({ stage: 'write' });
  const [dueList, paper] = result.plan.reports;
  const [dueName, name] = workbook.writeOwnSheets([
    { name: dueList.name, report: dueList },
    { name: paper.name, report: paper },
    { name: STATE_SHEET, stateRows: result.plan.state.rows },
  ]);
  const mine = result.units[0];
  const issues = meetingReportIssues(result, ctx.language);
  if (Object.keys(settings.fieldColumns).length > 0) issues.unshift({ message: message('meeting.correctionsNotUsed', ctx.language), sheet: input.ledger.name, cell: null });
  return {
    counts: countJob(mine.triaged.disputes, mine.triaged.issues, asOf),
    issues,
    sheet: name,
    staticFills: false,
    meeting: meetingHeadline(result.summary),
    joint: jointMeetingReport(result, dueName),
  };
}

/** The 回访记录 sheet's rows as the workbook holds them, or null when it has none. */
function revisitLogOf(workbook: OpenWorkbook): CellValue[][] | null {
  const entry = workbook.sheets().find((s) => s.name === REVISIT_LOG_SHEET);
  return entry ? workbook.readGrid(entry).values : null;
}

/**
 * The job on one ledger row only (with the header rows), as the Office.js host runs it for a
 * selected row: in `sheet`, or the sheet chosen as the ledger when null.
 */
function rowJob(workbook: OpenWorkbook, ctx: Context, sheet: string | null, row: number, log = revisitLogOf(workbook)) {
  const entries = workbook.sheets().filter((s) => isCandidate(s) && (sheet === null || s.name === sheet));
  const chosen = chooseLedgerSheet(workbook.topRowsOf(entries));
  if (!chosen || row - 1 <= chosen.layout.headerBottom) return null;
  const grid = workbook.readGrid(entries.find((s) => s.name === chosen.sheet)!, Math.max(row, DETECTION_ROWS));
  const single: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i <= chosen.layout.headerBottom || i === row - 1 ? r : [])) };
  if (!detectLedger(single)) return null;
  const settings = settingsOf(workbook);
  const result = runLedgerJob(
    { ledger: single, revisitLog: log },
    { asOf: parseIsoDay(ctx.today)!, preset: settings.preset, language: ctx.language, mask: true, fieldColumns: fieldColumnIndexes(settings) },
  );
  const dispute = result.disputes.find((d) => d.record.row === row);
  return dispute ? { sheet: chosen.sheet, dispute } : null;
}

function disputeAt(workbook: OpenWorkbook, _fail: Fail, ctx: Context, sheet: string, row: number): SelectedDispute | null {
  const d = rowJob(workbook, ctx, sheet, row)?.dispute;
  return d ? selectedDispute(d) : null;
}

/**
 * Adds a row to 回访记录 (the sheet, with its header, made on the first revisit). The sheet is the
 * add-in's by name, as in Excel, and is written again whole, as text, with the new row below the
 * rows it held.
 */
function recordRevisit(workbook: OpenWorkbook, _fail: Fail, ctx: Context, entry: RevisitEntry): { nextRevisit: string | null } {
  const found = rowJob(workbook, ctx, null, entry.row);
  if (!found) throw new TricolorError('revisit.notADispute', { row: entry.row }, ctx.language);
  const before = revisitLogOf(workbook) ?? [[...REVISIT_LOG_HEADER]];
  const added = revisitLogRow({ row: entry.row, key: found.dispute.record.key, date: parseIsoDay(entry.date)!, method: entry.method, result: entry.result, by: entry.by }).map(String);
  const rows = [...before, added];
  workbook.writeOwnSheets([{ name: REVISIT_LOG_SHEET, report: revisitLogSheet(rows), byName: true }]);
  const next = rowJob(workbook, ctx, found.sheet, entry.row, rows)?.dispute.schedule.nextRevisit ?? null;
  return { nextRevisit: next === null ? null : formatDay(next) };
}

function revisitLogSheet(rows: CellValue[][]): ReportSheet {
  const cell = (value: CellValue, header: boolean): ReportCell => ({
    value: value === null || typeof value === 'number' ? value : String(value),
    style: header ? 'header' : 'text',
  });
  return {
    name: REVISIT_LOG_SHEET,
    columnWidths: [8, 24, 12, 8, 40, 10],
    rows: rows.map((r, i) => Array.from(r, (v) => cell(v ?? null, i === 0))),
    merges: [],
    print: { landscape: false, fitToWidth: true },
  };
}

/** The tabs, the sheet open, and what one cell holds. */
function viewOf(workbook: OpenWorkbook, sheet: string | undefined, address: string | undefined): WorkbookView {
  const entries = workbook.sheets();
  const tabs = entries.map((s) => ({ name: s.name, visible: isVisible(s) }));
  const activeEntry = entries[workbook.activeTab()];
  const active = activeEntry && isVisible(activeEntry) ? activeEntry.name : (tabs.find((t) => t.visible)?.name ?? null);
  const entry = entries.find((s) => s.name === (sheet ?? active));
  const range = parseAreaRef(address ?? 'A1');
  if (!entry || !range || range.top !== range.bottom || range.left !== range.right) return { tabs, active, value: null };
  const grid = workbook.readTopRows(entry, range.top + 1);
  return { tabs, active, value: cellText(grid, range.top, range.left) };
}

/** A cell as the page shows it: dates as YYYY-MM-DD, '' when empty. */
function cellText(grid: SheetGrid, row: number, col: number): string {
  const value = grid.values[row]?.[col];
  if (value === null || value === undefined) return '';
  const format = grid.numberFormats?.[row]?.[col];
  const day = typeof value === 'number' && format && isDateFormat(format) ? excelSerialToDay(value, grid.date1904) : null;
  return day !== null ? formatDay(day) : String(value);
}
