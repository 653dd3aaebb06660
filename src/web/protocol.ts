/**
 * What the web page and its worker say to each other. Everything here is plain, structured-clone
 * safe data (no Maps, class instances or functions), so it crosses postMessage unchanged and the
 * page never needs the engine's own types at run time.
 */
import type { DisputeRef, FieldName, JobCounts, Language, Level, LevelCounts, MeetingHeadline, ReportCell, ReportChart } from '../core';
import type { CellRange, PresetProblem } from '../core';

/** A processWorkbook stage, plus the page's own steps around it. */
export type WebStage = 'load' | 'read' | 'triage' | 'write' | 'preview';
export const WEB_STAGES: readonly WebStage[] = ['load', 'read', 'triage', 'write', 'preview'];

/** One column of the ledger table as detected: letter, header text and the field it holds. */
export interface MappedColumn {
  /** 0-based sheet column. */
  index: number;
  /** Column letter, e.g. 'E'. */
  column: string;
  header: string;
  field: FieldName | null;
}

/** What the page shows before a run: where the ledger is and how its columns were read. */
export interface WorkbookInfo {
  fileName: string;
  /** The ledger sheet that was found (or the one asked for). */
  sheet: string;
  /** Every worksheet of the workbook that the user may pick the ledger from, in workbook order. */
  sheets: string[];
  /** 1-based header rows. */
  headerRows: number[];
  /** Every named column of the table, left to right (the add-in's own columns left out). */
  columns: MappedColumn[];
  /**
   * The unit that keeps the ledger, as a joint meeting names it: from the ledger's title or 填报单位
   * line, else from the file name (青山镇司法所台账.xlsx → 青山镇司法所).
   */
  unit: string;
}

/** The options of a run, as the page holds them: dates as YYYY-MM-DD. */
export interface RunOptions {
  fileName: string;
  language: Language;
  /** "Today" for due dates. */
  asOf: string;
  /** The joint-meeting period, inclusive; the as-of month up to the as-of date when absent. */
  period?: { from: string; to: string };
  /** Mask personal information in the report sheets. */
  mask: boolean;
  /** A preset as parsed from its JSON file (validated again before use); the default when absent. */
  presetJson?: unknown;
  /** The ledger sheet, when the user picked one; found by its header otherwise (like the command). */
  sheet?: string;
  /** The user's corrections: field → 0-based column, or null for "not in this ledger". */
  fieldColumns?: Partial<Record<FieldName, number | null>>;
}

/** A row of the coloured-ledger preview. */
export interface PreviewRow {
  /** 1-based sheet row. */
  row: number;
  /** The effective level that colours the row; null for a row that holds no dispute. */
  level: Level | null;
  /** Display text of each preview column. */
  cells: string[];
}

export interface LedgerPreview {
  columns: { column: string; header: string; own: boolean }[];
  rows: PreviewRow[];
  /** The table goes on below the rows shown (the preview stops after its first rows). */
  truncated: boolean;
}

/** A report sheet as the page renders it: the first rows of the ReportSheet model. */
export interface ReportPreview {
  name: string;
  columnWidths: number[];
  rows: ReportCell[][];
  /** Merges that lie wholly within the rows kept. */
  merges: CellRange[];
  /** The sheet's native charts whose cells and anchor lie within the rows kept; drawn from those cells. */
  charts: ReportChart[];
  totalRows: number;
}

export interface IssueSummary {
  /** 1-based sheet row; 0 for a notice about the workbook (its previous meeting's data damaged). */
  row: number;
  /** e.g. 'B35', when the issue is about one cell. */
  cell: string | null;
  message: string;
}

