/**
 * The shapes every part of the core agrees on. A host turns its workbook into a `SheetGrid`,
 * the core turns that into a `LedgerPlan`, and the host applies the plan.
 */

/** A warning level of the "333" mechanism. */
export type Level = 'red' | 'yellow' | 'green';
export const LEVELS: readonly Level[] = ['red', 'yellow', 'green'];
/** Higher is more severe: red 2, yellow 1, green 0. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { red: 2, yellow: 1, green: 0 };
export const LEVEL_ZH: Readonly<Record<Level, string>> = { red: '红', yellow: '黄', green: '绿' };

/**
 * The colour of each level, as ARGB: Excel's own "light red / yellow / green fill" of its
 * conditional-format presets, which staff already read as the warning colours. The one home of
 * these colours: the file host's formats, the Office.js host's fills and the pages' swatches.
 */
export const LEVEL_FILLS: Readonly<Record<Level, string>> = { red: 'FFFFC7CE', yellow: 'FFFFEB9C', green: 'FFC6EFCE' };
/** The overdue mark on a revisit date: dark red text (ARGB), over the row's level fill. */
export const OVERDUE_FONT = 'FFC00000';
/** The fill of a report's header cells (ARGB): Excel's light grey. */
export const REPORT_HEADER_FILL = 'FFD9D9D9';
/** An ARGB colour as '#RRGGBB', the form CSS and Office.js take. */
export const rgbHex = (argb: string): string => `#${argb.slice(2)}`;

/** What `range.values` and an .xlsx reader both give: '' or null for an empty cell. */
export type CellValue = string | number | boolean | null;

/**
 * A calendar date without time or zone: whole days since 1970-01-01.
 * Integer arithmetic keeps the core free of `Date` and time zones.
 */
export type Day = number;

/** A meeting period, both ends inclusive. */
export interface Period {
  from: Day;
  to: Day;
}

/** A rectangle of cells, 0-based and inclusive, relative to the sheet's A1. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as a host reads it. */
export interface SheetGrid {
  name: string;
  /**
   * Row-major cell values; `values[r][c]` is the cell at sheet row r+1, column c+1 (A1 origin).
   * A row reaches its last cell that exists in the sheet, including formatted empty cells (null).
   */
  values: CellValue[][];
  /** Merged areas. Only a merge's top-left cell carries the value, as in Excel. */
  merges: CellRange[];
  /**
   * Number format codes of numeric cells, when the host knows them (same shape as `values`,
   * sparse: missing rows or `null` mean General). Used to recognise date serials.
   */
  numberFormats?: (string | null | undefined)[][];
  /** The workbook uses the 1904 date system (Mac Excel's old default). */
  date1904: boolean;
  /** The sheet is hidden; a visible ledger is preferred when choosing. */
  hidden?: boolean;
  /**
   * Merged areas that reach right of the last cell read, as far as they reach (a remark merged
   * L5:P5 beside a table ending at L): `merges` are cut at the grid's width, and the add-in's
   * columns must still go right of them. Absent when a host reads merges whole.
   */
  mergesPastGrid?: { top: number; bottom: number; right: number }[];
  /**
   * Areas the sheet gives to something other than its cells' values, which may hold no cell where
   * they reach: an array formula's range (P6:R6 with only P6 written), a table (a table without a
   * header row over empty columns). The add-in's columns go right of those that reach its rows.
   * Absent when a host has none to tell.
   */
  areasInUse?: CellRange[];
  /**
   * Cells that hold a formula but no value computed for it: a file saved by a program that writes
   * formulas without calculating them (openpyxl and exports made with it), read as blank. The
   * first cells in sheet order (0-based), at most a few thousand, and how many there are in all.
   */
  formulasWithoutValue?: { cells: { row: number; col: number }[]; total: number };
}

/**
 * The canonical fields of a dispute record, after GB/T 31000-2015 with local aliases.
 * The JSON output names columns by these keys.
 */
