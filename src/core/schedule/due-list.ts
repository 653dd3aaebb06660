import { writtenField } from '../ledger';
import { LEVEL_RANK, type Day, type TriagedDispute } from '../model';

/** One responsible person or unit and the revisits due from them. */
export interface DueGroup {
  /** 责任人, else 责任单位, else '未指定'. */
  owner: string;
  /** The unit whose ledger holds these disputes, when several ledgers meet. */
  unit?: string;
  items: TriagedDispute[];
}

export const UNASSIGNED_OWNER = '未指定';

/**
 * Every open or resolved-not-closed dispute whose next revisit is on or before `asOf`, grouped by
 * who is responsible. Within a group: red first, then most overdue, then ledger order. Groups are
 * ordered by their most urgent item, so the list reads top-down by urgency.
 */
export function buildDueList(disputes: readonly TriagedDispute[], asOf: Day, unitOf?: (d: TriagedDispute) => string): DueGroup[] {
  const due = disputes.filter((d) => d.schedule.nextRevisit !== null && d.schedule.nextRevisit <= asOf);
  due.sort(byUrgency);
  const groups = new Map<string, DueGroup>();
  for (const d of due) {
    const owner = writtenField(d.record, 'owner') || writtenField(d.record, 'ownerUnit') || UNASSIGNED_OWNER;
    const unit = unitOf?.(d);
    const id = `${unit ?? ''}\u0000${owner}`;
    const group = groups.get(id);
    if (group) group.items.push(d);
    else groups.set(id, { owner, ...(unit !== undefined ? { unit } : {}), items: [d] });
  }
  // Map keeps insertion order, and items were inserted most urgent first.
  return [...groups.values()];
}

function byUrgency(a: TriagedDispute, b: TriagedDispute): number {
  return (
    LEVEL_RANK[b.triage.effective] - LEVEL_RANK[a.triage.effective] ||
    b.schedule.overdueDays - a.schedule.overdueDays ||
    a.record.row - b.record.row
  );
}
