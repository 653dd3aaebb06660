import { normalizeHeader, cellText, detachedString, parseDateCell, toHalfWidth } from '../cells';
import { HEADER_SEARCH_ROWS, type CellRange, type CellValue, type FieldName, type SheetGrid } from '../model';
import { FIELD_ALIASES, FIELD_NAMES, OWN_COLUMN_HEADERS, type OwnColumn } from './fields';

/** Where the ledger table sits in a sheet and what each column means. All indexes are 0-based. */
export interface LedgerLayout {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  firstCol: number;
  lastCol: number;
  /** Canonical field → column. */
  fields: Partial<Record<FieldName, number>>;
  /** The add-in's own columns found from an earlier run. */
  own: Partial<Record<OwnColumn, number>>;
  /** Header text of every column in the table (parent and child joined by '/'). */
  labels: Map<number, string>;
  /** Columns with a header that matched no field. */
  unmapped: number[];
  /** A unit named in a numeric column's header: 涉及金额（万元） holds 3.5 for 35,000 yuan. */
  scales: Partial<Record<FieldName, number>>;
  /** Distinct fields recognised: how sure we are this is the ledger. */
  score: number;
}

const MAX_HEADER_ROWS = 4;
/** The longest text read as a header name: longer is a dispute's words. */
const MAX_HEADER_NAME = 24;
/** Digits, dots, dashes and slashes only (1, 2026.5.21, 3-1): a value, never a header name. */
const NUMBER_LIKE = /^[\d.\-/\s]+$/;
/**
 * The rows of each sheet a host reads for detectLedger: a header may start in any of the first
 * HEADER_SEARCH_ROWS rows and take four, and the row below it is looked at. Reading only these
 * keeps detection on a 100,000-row workbook to a moment.
 */
export const DETECTION_ROWS = HEADER_SEARCH_ROWS + MAX_HEADER_ROWS + 1;
/** Fewer recognised columns than this is not a ledger (a sheet of notes, a pivot, a chart's data). */
const MIN_FIELDS = 3;
/**
 * A ledger says what each dispute is about. A contact list (姓名, 单位, 电话) or a purchase list
 * (日期, 金额, 状态) names three fields too, but none of these.
 */
const WHAT_IT_IS_ABOUT: readonly FieldName[] = ['description', 'type', 'title'];

type MergeIndex = (row: number, col: number) => CellRange | undefined;

function indexMerges(merges: readonly CellRange[], maxRow: number): MergeIndex {
  const byRow = new Map<number, CellRange[]>();
  for (const m of merges) {
    if (m.top > maxRow) continue;
    for (let r = m.top; r <= Math.min(m.bottom, maxRow); r++) {
      const list = byRow.get(r) ?? [];
      list.push(m);
      byRow.set(r, list);
    }
  }
  const covers = new Map<number, (CellRange | undefined)[]>();
  return (row, col) => {
    const list = byRow.get(row);
    if (list === undefined) return undefined;
    if (list.length <= FEW_MERGES) return list.find((m) => col >= m.left && col <= m.right);
    let cover = covers.get(row);
    if (!cover) covers.set(row, (cover = coverOf(list)));
    return cover[col];
  };
}

/** Up to this many merged areas in a row are looked through for a column; past it, the row's columns are indexed. */
const FEW_MERGES = 16;

/**
 * For each column of a row, the first of its merged areas (in the sheet's order) that covers it,
 * as a search of them in turn finds. Merged areas should not overlap, but a damaged file's may,
 * or repeat (100,000 copies of one in a wide header ran for 71 s, as each of 16,384 columns was
 * looked up in all of them): each column is set once, the columns already set skipped at a jump.
 */
function coverOf(list: readonly CellRange[]): (CellRange | undefined)[] {
  let width = 0;
  for (const m of list) width = Math.max(width, m.right + 1);
  const cover: (CellRange | undefined)[] = new Array(width).fill(undefined);
  // The first column not yet set at or after each column (a union-find with path halving).
  const unset = Int32Array.from({ length: width + 1 }, (_, c) => c);
  const firstUnset = (c: number): number => {
    while (unset[c] !== c) c = unset[c] = unset[unset[c]];
    return c;
  };
  for (const m of list) {
    for (let c = firstUnset(m.left); c <= m.right; c = firstUnset(c + 1)) {
      cover[c] = m;
      unset[c] = c + 1;
    }
  }
  return cover;
}

