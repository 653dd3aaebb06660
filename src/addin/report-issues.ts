import { message, type Language, type LedgerJob, type MeetingJob } from '../core';
import type { JobReport } from './host';

type ReportIssue = JobReport['issues'][number];

/** Notices about the workbook (its previous meeting's data damaged), first, pointing at no cell. */
function noticeIssues(notices: readonly string[]): ReportIssue[] {
  return notices.map((n) => ({ message: n, sheet: '', cell: null }));
}

/** What the pane lists after a run on one ledger: the job's notices, then its issues in the ledger sheet. */
export function ledgerReportIssues(job: LedgerJob): ReportIssue[] {
  return [...noticeIssues(job.notices), ...job.issues.map((i) => ({ message: i.message, sheet: job.layout.sheet, cell: i.cell ?? null }))];
}

/**
 * What the pane lists after a joint meeting written into this workbook (whose ledger is the
 * meeting's first unit): the notices, then this ledger's issues pointing at its cells, and other
 * units' naming the unit, as they are in their own files.
 */
export function meetingReportIssues(job: MeetingJob, language: Language): ReportIssue[] {
  const mine = job.units[0];
  return [
    ...noticeIssues(job.notices),
    ...job.issues.map((i) =>
      i.unit === mine.unit
        ? { message: i.message, sheet: mine.sheet, cell: i.cell ?? null }
        : { message: message('meeting.unitIssue', language, { unit: i.unit, message: i.message }), sheet: '', cell: null },
    ),
  ];
}
