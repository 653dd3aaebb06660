import type { Period } from '../model';
import { dayFromYmd, parseIsoDay } from './dates';
import { toHalfWidth } from './text';

/**
 * A meeting period as people name it: `2026-11-01..2026-11-30`, a month `2026-11`, or a quarter
 * `2026-Q4` (monthly 综治 meetings, quarterly 三调联动 ones). Full-width digits are fine. Null when
 * the text is none of these, or names a day that does not exist, or ends before it begins.
 */
export function parsePeriod(text: string): Period | null {
  const s = toHalfWidth(text).trim();
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (range) {
    const from = parseIsoDay(range[1]);
    const to = parseIsoDay(range[2]);
    return from !== null && to !== null && from <= to ? { from, to } : null;
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (month) return monthsOf(Number(month[1]), Number(month[2]), 1);
  const quarter = /^(\d{4})-?[Qq]([1-4])$/.exec(s);
  if (quarter) return monthsOf(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3);
  return null;
}

/** `count` months from the first of `month`: the first of the first to the last of the last. */
function monthsOf(year: number, month: number, count: number): Period | null {
  const from = dayFromYmd(year, month, 1);
  const next = month + count > 12 ? dayFromYmd(year + 1, month + count - 12, 1) : dayFromYmd(year, month + count, 1);
  return from === null || next === null ? null : { from, to: next - 1 };
}