function textAt(values: CellValue[][], row: number, col: number): string {
  const v = values[row]?.[col];
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : cellText(v);
}

/** Best field for one header text, with a score: exact beats contains, a longer alias beats a shorter one. */
function matchLabel(label: string, isLeaf: boolean): { field: FieldName; score: number }[] {
  const found: { field: FieldName; score: number }[] = [];
  if (!label) return found;
  for (const field of FIELD_NAMES) {
    const aliases = FIELD_ALIASES[field];
    const exact = aliases.exact.indexOf(label);
    if (exact >= 0) {
      // Earlier aliases are more telling (登记日期 before 发生日期), so they win a tie between columns.
      found.push({ field, score: (isLeaf ? 10000 : 9000) + 100 - exact });
      continue;
    }
    let best = 0;
    for (const alias of aliases.contains) if (alias.length > best && label.includes(alias)) best = alias.length;
    if (best) found.push({ field, score: best * 100 + (isLeaf ? 50 : 0) });
  }
  return found;
}

/** The field a leaf header names best, remembered per label (a label is at most MAX_HEADER_NAME long). */
function bestLeafField(label: string): FieldName | null {
  let best = bestFields.get(label);
  if (best === undefined) {
    if (bestFields.size >= MEMO_SIZE) bestFields.clear();
    bestFields.set(label, (best = matchLabel(label, true).sort((a, b) => b.score - a.score)[0]?.field ?? null));
  }
  return best;
}
const bestFields = new Map<string, FieldName | null>();

/**
 * A cell's text as a header (normalizeHeader), made once per distinct text: detection reads every
 * cell of the top rows of every sheet, and one shared string may stand behind all of them (32
 * sheets of 45 rows × 16,384 columns ran 71 s). A cell longer than MAX_RAW_HEADER is no header
 * and is read as its start (16,384 cells of 32,000 characters ran 80 s). The memo holds at most
 * MEMO_SIZE texts of that length, a few megabytes, and is emptied when full.
 */
function headerOf(raw: string): string {
  const text = raw.length > MAX_RAW_HEADER ? detachedString(raw.slice(0, MAX_RAW_HEADER)) : raw;
  let header = headerTexts.get(text);
  if (header === undefined) {
    if (headerTexts.size >= MEMO_SIZE) headerTexts.clear();
    headerTexts.set(text, (header = normalizeHeader(text)));
  }
  return header;
}
const headerTexts = new Map<string, string>();
/** Far longer than a header with its hints, stars and spaces (化解日期（格式：年-月-日）（必填）). */
const MAX_RAW_HEADER = 256;
const MEMO_SIZE = 4096;

const OWN_BY_HEADER = new Map<string, OwnColumn>(
  (Object.entries(OWN_COLUMN_HEADERS) as [OwnColumn, string][]).map(([key, header]) => [header, key]),
);

/** A header cell is short text: a long sentence or a number is data, not a column name. */
function looksLikeHeaderCell(text: string): boolean {
  return text.length > 0 && text.length <= MAX_HEADER_NAME && !/[:：]/.test(text) && !NUMBER_LIKE.test(text);
}

function rowScore(values: CellValue[][], row: number): number {
  const fields = new Set<FieldName>();
  for (let c = 0; c < (values[row]?.length ?? 0); c++) {
    const label = headerOf(textAt(values, row, c));
    if (!looksLikeHeaderCell(label)) continue;
    if (OWN_BY_HEADER.has(label)) continue;
    const best = bestLeafField(label);
    if (best) fields.add(best);
  }
  return fields.size;
}

/**
 * Finds the header block: the row that names most fields, widened over merged parent cells
 * above it ("当事人" over "姓名", "联系电话") and leaf rows below it, up to four rows.
 * Returns null when no row names at least three fields.
 */
