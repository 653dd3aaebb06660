/// <reference types="office-js" />
import {
  chooseLedgerSheet,
  countJob,
  localIsoDay,
  DETECTION_ROWS,
  DUE_LIST_SHEET,
  MEETING_SUMMARY_SHEET,
  detectLedger,
  formatDay,
  isOwnSheet,
  isOwnSheetCandidate,
  ledgerUnderOwnName,
  sheetsByName,
  message,
  meetingHeadline,
  parseIsoDay,
  revisitLogRow,
  runLedgerJob,
  runMeetingJob,
  withFieldColumns,
  OWN_SHEETS,
  ownSheetName,
  REVISIT_LOG_HEADER,
  REVISIT_LOG_SHEET,
  STATE_SHEET,
  type CellValue,
  type JobOptions,
  type Language,
  type LedgerJob,
  type MeetingLedger,
  type Period,
  type SheetGrid,
  SheetProtectedError,
} from '../../core';
import type { AddinHost, HostCapabilities, JobReport, ProgressListener, SelectedDispute, SummaryOptions } from '../../addin/host';
import { ledgerInfo } from '../../addin/ledger-info';
import { jointMeetingReport } from '../../addin/joint-report';
import { ledgerReportIssues, meetingReportIssues } from '../../addin/report-issues';
import { selectedDispute } from '../../addin/selected-dispute';
import { fieldColumnIndexes, SETTINGS_SHEET } from '../../addin/settings';
import { rangeAt, sheetNames } from './ranges';
import { dateSystemFromText, listSheets, queueDateSystemCheck, readGrids, type SheetInfo } from './read-grid';
import { loadStored, saveStored } from './settings';
import { Syncer } from './sync';
import { writeLedger } from './write-ledger';
import { TEMP_SHEET, writeReportSheet, type ReportWriteOptions } from './write-report';

export interface OfficeHostOptions {
  /** Today as YYYY-MM-DD; the clock is read here, at the edge, never in the core. */
  today?: () => string;
  /** Longest wait for one sync before the command gives up and says so. */
  syncTimeoutMs?: number;
  language?: Language;
}

const HIDDEN_SHEETS = [STATE_SHEET, SETTINGS_SHEET, TEMP_SHEET];

const localToday = () => localIsoDay(new Date());

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

export function capabilitiesNow(): HostCapabilities {
  const versions = ['1.17', '1.16', '1.15', '1.14', '1.13', '1.12', '1.11', '1.10', '1.9', '1.8', '1.7', '1.6', '1.5', '1.4', '1.3', '1.2', '1.1'];
  return { conditionalFormats: supports('1.6'), mergedAreas: supports('1.13'), excelApi: versions.find(supports) ?? '1.1' };
}

/** How report sheets are written with the ExcelApi sets this Excel has, in the workbook's date system. */
export function reportWriteOptions(date1904 = false): ReportWriteOptions {
  return {
    date1904,
    conditionalFormats: supports('1.6'),
    pageLayout: supports('1.9'),
    freezePanes: supports('1.7'),
    columnWidths: supports('1.2'),
    rowHeights: supports('1.2'),
    sheetVisibility: supports('1.2'),
    merge: supports('1.2'),
    charts: supports('1.7'),
  };
}

