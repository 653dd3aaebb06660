import { formatDay, parseDateCell, parseIsoDay } from '../cells';
import type { CellValue, Day, DisputeRecord } from '../model';

/** The sheet where revisits recorded from the task pane are kept, one row each. */
export const REVISIT_LOG_SHEET = '回访记录';
export const REVISIT_LOG_HEADER: readonly string[] = ['台账行', '纠纷标识', '回访日期', '方式', '回访结果', '回访人'];

export interface RevisitLogEntry {
  /** 1-based ledger row when recorded; rows move, so the key decides. */
  row: number;
  key: string;
  date: Day;
  method: string;
  result: string;
  by: string;
}

/** One row of the 回访记录 sheet, dates as YYYY-MM-DD text so every host reads them back alike. */
export function revisitLogRow(entry: RevisitLogEntry): (string | number)[] {
  return [entry.row, entry.key, formatDay(entry.date), entry.method, entry.result, entry.by];
}

/**
 * Reads the sheet back; rows that are not entries (the header, blanks, damage) are skipped. A date
 * typed in Excel is a serial of the workbook's date system (`date1904`, as the ledger's: one workbook).
 */
export function readRevisitLog(rows: readonly (readonly CellValue[])[], date1904 = false): RevisitLogEntry[] {
  const entries: RevisitLogEntry[] = [];
  for (const row of rows) {
    const [rowCell, key, date, method, result, by] = row;
    const parsed = typeof date === 'string' ? parseIsoDay(date.trim()) : null;
    const day = parsed ?? (typeof date === 'number' ? dayOf(date, date1904) : null);
    if (typeof key !== 'string' || key === '' || day === null) continue;
    entries.push({ row: Number(rowCell) || 0, key, date: day, method: String(method ?? ''), result: String(result ?? ''), by: String(by ?? '') });
  }
  return entries;
}

function dayOf(serial: number, date1904: boolean): Day | null {
  const parsed = parseDateCell(serial, { date1904 });
  return parsed.kind === 'date' ? parsed.day : null;
}

/**
 * A revisit recorded in the log counts like one written in the ledger's 回访日期 column: the latest
 * of the two is the last revisit, and the next one is due one cadence after it.
 */
export function applyRevisitLog(records: DisputeRecord[], log: readonly RevisitLogEntry[]): void {
  if (log.length === 0) return;
  const latest = new Map<string, Day>();
  for (const e of log) latest.set(e.key, Math.max(latest.get(e.key) ?? e.date, e.date));
  for (const r of records) {
    const logged = latest.get(r.key);
    if (logged !== undefined && (r.lastRevisit === null || logged > r.lastRevisit)) r.lastRevisit = logged;
  }
}
