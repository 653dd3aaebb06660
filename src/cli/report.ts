import { columnLetter, formatDay, type Language, type LedgerJob, type MeetingJob, type MeetingSummary } from '../core';
import { say } from './messages';

/** The short summary a person reads after a run. */
export function formatSummary(job: LedgerJob, output: string, language: Language): string {
  const c = job.counts;
  const header = job.layout.headerTop === job.layout.headerBottom ? `${job.layout.headerTop + 1}` : `${job.layout.headerTop + 1}–${job.layout.headerBottom + 1}`;
  const lines: string[] = [];
  const issues = job.issues;
  const shown = issues.slice(0, 10);
  // The rows were read and processed; what is left is a few cells for someone to check.
  const cellsToCheck = new Set(issues.filter((i) => i.cell).map((i) => i.cell)).size;
  const t = (key: Parameters<typeof say>[1], params?: Record<string, string | number>) => lines.push(say(language, key, params));
  t('run.sheet', { sheet: job.layout.sheet, header, disputes: c.disputes });
  t('run.levels', c.byLevel);
  t('run.due', { dueToday: c.dueToday, overdue: c.overdue });
  if (c.needsReview) t('run.needsReview', { count: c.needsReview });
  t('run.cellsToCheck', { count: cellsToCheck });
  for (const i of shown) lines.push(`    · ${i.message}`);
  if (issues.length > shown.length) t('run.moreIssues', { count: issues.length - shown.length });
  t('period', { from: formatDay(job.period.from), to: formatDay(job.period.to) });
  t('output', { file: output });
  return lines.join('\n');
}

/** The --json document: one object, dates as YYYY-MM-DD, levels as red/yellow/green. */
export function jobToJson(job: LedgerJob, output: string, asOf: number) {
  const { layout } = job;
  const fields: Record<string, string> = {};
  for (const [field, col] of Object.entries(layout.fields)) fields[field] = columnLetter(col);
  if (fields.status === undefined && fields.resolvedFlag !== undefined) fields.status = fields.resolvedFlag;
  const headerRows: number[] = [];
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) headerRows.push(r + 1);
  const s = job.summary;
  return {
    sheet: layout.sheet,
    headerRows,
    fields,
    rows: job.disputes.map(({ record, triage, schedule }) => ({
      row: record.row,
      level: triage.effective,
      suggested: triage.suggested,
      manual: triage.manual,
      reasons: triage.reasons.map((r) => ({ rule: r.rule, level: r.level, text: r.text })),
      nextRevisit: schedule.nextRevisit === null ? null : formatDay(schedule.nextRevisit),
      overdueDays: schedule.overdueDays,
      due: schedule.due,
      needsReview: triage.needsReview,
      status: record.status,
    })),
    issues: job.issues.map((i) => ({ code: i.code, row: i.row, cell: i.cell ?? null, message: i.message })),
    summary: {
      asOf: formatDay(asOf),
      disputes: job.counts.disputes,
      red: job.counts.byLevel.red,
      yellow: job.counts.byLevel.yellow,
      green: job.counts.byLevel.green,
      dueToday: job.counts.dueToday,
      overdue: job.counts.overdue,
      unreadableRows: job.counts.unreadableRows,
      needsReview: job.counts.needsReview,
      period: { from: formatDay(job.period.from), to: formatDay(job.period.to) },
      meeting: meetingCounts(s),
      output,
    },
  };
}

/** A meeting's numbers as `--json` gives them, the same for `run` and for each unit and the whole of `meeting`. */
export function meetingCounts(s: MeetingSummary) {
  return {
    disputes: s.disputes,
    period: s.totals.period,
    yearToDate: s.totals.yearToDate,
    open: s.open,
    changes: s.changes?.counts ?? null,
    comparedWith: s.changes ? { from: formatDay(s.changes.previousPeriod.from), to: formatDay(s.changes.previousPeriod.to), source: s.changes.source } : null,
  };
}

/** The `meeting --json` document. */
export function meetingToJson(job: MeetingJob, output: string) {
  return {
    period: { from: formatDay(job.period.from), to: formatDay(job.period.to) },
    units: job.units.map((u) => ({ unit: u.unit, file: u.file, sheet: u.sheet, meeting: meetingCounts(u.meeting) })),
    meeting: meetingCounts(job.summary),
    duplicates: job.duplicates.map((group) => group.map((r) => ({ unit: r.unit, row: r.row, serial: r.serial }))),
    issues: job.issues.map((i) => ({ unit: i.unit, code: i.code, row: i.row, cell: i.cell ?? null, message: i.message })),
    output,
  };
}

/** Shared disputes printed after a meeting; the rest are in --json. */
const SHOWN_DUPLICATES = 20;

/** What a person reads after `tricolor meeting`. */
export function formatMeeting(job: MeetingJob, output: string, language: Language): string {
  const s = job.summary;
  const lines: string[] = [];
  const cells = job.issues.filter((i) => i.cell).length;
  const t = (key: Parameters<typeof say>[1], params?: Record<string, string | number>) => lines.push(say(language, key, params));
  t('meeting.period', { from: formatDay(job.period.from), to: formatDay(job.period.to), units: job.units.length });
  for (const u of job.units)
    t('meeting.unit', { unit: u.unit, file: u.file, sheet: u.sheet, disputes: u.meeting.disputes, registered: u.meeting.totals.period.registered, open: u.meeting.open.total });
  t('meeting.shared', { count: job.duplicates.length });
  const copy = (r: MeetingJob['duplicates'][number][number]) =>
    r.serial ? say(language, 'meeting.sharedSerial', { unit: r.unit, serial: r.serial }) : say(language, 'meeting.sharedRow', { unit: r.unit, row: r.row });
  for (const g of job.duplicates.slice(0, SHOWN_DUPLICATES)) lines.push(`  · ${g.map(copy).join(say(language, 'meeting.sharedJoin'))}`);
  if (job.duplicates.length > SHOWN_DUPLICATES) t('meeting.moreShared', { count: job.duplicates.length - SHOWN_DUPLICATES });
  t('meeting.totals', { disputes: s.disputes, registered: s.totals.period.registered, red: s.open.red, yellow: s.open.yellow, green: s.open.green });
  if (s.changes) t('meeting.compared', { source: s.changes.source });
  else t('meeting.notCompared');
  if (cells) t('meeting.cellsToCheck', { count: cells });
  t('output', { file: output });
  return lines.join('\n');
}