/** The add-in's jobs on the open workbook through the Excel JavaScript API. */
export function createOfficeAddinHost(options: OfficeHostOptions = {}): AddinHost {
  const today = options.today ?? localToday;
  const timeout = options.syncTimeoutMs ?? 120_000;
  const language: Language = options.language ?? (/^zh/i.test(Office.context.displayLanguage ?? 'zh-CN') ? 'zh' : 'en');

  /**
   * One Excel.run per command. The user's calculation mode is never set (it is application-wide and
   * does not read back faithfully); writes suspend calculation until their sync instead (ExcelApi 1.6).
   */
  const run = <T>(work: (context: Excel.RequestContext, syncer: Syncer) => Promise<T>): Promise<T> =>
    Excel.run(async (context) => {
      const syncer = new Syncer(context, timeout, language);
      if (supports('1.6')) syncer.beforeWrites = () => context.application.suspendApiCalculationUntilNextSync();
      try {
        return await work(context, syncer);
      } catch (e) {
        // A protected sheet met elsewhere than the ledger (回访记录, the settings sheet): Excel's AccessDenied says little.
        if ((e as { code?: string }).code === 'AccessDenied') throw new Error(message('excel.sheetProtected', language));
        throw e;
      }
    });

  /** The top rows of every sheet that could be the ledger, and the one chosen (or a clear error). */
  async function detectTop(context: Excel.RequestContext, syncer: Syncer, only?: string) {
    // The date system is asked in the sync that lists the sheets: a 1904 workbook's serials are 1,462 days off otherwise.
    const functions = supports('1.2');
    const isDate1904 = queueDateSystemCheck(context, functions);
    const sheets = await listSheets(context, syncer);
    let date1904 = isDate1904();
    const candidates = sheets.filter((s) => !OWN_SHEETS.includes(s.name) && !HIDDEN_SHEETS.includes(s.name) && (!only || s.name === only));
    const tops = await readGrids(context, syncer, candidates, { maxRows: DETECTION_ROWS, merges: supports('1.13'), date1904 });
    if (!functions) {
      date1904 = await dateSystemFromText(context, syncer, tops);
      for (const grid of tops) grid.date1904 = date1904;
    }
    return { sheets, candidates, tops, date1904, chosen: chooseLedgerSheet(tops) };
  }

  /**
   * No sheet is a ledger: said so, or why one that would be was passed over — its name is one the
   * add-in keeps for its own sheets (回访记录 …), read by its top rows only (ledgerUnderOwnName).
   */
  async function noLedger(context: Excel.RequestContext, syncer: Syncer, sheets: SheetInfo[], date1904: boolean): Promise<Error> {
    const ownNamed = sheets.filter((s) => OWN_SHEETS.includes(s.name));
    const tops = ownNamed.length ? await readGrids(context, syncer, ownNamed, { maxRows: DETECTION_ROWS, merges: supports('1.13'), date1904 }) : [];
    const sheet = ledgerUnderOwnName(tops);
    return new Error(sheet === null ? message('ledger.noneInWorkbook', language) : message('ledger.underOwnName', language, { sheet }));
  }

  async function findLedger(
    context: Excel.RequestContext,
    syncer: Syncer,
  ): Promise<{ grid: SheetGrid; others: Map<string, SheetGrid>; date1904: boolean; otherLedgerSheets: string[] }> {
    const { sheets, chosen, date1904 } = await detectTop(context, syncer);
    if (!chosen) throw await noLedger(context, syncer, sheets, date1904);
    const extra = sheets.filter((s) => s.name === chosen.sheet || isOwnSheetCandidate(STATE_SHEET, s.name) || s.name === REVISIT_LOG_SHEET);
    const full = await readGrids(context, syncer, extra, { merges: supports('1.13'), date1904 });
    const others = new Map(full.map((g) => [g.name, g]));
    return { grid: others.get(chosen.sheet)!, others, date1904, otherLedgerSheets: chosen.others };
  }

  async function job(context: Excel.RequestContext, syncer: Syncer, extra: Partial<JobOptions> = {}) {
    const stored = await loadStored(context, syncer);
    const { grid, others, date1904, otherLedgerSheets } = await findLedger(context, syncer);
    const result = runLedgerJob(
      { ledger: grid, stateRows: stateRowsOf(others), revisitLog: others.get(REVISIT_LOG_SHEET)?.values ?? null, otherLedgerSheets },
      { asOf: parseIsoDay(today())!, preset: stored.settings.preset, language, mask: stored.settings.mask, fieldColumns: fieldColumnIndexes(stored.settings), ...extra },
    );
    return { stored, job: result, grid, date1904 };
  }

  function report(result: LedgerJob, sheet: string, staticFills: boolean): JobReport {
    return {
      counts: result.counts,
      issues: ledgerReportIssues(result),
      sheet,
      staticFills,
    };
  }

  /** The name for an add-in sheet: its usual name unless a user's own sheet has it (judged by A1). */
  async function ownName(context: Excel.RequestContext, syncer: Syncer, name: string): Promise<string> {
    const names = await sheetNames(context, () => syncer.sync());
    // Excel compares sheet names without case: a user's _TRICOLOR holds the name _tricolor.
    const a1s = [...names]
      .filter((n) => isOwnSheetCandidate(name, n))
      .map((n) => {
        const a1 = context.workbook.worksheets.getItem(n).getRange('A1');
        a1.load('values');
        return { name: n, a1 };
      });
    if (a1s.length) await syncer.sync();
    const named = sheetsByName(a1s).get;
    return ownSheetName(name, (candidate) => {
      const found = named(candidate);
      return found && isOwnSheet(name, found.a1.values[0][0] as CellValue);
    });
  }

  /** The grid of the add-in's state sheet among those read (under its name or the alternative beside a user's), or null. */
  function stateRowsOf(grids: ReadonlyMap<string, SheetGrid>): CellValue[][] | null {
    const named = sheetsByName(grids.values()).get;
    const owner = (candidate: string) => {
      const grid = named(candidate);
      return grid && isOwnSheet(STATE_SHEET, grid.values[0]?.[0]);
    };
    const name = ownSheetName(STATE_SHEET, owner);
    return owner(name) ? named(name)!.values : null;
  }

  const host: AddinHost = {
    detect: () =>
      run(async (context, syncer) => {
        const stored = await loadStored(context, syncer);
        const { sheets, candidates, chosen, date1904 } = await detectTop(context, syncer);
        if (!chosen) throw await noLedger(context, syncer, sheets, date1904);
        const layout = withFieldColumns(chosen.layout, fieldColumnIndexes(stored.settings));
        return ledgerInfo(layout, candidates.filter((s) => !s.hidden).map((s) => s.name));
      }),

    setFieldColumn: async (field, column) => {
      await run(async (context, syncer) => {
        const stored = await loadStored(context, syncer);
        stored.settings.fieldColumns = { ...stored.settings.fieldColumns, [field]: column };
        await saveStored(context, syncer, stored, language);
      });
      return host.detect();
    },

    triage: (onProgress?: ProgressListener) =>
      run(async (context, syncer) => {
        onProgress?.({ stage: 'read' });
        const { job: result, date1904 } = await job(context, syncer);
        onProgress?.({ stage: 'write' });
        const conditional = supports('1.6');
        if (supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
        let written;
        try {
          written = await writeLedger(context, syncer, result.plan, result.disputes, {
            date1904,
            conditionalFormats: conditional,
            dataValidation: supports('1.8'),
            columnWidths: supports('1.2'),
            merge: supports('1.2'),
            protection: supports('1.2'),
            language,
          });
        } catch (e) {
          if (e instanceof SheetProtectedError) throw e;
          // Without ExcelApi 1.2 protection cannot be read first: Excel refuses the first write.
          if ((e as { code?: string }).code === 'AccessDenied') throw new SheetProtectedError(result.plan.sheet, language);
          await removeNewColumns(context, syncer, result);
          throw e;
        }
        // Nothing is saved: the add-in's formats are known by their formula, not by stored ids.
        const done = report(result, result.layout.sheet, !conditional);
        done.issues.unshift(...written.notes.map((note) => ({ message: note, sheet: result.layout.sheet, cell: null })));
        return done;
      }),

    writeDueList: (onProgress?: ProgressListener) =>
      run(async (context, syncer) => {
        onProgress?.({ stage: 'read' });
        const { job: result, date1904 } = await job(context, syncer);
        onProgress?.({ stage: 'write' });
        const due = result.plan.reports.find((r) => r.name === DUE_LIST_SHEET)!;
        const name = await ownName(context, syncer, due.name);
        await writeReportSheet(context, syncer, due, name, reportWriteOptions(date1904));
        return report(result, name, !supports('1.6'));
      }),

    writeSummary: (summary: SummaryOptions, onProgress?: ProgressListener) =>
      run(async (context, syncer) => {
        onProgress?.({ stage: 'read' });
        const period = { from: parseIsoDay(summary.from)!, to: parseIsoDay(summary.to)! };
        if (summary.others?.length) return jointSummary(context, syncer, summary.others, period, summary.mask, onProgress);
        const { job: result, date1904 } = await job(context, syncer, { period, mask: summary.mask });
        onProgress?.({ stage: 'write' });
        const sheet = result.plan.reports.find((r) => r.name === MEETING_SUMMARY_SHEET)!;
        const name = await ownName(context, syncer, sheet.name);
        await writeReportSheet(context, syncer, sheet, name, reportWriteOptions(date1904));
        await writeState(context, syncer, result.plan.state.rows);
        return { ...report(result, name, !supports('1.6')), meeting: meetingHeadline(result.summary) };
      }),

    selectCell: (sheet, address) =>
      run(async (context, syncer) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await syncer.sync();
      }),

    selectedDispute: () =>
      run(async (context, syncer) => {
        const selected = context.workbook.getSelectedRange();
        selected.load('rowIndex');
        selected.worksheet.load('name');
        await syncer.sync();
        return disputeAt(context, syncer, selected.worksheet.name, selected.rowIndex + 1);
      }),

    recordRevisit: (entry) =>
      run(async (context, syncer) => {
        const found = await rowJob(context, syncer, null, entry.row);
        if (!found) throw new Error(message('revisit.notADispute', language, { row: entry.row }));
        const sheets = context.workbook.worksheets;
        const exists = (await sheetNames(context, () => syncer.sync())).has(REVISIT_LOG_SHEET);
        let nextRow = 1;
        let log: Excel.Worksheet;
        if (!exists) {
          log = sheets.add(REVISIT_LOG_SHEET);
          rangeAt(log, 0, 0, 1, REVISIT_LOG_HEADER.length).values = [[...REVISIT_LOG_HEADER]];
          rangeAt(log, 0, 0, 1, REVISIT_LOG_HEADER.length).format.font.bold = true;
        } else {
          log = sheets.getItem(REVISIT_LOG_SHEET);
          const used = log.getUsedRange();
          used.load('rowIndex,rowCount');
          await syncer.sync();
          nextRow = used.rowIndex + used.rowCount;
        }
        // As text, like the file host reads it back: Excel would turn 2026-11-28 into a date serial.
        const row = revisitLogRow({ row: entry.row, key: found.job.disputes[0].record.key, date: parseIsoDay(entry.date)!, method: entry.method, result: entry.result, by: entry.by }).map(String);
        const target = rangeAt(log, nextRow, 0, 1, row.length);
        target.numberFormat = [row.map(() => '@')];
        target.values = [row];
        await syncer.sync();
        const after = await rowJob(context, syncer, found.sheet, entry.row);
        const next = after?.job.disputes[0]?.schedule.nextRevisit ?? null;
        return { nextRevisit: next === null ? null : formatDay(next) };
      }),

    loadSettings: () => run(async (context, syncer) => (await loadStored(context, syncer)).settings),

    saveSettings: (settings) =>
      run(async (context, syncer) => {
        const stored = await loadStored(context, syncer);
        await saveStored(context, syncer, { ...stored, settings }, language);
      }),

    capabilities: async () => capabilitiesNow(),
  };

  /** The hidden state sheet: the meeting's snapshot and tallies, as text. */
  async function writeState(context: Excel.RequestContext, syncer: Syncer, rows: (string | number)[][]) {
    // A user's sheet that holds the name (_TRICOLOR, say) is kept, as with the report sheets.
    const name = await ownName(context, syncer, STATE_SHEET);
    const state = { name, columnWidths: [], rows: rows.map((r) => r.map((v) => ({ value: String(v) }))), merges: [], print: { landscape: false, fitToWidth: false } };
    await writeReportSheet(context, syncer, state, name, { ...reportWriteOptions(), hidden: true, textOnly: true, pageLayout: false, freezePanes: false });
  }

  /**
   * A joint meeting of this workbook's ledger and other units' (read from their files by the pane):
   * runMeetingJob as `tricolor meeting` runs it, then its 回访清单, 联席会议汇总 and state written
   * here as the single summary writes them. The saved column corrections are this ledger's and
   * cannot be given to the others' (the meeting takes one set for all), so none is used, and the
   * report says so.
   */
  async function jointSummary(
    context: Excel.RequestContext,
    syncer: Syncer,
    othersLedgers: MeetingLedger[],
    period: Period,
    mask: boolean,
    onProgress?: ProgressListener,
  ): Promise<JobReport> {
    const stored = await loadStored(context, syncer);
    const { grid, others, date1904 } = await findLedger(context, syncer);
    onProgress?.({ stage: 'triage' });
    const asOf = parseIsoDay(today())!;
    const stateRows = stateRowsOf(others);
    const own: MeetingLedger = { file: grid.name, input: { ledger: grid, stateRows, revisitLog: others.get(REVISIT_LOG_SHEET)?.values ?? null } };
    const result = runMeetingJob([own, ...othersLedgers], { asOf, period, preset: stored.settings.preset, language, mask, stateRows });
    onProgress?.({ stage: 'write' });
    const [dueList, paper] = result.plan.reports;
    const dueName = await ownName(context, syncer, dueList.name);
    await writeReportSheet(context, syncer, dueList, dueName, reportWriteOptions(date1904));
    const name = await ownName(context, syncer, paper.name);
    await writeReportSheet(context, syncer, paper, name, reportWriteOptions(date1904));
    await writeState(context, syncer, result.plan.state.rows);

    const mine = result.units[0];
    const issues = meetingReportIssues(result, language);
    if (Object.keys(stored.settings.fieldColumns).length > 0)
      issues.unshift({
        message: message('meeting.correctionsNotUsed', language),
        sheet: grid.name,
        cell: null,
      });
    return {
      counts: countJob(mine.triaged.disputes, mine.triaged.issues, asOf),
      issues,
      sheet: name,
      staticFills: !supports('1.6'),
      meeting: meetingHeadline(result.summary),
      joint: jointMeetingReport(result, dueName),
    };
  }

  /**
   * The job on one ledger row only: the header rows and that row are read, so selecting a row in a
   * 100,000-row ledger costs a few syncs, not a full read.
   */
  async function rowJob(context: Excel.RequestContext, syncer: Syncer, sheetName: string | null, row: number) {
    const stored = await loadStored(context, syncer);
    const { sheets, tops, chosen } = await detectTop(context, syncer, sheetName ?? undefined);
    if (!chosen) return null;
    const grid = tops.find((g) => g.name === chosen.sheet)!;
    if (row - 1 <= chosen.layout.headerBottom) return null;
    if (row > DETECTION_ROWS) {
      const range = rangeAt(context.workbook.worksheets.getItem(chosen.sheet), row - 1, 0, 1, Math.max(1, ...grid.values.map((r) => r.length)));
      range.load('values');
      await syncer.sync();
      grid.values[row - 1] = range.values[0] as CellValue[];
    }
    const single: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i <= chosen.layout.headerBottom || i === row - 1 ? r : [])) };
    const logSheet = sheets.find((s) => s.name === REVISIT_LOG_SHEET);
    const log = logSheet ? (await readGrids(context, syncer, [logSheet], { merges: false }))[0].values : null;
    if (!detectLedger(single)) return null;
    const result = runLedgerJob(
      { ledger: single, revisitLog: log },
      { asOf: parseIsoDay(today())!, preset: stored.settings.preset, language, mask: true, fieldColumns: fieldColumnIndexes(stored.settings) },
    );
    result.disputes = result.disputes.filter((d) => d.record.row === row);
    return result.disputes.length ? { sheet: chosen.sheet, job: result } : null;
  }

  async function disputeAt(context: Excel.RequestContext, syncer: Syncer, sheet: string, row: number): Promise<SelectedDispute | null> {
    const found = await rowJob(context, syncer, sheet, row);
    const d = found?.job.disputes[0];
    return d ? selectedDispute(d) : null;
  }

  return host;
}

/**
 * A triage that fails half-way must not leave stray columns: the add-in's columns created by this
 * run (not found from an earlier one) are cleared again. Columns from an earlier run keep their
 * earlier contents only in part, and the next run rewrites them whole.
 */
async function removeNewColumns(context: Excel.RequestContext, syncer: Syncer, result: LedgerJob) {
  try {
    const sheet = context.workbook.worksheets.getItem(result.plan.sheet);
    const own = result.layout.own as Record<string, number | undefined>;
    for (const column of result.plan.columns)
      if (own[column.key] === undefined) rangeAt(sheet, result.plan.headerTop, column.col, result.plan.lastDataRow - result.plan.headerTop + 1, 1).clear();
    await syncer.sync();
  } catch {
    // The original failure is what the user needs to see.
  }
}
