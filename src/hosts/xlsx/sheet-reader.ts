import type { CellRange, CellValue, SheetGrid } from '../../core';
import { parseCellAddress, parseRangeRef } from './refs';
import { attr, decodeOoxmlEscapes, unescapeXml } from './xml';

/** What the reader needs from the rest of the package. */
export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  /** Number format code of a cell style index, or null for General. */
  formatOf: (styleIndex: number) => string | null;
  date1904: boolean;
  /** Stop after this many rows (header detection needs only the top of each sheet). */
  maxRows?: number;
}

/**
 * Reads a worksheet part into a grid of values with one pass of a regular-expression scanner:
 * a DOM or even a SAX parser costs several times more on a 100,000-row sheet, and the cell
 * grammar (ECMA-376 Part 1, 18.3.1.4) is small enough to scan directly.
 */
export function readSheetXml(xml: string, ctx: SheetContext): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  let dataEnd = xml.indexOf('</sheetData>');
  if (dataEnd < 0) dataEnd = dataStart; // <sheetData/>
  const token = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(\/?)>/g;
  token.lastIndex = Math.max(0, dataStart);
  let row = -1;
  let col = -1;
  const limit = ctx.maxRows ?? Infinity;
  for (let m = token.exec(xml); m && m.index < dataEnd; m = token.exec(xml)) {
    if (m[1] !== undefined) {
      const r = attr(m[1], 'r');
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      if (row >= limit) break;
      continue;
    }
    const tag = m[3];
    const ref = quickAttr(tag, ' r="') ?? attr(tag, 'r');
    const pos = ref ? parseCellAddress(ref) : null;
    col = pos ? pos.col : col + 1;
    if (pos && pos.row !== row) row = pos.row;
    if (m[4] === '/') {
      // An empty but formatted cell (a border drawn ahead in a template) still occupies its place:
      // the row reaches it, so nothing is written over it.
      const cells = (values[row] ??= []);
      if (cells.length <= col) cells.length = col + 1;
      continue;
    }
    const close = xml.indexOf('</c>', token.lastIndex);
    const inner = xml.slice(token.lastIndex, close);
    token.lastIndex = close + 4;
    const value = cellValue(tag, inner, ctx);
    if (value === null) continue;
    (values[row] ??= [])[col] = value;
    if (typeof value === 'number') {
      const s = quickAttr(tag, ' s="') ?? attr(tag, 's');
      const format = s ? ctx.formatOf(Number(s)) : null;
      if (format) (numberFormats[row] ??= [])[col] = format;
    }
  }
  // Rows and cells the part leaves out are blank: fill holes so every consumer sees plain arrays.
  for (let r = 0; r < values.length; r++) {
    const cells = (values[r] ??= []);
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
  }
  return { name: ctx.name, values, merges: readMerges(xml, dataEnd), numberFormats, date1904: ctx.date1904 };
}

/** The common spelling ` r="…"` found without a regex; undefined sends the caller to `attr`. */
function quickAttr(tag: string, prefix: string): string | undefined {
  const at = tag.indexOf(prefix);
  if (at < 0) return undefined;
  const end = tag.indexOf('"', at + prefix.length);
  return end < 0 ? undefined : tag.slice(at + prefix.length, end);
}

function cellValue(tag: string, inner: string, ctx: SheetContext): CellValue {
  const type = quickAttr(tag, ' t="') ?? attr(tag, 't') ?? 'n';
  if (type === 'inlineStr') return richText(inner);
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
  if (!v) return null;
  const raw = v[1];
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(raw)] ?? null;
    case 'str':
      return decodeOoxmlEscapes(unescapeXml(raw));
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return unescapeXml(raw); // #N/A, #REF! … shown as their text
    case 'd': {
      // ISO 8601 date cells (LibreOffice can write them): kept as text for the date parser.
      return unescapeXml(raw);
    }
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** Text of a shared-string item or inline string: every run's <t>, without phonetic guides (<rPh>). */
export function richText(inner: string): string {
  const withoutPhonetics = inner.indexOf('<rPh') >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let text = '';
  const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = t.exec(withoutPhonetics); m; m = t.exec(withoutPhonetics)) text += m[1];
  return decodeOoxmlEscapes(unescapeXml(text));
}

function readMerges(xml: string, from: number): CellRange[] {
  const merges: CellRange[] = [];
  const re = /<mergeCell\b[^>]*?\bref="([^"]+)"/g;
  re.lastIndex = Math.max(0, from);
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const range = parseRangeRef(m[1]);
    if (range) merges.push(range);
  }
  return merges;
}

/** The shared-strings part as an array of plain strings. */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const si = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = si.exec(xml); m; m = si.exec(xml)) strings.push(m[1] === undefined ? '' : richText(m[1]));
  return strings;
}
