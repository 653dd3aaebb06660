import type { CellValue } from '../model';
import {
  localDay,
  localIsoDay,
  dayFromYmd,
  dayToExcelSerial,
  excelSerialToDay,
  formatDay,
  isDateFormat,
  parseAllDates,
  parseDateCell,
  parseIsoDay,
  ymdFromDay,
  type DateContext,
  type DateParse,
} from './dates';

// Day numbers worked out by hand: 1970–1999 hold 7 leap years, so 2000-01-01 is 30·365 + 7 = 10957;
// 1970–2019 hold 12, so 2020-01-01 is 50·365 + 12 = 18262 and 2020-05-21 is 18262 + 31+29+31+30 + 20 = 18403;
// 1900-01-01 is 70·365 + 17 = 25567 days before 1970.

describe('dayFromYmd', () => {
  it.each<[string, number, number, number, number | null]>([
    ['gives 0 for 1970-01-01', 1970, 1, 1, 0],
    ['gives -1 for the day before 1970', 1969, 12, 31, -1],
    ['counts leap years up to 2000-01-01', 2000, 1, 1, 10957],
    ['accepts 2000-02-29, a leap day in a year divisible by 400', 2000, 2, 29, 11016],
    ['counts 2000-03-01 after the leap day', 2000, 3, 1, 11017],
    ['counts 2020-05-21', 2020, 5, 21, 18403],
    ['accepts 2020-02-29', 2020, 2, 29, 18321],
    ['counts 1900-01-01', 1900, 1, 1, -25567],
    ['rejects 1900-02-29, since 1900 is not a leap year', 1900, 2, 29, null],
    ['rejects 2019-02-29', 2019, 2, 29, null],
    ['rejects April 31st', 2020, 4, 31, null],
    ['rejects month 13', 2020, 13, 1, null],
    ['rejects month 0', 2020, 0, 1, null],
    ['rejects day 0', 2020, 1, 0, null],
    ['rejects a fractional year', 2020.5, 1, 1, null],
    ['rejects year 10000', 10000, 1, 1, null],
  ])('%s', (_name, y, m, d, expected) => {
    expect(dayFromYmd(y, m, d)).toBe(expected);
  });
});

describe('ymdFromDay', () => {
  it.each([
    ['gives 1970-01-01 for day 0', 0, { year: 1970, month: 1, day: 1 }],
    ['gives 1969-12-31 for day -1', -1, { year: 1969, month: 12, day: 31 }],
    ['gives the leap day 2000-02-29', 11016, { year: 2000, month: 2, day: 29 }],
    ['gives 2020-05-21', 18403, { year: 2020, month: 5, day: 21 }],
    ['gives 1900-01-01', -25567, { year: 1900, month: 1, day: 1 }],
  ])('%s', (_name, day, expected) => {
    expect(ymdFromDay(day)).toEqual(expected);
  });
});

describe('formatDay', () => {
  it.each([
    ['pads month and day', 18403, '2020-05-21'],
    ['writes day 0', 0, '1970-01-01'],
    ['writes 1900-01-01', -25567, '1900-01-01'],
    // 1970–9999 is 8030 years with 2424 − 477 = 1947 leap years: 10000-01-01 is day 2932897.
    ['writes the last day Excel knows', 2932896, '9999-12-31'],
  ])('%s', (_name, day, expected) => {
    expect(formatDay(day)).toBe(expected);
  });
});

describe('parseIsoDay', () => {
  it.each<[string, string, number | null]>([
    // 2026-01-01 is 56·365 + 14 = 20454; Jan–Oct add 304 days, then 27 more.
    ['reads YYYY-MM-DD', '2026-11-28', 20785],
    ['rejects a month without a leading zero', '2026-1-28', null],
    ['rejects slashes', '2026/11/28', null],
    ['rejects a leading space', ' 2026-11-28', null],
    ['rejects a time after the date', '2026-11-28T00:00', null],
    ['rejects a day that does not exist', '2026-02-29', null],
    ['rejects empty text', '', null],
  ])('%s', (_name, input, expected) => {
    expect(parseIsoDay(input)).toBe(expected);
  });
});

const show = (day: number | null): string | null => (day === null ? null : formatDay(day));