export function detectLedger(grid: SheetGrid): LedgerLayout | null {
  const { values } = grid;
  const searchRows = Math.min(values.length, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < searchRows; r++) {
    const s = rowScore(values, r);
    if (s > bestScore) [best, bestScore] = [r, s];
  }
  if (best < 0 || bestScore < MIN_FIELDS) return null;
  // A header nearly as full above the best, with disputes under it, heads the first of two blocks
  // (上半年 above a 下半年 pasted from a newer template, one column more): the table starts there,
  // and the second header is met as it goes on (read.ts). Taken from the best, the first block's
  // disputes were passed over without a word.
  // Only the same table's header: most of its names are the best row's too (a key-case list of
  // 序号, 单位, 简要情况 … above the ledger is another table, not its first block).
  for (let r = 0; r < best; r++) {
    const s = rowScore(values, r);
    if (s >= MIN_FIELDS && s * 3 >= bestScore * 2 && sameNames(values, r, best) && values.slice(r + 1, best).some(holdsData)) {
      [best, bestScore] = [r, s];
      break;
    }
  }
  const mergeAt = indexMerges(grid.merges, searchRows + MAX_HEADER_ROWS);

  let top = best;
  let bottom = best;
  // Vertical merges in the best row ("序号" over two header rows) fix the block's height, but not
  // over a row that holds a dispute's data: a header cell merged down into the first dispute
  // (回访日期 over L2:L3) does not make that dispute part of the header.
  let headerBelow = best;
  while (headerBelow + 1 < values.length && headerBelow + 1 - best < MAX_HEADER_ROWS && !holdsData(values[headerBelow + 1])) headerBelow++;
  for (let c = 0; c < (values[best]?.length ?? 0); c++) {
    const m = mergeAt(best, c);
    if (m && m.bottom > m.top) {
      top = Math.max(Math.min(top, m.top), best - MAX_HEADER_ROWS + 1);
      bottom = Math.min(Math.max(bottom, Math.min(m.bottom, headerBelow)), top + MAX_HEADER_ROWS - 1);
    }
  }
  // A row above is a parent row when it has a merged group heading within the table, and no title or 填报 line.
  const [tableLeft, tableRight] = rowExtent(grid, best, mergeAt);
  while (top > 0 && bottom - top + 1 < MAX_HEADER_ROWS && isParentRow(grid, top - 1, mergeAt, tableLeft, tableRight)) top--;
  // A row below is a child row when its cells sit under merged parents and read as header names.
  while (bottom + 1 < values.length && bottom - top + 1 < MAX_HEADER_ROWS && isChildRow(grid, bottom + 1, top, bottom, mergeAt))
    bottom++;

  const layout = mapColumns(grid, top, bottom, mergeAt, bestScore);
  return WHAT_IT_IS_ABOUT.some((f) => layout.fields[f] !== undefined) ? layout : null;
}

/** Whether four in five of row `a`'s header names are row `b`'s too, wherever they stand. */
function sameNames(values: CellValue[][], a: number, b: number): boolean {
  const names = (r: number) => new Set(nonEmptyCols(values, r).map((c) => headerOf(textAt(values, r, c))));
  const [upper, lower] = [names(a), names(b)];
  let shared = 0;
  for (const name of upper) if (lower.has(name)) shared++;
  return shared * 5 >= upper.size * 4;
}

function nonEmptyCols(values: CellValue[][], row: number): number[] {
  const cols: number[] = [];
  const cells = values[row] ?? [];
  for (let c = 0; c < cells.length; c++) if (textAt(values, row, c).trim() !== '') cols.push(c);
  return cols;
}

/** First and last column a header row covers, merged cells included. */
function rowExtent(grid: SheetGrid, row: number, mergeAt: MergeIndex): [number, number] {
  const cols = nonEmptyCols(grid.values, row);
  const last = cols[cols.length - 1];
  return [cols[0], Math.max(last, mergeAt(row, last)?.right ?? last)];
}

/** The add-in's columns in the order it writes them, side by side. */
const OWN_ORDER = Object.keys(OWN_COLUMN_HEADERS) as OwnColumn[];

/**
 * Of the columns named as the add-in names its own, the add-in's: for each name, the column with
 * most of the add-in's other names where the add-in puts them beside it (it writes the four side by
 * side), the rightmost of equals. A user's own column of one of those names, right of the add-in's
 * (a 建议等级 they keep themselves), is not taken for the add-in's and written over.
 */
function ownColumnsOf(named: ReadonlyMap<OwnColumn, readonly number[]>): Partial<Record<OwnColumn, number>> {
  const chosen: Partial<Record<OwnColumn, number>> = {};
  for (const [key, cols] of named) {
    let best = -1;
    for (const col of cols) {
      const beside = OWN_ORDER.filter((other) => other !== key && named.get(other)?.includes(col + OWN_ORDER.indexOf(other) - OWN_ORDER.indexOf(key))).length;
      if (beside >= best) {
        best = beside;
        chosen[key] = col;
      }
    }
  }
  return chosen;
}

