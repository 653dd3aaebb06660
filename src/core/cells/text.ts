import type { CellValue } from '../model';
import { TRADITIONAL_FOLDS } from './traditional-folds';

/**
 * A text with some code units replaced, one for one, by a table made on first use (128 KB, read
 * once per character; 0 leaves a unit as it is). One pass copies the runs between replaced units:
 * a replace with a callback per character took 2.4 ms on a 32,767-character cell, this 0.3 ms.
 */
class CodeUnitFold {
  private table: Uint16Array | undefined;
  // Cells sharing one string (a shared-string table entry behind thousands of cells) ask in turn.
  private lastIn = '';
  private lastOut = '';

  constructor(private readonly fill: (table: Uint16Array) => void) {}

  apply(s: string): string {
    if (s === this.lastIn) return this.lastOut;
    const table = (this.table ??= this.made());
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const folded = table[s.charCodeAt(i)];
      if (folded !== 0) {
        out += s.slice(from, i) + String.fromCharCode(folded);
        from = i + 1;
      }
    }
    if (from === 0) return s;
    // The runs joined are views into `s`, which may itself be a view into a whole part's text.
    out = detachedString(out + s.slice(from));
    if (s.length >= REMEMBERED_LENGTH) [this.lastIn, this.lastOut] = [detachedString(s), out];
    return out;
  }

  private made(): Uint16Array {
    const table = new Uint16Array(0x10000);
    this.fill(table);
    return table;
  }
}
/** Only long texts are remembered: comparing a short one costs as much as converting it. */
const REMEMBERED_LENGTH = 256;

function halfWidthFolds(table: Uint16Array): void {
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  table[0x3000] = 0x20;
}
const HALF_WIDTH = new CodeUnitFold(halfWidthFolds);
const FOR_MATCHING = new CodeUnitFold(matchingFolds);
/** foldForMatching's and invisibleAsSpace's in one table: a status or header is folded in one pass. */
const FOR_WORDS = new CodeUnitFold((table) => {
  matchingFolds(table);
  invisibleAsSpaceFolds(table);
});

function matchingFolds(table: Uint16Array): void {
  halfWidthFolds(table);
  // Radicals and compatibility ideographs that look like a character and are not it (⼑ for 刀,
  // as some input methods give), read as the character Unicode's compatibility form names.
  for (const [from, to] of LOOK_ALIKE_BLOCKS) {
    for (let code = from; code <= to; code++) {
      const same = String.fromCharCode(code).normalize('NFKC');
      if (same.length === 1 && same.charCodeAt(0) !== code) table[code] = same.charCodeAt(0);
    }
  }
  for (let i = 0; i < TRADITIONAL_FOLDS.length; i += 2) table[TRADITIONAL_FOLDS.charCodeAt(i)] = TRADITIONAL_FOLDS.charCodeAt(i + 1);
}
/** The CJK radicals supplement, the Kangxi radicals and the CJK compatibility ideographs. */
const LOOK_ALIKE_BLOCKS = [
  [0x2e80, 0x2fdf],
  [0xf900, 0xfaff],
];

/**
 * Full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
 * Chinese punctuation without an ASCII twin (、。「」) is left alone: it still separates words.
 */
export function toHalfWidth(s: string): string {
  return HALF_WIDTH.apply(s);
}

/**
 * The text triage reads: half-width (toHalfWidth) and in simplified characters, so a line typed
 * in traditional characters (揚言殺人, 血債血償, 三十餘人) is read as 扬言杀人. One code unit for one,
 * so every position still points into the text as written and the evidence quoted is the ledger's
 * own. The word lists go through it too: a county may write its words either way.
 */
export function foldForMatching(s: string): string {
  return FOR_MATCHING.apply(s);
}

/**
 * A short cell of words (a status, a yes/no) as the words alone: foldForMatching's text with no
 * space or invisible character anywhere, so 已 化 解, 已化\u200b解 and 已銷號 read as 已化解 and 已销号.
 */
export function wordsOnly(s: string): string {
  return FOR_WORDS.apply(s).replace(/[\s\u00a0\u3000\ufeff]+/g, '');
}

/**
 * A string of its own, with the same characters. V8 makes a substring of 13 characters or more a
 * view into the string it was cut from, and a join a chain of its parts: kept, either keeps the
 * whole source alive (one 判定依据 cell kept 110 MB of sheet text through a job; a remembered
 * description, the shared-string table). Copied through a one-character join, which V8 flattens anew.
 */
export function detachedString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * Bracketed hints that only tell the clerk how to fill a column, compared after normalisation.
 * Any other bracket group is part of the name: 村(社区) and 所属村(社区) are different columns.
 */
const HEADER_HINTS: ReadonlySet<string> = new Set([
  '必填', '选填', '可选', '非必填', '必须填写',
  '元', '万元', '人', '个', '次', '天', '户', '件',
  '单位:元', '单位:万元', '单位:人', '单位:个', '单位:次', '单位:天', '单位:户', '单位:件',
  'yyyy-mm-dd', 'yyyy/mm/dd', 'yyyy.mm.dd', 'yyyymmdd', 'yyyy-m-d', 'yyyy/m/d', 'yyyy.m.d',
  'yyyy年mm月dd日', 'yyyy年m月d日', 'xxxx年xx月xx日', 'xxxx-xx-xx', '年月日', '年-月-日', '格式:yyyy-mm-dd',
]);

