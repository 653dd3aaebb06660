// Test-only builders for the summary tests (kept out of index.ts).
import type { Day, DisputeStatus, FieldName, Level, Reason, TriagedDispute } from '../model';

/** The day of a calendar date, for tests. */
export function day(y: number, m: number, d: number): Day {
  return Date.UTC(y, m - 1, d) / 86400000;
}

export interface DisputeSpec {
  level?: Level;
  status?: DisputeStatus;
  registered?: Day | null;
  key?: string;
  headcount?: number | null;
  deadline?: Day | null;
  overdueDays?: number;
  nextRevisit?: Day | null;
  text?: Partial<Record<FieldName, string>>;
  /** Text as the ledger writes it, where it differs from `text`. */
  written?: Partial<Record<FieldName, string>>;
  reasons?: Reason[];
}

/** A triaged dispute on ledger row `row` with just what a test says; key defaults to 'K<row>'. */
export function dispute(row: number, spec: DisputeSpec = {}): TriagedDispute {
  const level = spec.level ?? 'green';
  return {
    record: {
      row,
      text: spec.text ?? {},
      registered: spec.registered === undefined ? null : spec.registered,
      resolvedOn: null,
      lastRevisit: null,
      deadline: spec.deadline ?? null,
      headcount: spec.headcount ?? null,
      amount: null,
      mediationFailures: null,
      policeCalls: null,
      manualLevel: null,
      status: spec.status ?? 'open',
      key: spec.key ?? `K${row}`,
      ...(spec.written ? { written: spec.written } : {}),
    },
    triage: { suggested: level, reasons: spec.reasons ?? [], manual: null, effective: level, needsReview: false },
    schedule: {
      nextRevisit: spec.nextRevisit ?? null,
      overdueDays: spec.overdueDays ?? 0,
      due: (spec.overdueDays ?? 0) > 0,
    },
  };
}