/** What the page shows after a run. */
export interface JobSummary {
  /** The file name the processed workbook is offered under: NAME.tricolor.xlsx (or .xlsm). */
  outputName: string;
  mimeType: string;
  sheet: string;
  headerRows: number[];
  columns: MappedColumn[];
  counts: JobCounts;
  asOf: string;
  /** The meeting period and its headline numbers (联席会议汇总's 排查数, 调处数, 成功数, 在办). */
  meeting: MeetingHeadline;
  issues: IssueSummary[];
  /** All issues, of which `issues` holds the first few hundred. */
  issueCount: number;
  preview: LedgerPreview;
  reports: ReportPreview[];
  /** Parts the job rewrote or added; every other part is copied byte for byte. */
  writtenParts: string[];
}

/**
 * A failure the page can put into words in either language: a catalogue message (a WorkbookError's
 * code and parameters), a bad preset (its problems), or an unexpected error (its text).
 */
export type JobFailure =
  | { kind: 'workbook'; code: string; params: Record<string, string | number>; message: string }
  | { kind: 'preset'; problems: PresetProblem[]; message: string }
  | { kind: 'unexpected'; message: string };

/** The options of a joint meeting: those of a run that apply to every ledger. */
export type MeetingRunOptions = Omit<RunOptions, 'fileName' | 'sheet' | 'fieldColumns'>;

/** One unit's ledger brought to a joint meeting. */
export interface MeetingFile {
  file: Blob;
  fileName: string;
  /** The unit as the user named it; read from the ledger (title, 填报单位 line) or its file name when absent. */
  unit?: string;
  /** The ledger sheet, when the user picked one. */
  sheet?: string;
}

/** Which file a stage is at, when the work reads several (a joint meeting): 0-based index of count. */
export interface FileProgress {
  name: string;
  index: number;
  count: number;
}

/** One unit's line of the joint meeting, as the 联席会议汇总's per-unit table gives it. */
export interface MeetingUnitSummary {
  unit: string;
  fileName: string;
  sheet: string;
  /** Disputes in its ledger. */
  disputes: number;
  /** Registered in the period. */
  registered: number;
  /** Open on the as-of date, by level. */
  open: LevelCounts;
  /** Red and yellow revisits overdue. */
  overdue: number;
  /** Its disputes that another unit's ledger also holds. */
  shared: number;
}

/** What the page shows after a joint meeting of several ledgers (`tricolor meeting`). */
export interface MeetingJobSummary {
  /** 联席会议汇总.tricolor.xlsx, as the command names it. */
  outputName: string;
  mimeType: string;
  asOf: string;
  /** Disputes in all the ledgers, one held by several units counted once (合计). */
  disputes: number;
  /** The joint meeting's headline (排查数, 调处数, 成功数, 在办). */
  meeting: MeetingHeadline;
  units: MeetingUnitSummary[];
  /** Disputes found in several ledgers: each unit's line, as the sheet lists them. */
  duplicates: DisputeRef[][];
  issues: (IssueSummary & { unit: string })[];
  issueCount: number;
  /** 回访清单 and 联席会议汇总 of the meeting workbook. */
  reports: ReportPreview[];
}

export type WorkerRequest =
  | { type: 'inspect'; file: Blob; fileName: string; language: Language; sheet?: string }
  | { type: 'run'; file: Blob; options: RunOptions }
  | { type: 'meeting'; files: MeetingFile[]; options: MeetingRunOptions };

export type WorkerResponse =
  | { type: 'progress'; stage: WebStage; file?: FileProgress }
  | { type: 'inspected'; info: WorkbookInfo }
  // The workbook as a Blob of its MIME type, made in the worker: copying tens of megabytes into a
  // Blob on the page's thread held it for over 100 ms; a Blob crosses to the page as a handle.
  | { type: 'done'; file: Blob; summary: JobSummary }
  | { type: 'meetingDone'; file: Blob; summary: MeetingJobSummary }
  | { type: 'failed'; failure: JobFailure };

/** The outputs' names: the command's (src/core/job/output-names.ts). */
export { MEETING_OUTPUT_NAME, outputNameFor, XLSM_MIME, XLSX_MIME } from '../core';