function isParentRow(grid: SheetGrid, row: number, mergeAt: MergeIndex, tableLeft: number, tableRight: number): boolean {
  const cols = nonEmptyCols(grid.values, row);
  if (cols.length === 0) return false;
  const texts = cols.map((c) => headerOf(textAt(grid.values, row, c)));
  if (!texts.every(looksLikeHeaderCell) || texts.some((t) => t.includes('填报') || t.includes('台账'))) return false;
  // One cell merged across the whole table is its title ("2020年矛盾纠纷排查化解情况"), not a group heading.
  if (cols.length === 1) {
    const m = mergeAt(row, cols[0]);
    if (m && m.left <= tableLeft && m.right >= tableRight) return false;
    // A lone heading over part of the table is a group name (当事人, 化解情况, 回访) only when it is
    // short and names a field; "矛盾纠纷排查化解登记表" over most columns is a title.
    if (texts[0].length > 6 || matchLabel(texts[0], true).length === 0) return false;
  }
  const groupHeading = cols.some((c) => {
    const m = mergeAt(row, c);
    return m !== undefined && m.right > m.left && m.top === row && m.bottom === row;
  });
  return groupHeading || rowScore(grid.values, row) >= 2;
}

/**
 * Whether a row holds what only a dispute holds: a number or a date (a serial, or text such as
 * 5月21日), or text longer than any header name. Names, group leaves (姓名, 联系电话), units
 * ((万元)) and hints with colons (化解日期（格式：年-月-日）) are not data.
 */
function holdsData(row: CellValue[] | undefined): boolean {
  return (row ?? []).some((v) => {
    if (v === null || v === '') return false;
    if (typeof v !== 'string') return true;
    const name = headerOf(v);
    return name.length > MAX_HEADER_NAME || NUMBER_LIKE.test(name) || parseDateCell(v, ANY_YEAR).kind === 'date';
  });
}
/** Year-less dates (5月21日) are dates whatever the year: any will do to recognise one. */
const ANY_YEAR = { date1904: false, year: 2000 };

function isChildRow(grid: SheetGrid, row: number, top: number, bottom: number, mergeAt: MergeIndex): boolean {
  const cols = nonEmptyCols(grid.values, row);
  if (cols.length === 0) return false;
  const underParent = cols.some((c) => {
    for (let r = top; r <= bottom; r++) {
      const m = mergeAt(r, c);
      // The parent must end right above: under a finished header block, short text is data.
      if (m && m.right > m.left && m.bottom === row - 1) return true;
    }
    return false;
  });
  if (!underParent) return isUnmergedChildRow(grid.values, row, cols);
  // Each cell sits under a group heading, or in a column the header has not named yet; a row with
  // text under a column already named above (登记日期, 纠纷类型) is the first dispute, not a header.
  const underGroup = (c: number) => {
    for (let r = top; r <= bottom; r++) {
      const m = mergeAt(r, c);
      if (m && m.right > m.left && m.bottom === row - 1) return true;
    }
    return false;
  };
  const named = (c: number) => {
    for (let r = top; r <= bottom; r++) if (textAt(grid.values, r, c).trim() !== '' || (mergeAt(r, c)?.bottom ?? -1) >= r) return true;
    return false;
  };
  if (!cols.every((c) => underGroup(c) || !named(c))) return false;
  return cols.every((c) => {
    const v = grid.values[row][c];
    return typeof v === 'string' && looksLikeHeaderCell(headerOf(v));
  });
}

/**
 * A child row under parents whose merges were undone (取消合并单元格 leaves 当事人 in F3 and G3:H3
 * blank, 序号 in A3 and A4 blank): a row right below the header that holds no data, every cell of
 * which names a field (姓名, 身份证号, 化解日期: a party's name names none), one at least under a
 * blank header cell right of a heading, where the group's merge was. Without this the row was
 * read as a dispute (姓名 its party) and the columns under its groups went unread.
 */
function isUnmergedChildRow(values: CellValue[][], row: number, cols: readonly number[]): boolean {
  if (cols.length < 2 || holdsData(values[row])) return false;
  const heading = (c: number) => textAt(values, row - 1, c).trim() !== '';
  const namesField = (v: CellValue) => {
    if (typeof v !== 'string') return false;
    const label = headerOf(v);
    return looksLikeHeaderCell(label) && bestLeafField(label) !== null;
  };
  if (!cols.every((c) => namesField(values[row][c]))) return false;
  return cols.some((c) => c > 0 && !heading(c) && (heading(c - 1) || (values[row][c - 1] ?? null) !== null));
}

