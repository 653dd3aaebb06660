import { formatDay } from '../cells';
import type { LevelCounts, MeetingSummary } from './types';

/**
 * The few numbers a person reads out at the joint meeting, as plain data a pane, a dialog or a
 * web page can show after writing 联席会议汇总: the period, its 排查数/调处数/成功数, and the open
 * disputes by level (the sheet's 在办 row). Dates as YYYY-MM-DD.
 */
export interface MeetingHeadline {
  from: string;
  to: string;
  /** 排查数: disputes registered in the period. */
  registered: number;
  /** 调处数: of those, handled. */
  handled: number;
  /** 成功数: of those, resolved or closed. */
  resolved: number;
  /** 在办: open disputes on the as-of date, by effective level. */
  open: LevelCounts;
}

export function meetingHeadline(summary: MeetingSummary): MeetingHeadline {
  const { registered, handled, resolved } = summary.totals.period;
  return { from: formatDay(summary.period.from), to: formatDay(summary.period.to), registered, handled, resolved, open: { ...summary.open } };
}