/**
 * The form of a column header used to match it against aliases: half-width and in simplified
 * characters (登記日期 is 登记日期: foldForMatching), no whitespace at all
 * (headers are often wrapped with Alt+Enter), no required-field star, no fill-in hint in brackets,
 * Latin letters lower-cased.
 */
export function normalizeHeader(s: string): string {
  const h = wordsOnly(s).toLowerCase();
  const start = h.length - h.replace(/^\*+/, '').length;
  // Stars and hints can be stacked ("*金额(元)(必填)"): peeled from the end, each look reaching
  // back no further than what it takes off (matched again from the start for each, a header of
  // 5,000 hints took seconds, and header detection reads every cell of the top rows).
  let end = h.length;
  for (;;) {
    while (end > start && h.charCodeAt(end - 1) === STAR) end--;
    if (end <= start || h.charCodeAt(end - 1) !== CLOSE_PAREN) break;
    const open = h.lastIndexOf('(', end - 2);
    // A hint holds no bracket: the last '(' before the ')' starts it, and a ')' inside is no hint.
    if (open <= start || !HEADER_HINTS.has(h.slice(open + 1, end - 1))) break;
    end = open;
  }
  return h.slice(start, end);
}
const STAR = 0x2a;
const CLOSE_PAREN = 0x29;

/**
 * Cell text for reading and display: half-width, trimmed, runs of spaces collapsed, but line
 * breaks kept (as a single '\n') because some ledgers put one party or one revisit per line.
 */
export function normalizeValueText(s: string): string {
  return isPlainText(s) ? s : collapseSpaces(toHalfWidth(s));
}

/**
 * Whether a text has nothing normalising would change: no full-width ASCII, no whitespace (as
 * `\s` has it: a regular expression's class, which both steps use) and no control character.
 * Most ledger cells are such; one pass over them here spares the two steps' passes and a
 * regular expression call each (100,000 rows of 20 cells each).
 */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) return false;
    if (c < 0xa0) continue;
    // Han characters, most of a Chinese ledger's text, are plain: one test for them all.
    if (c >= 0x3400 && c <= 0x9fff) continue;
    if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) return false;
    if (c === 0x3000 || c === 0xfeff || (c >= 0xff01 && c <= 0xff5e)) return false;
    if (isInvisible(c)) return false;
  }
  return true;
}

/**
 * Characters that show nothing (zero-width spaces and joiners, a soft hyphen, direction marks,
 * variation selectors, fillers), pasted in with text from a chat or a web page. Read as a space:
 * 以\u200b死相逼 is read as 以 死相逼, which triage reads as 以死相逼 (text-scan.ts), and 张三\u200b13812345678
 * as a name and a number, so masking finds both.
 */
function isInvisible(c: number): boolean {
  return (
    c === 0xad || c === 0x34f || c === 0x61c || c === 0x115f || c === 0x1160 || c === 0x17b4 || c === 0x17b5 ||
    (c >= 0x180b && c <= 0x180f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) || c === 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) || c === 0xffa0
  );
}

/**
 * Text as the ledger writes it, for printing: spaces collapsed like `normalizeValueText`, but
 * Chinese punctuation (，：（）) and full-width characters kept.
 */
export function writtenText(s: string): string {
  return collapseSpaces(s.replace(/\u3000/g, ' '));
}

function collapseSpaces(text: string): string {
  const s = invisibleAsSpace(text);
  if (!ANY_SPACE.test(s)) return s;
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\s\u00a0\ufeff]+/g, (run) => (run.includes('\n') ? '\n' : ' '))
    .trim();
}

const ANY_SPACE = /[\s\u00a0\ufeff]/;

/** Each invisible character (isInvisible) as a space; the text itself when it holds none. */
function invisibleAsSpace(s: string): string {
  return INVISIBLE_AS_SPACE.apply(s);
}
const INVISIBLE_AS_SPACE = new CodeUnitFold(invisibleAsSpaceFolds);

function invisibleAsSpaceFolds(table: Uint16Array): void {
  for (let code = 0; code < table.length; code++) if (isInvisible(code)) table[code] = 0x20;
}

const EXPONENT_FORM = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/;

/** Writes a number's `String` form without an exponent: 1e-7 → '0.0000001', 1e21 → '1000…0'. */
function plainNumber(n: number): string {
  const s = String(n);
  const m = s.includes('e') ? EXPONENT_FORM.exec(s) : null;
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = lead + frac;
  if (exp >= 0) {
    return sign + (exp >= frac.length ? digits + '0'.repeat(exp - frac.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`);
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** One cell's value as text: '' for blank, numbers in plain decimal, booleans as Excel shows them. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return normalizeValueText(v);
}

/** The most characters one cell holds in Excel (Excel specifications and limits): a longer cell makes it repair the file. */
export const MAX_CELL_CHARS = 32767;

/**
 * Text cut to what one cell holds, ending in "…" so a reader sees it was cut. Hosts write every
 * text cell through it: a reason from a preset of 20,000 rules, a unit's name given as 40,000
 * characters, a handling text pasted whole would otherwise be written as they are.
 */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - 1;
  // Never half a character: a high surrogate at the cut goes with its pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
