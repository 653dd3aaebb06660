import { columnLetter, type FieldName, type withFieldColumns } from '../core';
import type { LedgerInfo } from './host';

/** What detect() reports of a ledger's layout: every column with its header and field, the header rows. */
export function ledgerInfo(layout: ReturnType<typeof withFieldColumns>, sheets: string[]): LedgerInfo {
  const fieldOf = new Map<number, FieldName>();
  for (const [field, col] of Object.entries(layout.fields) as [FieldName, number][]) fieldOf.set(col, field);
  const columns = [...layout.labels.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, header]) => ({ column: columnLetter(col), header, field: fieldOf.get(col) ?? null }));
  const headerRows: number[] = [];
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) headerRows.push(r + 1);
  return { sheet: layout.sheet, headerRows, columns, sheets };
}
