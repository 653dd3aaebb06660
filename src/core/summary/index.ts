// Joint-meeting (联席会议) summary: totals, breakdowns, key cases, overdue revisits and changes
// since the previous meeting, plus the snapshots that make "since the previous meeting" possible.
export type {
  Period,
  SnapshotEntry,
  MeetingSnapshot,
  SettlementKeywords,
  DiffItem,
  ChangeCategory,
  ChangeCounts,
  SnapshotDiff,
  Totals,
  LevelCounts,
  ChannelKind,
  BreakdownRow,
  Breakdown,
  DisputeRef,
  MeetingDispute,
  ListedDispute,
  MeetingTally,
  UnitRow,
  HeadcountBuckets,
  SettlementCounts,
  KeyCase,
  OverdueRevisit,
  ChangeItem,
  MeetingChanges,
  MeetingSummary,
  MeetingSummaryOptions,
  RenderMeetingOptions,
} from './types';
export { CHANGE_CATEGORIES } from './types';
export {
  SNAPSHOT_MARKER,
  SNAPSHOT_VERSION,
  SNAPSHOT_HEADER,
  samePeriod,
  takeSnapshot,
  snapshotToRows,
  snapshotsFromRows,
  type StoredMeetings,
  MAX_SNAPSHOT_LINES,
  previousSnapshot,
  retainSnapshots,
  tallyOf,
  keysForUnits,
  mergeTallies,
  TALLIES_KEPT,
  diffSinceSnapshot,
  sharesADispute,
} from './snapshot';
export {
  DEFAULT_SETTLEMENT_KEYWORDS,
  CHANNEL_NAMES,
  isHandled,
  classifyChannel,
  channelOfUnit,
  classifySettlement,
  buildMeetingSummary,
} from './build';
export { renderMeetingSummary, LEVEL_CHART_COLORS } from './render';
export { LABELS, label } from './labels';
export { meetingHeadline } from './headline';
export type { MeetingHeadline } from './headline';
export type { LabelKey } from './labels';