describe('excelSerialToDay', () => {
  it.each<[string, number, boolean, string | null]>([
    ['reads serial 1 as 1900-01-01', 1, false, '1900-01-01'],
    ['reads serial 59 as 1900-02-28', 59, false, '1900-02-28'],
    ["gives null for serial 60, Lotus's fake 1900-02-29", 60, false, null],
    ['reads serial 61 as 1900-03-01', 61, false, '1900-03-01'],
    ['reads serial 25569 as 1970-01-01', 25569, false, '1970-01-01'],
    ['reads serial 43972 as 2020-05-21', 43972, false, '2020-05-21'],
    ['drops the time of day', 43972.75, false, '2020-05-21'],
    ['reads the last serial Excel knows', 2958465, false, '9999-12-31'],
    ['gives null after 9999-12-31', 2958466, false, null],
    ['gives null for serial 0 in the 1900 system', 0, false, null],
    ['gives null for a fraction below 1 in the 1900 system', 0.5, false, null],
    ['gives null for a negative serial', -1, false, null],
    ['gives null for NaN', NaN, false, null],
    ['gives null for Infinity', Infinity, false, null],
    ['reads serial 0 as 1904-01-01 in the 1904 system', 0, true, '1904-01-01'],
    ['drops the time of day in the 1904 system', 0.5, true, '1904-01-01'],
    // The two systems are 1462 days apart.
    ['reads 42510 as 2020-05-21 in the 1904 system', 42510, true, '2020-05-21'],
    ['reads 24107 as 1970-01-01 in the 1904 system', 24107, true, '1970-01-01'],
    ['gives null for a negative serial in the 1904 system', -1, true, null],
  ])('%s', (_name, serial, date1904, expected) => {
    expect(show(excelSerialToDay(serial, date1904))).toBe(expected);
  });
});

describe('dayToExcelSerial', () => {
  it.each<[string, number, boolean, number]>([
    ['gives 43972 for 2020-05-21', 18403, false, 43972],
    ['gives 25569 for 1970-01-01', 0, false, 25569],
    ['gives 61 for 1900-03-01', -25508, false, 61],
    ['gives 59 for 1900-02-28, before the fake leap day', -25509, false, 59],
    ['gives 1 for 1900-01-01', -25567, false, 1],
    ['gives 42510 for 2020-05-21 in the 1904 system', 18403, true, 42510],
    ['gives 0 for 1904-01-01 in the 1904 system', -24107, true, 0],
  ])('%s', (_name, day, date1904, expected) => {
    expect(dayToExcelSerial(day, date1904)).toBe(expected);
  });
});

