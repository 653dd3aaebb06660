/**
 * The ledger's columns as the page lists them, and the user's corrections applied the way the
 * job applies them. Only the core: the page's bundle takes this without the file host.
 */
import { columnLetter, withFieldColumns, type FieldName, type LedgerLayout } from '../core';
import type { MappedColumn } from './protocol';

/** The user's columns with their headers and fields; the add-in's own columns are not the user's to map. */
export function mappedColumns(layout: LedgerLayout): MappedColumn[] {
  const fieldOf = new Map<number, FieldName>();
  for (const [field, col] of Object.entries(layout.fields) as [FieldName, number][]) if (!fieldOf.has(col)) fieldOf.set(col, field);
  const own = new Set(Object.values(layout.own));
  return [...layout.labels.entries()]
    .filter(([col]) => !own.has(col) || fieldOf.has(col))
    .sort((a, b) => a[0] - b[0])
    .map(([index, header]) => ({ index, column: columnLetter(index), header, field: fieldOf.get(index) ?? null }));
}

/**
 * The mapping the page shows once the user's corrections are applied: the same rule the job
 * applies (`withFieldColumns`), so what the page shows is what the run will use.
 */
export function correctedColumns(columns: readonly MappedColumn[], corrections: Partial<Record<FieldName, number | null>>): MappedColumn[] {
  const fields: Partial<Record<FieldName, number>> = {};
  for (const c of columns) if (c.field && fields[c.field] === undefined) fields[c.field] = c.index;
  const layout: LedgerLayout = {
    sheet: '',
    headerTop: 0,
    headerBottom: 0,
    firstCol: 0,
    lastCol: 0,
    fields,
    own: {},
    labels: new Map(),
    unmapped: [],
    scales: {},
    score: 0,
  };
  const corrected = withFieldColumns(layout, corrections).fields;
  const fieldOf = new Map<number, FieldName>();
  for (const [field, col] of Object.entries(corrected) as [FieldName, number][]) if (!fieldOf.has(col)) fieldOf.set(col, field);
  return columns.map((c) => ({ ...c, field: fieldOf.get(c.index) ?? null }));
}

