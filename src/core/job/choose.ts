import { detectLedger, type LedgerLayout } from '../ledger';
import type { SheetGrid } from '../model';
import { DUE_LIST_SHEET } from '../schedule';
import { STATE_SHEET } from './types';

/** Sheets the add-in writes itself: never a ledger. */
export const OWN_SHEETS: readonly string[] = [DUE_LIST_SHEET, '联席会议汇总', STATE_SHEET, '回访记录'];

/**
 * The sheet most like a ledger among the candidates (each given as its first rows is enough):
 * the one whose header names most fields; the earlier sheet on a tie. null when none is a ledger.
 */
export function chooseLedgerSheet(sheets: readonly SheetGrid[]): { sheet: string; layout: LedgerLayout } | null {
  let best: { sheet: string; layout: LedgerLayout } | null = null;
  for (const grid of sheets) {
    if (OWN_SHEETS.includes(grid.name)) continue;
    const layout = detectLedger(grid);
    if (layout && (!best || layout.score > best.layout.score)) best = { sheet: grid.name, layout };
  }
  return best;
}
