import { chineseNumber, toHalfWidth } from '../cells';
import type { CellValue } from '../model';

/**
 * The row some forms print right under their header: the columns' numbers (栏次), in any of the
 * dresses statistical forms use — 1 2 3, （1）（2）, 一 二 三, ①②③, 栏1 栏2, A B C, 甲 乙 1 2 … —
 * or the units the columns are counted in (（人）（元）（次）, 年月日). Read as a dispute, its numbers
 * made it a red one: 11 in 调解次数 is "mediated 11 times", 9 in 涉及人数 a group of nine.
 *
 * A row is one when each of its filled cells is such a mark, at least three are numbers (or two
 * units), and each kind of number rises from left to right. No dispute is written so: it would
 * name no party, date or event.
 */
export function isColumnLabelRow(row: readonly CellValue[], firstCol: number, lastCol: number): boolean {
  const last: Record<Sequence, number> = { number: -Infinity, letter: -Infinity, stem: -Infinity };
  let numbered = 0;
  let units = 0;
  for (let c = firstCol; c <= lastCol && c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    const mark = columnMark(v);
    if (mark === null) return false;
    if (mark === 'label') continue;
    if (mark === 'unit') {
      units++;
      continue;
    }
    // Each kind rises on its own: 甲 乙 then 1 2 3 is the standard 栏次 row.
    if (mark.value <= last[mark.sequence]) return false;
    last[mark.sequence] = mark.value;
    numbered++;
  }
  return numbered >= 3 || (numbered === 0 && units >= 2);
}

type Sequence = 'number' | 'letter' | 'stem';
type ColumnMark = { sequence: Sequence; value: number } | 'label' | 'unit' | null;

/** Larger than any table's count of columns: a 46000 in the row is a date, not a column's number. */
const MAX_COLUMN_NUMBER = 200;

/** 栏1, 第1栏, (1), 1列 … once made half-width and without spaces; the number is the second group. */
const NUMBERED = /^(?:第|栏|列)?\(?(?:第|栏|列)?(\d{1,3}|[一二三四五六七八九十百]{1,4}|[A-Z]{1,2})(?:栏|列)?\)?[.、]?$/;
/** The heavenly stems forms number their first, descriptive columns with (甲 乙 丙 丁 …). */
const STEMS = '甲乙丙丁戊己庚辛壬癸';
/** A cell naming the row itself. */
const LABELS = /^(?:栏次|栏号|栏目|列次|列号|序列号?|行次)$/;
/** The units a column is counted in, alone in its cell. */
const UNITS = /^\(?(?:人|户|元|万元|千元|次|件|起|天|日|个|份|%|人次|年月日|年-月-日|年\/月\/日|年\.月\.日|yyyy-mm-dd|yyyy\/mm\/dd|xxxx年xx月xx日)\)?$/i;
/** ① to ⑳, ⑴ to ⒇, ⒈ to ⒛, Ⅰ to Ⅻ, ⅰ to ⅻ: one character each, numbered from their block's start. */
const ENCLOSED: [start: number, count: number][] = [
  [0x2460, 20],
  [0x2474, 20],
  [0x2488, 20],
  [0x2160, 12],
  [0x2170, 12],
];

function columnMark(v: CellValue): ColumnMark {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= MAX_COLUMN_NUMBER ? { sequence: 'number', value: v } : null;
  if (typeof v !== 'string') return null;
  const text = toHalfWidth(v).replace(/\s+/g, '').toUpperCase();
  if (text.length === 0 || text.length > 12) return null;
  if (LABELS.test(text)) return 'label';
  if (UNITS.test(text)) return 'unit';
  if (text.length === 1) {
    const code = text.charCodeAt(0);
    for (const [start, count] of ENCLOSED) if (code >= start && code < start + count) return { sequence: 'number', value: code - start + 1 };
    const stem = STEMS.indexOf(text);
    if (stem >= 0) return { sequence: 'stem', value: stem };
  }
  const m = NUMBERED.exec(text);
  if (!m) return null;
  const written = m[1];
  if (/^\d/.test(written)) {
    const value = Number(written);
    return value <= MAX_COLUMN_NUMBER ? { sequence: 'number', value } : null;
  }
  if (/^[A-Z]/.test(written)) return { sequence: 'letter', value: letterNumber(written) };
  const value = chineseNumber(written);
  return value > 0 && value <= MAX_COLUMN_NUMBER ? { sequence: 'number', value } : null;
}

/** A, B … Z, AA …: as spreadsheet columns count. */
function letterNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
