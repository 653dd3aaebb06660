import { formatDay, maskText, splitParties, type TriagedDispute } from '../core';
import type { SelectedDispute } from './host';

/** The ledger line under the selection as the pane shows it: a short label, masked even on the user's own screen. */
export function selectedDispute(d: TriagedDispute): SelectedDispute {
  const summary = d.record.text.description || d.record.text.title || d.record.text.type || '';
  const label = `${d.record.text.place ?? ''} ${summary}`.trim().slice(0, 40);
  return {
    row: d.record.row,
    label: maskText(label, splitParties(d.record.text.parties ?? '')),
    level: d.triage.effective,
    nextRevisit: d.schedule.nextRevisit === null ? null : formatDay(d.schedule.nextRevisit),
  };
}