/** A column's header as written (parents and leaf), before hints such as （万元） are dropped. */
function rawHeaderText(values: CellValue[][], top: number, bottom: number, c: number, mergeAt: MergeIndex): string {
  let text = '';
  for (let r = top; r <= bottom; r++) {
    const m = mergeAt(r, c);
    text += m ? textAt(values, m.top, m.left) : textAt(values, r, c);
  }
  return text;
}

function mapColumns(grid: SheetGrid, top: number, bottom: number, mergeAt: MergeIndex, score: number): LedgerLayout {
  const { values } = grid;
  let firstCol = Infinity;
  let lastCol = -1;
  for (let r = top; r <= bottom; r++)
    for (const c of nonEmptyCols(values, r)) {
      const m = mergeAt(r, c);
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, m ? m.right : c);
    }

  const labels = new Map<number, string>();
  const own: Partial<Record<OwnColumn, number>> = {};
  /** Every column named as the add-in names one of its own, by name (ownColumnsOf picks among them). */
  const ownNamedAll = new Map<OwnColumn, number[]>();
  const candidates: { col: number; field: FieldName; score: number }[] = [];
  const rawHeaders = new Map<number, string>();
  for (let c = firstCol; c <= lastCol; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const m = mergeAt(r, c);
      const text = headerOf(m ? textAt(values, m.top, m.left) : textAt(values, r, c));
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    if (parts.length === 0) continue;
    labels.set(c, parts.join('/'));
    rawHeaders.set(c, rawHeaderText(values, top, bottom, c, mergeAt));
    const leaf = parts[parts.length - 1];
    const ownKey = OWN_BY_HEADER.get(leaf);
    if (ownKey) {
      const named = ownNamedAll.get(ownKey);
      if (named) named.push(c);
      else ownNamedAll.set(ownKey, [c]);
      // Decided below, with the other columns of the add-in's names; a field never (人工定级 may stand in for the level).
      if (ownKey !== 'manual') continue;
    }
    const found = [...matchLabel(leaf, true), ...(parts.length > 1 ? matchLabel(parts.join(''), false) : [])];
    for (const f of found) candidates.push({ col: c, ...f });
  }

  // The add-in writes 建议等级, 判定依据 and 下次回访日期 together: two of them at least are its
  // columns from an earlier run. One alone is the user's own (a 司法所's 判定依据, a ledger's
  // planned 下次回访日期), never written over; it is no field either (a planned date is no revisit).
  const ownNamed = ownColumnsOf(ownNamedAll);
  if (ownNamed.manual !== undefined) own.manual = ownNamed.manual;
  const written = OWN_ORDER.filter((key) => key !== 'manual' && ownNamed[key] !== undefined);
  if (written.length >= 2) for (const key of written) own[key] = ownNamed[key];

  // Greedy by score: each field gets its best column, each column one field.
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  const fields: Partial<Record<FieldName, number>> = {};
  const taken = new Set<number>();
  for (const { col, field } of candidates) {
    if (fields[field] !== undefined || taken.has(col)) continue;
    // Our own 人工定级 column only stands in when the ledger has no level column of its own.
    if (field === 'manualLevel' && col === own.manual && candidates.some((x) => x.field === 'manualLevel' && x.col !== col && !taken.has(x.col)))
      continue;
    fields[field] = col;
    taken.add(col);
  }
  // A ledger with only 责任单位 still has a responsible party.
  if (fields.owner === undefined && fields.ownerUnit !== undefined) {
    fields.owner = fields.ownerUnit;
    delete fields.ownerUnit;
  }
  const ownCols = new Set(Object.values(own));
  const unmapped = [...labels.keys()].filter((c) => !taken.has(c) && !ownCols.has(c));
  const scales: Partial<Record<FieldName, number>> = {};
  if (fields.amount !== undefined) {
    const unit = /万元|千元|\(万\)|（万）/.exec(toHalfWidth(rawHeaders.get(fields.amount) ?? ''));
    if (unit) scales.amount = unit[0].includes('千') ? 1000 : 10000;
  }
  return { sheet: grid.name, headerTop: top, headerBottom: bottom, firstCol, lastCol, fields, own, labels, unmapped, score, scales };
}