export type FieldName =
  | 'serial'
  | 'title'
  | 'description'
  | 'type'
  | 'registered'
  | 'place'
  | 'parties'
  | 'otherParties'
  | 'idNumber'
  | 'phone'
  | 'address'
  | 'headcount'
  | 'amount'
  | 'manualLevel'
  | 'owner'
  | 'ownerUnit'
  | 'channel'
  | 'resolvedFlag'
  | 'status'
  | 'resolvedOn'
  | 'deadline'
  | 'lastRevisit'
  | 'revisitNotes'
  | 'supervision'
  | 'closure'
  | 'mediationCount'
  | 'policeCalls'
  | 'keyPerson'
  | 'remarks';

/** A problem with one cell or row: the ledger is still processed. */
export interface RowIssue {
  /** Stable code from the message catalogue, e.g. 'date.unreadable'. */
  code: string;
  /** 1-based sheet row. */
  row: number;
  /** A1 address of the cell, e.g. 'E12', when the problem is in one cell. */
  cell?: string;
  /** The message in the requested language, naming the cell and what to do. */
  message: string;
}

/** Where a dispute stands. Closed (已销号) needs no more revisits; resolved still gets periodic ones. */
export type DisputeStatus = 'open' | 'resolved' | 'closed';

/** One ledger row, read and parsed. Raw cell text stays available for reasons and reports. */
export interface DisputeRecord {
  /** 1-based sheet row. */
  row: number;
  /**
   * Cell text by field, trimmed ('' when blank), full-width letters, digits and punctuation made
   * half-width for the parsers and rules. With a 被申请人/被告 column, `parties` holds both sides.
   */
  text: Partial<Record<FieldName, string>>;
  /** The text as the ledger writes it (，：（）kept), only for fields where it differs from `text`: what handouts print. */
  written?: Partial<Record<FieldName, string>>;
  registered: Day | null;
  resolvedOn: Day | null;
  /** Latest revisit date found in the revisit column. */
  lastRevisit: Day | null;
  deadline: Day | null;
  headcount: number | null;
  amount: number | null;
  /** Failed mediations from a count column (counts written in the text are the rules' to read). */
  mediationFailures: number | null;
  /**
   * What the count column counts: 调解次数 (mediations held, the dispute still open) or
   * 调解未果次数 (failures); the reason says which.
   */
  mediationColumn?: 'attempts' | 'failures';
  /** Police calls from a count column. */
  policeCalls: number | null;
  manualLevel: Level | null;
  status: DisputeStatus;
  /**
   * The status the description's last clause states ("…，纠纷已化解"), read when no status cell
   * is filled in. Taken as the status only when no red rule fires (rules/evaluate.ts,
   * settleStatedStatus): a threat written before "已化解" is not passed over.
   */
  statedStatus?: DisputeStatus;
  /** Stable identity across meetings (serial number where present, else registration + parties + place + type). */
  key: string;
  /**
   * The key an earlier version gave it, where it differs: a 序号 written 2026-001 was the key
   * itself. A meeting stored by that version is still matched through it (summary/snapshot.ts).
   */
  legacyKey?: string;
}

/** What the rules made of one dispute. */
export interface Reason {
  /** The rule's id from the preset, e.g. 'red.violence'. */
  rule: string;
  level: Level;
  /** Readable text: the rule's label and the text or value that fired it. */
  text: string;
}

export interface TriageResult {
  suggested: Level;
  /** Every rule that fired, most severe first; empty means green by default. */
  reasons: Reason[];
  manual: Level | null;
  /** The level that colours the row and sets the cadence. */
  effective: Level;
  /** A manual level below the suggestion: someone should look again. */
  needsReview: boolean;
}

export interface ScheduleResult {
  /** null when the dispute needs no more revisits (closed), or has no date to count from. */
  nextRevisit: Day | null;
  /** Days past the due date on the as-of date, 0 when due today or not yet due. */
  overdueDays: number;
  /** Next revisit on or before the as-of date. */
  due: boolean;
}

export interface TriagedDispute {
  record: DisputeRecord;
  triage: TriageResult;
  schedule: ScheduleResult;
}

export type Language = 'zh' | 'en';
