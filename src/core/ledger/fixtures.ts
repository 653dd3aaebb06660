// Test-only builders for the ledger and job tests (kept out of index.ts).
import { parseCellAddress } from '../cells';
import type { CellRange, CellValue, DisputeRecord, SheetGrid } from '../model';

/** 'A1:F1' → the 0-based range, so merges in tests read as Excel shows them. */
export function range(a1: string): CellRange {
  const [from, to = from] = a1.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) throw new RangeError(`not a range: ${a1}`);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A sheet named 'Sheet1' (unless told) with the given rows and merges written as 'A1:F1'. */
export function sheet(values: CellValue[][], merges: string[] = [], options: { name?: string; date1904?: boolean } = {}): SheetGrid {
  return { name: options.name ?? 'Sheet1', values, merges: merges.map(range), date1904: options.date1904 ?? false };
}

/** A dispute record with just what a test says: open, nothing filled in, on sheet row 2 unless told. */
export function record(spec: Partial<DisputeRecord> = {}): DisputeRecord {
  return {
    row: 2,
    text: {},
    registered: null,
    resolvedOn: null,
    lastRevisit: null,
    deadline: null,
    headcount: null,
    amount: null,
    mediationFailures: null,
    policeCalls: null,
    manualLevel: null,
    status: 'open',
    key: `K${spec.row ?? 2}`,
    ...spec,
  };
}
