import type { LedgerLayout, OwnColumn } from '../ledger';
import type { CellRange, CellValue, Day, FieldName, Language, Level, RowIssue, SheetGrid, TriagedDispute } from '../model';
import type { ReportSheet } from '../report';
import type { TriagePreset } from '../rules';
import type { MeetingSummary, Period } from '../summary';

/** Name of the hidden sheet where the add-in keeps meeting snapshots between runs. */
export const STATE_SHEET = '_tricolor';

export interface JobOptions {
  /** "Today" for due dates and open-day counts. The core never reads the clock. */
  asOf: Day;
  /** The joint-meeting period; defaults to the as-of month up to the as-of date. */
  period?: Period;
  preset: TriagePreset;
  language: Language;
  /** Mask personal information in the report sheets (on unless switched off explicitly). */
  mask: boolean;
  /** Corrections the user confirmed: field → 0-based column, or null for "not in this ledger". */
  fieldColumns?: Partial<Record<FieldName, number | null>>;
  /** The unit keeping the ledger, as the user names it; else read from its title or 填报单位 line, else `unitFallback`. */
  unit?: string;
  /** The unit when the ledger does not say (the file name). */
  unitFallback?: string;
}

/** A previous meeting's data kept elsewhere than this workbook: the previous output beside it, or a file the user named. */
export interface PreviousMeetingData {
  /** Cells of that workbook's hidden state sheet. */
  rows: CellValue[][];
  /** What the paper names as the source (the file's name). */
  source: string;
}

export interface JobInput {
  ledger: SheetGrid;
  /** Cells of the hidden state sheet from an earlier run, if the workbook has one. */
  stateRows?: CellValue[][] | null;
  /** Cells of the 回访记录 sheet, if the workbook has one: its revisits count as last revisits. */
  revisitLog?: CellValue[][] | null;
  /** Previous meetings' data from elsewhere; the latest meeting before this period, here or there, is compared with. */
  previous?: PreviousMeetingData | null;
  /** Other sheets of the workbook that hold disputes under a ledger header too, not processed: the user is told of them. */
  otherLedgerSheets?: readonly string[];
}

/** A cell the add-in writes in one of its own columns. */
export interface OwnCell {
  /** 0-based sheet row. */
  row: number;
  value: string | Day | null;
}

export interface OwnColumnPlan {
  key: OwnColumn;
  /**
   * The header to write; null when the column is the user's to keep as they have made it (the
   * manual-level column, once an earlier run created it): its header cell is left as it is.
   */
  header: string | null;
  /** 0-based sheet column. */
  col: number;
  /** How the cells look: text, or a date (value is a Day). */
  kind: 'text' | 'date';
  /** Cells to write, one per dispute row; empty for the manual column, which belongs to the user once created. */
  cells: OwnCell[];
  /** Column width in characters when the column is created. */
  width: number;
}

/** One conditional-format rule. */
export interface ConditionalFormatRule {
  formula: string;
  /** A level's fill, or the overdue mark (dark red bold text). */
  style: Level | 'overdue';
  /**
   * With 'overdue': the level fill the cell keeps. LibreOffice shows one rule's format per cell, so
   * the overdue rule carries the row colour too instead of relying on two rules adding up.
   */
  fill?: Level;
  /** Lower-priority rules are not applied where this one holds. */
  stopIfTrue?: boolean;
}

/** A conditional format: one rule per formula, in priority order (first wins where they conflict). */
export interface ConditionalFormatPlan {
  range: CellRange;
  rules: ConditionalFormatRule[];
}

/** Everything a host writes. Hosts apply it as a whole or not at all. */
export interface WritePlan {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: OwnColumnPlan[];
  /** Header cell style is copied from this column of the header: the user's last left of the add-in's columns. */
  headerStyleFrom: { row: number; col: number };
  levelFormat: ConditionalFormatPlan;
  /**
   * The overdue mark on the revisit column. Hosts give it priority over `levelFormat` (its rules
   * come first and stop), so Excel, WPS and LibreOffice all show it on the coloured row.
   */
  overdueFormat: ConditionalFormatPlan;
  /**
   * A 红/黄/绿 dropdown on the add-in's manual-level column. `title` marks it as the add-in's (the
   * same in every language, so a re-run recognises it); `prompt` and `error` are shown to the user.
   * null when the manual level is the user's own column (their 风险等级, in their own words: 高/中/低
   * would be warned against): the add-in puts nothing on a column it does not own.
   */
  dropdown: { range: CellRange; list: string[]; title: string; prompt: string; error: string } | null;
  reports: ReportSheet[];
  state: { sheet: string; rows: (string | number)[][] };
}

export interface JobCounts {
  disputes: number;
  byLevel: Record<Level, number>;
  dueToday: number;
  overdue: number;
  /** Rows with at least one cell that could not be read. */
  unreadableRows: number;
  needsReview: number;
}

export interface LedgerJob {
  layout: LedgerLayout;
  disputes: TriagedDispute[];
  issues: RowIssue[];
  counts: JobCounts;
  period: Period;
  /** The unit the ledger belongs to ('' when neither the user, the ledger nor the file names one). */
  unit: string;
  summary: MeetingSummary;
  plan: WritePlan;
  /** What the user is told beside the rows' issues: previous meeting data damaged or unreadable. */
  notices: string[];
  /** The previous meeting's data given from outside shared no dispute with the ledger, and was left aside (said in `notices`). */
  previousIgnored: boolean;
}
