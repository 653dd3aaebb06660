import type { CellValue, Day } from '../model';
import { cellText, toHalfWidth } from './text';
import { chineseDigits, chineseNumber } from './numbers';

// Calendar arithmetic in whole days, after Howard Hinnant's civil-date algorithms: pure integer
// maths, so no time zone or clock can creep in.

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/**
 * A date written in full whose day the month does not have ("2026-02-30", "2026年4月31日"), for
 * the message that says so; null for anything else, readable or not.
 */
export function nonexistentDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(toHalfWidth(text));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day > daysInMonth(year, month) && day <= 31 ? { year, month, day } : null;
}

/** The day for a calendar date, or null when it does not exist (2020-02-30) or is outside years 1–9999. */
export function dayFromYmd(y: number, m: number, d: number): Day | null {
  if (![y, m, d].every(Number.isInteger)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Dates outside this window are typing mistakes (a serial typed as a count, 2202 for 2022): the
 * ledger's dates, the revisit log's and the command's --as-of are read in it, and messages say
 * "1990—2100".
 */
export const PLAUSIBLE_DAYS = { earliest: dayFromYmd(1990, 1, 1)!, latest: dayFromYmd(2100, 12, 31)! } as const;

export function ymdFromDay(day: Day): { year: number; month: number; day: number } {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** 'YYYY-MM-DD', the form used in JSON output and reports. */
/**
 * The day a moment falls on where the user is (the computer's time zone): "today" is the user's
 * today. The core never reads the clock; hosts pass the moment they read (`new Date()`).
 */
export function localDay(moment: Date): Day {
  return dayFromYmd(moment.getFullYear(), moment.getMonth() + 1, moment.getDate())!;
}

/** `localDay` as YYYY-MM-DD, the form hosts hand "today" around in. */
export function localIsoDay(moment: Date): string {
  return formatDay(localDay(moment));
}

export function formatDay(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** A day as a Chinese paper writes it: 2026年11月1日. */
export function formatDayZh(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${year}年${month}月${d}日`;
}

/** A span as a Chinese paper writes it: 2026年11月1日至11月30日 (the year once when both share it). */
export function formatSpanZh(from: Day, to: Day): string {
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  return `${formatDayZh(from)}至${a.year === b.year ? `${b.month}月${b.day}日` : formatDayZh(to)}`;
}

/** Strict 'YYYY-MM-DD' (command-line and settings input); anything else is null. */
export function parseIsoDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

// Serial 25569 is 1970-01-01 in the 1900 system; it counts from 1899-12-30 because Excel keeps
// Lotus 1-2-3's non-existent 1900-02-29 as serial 60. Serials 1–59 therefore start a day later.
const EPOCH_1900 = -25569; // 1899-12-30
const EPOCH_1900_EARLY = -25568; // 1899-12-31, for serials 1–59
const MARCH_1900 = -25508; // 1900-03-01, serial 61
const EPOCH_1904 = -24107; // 1904-01-01, serial 0
const LAST_DAY = 2932896; // 9999-12-31, Excel's last date

/** An Excel date serial as a day; the time of day is dropped. Null for serials Excel cannot show, and for 1900-02-29. */
export function excelSerialToDay(serial: number, date1904: boolean): Day | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  let day: Day;
  if (date1904) {
    if (s < 0) return null;
    day = EPOCH_1904 + s;
  } else {
    if (s < 1 || s === 60) return null;
    day = (s < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + s;
  }
  return day > LAST_DAY ? null : day;
}

/**
 * The serial Excel stores for a day. Exact inverse of `excelSerialToDay` from 1900-01-01 (1900
 * system) or 1904-01-01 (1904 system); earlier days give a serial below 1 (or 0), which Excel cannot show.
 */
export function dayToExcelSerial(day: Day, date1904: boolean): number {
  if (date1904) return day - EPOCH_1904;
  return day - (day < MARCH_1900 ? EPOCH_1900_EARLY : EPOCH_1900);
}

/**
 * Whether a number format code shows a date. Quoted text, [brackets] (colours, locales, elapsed
 * time), escaped and fill characters are ignored. A time-only code (h:mm, [h]:mm:ss) is not a
 * date: the cell holds a duration or time, not a day. 'm' is a month unless it follows an hour or
 * precedes seconds, as in Excel.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"?/g, '')
    .replace(/\[[^\]]*\]?/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/general/gi, '')
    .replace(/am\/pm|a\/p/gi, '');
  if (/[年月日]/.test(bare)) return true;
  const tokens = bare.toLowerCase().match(/y+|m+|d+|h+|s+/g) ?? [];
  return tokens.some((t, i) => {
    if (t[0] === 'y' || t[0] === 'd') return true;
    if (t[0] !== 'm') return false;
    const prev = tokens[i - 1]?.[0];
    const next = tokens[i + 1]?.[0];
    return prev !== 'h' && next !== 's';
  });
}

/**
 * How to read dates in one ledger. `year` is the year a year-less date (5月21日) takes; without it
 * such a date is invalid. `notBefore` moves a year-less date that would fall before it into the
 * next year (a revisit cannot precede registration, so 1月5日 after a December registration is in January next year).
 */
export interface DateContext {
  date1904: boolean;
  year?: number;
  notBefore?: Day;
}

export type DateParse = { kind: 'blank' } | { kind: 'date'; day: Day } | { kind: 'invalid'; text: string };

/** Two-digit years are this century: ledgers record recent disputes and coming deadlines, never the 1900s. */
function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function yearless(month: number, d: number, ctx: DateContext): Day | null {
  if (ctx.year === undefined) return null;
  const day = dayFromYmd(ctx.year, month, d);
  if (day !== null && ctx.notBefore !== undefined && day < ctx.notBefore) return dayFromYmd(ctx.year + 1, month, d);
  return day;
}

/**
 * A year-less 11.28 after a full date: in that date's year, on or after it; in the next year only
 * across a new year (a November or December date, then January or February). Anything else
 * (9.30 after 2026.11.25: a time, a size) is no date.
 */
function dayAfterAnchor(month: number, d: number, anchor: DateContext): Day | null {
  const day = dayFromYmd(anchor.year!, month, d);
  if (day === null || day >= anchor.notBefore!) return day;
  return ymdFromDay(anchor.notBefore!).month >= 11 && month <= 2 ? dayFromYmd(anchor.year! + 1, month, d) : null;
}

/** yyyymmdd as a number or text (20200521), a form some systems export. */
function compactDay(digits: string): Day | null {
  return dayFromYmd(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

// A time after the date is ignored: "2020-5-21 14:30", "2020-05-21T14:30:00", "2020年5月21日下午3时".
const TIME = String.raw`(?:\s*T?\s*(?:上午|下午|晚上|早上|中午|凌晨)?\s*\d{1,2}\s*[:时点]\s*(?:\d{1,2}\s*分?)?(?:\s*:\s*\d{1,2}(?:\.\d+)?)?)?`;
// A time zone after it too (an ISO date cell, t="d": 2026-10-05T00:00:00Z, …+08:00, 2026-10-05Z):
// the day is the one written, as the ledger's reader sees it.
const ZONE = String.raw`(?:\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?))?`;
const FULL_DATE = new RegExp(String.raw`^(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?${TIME}${ZONE}$`);
// 2026 01 10: a four-digit year and two-digit month and day, spaces between them.
const SPACED_DATE = /^(\d{4}) (\d{2}) (\d{2})$/;
// Dashes typed by an input method instead of a hyphen: 2026—01—10.
const DASHES = /[\u2010-\u2015\u2212]/g;
// 二〇二六年一月十日, as a handwritten form or a formal letter writes a date: the year digit by
// digit, month and day as numbers (十一, 三十一), each only in a shape a month or a day is written.
const SPELLED_DATE = /^([〇○零一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月(?:(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?$/;
// Only a four-digit year makes "2020.5" a month rather than a decimal.
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月份?)$/;
const SPACES = /\s+/g;
const EIGHT_DIGITS = /^\d{8}$/;
// Year-less dates need 月: a bare "5.21" is as likely an amount or a count as a date.
const MONTH_DAY = new RegExp(String.raw`^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);

/**
 * One date cell. Numbers are Excel serials whatever their format (an 8-digit number is read as
 * yyyymmdd instead). Text may be 2020-05-21, 2020/5/21, 2020.5.21, 20.5.21, 2020年5月21日/号,
 * 20200521, with a time after it; 2020年5月 (month only) means the 1st of that month, the earliest
 * reading, so a registration is never counted as later than it was; 5月21日 takes `ctx.year`.
 */
export function parseDateCell(value: CellValue, ctx: DateContext): DateParse {
  if (value === null || value === '') return { kind: 'blank' };
  if (typeof value === 'number') {
    const day = Number.isInteger(value) && value >= 10000000 && value <= 99999999
      ? compactDay(String(value))
      : excelSerialToDay(value, ctx.date1904);
    return day === null ? { kind: 'invalid', text: cellText(value) } : { kind: 'date', day };
  }
  const text = cellText(value);
  if (text === '') return { kind: 'blank' };
  if (typeof value === 'boolean') return { kind: 'invalid', text };
  const s = text.replace(SPACES, ' ').replace(DASHES, '-');
  let day: Day | null = null;
  let m: RegExpExecArray | null;
  if (EIGHT_DIGITS.test(s)) day = compactDay(s);
  else if ((m = FULL_DATE.exec(s) ?? SPACED_DATE.exec(s))) day = dayFromYmd(fullYear(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = SPELLED_DATE.exec(s))) day = dayFromYmd(chineseDigits(m[1]), chineseNumber(m[2]), m[3] === undefined ? 1 : chineseNumber(m[3]));
  else if ((m = YEAR_MONTH.exec(s))) day = dayFromYmd(Number(m[1]), Number(m[2] ?? m[3]), 1);
  else if ((m = MONTH_DAY.exec(s))) day = yearless(Number(m[1]), Number(m[2]), ctx);
  return day === null ? { kind: 'invalid', text } : { kind: 'date', day };
}

// Dates inside free text. Digits may not touch the match, so phone and ID numbers are not read as dates.
const ANY_DATE = new RegExp(
  [
    String.raw`(?<!\d)(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)`,
    String.raw`(?<![\d.])(\d{4})(\d{2})(\d{2})(?!\d)`,
    String.raw`(?<![\d.\-/])(\d{1,2})\s*月\s*(\d{1,2})(?!\d)`,
    // 11.28 or 11/28: read only after a full date in the same cell (2026.11.25、11.28), whose year
    // it takes, and only where a date ends — at the text's end, a space or a mark, 日 or 号, or a
    // revisit's words — never before a unit (5.8亩, 1.5万元, 第2/3次, 3/7分担).
    String.raw`(?<![\d.\-/])(\d{1,2})[./](\d{1,2})(?=$|[\s、，,；;。.()（）\[\]【】日号]|回访|电话|上门|走访|入户|复查)`,
  ].join('|'),
  'g',
);

/**
 * Every date in a cell that may hold several ("5月21日、5月28日回访", "2020.5.21\n2020.6.1"), in order
 * of appearance; unreadable ones are skipped. A year-less date takes the year of the last full
 * date before it in the same cell (the next year if it would fall before that date), else
 * `ctx.year` with `ctx.notBefore`; without either it is skipped. Written 11.28 or 11/28 it is read
 * only after a full date ("2026.11.25、11.28"): alone it may be anything.
 * A number is one serial.
 */
export function parseAllDates(value: CellValue, ctx: DateContext): Day[] {
  if (typeof value === 'number') {
    const one = parseDateCell(value, ctx);
    return one.kind === 'date' ? [one.day] : [];
  }
  if (typeof value !== 'string') return [];
  const s = toHalfWidth(value);
  const days: Day[] = [];
  // The last date written with its year: later year-less dates take its year and, like
  // registration, it bounds them from below ("2019年12月30日、1月6日" ends in 2020).
  let anchor: DateContext | undefined;
  for (const m of s.matchAll(ANY_DATE)) {
    let day: Day | null;
    if (m[1] !== undefined || m[4] !== undefined) {
      const [year, month, d] = m[1] !== undefined ? [fullYear(m[1]), m[2], m[3]] : [Number(m[4]), m[5], m[6]];
      day = dayFromYmd(year, Number(month), Number(d));
      if (day !== null) anchor = { date1904: ctx.date1904, year, notBefore: day };
    } else if (m[7] !== undefined) {
      day = yearless(Number(m[7]), Number(m[8]), anchor ?? ctx);
    } else {
      day = anchor ? dayAfterAnchor(Number(m[9]), Number(m[10]), anchor) : null;
    }
    if (day !== null) days.push(day);
  }
  return days;
}
