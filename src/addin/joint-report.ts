import type { MeetingJob } from '../core';
import type { JointMeetingReport } from './host';

/** What the pane shows of a joint meeting written into this workbook: every unit's line and the shared disputes. */
export function jointMeetingReport(result: MeetingJob, dueListSheet: string): JointMeetingReport {
  return {
    disputes: result.summary.disputes,
    units: result.units.map((u, i) => {
      const row = result.summary.unitRows[i];
      return { unit: u.unit, file: u.file, sheet: u.sheet, disputes: row.disputes, registered: row.registered, open: { ...row.open }, shared: row.shared };
    }),
    duplicates: result.duplicates.map((group) => group.map((r) => ({ ...r }))),
    dueListSheet,
  };
}
