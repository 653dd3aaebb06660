import type { Day, DisputeStatus, Level, Period } from '../model';

export type { Period };

/** One dispute as it stood when a meeting summary was made. */
export interface SnapshotEntry {
  /** `DisputeRecord.key`: stable across meetings. */
  key: string;
  /** 1-based ledger row at the time (for reading only: rows move when a ledger is sorted). */
  row: number;
  /** The effective level. */
  level: Level;
  status: DisputeStatus;
}

/** What the ledger looked like at a meeting; stored by hosts in a hidden sheet. */
export interface MeetingSnapshot {
  period: Period;
  entries: SnapshotEntry[];
}

/**
 * Keywords that place a settled dispute. Escalated is checked first, then village; anything else
 * counts as settled in the township.
 */
export interface SettlementKeywords {
  escalated: string[];
  village: string[];
}

/** One dispute in a change list: identified by row and key, with its level then and now. */
export interface DiffItem {
  row: number;
  key: string;
  level: Level;
  /** null when the dispute was not in the previous snapshot. */
  previousLevel: Level | null;
  status: DisputeStatus;
  previousStatus: DisputeStatus | null;
}

export type ChangeCategory = 'newRed' | 'escalated' | 'deEscalated' | 'resolved';
export const CHANGE_CATEGORIES: readonly ChangeCategory[] = ['newRed', 'escalated', 'deEscalated', 'resolved'];

export type ChangeCounts = Record<ChangeCategory, number>;

/**
 * What changed since a previous meeting. The lists may overlap: a dispute that went from yellow
 * to red is both new red and escalated; a red dispute that was resolved (and so became green) is
 * both de-escalated and resolved.
 */
export interface SnapshotDiff {
  /** Red now; absent from the previous snapshot or not red then. */
  newRed: DiffItem[];
  /** Level rose. */
  escalated: DiffItem[];
  /** Level fell. */
  deEscalated: DiffItem[];
  /** Open then, resolved or closed now. */
  resolved: DiffItem[];
  counts: ChangeCounts;
}

/** 排查数, 调处数, 调处率, 成功数, 成功率 over one span of registration dates. */
export interface Totals {
  /** 排查数: disputes registered in the span. */
  registered: number;
  /** 调处数: of those, handled (see `isHandled`). */
  handled: number;
  /** 调处率 = handled / registered; null when nothing was registered. */
  handledRate: number | null;
  /** 成功数: of those, resolved or closed. */
  resolved: number;
  /** 成功率 = resolved / handled; null when nothing was handled. */
  resolvedRate: number | null;
}

export interface LevelCounts {
  red: number;
  yellow: number;
  green: number;
  total: number;
}

/** A mediation channel (化解方式) class of the 三调联动. */
export type ChannelKind = 'people' | 'judicial' | 'administrative' | 'other' | 'blank';

/** One line of a breakdown by type, village/unit or channel (period disputes only). */
export interface BreakdownRow {
  /** The ledger text, or '未填' when blank, or the channel's Chinese name for channel rows. */
  name: string;
  /** The name stands for a blank cell. */
  blank: boolean;
  /** For the channel breakdown only. */
  channel?: ChannelKind;
  count: number;
  /** Resolved or closed. */
  resolved: number;
  openRed: number;
  openYellow: number;
  openGreen: number;
  /** Party names that occur in `name` (to mask when printing). */
  names: string[];
}

/** 涉及人数 buckets over the period's disputes. */
export interface HeadcountBuckets {
  /** fewer than 50 */
  under50: number;
  /** 50 to 100 */
  from50to100: number;
  /** 101 to 500 */
  from101to500: number;
  /** more than 500 */
  over500: number;
  /** no headcount given */
  unknown: number;
}

/** Where the period's resolved or closed disputes were settled (小事不出村、大事不出镇、矛盾不上交). */
export interface SettlementCounts {
  village: number;
  township: number;
  escalated: number;
  total: number;
}

/** One line of the key-case list (突出矛盾纠纷台账). Text is raw: the renderer masks it. */
export interface KeyCase {
  /** 序号, from 1. */
  index: number;
  row: number;
  key: string;
  /** 单位/村 */
  place: string;
  /** 简要情况: the description, or the title when there is none. */
  brief: string;
  level: Level;
  registered: Day | null;
  /** 责任单位/责任人（包案）: unit and person joined with '/'. */
  owner: string;
  /** 化解时限 as a day, when the ledger gave a readable date. */
  deadline: Day | null;
  /** 化解时限 as text: YYYY-MM-DD when readable, else the raw cell text. */
  deadlineText: string;
  /** 化解情况 */
  statusText: string;
  /** 督办情况 */
  supervision: string;
  /** 销号情况 */
  closure: string;
  /** Names to mask in this line's text: the dispute's own parties and any party of the ledger found in it. */
  names: string[];
  /** The dispute's own 住址, left out wherever the handout text repeats it. */
  address: string;
}

/** A dispute whose revisit is overdue on the as-of date. */
export interface OverdueRevisit {
  row: number;
  key: string;
  place: string;
  level: Level;
  /** 责任人, or the responsible unit when no person is named. */
  owner: string;
  /** 应回访日期 */
  due: Day | null;
  overdueDays: number;
  names: string[];
  address: string;
}

export interface ChangeItem extends DiffItem {
  category: ChangeCategory;
  place: string;
  names: string[];
  address: string;
}

export interface MeetingChanges {
  previousPeriod: Period;
  counts: ChangeCounts;
  /** Grouped by category in `CHANGE_CATEGORIES` order, by row within a category. */
  items: ChangeItem[];
}

export interface MeetingSummary {
  period: Period;
  asOf: Day;
  /** 1 January of the year the period ends in. */
  yearStart: Day;
  totals: { period: Totals; yearToDate: Totals };
  /** Open disputes registered up to the as-of date (or undated), by effective level. */
  open: LevelCounts;
  byType: BreakdownRow[];
  byPlace: BreakdownRow[];
  byChannel: BreakdownRow[];
  /** null when no dispute in the ledger has a headcount. */
  headcount: HeadcountBuckets | null;
  settlement: SettlementCounts;
  keyCases: KeyCase[];
  /** Every overdue revisit is counted; the most overdue `OVERDUE_LIST_LIMIT` are listed. */
  overdue: { count: number; items: OverdueRevisit[] };
  /** null when there is no previous meeting snapshot. */
  changes: MeetingChanges | null;
}

export interface MeetingSummaryOptions {
  period: Period;
  asOf: Day;
  previous: MeetingSnapshot | null;
  settlement?: Partial<SettlementKeywords>;
}

export interface RenderMeetingOptions {
  language: 'zh' | 'en';
  /** Mask names, ID and phone numbers in every text cell. Default true. */
  mask?: boolean;
  /** Printed before the title, e.g. 'XX镇'. */
  unitName?: string;
}
