import type { DisputeRef, FieldName, JobCounts, Language, LevelCounts, MeetingHeadline, MeetingLedger, TriagePreset } from '../core';

/**
 * What the task pane and the ribbon commands ask of a host. The Office.js host implements it on
 * the open workbook; the file add-in host (hosts/file-addin, the pane outside Excel) on a workbook
 * file's bytes. The pane and the commands never touch Office.js or a file directly.
 */
export interface AddinHost {
  /** Finds the ledger (honouring saved column corrections) and reports what was mapped. */
  detect(): Promise<LedgerInfo>;
  /** Saves a correction: `field` is in `column` (a letter such as 'E'), or not in the ledger (null). */
  setFieldColumn(field: FieldName, column: string | null): Promise<LedgerInfo>;
  /** 一键分级上色: writes the add-in's columns and colours the rows. */
  triage(onProgress?: ProgressListener): Promise<JobReport>;
  /** 生成回访清单: (re)writes the 回访清单 sheet for today. */
  writeDueList(onProgress?: ProgressListener): Promise<JobReport>;
  /**
   * 生成联席会议汇总: (re)writes the 联席会议汇总 sheet for the period, masked unless `mask` is false.
   * With `options.others`, a joint meeting of this workbook's ledger and theirs: 回访清单 and
   * 联席会议汇总 of all units, each dispute once, and the report says so (`joint`).
   */
  writeSummary(options: SummaryOptions, onProgress?: ProgressListener): Promise<JobReport>;
  /** Selects a cell so the user sees it, e.g. from a link in the result card. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The ledger row under the user's selection, or null when the selection is not on a dispute. */
  selectedDispute(): Promise<SelectedDispute | null>;
  /** Records a revisit in the 回访记录 sheet; the next due date follows from it. */
  recordRevisit(entry: RevisitEntry): Promise<{ nextRevisit: string | null }>;
  loadSettings(): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
  /** What this client can do, for messages such as "colours are static fills on this Excel". */
  capabilities(): Promise<HostCapabilities>;
}

export type ProgressListener = (progress: Progress) => void;

export interface Progress {
  /** What is happening, in the UI language. */
  stage: 'read' | 'triage' | 'write' | 'format';
  /** 0..1 when known. */
  fraction?: number;
}

export interface LedgerInfo {
  sheet: string;
  /** 1-based header rows. */
  headerRows: number[];
  /** Every column of the table, mapped or not, left to right. */
  columns: { column: string; header: string; field: FieldName | null }[];
  /** Sheets the user may pick the ledger from. */
  sheets: string[];
}

export interface JobReport {
  counts: JobCounts;
  /** Rows that could not be read and other notes, each pointing at a cell when it can. */
  issues: { message: string; sheet: string; cell: string | null }[];
  /** Where the result was written (the ledger sheet, 回访清单 or 联席会议汇总). */
  sheet: string;
  /** Rows were coloured with static fills because the client lacks conditional formats (ExcelApi 1.6). */
  staticFills: boolean;
  /** The meeting's headline numbers, when the job wrote 联席会议汇总. */
  meeting?: MeetingHeadline;
  /** When other units' ledgers joined this workbook's (`counts` and the issue links are still this workbook's ledger's). */
  joint?: JointMeetingReport;
}

/** A joint meeting written into this workbook: every unit's line, and the disputes several units hold. */
export interface JointMeetingReport {
  /** Every dispute once, however many units' ledgers hold it (合计). */
  disputes: number;
  /** This workbook's ledger first, then the others in the order given. */
  units: { unit: string; file: string; sheet: string; disputes: number; registered: number; open: LevelCounts; shared: number }[];
  /** Each dispute found in several ledgers: every unit's line (row and its own 序号 or case number). */
  duplicates: DisputeRef[][];
  /** Where the due-list of all units was written. */
  dueListSheet: string;
}

export interface SummaryOptions {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  mask: boolean;
  /**
   * Other units' ledgers (a 派出所's, a 司法所's …), read from their files where the pane runs
   * (readLedgerWorkbook), to join this workbook's ledger in a joint meeting; never uploaded.
   */
  others?: MeetingLedger[];
}

export interface SelectedDispute {
  /** 1-based ledger row. */
  row: number;
  /** A short, masked description to confirm the right row is chosen. */
  label: string;
  level: 'red' | 'yellow' | 'green';
  nextRevisit: string | null;
}

export interface RevisitEntry {
  row: number;
  /** YYYY-MM-DD */
  date: string;
  method: '电话' | '上门';
  result: string;
  by: string;
}

/** Kept in the workbook: the mapping the user confirmed, the preset, and report options. */
export interface AddinSettings {
  version: 1;
  preset: TriagePreset;
  /** Corrections to the detected mapping: field → column letter, or null for "not in this ledger". */
  fieldColumns: Partial<Record<FieldName, string | null>>;
  mask: boolean;
  language?: Language;
}

export interface HostCapabilities {
  conditionalFormats: boolean;
  mergedAreas: boolean;
  /** The client's highest ExcelApi version, e.g. '1.1' on volume-licensed Office 2016. */
  excelApi: string;
}
