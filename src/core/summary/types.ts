import type { Day, DisputeStatus, Level, Period, TriagedDispute } from '../model';

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
  /** Disputes of this ledger that the previous snapshot holds too: none at all means it was another ledger's. */
  shared: number;
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

/**
 * One line of a breakdown (by type, village/unit, 责任人 or channel). Two populations, said in
 * the column heads: `registered`/`resolved` count disputes registered in the period (so the
 * total line equals 一's 排查数/成功数), the `open…` counts every dispute open on the as-of date
 * (so the total line equals 二).
 */
export interface BreakdownRow {
  /** The ledger text, or '未填' when blank, or the channel's Chinese name for channel rows. */
  name: string;
  /** The name stands for a blank cell. */
  blank: boolean;
  /** For the channel breakdown only. */
  channel?: ChannelKind;
  /** Registered in the period. */
  registered: number;
  /** Of those, resolved or closed. */
  resolved: number;
  /** 化解率 = resolved ÷ registered; null when none was registered. */
  resolvedRate: number | null;
  openRed: number;
  openYellow: number;
  openGreen: number;
  /** Party names that occur in `name` (to mask when printing). */
  names: string[];
}

export interface Breakdown {
  rows: BreakdownRow[];
  /** The column sums: registered = 排查数, resolved = 成功数, open = 二's counts. */
  total: BreakdownRow;
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

/** Where a dispute is written: the unit's ledger, its sheet row and its own 序号/案件编号 ('' when it has none). */
export interface DisputeRef {
  unit: string;
  row: number;
  serial: string;
}

/** A dispute for the summary; `heldBy` lists every unit's line when several ledgers hold it (the counted one first). */
export type MeetingDispute = TriagedDispute & { heldBy?: readonly DisputeRef[] };

/** What every listed dispute carries. Text is raw: the renderer masks it. */
export interface ListedDispute {
  key: string;
  /** Every unit's line for it, the counted one first. */
  refs: DisputeRef[];
  level: Level;
  /** 村(社区) */
  place: string;
  /** 简要情况: the description, or the title when there is none. */
  brief: string;
  /** Why the level: the triage reasons joined, or the manual level's note. */
  reasons: string;
  /** 责任单位/责任人: unit and person joined with '/'. */
  owner: string;
  registered: Day | null;
  /** Days from registration to the as-of date; null without a registration date. */
  daysOpen: number | null;
  /** Names to mask in this line's text: the dispute's own parties and any party of the ledger found in it. */
  names: string[];
  /** The dispute's own 住址, left out wherever the handout text repeats it. */
  address: string;
}

/** One line of the key-case list (突出矛盾纠纷台账): an open red or yellow dispute. */
export interface KeyCase extends ListedDispute {
  /** 化解时限 as a day, when the ledger gave a readable date. */
  deadline: Day | null;
  /** 化解时限 as the ledger wrote it, when it is not a date. */
  deadlineText: string;
  /** 化解情况 */
  statusText: string;
  /** The next revisit and how many days it is overdue (0 when not). */
  nextRevisit: Day | null;
  overdueDays: number;
}

/** A red or yellow dispute whose revisit is overdue on the as-of date. */
export interface OverdueRevisit extends ListedDispute {
  /** 应回访日期 */
  due: Day | null;
  overdueDays: number;
}

export interface ChangeItem extends ListedDispute, DiffItem {
  category: ChangeCategory;
  /** Why it changed, in words: the reasons for the new level, or what the ledger says of its settling. */
  why: string;
  /** When the ledger and the rules say nothing: the label that says why (closed, resolved, nothing escalating). */
  whyLabel?: 'statusClosed' | 'statusResolved' | 'noEscalation';
}

export interface MeetingChanges {
  previousPeriod: Period;
  /** Where the previous meeting's data came from (a file name, or '本工作簿'). */
  source: string;
  counts: ChangeCounts;
  /** Grouped by category in `CHANGE_CATEGORIES` order, reds and ledger order within a category. */
  items: ChangeItem[];
  /** Disputes the previous meeting listed, and how many of them this ledger holds (SnapshotDiff.shared). */
  previousDisputes: number;
  shared: number;
}

/** Open reds and yellows at one meeting, for the trend chart. */
export interface MeetingTally {
  period: Period;
  red: number;
  yellow: number;
}

/** One unit's line in a joint meeting of several ledgers. */
export interface UnitRow {
  unit: string;
  /** Disputes in its ledger. */
  disputes: number;
  registered: number;
  resolved: number;
  resolvedRate: number | null;
  open: LevelCounts;
  /** Red and yellow revisits overdue. */
  overdue: number;
  /** Its disputes another unit's ledger also holds. */
  shared: number;
}

export interface MeetingSummary {
  period: Period;
  asOf: Day;
  /** The units whose ledgers the meeting joins, in the order given; one for a single ledger ('' when unnamed). */
  units: string[];
  /** 1 January of the year the period ends in. */
  yearStart: Day;
  /** Disputes in the ledger(s), one held by several units counted once. */
  disputes: number;
  totals: { period: Totals; yearToDate: Totals };
  /** Open disputes registered up to the as-of date (or undated), by effective level. */
  open: LevelCounts;
  /** Disputes registered in the period, by effective level (resolved ones are green). */
  periodByLevel: LevelCounts;
  /** Of the open ones, how many were registered in the period. */
  openRegisteredInPeriod: LevelCounts;
  byType: Breakdown;
  byPlace: Breakdown;
  byOwner: Breakdown;
  byChannel: Breakdown;
  /** null when no dispute in the ledger has a headcount. */
  headcount: HeadcountBuckets | null;
  settlement: SettlementCounts;
  /** Every open red and yellow dispute: reds first, then the oldest. */
  keyCases: KeyCase[];
  /** Every red and yellow revisit overdue (all listed, reds first); greens are counted only. */
  overdue: { count: number; byLevel: Record<Level, number>; items: OverdueRevisit[] };
  /** null when no previous meeting's data was found. */
  changes: MeetingChanges | null;
  /** Earlier meetings' open reds and yellows, oldest first, this one last. */
  history: MeetingTally[];
  /** One line per unit when the meeting joins several ledgers; empty for one. */
  unitRows: UnitRow[];
  /** Disputes held by more than one unit, counted once. */
  sharedCount: number;
}

export interface MeetingSummaryOptions {
  period: Period;
  asOf: Day;
  previous: MeetingSnapshot | null;
  /** Where `previous` was read from, for the paper to say (a file name, or '本工作簿'). */
  previousSource?: string;
  /** Earlier meetings' tallies, oldest first (from the hidden sheet). */
  history?: readonly MeetingTally[];
  /** The unit of a single ledger (from its title or 填报单位 line); several are given through `heldBy` and `unitRows`. */
  units?: readonly string[];
  unitRows?: readonly UnitRow[];
  settlement?: Partial<SettlementKeywords>;
}

export interface RenderMeetingOptions {
  language: 'zh' | 'en';
  /** Mask names, ID and phone numbers in every text cell. Default true. */
  mask?: boolean;
}
