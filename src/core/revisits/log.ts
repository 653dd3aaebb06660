import { cellAddress, formatDay, parseDateCell, parseIsoDay, PLAUSIBLE_DAYS } from '../cells';
import { message } from '../messages';
import type { CellValue, Day, DisputeRecord, Language, RowIssue } from '../model';

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
  /** 1-based row of the 回访记录 sheet it was read from (not written: where the entry stands). */
  logRow?: number;
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
  rows.forEach((row, i) => {
    const [rowCell, key, date, method, result, by] = row;
    const parsed = typeof date === 'string' ? parseIsoDay(date.trim()) : null;
    const day = parsed ?? (typeof date === 'number' ? dayOf(date, date1904) : null);
    if (typeof key !== 'string' || key === '' || day === null) return;
    entries.push({ row: Number(rowCell) || 0, key, date: day, method: String(method ?? ''), result: String(result ?? ''), by: String(by ?? ''), logRow: i + 1 });
  });
  return entries;
}

function dayOf(serial: number, date1904: boolean): Day | null {
  const parsed = parseDateCell(serial, { date1904 });
  return parsed.kind === 'date' ? parsed.day : null;
}

/** Column C of the 回访记录 sheet: 回访日期. */
const LOG_DATE_COLUMN = REVISIT_LOG_HEADER.indexOf('回访日期');

/**
 * A revisit recorded in the log counts like one written in the ledger's 回访日期 column: the latest
 * of the two is the last revisit, and the next one is due one cadence after it. As in that column,
 * a date after the as-of day (a planned date, a typo for another year) or before 1990 is not
 * counted as done — counted, it took a red case off the revisit list — and is said, once for each
 * dispute, on the dispute's row.
 */
export function applyRevisitLog(records: DisputeRecord[], log: readonly RevisitLogEntry[], asOf: Day, language: Language): RowIssue[] {
  if (log.length === 0) return [];
  const latest = new Map<string, Day>();
  const notCounted = new Map<string, RevisitLogEntry>();
  for (const e of log) {
    if (e.date > asOf || e.date < PLAUSIBLE_DAYS.earliest) {
      const earlier = notCounted.get(e.key);
      if (earlier === undefined || e.date < earlier.date) notCounted.set(e.key, e);
    } else latest.set(e.key, Math.max(latest.get(e.key) ?? e.date, e.date));
  }
  const issues: RowIssue[] = [];
  for (const r of records) {
    const logged = latest.get(r.key);
    if (logged !== undefined && (r.lastRevisit === null || logged > r.lastRevisit)) r.lastRevisit = logged;
    const skipped = notCounted.get(r.key);
    if (skipped === undefined) continue;
    const cell = `${REVISIT_LOG_SHEET}!${cellAddress((skipped.logRow ?? 1) - 1, LOG_DATE_COLUMN)}`;
    const text = formatDay(skipped.date);
    const code = skipped.date > asOf ? 'date.revisitAfterAsOf' : 'date.implausible';
    // No `cell`: that names a cell of the ledger sheet (the pane goes to it); the message names the log's.
    issues.push({ code, row: r.row, message: message(code, language, { cell, text, asOf: formatDay(asOf) }) });
  }
  return issues;
}
