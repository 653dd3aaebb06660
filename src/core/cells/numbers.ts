import type { CellValue } from '../model';
import { toHalfWidth } from './text';

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_SECTIONS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
/**
 * 万 and 千 as clerks type them on a keyboard (3.5w, 35k): Latin letters, so a reader takes one only
 * right after a number. The description's words read them too (rules/text-numbers.ts).
 */
export const KEYBOARD_MULTIPLIERS: Readonly<Record<string, number>> = { w: 1e4, W: 1e4, k: 1000, K: 1000 };
const MULTIPLIERS: Readonly<Record<string, number>> = { 百: 100, 千: 1000, 万: 1e4, 亿: 1e8, ...KEYBOARD_MULTIPLIERS };

/** 三十 → 30, 十二 → 12, 两 → 2, 一万五千 → 15000. */
export function chineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      section += (digit || 1) * CN_UNITS[ch]; // 十二: a leading 十 means one ten
      digit = 0;
    } else {
      const unit = CN_SECTIONS[ch];
      total = unit === 1e8 ? (total + section + digit) * unit : total + (section + digit) * unit;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** 二〇二六 → 2026: digits written one after another, as a year is, not a number with units (NaN if one is none). */
export function chineseDigits(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + (ch === '○' ? 0 : (CN_DIGITS[ch] ?? NaN));
  return n;
}

// A number (Arabic or Chinese), then 余/多/来 ("50余人"), then multipliers ("3.5万", "3千万").
// A Chinese number may start with 百 or 千 ("近百人", "上千人"), not with 万: "万元" alone is no amount.
const QUANTITY = /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*)[余多来]?([wWkK](?![A-Za-z])|[百千万亿]*)/y;
// Between the two ends of a range; a unit may follow the lower end ("20人-30人").
const RANGE_SEPARATOR = /[人元户次个名]?(?:[-~至到—–]+)/y;

interface Quantity {
  value: number;
  /** Product of the multipliers after the number; null when none was written. */
  multiplier: number | null;
  end: number;
}

function quantityAt(s: string, from: number): Quantity | null {
  QUANTITY.lastIndex = from;
  const m = QUANTITY.exec(s);
  if (!m) return null;
  const value = /\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  const multiplier = m[2] ? [...m[2]].reduce((p, ch) => p * MULTIPLIERS[ch], 1) : null;
  return { value, multiplier, end: QUANTITY.lastIndex };
}

/** Drops binary noise from ×10000 and the like: 1.1万 is 11000, not 11000.000000000002. */
const tidy = (n: number): number => Number(n.toPrecision(15));

/**
 * A headcount or an amount as written in a ledger: "30,000", "3.5万元" → 35000, "3.5w" → 35000, "约50人" → 50,
 * "50余人" → 50, "三十余人" → 30, "两人" → 2. A range gives its upper end ("20-30人" → 30,
 * "1-2万" → 20000) because risk is judged conservatively. The first number in the text counts.
 * Null for blank, '-', '/', '无' and text without a number.
 */
export function parseQuantity(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = toHalfWidth(v)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1'); // thousands separators
  const start = s.search(/\d|[零〇一二两三四五六七八九十百千]/);
  if (start < 0) return null;
  const first = quantityAt(s, start);
  if (!first) return null;
  let result = first.value * (first.multiplier ?? 1);
  RANGE_SEPARATOR.lastIndex = first.end;
  if (RANGE_SEPARATOR.exec(s)) {
    const second = quantityAt(s, RANGE_SEPARATOR.lastIndex);
    // The larger end, not simply the second: in "1-2万" a unit written once belongs to both
    // ends, which leaves the upper end 20000 either way, while "5000-2万" also gives 20000.
    if (second) result = Math.max(result, second.value * (second.multiplier ?? 1));
  }
  return tidy(result);
}