describe('isDateFormat', () => {
  it.each<[string, string, boolean]>([
    ['accepts an ISO date format', 'yyyy-mm-dd', true],
    ['accepts a Chinese date with quoted 年月日', 'yyyy"年"m"月"d"日"', true],
    ['accepts unquoted 年月日', 'yyyy年m月d日', true],
    ['accepts a month-day format', 'm"月"d"日"', true],
    ['accepts a system long-date format behind a locale tag', '[$-F800]dddd, mmmm dd, yyyy', true],
    ['accepts a US short date', 'm/d/yy', true],
    ['accepts a month-name and year format', 'mmm-yy', true],
    ['accepts a date with a time', 'yyyy/m/d h:mm', true],
    ['accepts a date behind DBNum and locale tags', '[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['accepts a date with a text section', '[$-409]mmmm d, yyyy;@', true],
    ['rejects a decimal format', '0.00', false],
    ['rejects General', 'General', false],
    ['rejects a quoted m', '"m"0', false],
    ['rejects an escaped d', '0\\d', false],
    ['rejects a time of day', 'h:mm', false],
    ['rejects an elapsed time', '[h]:mm:ss', false],
    ['rejects minutes and seconds', 'mm:ss', false],
    ['rejects a time with AM/PM', 'h:mm AM/PM', false],
    ['rejects a system time format', '[$-F400]h:mm:ss AM/PM', false],
    ['rejects a scientific format', '0.00E+00', false],
    ['rejects the text format', '@', false],
    ['rejects a currency with a quoted unit', '#,##0"元"', false],
    ['rejects an accounting format with padding and fill', '_(* #,##0_)', false],
    ['rejects a colour tag', '[Red]0', false],
    ['rejects an empty code', '', false],
  ])('%s', (_name, code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

const plain: DateContext = { date1904: false };
const in2020: DateContext = { date1904: false, year: 2020 };
// Registered 2020-12-20: 2020-01-01 is 18262 and Jan–Nov hold 335 days, so 18262 + 335 + 19 = 18616.
const fromDec2020: DateContext = { date1904: false, year: 2020, notBefore: 18616 };

/** A parse with the day written out, so the tables read as dates. */
function shown(p: DateParse): { kind: string; day?: string; text?: string } {
  return p.kind === 'date' ? { kind: 'date', day: formatDay(p.day) } : p;
}
const date = (day: string) => ({ kind: 'date', day });
const invalid = (text: string) => ({ kind: 'invalid', text });
const blank = { kind: 'blank' };

describe('parseDateCell', () => {
  it.each<[string, CellValue, DateContext, object]>([
    ['gives blank for null', null, plain, blank],
    ['gives blank for empty text', '', plain, blank],
    ['gives blank for spaces only', '   ', plain, blank],
    ['reads a number as a serial', 43972, plain, date('2020-05-21')],
    ['reads a serial with a time of day', 43972.5, plain, date('2020-05-21')],
    ['reads a serial in the 1904 system', 42510, { date1904: true }, date('2020-05-21')],
    ['reads an 8-digit number as yyyymmdd', 20200521, plain, date('2020-05-21')],
    ['rejects an 8-digit number that is no date', 20201301, plain, invalid('20201301')],
    ['rejects serial 60', 60, plain, invalid('60')],
    ['rejects serial 0', 0, plain, invalid('0')],
    ['rejects a negative number', -5, plain, invalid('-5')],
    ['rejects a boolean', true, plain, invalid('TRUE')],
    ['reads 2020-05-21', '2020-05-21', plain, date('2020-05-21')],
    ['reads 2020/5/21', '2020/5/21', plain, date('2020-05-21')],
    ['reads 2020.5.21', '2020.5.21', plain, date('2020-05-21')],
    ['reads 2020年5月21日', '2020年5月21日', plain, date('2020-05-21')],
    ['reads 2020年5月21号', '2020年5月21号', plain, date('2020-05-21')],
    ['reads 2020年05月21日 with spaces inside', '2020 年 05 月 21 日', plain, date('2020-05-21')],
    ['ignores a time after the date', '2020-5-21 14:30', plain, date('2020-05-21')],
    ['ignores an ISO time after the date', '2020-05-21T14:30:00', plain, date('2020-05-21')],
    ['reads the day written before a time in UTC (an ISO date cell)', '2020-05-21T00:00:00Z', plain, date('2020-05-21')],
    ['reads the day written before a time with its zone', '2020-05-21T23:30:00+08:00', plain, date('2020-05-21')],
    ['reads the day written with a zone and no time', '2020-05-21Z', plain, date('2020-05-21')],
    ['reads the day written before a time with milliseconds and a zone', '2020-05-21T08:00:00.000-0500', plain, date('2020-05-21')],
    ['ignores a Chinese time after the date', '2020年5月21日下午3时', plain, date('2020-05-21')],
    ['reads full-width digits', '２０２０年５月２１日', plain, date('2020-05-21')],
    ['reads a date with trailing spaces', ' 2020-05-21　 ', plain, date('2020-05-21')],
    ['reads a two-digit year as this century', '20.5.21', plain, date('2020-05-21')],
    ['reads 8-digit text as yyyymmdd', '20200521', plain, date('2020-05-21')],
    ['reads a month without a day as its 1st', '2020年5月', plain, date('2020-05-01')],
    ['reads 2020年5月份 as the 1st of May', '2020年5月份', plain, date('2020-05-01')],
    ['reads 2020-05 as the 1st of May', '2020-05', plain, date('2020-05-01')],
    ['gives a year-less date the year of the context', '5月21日', in2020, date('2020-05-21')],
    ['reads a year-less date with 号', '5月21号', in2020, date('2020-05-21')],
    ['rejects a year-less date without a year in the context', '5月21日', plain, invalid('5月21日')],
    ['rejects a bare 5.21 even with a year', '5.21', in2020, invalid('5.21')],
    ['moves a year-less date before notBefore into the next year', '1月5日', fromDec2020, date('2021-01-05')],
    ['keeps a year-less date after notBefore in the given year', '12月28日', fromDec2020, date('2020-12-28')],
    ['keeps a year-less date on notBefore in the given year', '12月20日', fromDec2020, date('2020-12-20')],
    ['does not move a date that has its own year', '2020年1月5日', fromDec2020, date('2020-01-05')],
    ['rejects 2020-02-30', '2020-02-30', plain, invalid('2020-02-30')],
    ['rejects month 13', '2020年13月1日', plain, invalid('2020年13月1日')],
    ['rejects words', '不详', plain, invalid('不详')],
    ['rejects two dates in one cell', '2020.5.21、2020.6.1', plain, invalid('2020.5.21、2020.6.1')],
    ['reads a date spelled in Chinese numerals', '二〇二〇年五月二十一日', plain, date('2020-05-21')],
    ['reads spelled numbers from 十 to 三十一', '二〇二〇年十二月三十一号', plain, date('2020-12-31')],
    ['reads a spelled 十一 and 十', '二零二零年十一月十日', plain, date('2020-11-10')],
    ['reads a spelled month without a day as its 1st', '二〇二〇年五月', plain, date('2020-05-01')],
    ['rejects a spelled day that does not exist', '二〇二〇年二月三十日', plain, invalid('二〇二〇年二月三十日')],
    ['rejects spelled numbers written wrong', '二〇二〇年五月十十日', plain, invalid('二〇二〇年五月十十日')],
    ['reads dashes an input method types (2020—05—21)', '2020—05—21', plain, date('2020-05-21')],
    ['reads year, month and day separated by spaces', '2020 05 21', plain, date('2020-05-21')],
    ['rejects a day-first date, which could be either way round', '10/01/2026', plain, invalid('10/01/2026')],
  ])('%s', (_name, value, ctx, expected) => {
    expect(shown(parseDateCell(value, ctx))).toEqual(expected);
  });
});

describe('parseAllDates', () => {
  it.each<[string, CellValue, DateContext, string[]]>([
    ['reads two year-less dates in order', '5月21日、5月28日回访', in2020, ['2020-05-21', '2020-05-28']],
    ['reads dates on separate lines', '2020.5.21\n2020.6.1', plain, ['2020-05-21', '2020-06-01']],
    ['gives a year-less date the year written before it', '2020年5月21日电话回访，5月28日上门回访', plain, ['2020-05-21', '2020-05-28']],
    ['moves a year-less date after a December date into the next year', '2019年12月30日、1月6日', in2020, ['2019-12-30', '2020-01-06']],
    ['applies notBefore to year-less dates without a year in the cell', '12月28日、1月5日', fromDec2020, ['2020-12-28', '2021-01-05']],
    ['reads yyyymmdd runs', '20200521、20200601', plain, ['2020-05-21', '2020-06-01']],
    ['skips a date that does not exist', '2020-02-30、2020-03-01', plain, ['2020-03-01']],
    ['skips year-less dates when no year is known', '5月21日', plain, []],
    ['does not read a phone number as a date', '电话13812345678', in2020, []],
    ['does not read a bare 5.21 as a date', '5.21回访', in2020, []],
    ['reads 11.28 after a full date in the cell, in its year', '2026.11.25、11.28', plain, ['2026-11-25', '2026-11-28']],
    ['reads 11/28 after a full date, with words between', '2026/11/25（电话）；11/28（上门）', plain, ['2026-11-25', '2026-11-28']],
    ['moves 1.6 after a December date into the next year', '2025.12.30、1.6', plain, ['2025-12-30', '2026-01-06']],
    ['does not read an amount after a full date', '2026.11.25回访，退款11.28万元', plain, ['2026-11-25']],
    ['nor an amount written with a space, a size, a fraction or a share', '2026.3.1回访，赔偿1.5 万元，补偿5.8亩，第2/3次，按3/7分担', plain, ['2026-03-01']],
    ['nor a time before the full date it follows', '2026.11.25 9.30上门', plain, ['2026-11-25']],
    ['reads one followed by 日 or a revisit word', '2026.11.25、11.28日电话、12.2上门', plain, ['2026-11-25', '2026-11-28', '2026-12-02']],
    ['does not read 11.28 without a full date before it, even with a year known', '11.28', in2020, []],
    ['reads a number as one serial', 43972, plain, ['2020-05-21']],
    ['gives nothing for serial 60', 60, plain, []],
    ['gives nothing for null', null, plain, []],
    ['gives nothing for empty text', '', plain, []],
    ['gives nothing for text without dates', '已回访', in2020, []],
    ['reads full-width digits', '２０２０年５月２１日', plain, ['2020-05-21']],
  ])('%s', (_name, value, ctx, expected) => {
    expect(parseAllDates(value, ctx).map(formatDay)).toEqual(expected);
  });
});

describe('localDay', () => {
  it.each([
    [new Date(2026, 10, 30, 23, 59), '2026-11-30'],
    [new Date(2026, 0, 1, 0, 0), '2026-01-01'],
    [new Date(2028, 1, 29, 12, 0), '2028-02-29'],
  ])('%s falls on %s where the user is', (moment, expected) => {
    expect(localIsoDay(moment)).toBe(expected);
    expect(formatDay(localDay(moment))).toBe(expected);
  });
});
