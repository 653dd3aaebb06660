import type { Day, DisputeRecord, Level, ScheduleResult } from '../model';

/** Days between revisits by effective level (domain.md: red daily, yellow weekly, green monthly). */
export type Cadence = Readonly<Record<Level, number>>;

/**
 * The next revisit is one cadence after the latest revisit, or after registration when there was
 * none. A closed dispute (已销号) needs no more revisits; a resolved one keeps the green cadence.
 */
export function scheduleRevisit(record: DisputeRecord, effective: Level, cadence: Cadence, asOf: Day): ScheduleResult {
  // A registration after the as-of date (a year typed wrong: 2027 for 2026) is read as that day: the
  // dispute is in the ledger, so it was registered by then. Taken as written, a red one had no
  // revisit due until the wrong date (the reader says which cell).
  const registered = record.registered === null ? null : Math.min(record.registered, asOf);
  // From the later of the two: a revisit dated before the registration (a typo, or a case registered
  // again) would make a case registered last month overdue by a year.
  const from = record.lastRevisit !== null && registered !== null ? Math.max(record.lastRevisit, registered) : (record.lastRevisit ?? registered);
  if (record.status === 'closed' || from === null) return { nextRevisit: null, overdueDays: 0, due: false };
  const nextRevisit = from + cadence[effective];
  return { nextRevisit, overdueDays: Math.max(0, asOf - nextRevisit), due: nextRevisit <= asOf };
}
