import {
  cellAddress,
  cellText,
  columnLetter,
  dayFromYmd,
  PLAUSIBLE_DAYS,
  excelSerialToDay,
  formatDay,
  nonexistentDate,
  parseAllDates,
  parseDateCell,
  parseLevel,
  parseQuantity,
  parseStatusText,
  statusStatedIn,
  parseYesNo,
  readStatusText,
  toHalfWidth,
  writtenText,
  ymdFromDay,
  type DateContext,
} from '../cells';
import { WorkbookError } from '../errors';
import { message } from '../messages';
import { LEVEL_RANK, type CellRange, type CellValue, type Day, type DisputeRecord, type DisputeStatus, type FieldName, type Language, type Level, type RowIssue, type SheetGrid } from '../model';
import type { LedgerLayout } from './detect';
import { isColumnLabelRow } from './column-labels';

export interface ReadOptions {
  asOf: Day;
  language: Language;
}

export interface LedgerRead {
  records: DisputeRecord[];
  issues: RowIssue[];
  /** 0-based index of the last row that holds a dispute (the table's end for formats). */
  lastDataRow: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];


const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Fields whose text marks a row as a dispute; a row with none of them is a note, a total or a signature line. */
const IDENTIFYING: FieldName[] = ['title', 'description', 'type', 'parties', 'registered', 'place'];

/**
 * The most characters the text cells of one ledger may hold together. A 100,000-row ledger holds
 * about 9 million (90 a row); ten times as many a row is still read. Every step after reading costs
 * time in proportion to the text, and a few kilobytes of file can hold far more: one 32,000-character
 * shared string behind 100,000 cells is 3.2 billion characters, which ran for minutes.
 */
export const MAX_LEDGER_TEXT_CHARS = 100_000_000;

/** Refuses a ledger whose text cells hold more than MAX_LEDGER_TEXT_CHARS (merged cells counted in every row they cover), before anything is made of them. */
function checkTextVolume(sheet: string, values: readonly (readonly CellValue[] | undefined)[], layout: LedgerLayout, language: Language) {
  const columns = Object.values(layout.fields) as number[];
  let chars = 0;
  for (let r = layout.headerBottom + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    for (const c of columns) {
      const v = row[c];
      if (typeof v === 'string') chars += v.length;
    }
    if (chars > MAX_LEDGER_TEXT_CHARS) break;
  }
  if (chars > MAX_LEDGER_TEXT_CHARS) throw new WorkbookError('ledger.tooMuchText', { sheet, limit: MAX_LEDGER_TEXT_CHARS.toLocaleString('en-US') }, language);
}

/** Reads every dispute row below the header; a bad cell becomes a RowIssue and the row is still read. */
export function readRecords(grid: SheetGrid, layout: LedgerLayout, options: ReadOptions): LedgerRead {
  // Counted as the rows will be read: a text merged down a column stands in every row it covers.
  const values = fillVerticalMerges(grid, layout);
  checkTextVolume(grid.name, values, layout, options.language);
  const issues: RowIssue[] = [];
  const records: DisputeRecord[] = [];
  const above = yearAboveHeader(grid, layout);
  const ledgerYear = above?.year ?? ymdFromDay(options.asOf).year;
  // A year-less registration cannot be later than the 填报日期 (or, without a year above the
  // header, than the as-of date): 12月20日 in a ledger handed in on 2021年1月5日 is 2020-12-20.
  // A title year alone ("2020年…台账") is taken as it stands.
  const notAfter = above ? above.notAfter : options.asOf;
  const entries = Object.entries(layout.fields) as [FieldName, number][];
  let lastDataRow = layout.headerBottom;

  const skipped = notDisputeRows(grid, layout, options.language);
  const continued = multiRowDisputes(values, grid, layout);
  const joined = unmergedContinuations(values, grid, layout, skipped, continued);
  // Said once, with the first rows: a row with no 序号 may also be a dispute not numbered yet.
  if (joined.length)
    issues.push({
      code: 'ledger.rowsJoined',
      row: joined[0] + 1,
      message: message('ledger.rowsJoined', options.language, {
        sheet: grid.name,
        count: joined.length,
        rows: joined.slice(0, JOINED_NAMED).map((r) => r + 1).join(options.language === 'zh' ? '、' : ', ') + (joined.length > JOINED_NAMED ? '…' : ''),
      }),
    });
  const mediationColumn = mediationCountKind(layout);
  const serialId = serialIdPattern(layout);
  const blankText = blankTextOf(entries);
  const ctx = new RowContext(layout, options, issues);
  // The year-less readings of a registration are the same for every row: made once, not per row.
  const inLedgerYear: DateContext = { date1904: grid.date1904, year: ledgerYear };
  const inYearBefore: DateContext = { date1904: grid.date1904, year: ledgerYear - 1 };
  const appendix = appendixBelow(grid, layout, skipped);
  const end = appendix ? appendix.row : values.length;
  if (appendix)
    issues.push({
      code: 'ledger.appendixBelow',
      row: appendix.row + 1,
      message: message('ledger.appendixBelow', options.language, { sheet: grid.name, row: appendix.row + 1, text: appendix.text, count: appendix.rowsBelow }),
    });
  for (let r = layout.headerBottom + 1; r < end; r++) {
    const row = values[r];
    if (continued.has(r)) {
      lastDataRow = r;
      continue;
    }
    if (!row || skipped.has(r) || !isDisputeRow(grid.values[r], layout)) continue;
    lastDataRow = r;
    const { text, written } = rowText(row, entries, blankText);
    ctx.moveTo(r, row);
    let registered = ctx.date('registered', inLedgerYear);
    if (notAfter !== null && registered !== null && registered > notAfter) {
      const earlier = ctx.date('registered', inYearBefore, false);
      if (earlier !== null) registered = earlier;
    }
    const notBefore = registered ?? undefined;
    const year = registered !== null ? ymdFromDay(registered).year : ledgerYear;
    // The later dates of the row are read in its registration's year, and not before it.
    const afterRegistration: DateContext = { date1904: grid.date1904, year, notBefore };
    const revisits = ctx.revisitsBy(afterRegistration, options.asOf);
    const resolvedOn = ctx.date('resolvedOn', afterRegistration);
    const record: DisputeRecord = {
      row: r + 1,
      text,
      registered,
      resolvedOn,
      // A fold, not Math.max(...): a revisit text joined over many rows can hold more dates than a call takes arguments.
      lastRevisit: revisits.length ? revisits.reduce((a, b) => Math.max(a, b)) : null,
      deadline: ctx.date('deadline', afterRegistration, false),
      headcount: ctx.quantity('headcount'),
      amount: ctx.quantity('amount'),
      mediationFailures: ctx.quantity('mediationCount'),
      policeCalls: ctx.quantity('policeCalls'),
      manualLevel: ctx.level(),
      status: readStatus(text, resolvedOn),
      key: disputeKey(text, registered, serialId),
    };
    // Set after, not spread into the literal: a spread there made V8 build each of 100,000 records
    // property by property instead of from one template.
    if (mediationColumn) record.mediationColumn = mediationColumn;
    if (written) record.written = written;
    const stated = record.status === 'open' && statusUnfilled(text) && text.description ? statusStatedIn(text.description) : null;
    if (stated) record.statedStatus = stated;
    if (serialId === NUMBERED_CASE) {
      const legacy = legacyKey(text.serial ?? '');
      if (legacy !== null && legacy !== record.key) record.legacyKey = legacy;
    }
    records.push(record);
  }
  return { records, issues, lastDataRow };
}

/**
 * Every field of the ledger, blank, in column-mapping order: each row's texts start as a copy of it.
 * Filled one keyed store at a time, an object with this many fields falls into V8's dictionary
 * mode (~800 bytes a row on a 20-column ledger). `Object.fromEntries` builds the template in the
 * compact mode, and a spread copy of a compact object is cheap and keeps its shape (copying a
 * dictionary-mode template instead would cost several times as much).
 */
function blankTextOf(entries: [FieldName, number][]): Partial<Record<FieldName, string>> {
  return Object.fromEntries(entries.map(([field]) => [field, '']));
}

/**
 * The row's text by field, and where the ledger writes it differently (full-width punctuation),
 * the text as written. A 被申请人/被告 column joins `parties`, so masking and matching see both sides.
 */
function rowText(row: CellValue[], entries: [FieldName, number][], blankText: Partial<Record<FieldName, string>>) {
  const text = { ...blankText };
  let written: Partial<Record<FieldName, string>> | undefined;
  for (const [field, col] of entries) {
    const v = row[col] ?? null;
    if (v === null) continue; // blank: the template's '' stands
    const read = cellText(v);
    text[field] = read;
    // Only full-width characters make the two differ, and a text read unchanged has none: test
    // before building a second string.
    if (typeof v === 'string' && read !== v && FULL_WIDTH.test(v)) {
      const asWritten = writtenText(v);
      if (asWritten !== text[field]) (written ??= {})[field] = asWritten;
    }
  }
  if (text.otherParties) {
    const join = (a = '', b = '') => (a && b ? `${a}、${b}` : a || b);
    if (written?.parties !== undefined || written?.otherParties !== undefined)
      written!.parties = join(written!.parties ?? text.parties, written!.otherParties ?? text.otherParties);
    text.parties = join(text.parties, text.otherParties);
  }
  return { text, written };
}

/** A field's text as the ledger writes it (its own punctuation), for what is printed; '' when blank. */
export function writtenField(record: DisputeRecord, field: FieldName): string {
  return record.written?.[field] ?? record.text[field] ?? '';
}

// The readers' patterns, compiled once (a regular expression literal in a method makes a new object per row).
/** What a revisit cell says when there was none. */
const NO_REVISIT_YET = /^(无|未回访|—|-|\/)$/;
/** "8户30人": the number of people. */
// From the start of a run of digits, and one way to split the spaces: tried once per character of a
// long cell of digits or spaces, it took seconds (quadratic).
const PEOPLE_COUNT = /(?<!\d)(\d+)\s*(?:(?:余|多)\s*)?人/;
const BARE_NUMBER = /^[\d.,\s]+$/;
/** What a count cell says when nobody counted. */
const NO_NUMBER = /^(无|—|-|\/|不详)$/;

/** How much of a cell a message quotes: enough to find it, not a 32,767-character cell on the screen. */
const QUOTED_CHARACTERS = 40;

function quoted(text: string): string {
  // Counted in characters, a surrogate pair as one, up to the cut only: a 32,767-character cell
  // spread whole into an array for the first forty was most of what reading 300 such rows cost.
  let end = 0;
  for (let n = 0; n < QUOTED_CHARACTERS && end < text.length; n++) end += isPairAt(text, end) ? 2 : 1;
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}

/** Whether a surrogate pair (one character outside the Basic Multilingual Plane) starts at `i`. */
function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * Per-row helpers that parse one field and record an issue naming the cell when it cannot. One
 * reader serves the whole ledger (`moveTo` each row), and a cell's address is only written out for
 * an issue: most cells have none.
 */
class RowContext {
  private r = 0;
  private row: CellValue[] = [];

  /** The level as ticks in 红 | 黄 | 绿 columns under one 风险等级, when the ledger keeps it so. */
  private readonly levelTicks: LevelTicks | null;

  constructor(
    private readonly layout: LedgerLayout,
    private readonly options: ReadOptions,
    private readonly issues: RowIssue[],
  ) {
    this.levelTicks = levelTickColumns(layout);
    this.revisitColumns = revisitColumns(layout);
  }

  /** The 回访日期 column, and the other columns of revisits done (第二次回访日期): the latest date in any counts. */
  private readonly revisitColumns: number[];

  moveTo(r: number, row: CellValue[]) {
    this.r = r;
    this.row = row;
  }

  private cell(field: FieldName): { value: CellValue; col: number } | null {
    return this.cellAt(this.layout.fields[field]);
  }

  private cellAt(col: number | undefined): { value: CellValue; col: number } | null {
    if (col === undefined) return null;
    const value = this.row[col] ?? null;
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    return { value, col };
  }

  private issue(code: Parameters<typeof message>[0], col: number, text: string, extra: Record<string, string | number> = {}) {
    const address = cellAddress(this.r, col);
    this.issues.push({
      code,
      row: this.r + 1,
      cell: address,
      message: message(code, this.options.language, { cell: `${this.layout.sheet}!${address}`, text: quoted(text), row: this.r + 1, ...extra }),
    });
  }

  /** An unreadable date; one whose month has no such day says so (2026年2月没有30日), not "write it as a date". */
  private dateIssue(col: number, text: string) {
    const missing = nonexistentDate(text);
    if (!missing) return this.issue('date.unreadable', col, text);
    const monthName = MONTH_NAMES[missing.month - 1];
    this.issue('date.nonexistent', col, text, { ...missing, monthName });
  }

  date(field: FieldName, ctx: DateContext, report = true): Day | null {
    const cell = this.cell(field);
    if (!cell) return null;
    const parsed = parseDateCell(cell.value, ctx);
    if (parsed.kind === 'date') return this.plausible(parsed.day, cell.col, report);
    if (parsed.kind === 'invalid' && report) this.dateIssue(cell.col, parsed.text);
    return null;
  }

  allDates(field: FieldName, ctx: DateContext): Day[] {
    return this.datesIn(this.layout.fields[field], ctx);
  }

  private datesIn(col: number | undefined, ctx: DateContext): Day[] {
    const cell = this.cellAt(col);
    if (!cell) return [];
    const days: Day[] = [];
    const read = parseAllDates(cell.value, ctx);
    for (const d of read) if (this.plausible(d, cell.col, true) !== null) days.push(d);
    // A date read but out of range has been said already (1900-01-01 不在 1990—2100 年之间): not again as unreadable.
    if (read.length === 0 && !NO_REVISIT_YET.test(cellText(cell.value))) this.dateIssue(cell.col, cellText(cell.value));
    return days;
  }

  /**
   * The revisits the 回访日期 cell records up to `asOf`. One dated later (a planned date written
   * there, or a typo for this year) is said and not counted as done: counted, it took a red case
   * off the revisit list until then.
   */
  revisitsBy(ctx: DateContext, asOf: Day): Day[] {
    const days: Day[] = [];
    for (const col of this.revisitColumns) {
      const found = this.datesIn(col, ctx);
      const later = found.filter((d) => d > asOf);
      if (later.length) this.issue('date.revisitAfterAsOf', col, formatDay(later.reduce((a, b) => Math.min(a, b))), { asOf: formatDay(asOf) });
      for (const d of found) if (d <= asOf) days.push(d);
    }
    return days;
  }

  private plausible(day: Day, col: number, report: boolean): Day | null {
    if (day >= PLAUSIBLE_DAYS.earliest && day <= PLAUSIBLE_DAYS.latest) return day;
    if (report) this.issue('date.implausible', col, formatDay(day));
    return null;
  }

  quantity(field: FieldName): number | null {
    const cell = this.cell(field);
    if (!cell) return null;
    // "8户30人": in a headcount the number of people counts, not the first number.
    const people = field === 'headcount' && typeof cell.value === 'string' ? PEOPLE_COUNT.exec(toHalfWidth(cell.value)) : null;
    let n = people ? Number(people[1]) : parseQuantity(cell.value);
    // A unit in the header applies to bare numbers only: "3.5" in 涉及金额（万元）, not "3.5万".
    const scale = this.layout.scales[field];
    if (n !== null && scale && (typeof cell.value === 'number' || BARE_NUMBER.test(toHalfWidth(cell.value as string)))) n *= scale;
    if (n === null && !NO_NUMBER.test(cellText(cell.value))) this.issue('number.unreadable', cell.col, cellText(cell.value));
    return n;
  }

  level() {
    if (this.levelTicks) {
      const ticked = tickedLevel(this.row, this.levelTicks);
      if (ticked !== null) return ticked;
    }
    const cell = this.cell('manualLevel');
    if (!cell) return null;
    const level = parseLevel(cell.value);
    if (level === null) this.issue('level.unreadable', cell.col, cellText(cell.value));
    return level;
  }
}

/**
 * The revisit field's column and the columns beside it that record revisits too, as forms with a
 * column per revisit do (第一次回访日期 … 第二次回访日期, 二次回访时间): one field takes one column,
 * and the later revisits, left unread, made 143 of 300 disputes due again too early.
 */
function revisitColumns(layout: LedgerLayout): number[] {
  const col = layout.fields.lastRevisit;
  if (col === undefined) return [];
  const more = layout.unmapped.filter((c) => REVISIT_DONE.test((layout.labels.get(c) ?? '').replace(/[/\s]/g, '')));
  // Each is looked at in every row: a header of 16,000 such names over 100,000 rows took 14 s more.
  return [col, ...more.slice(0, MAX_REVISIT_COLUMNS)];
}
/** More revisit columns than any form has (one a month for a year, and some). */
const MAX_REVISIT_COLUMNS = 16;
/**
 * A column of a revisit done, by a name that says so: 回访日期 alone, or the revisit's number or
 * 最近/上次/实际 before it. Named otherwise (下步, 预定, 约定, 到期, 最迟 回访日期 …) it is a date
 * planned, and read as done it hid a revisit 74 days overdue.
 */
const REVISIT_DONE = /^(?:第?[一二三四五六七八九十\d]{1,3}次|首次|初次|再次|最近一?次?|上一?次|实际|末次|最后一?次)?回访(?:日期|时间)$/;

/** Columns that each stand for a level, a mark in one saying the dispute has it. */
type LevelTicks = [col: number, level: Level][];

/**
 * 风险等级 kept as three columns 红 | 黄 | 绿 under it, as printed 三色 forms lay it out, a √ under
 * the level a chief gave: the level field is the first of them, and read alone each tick in it was
 * "unreadable" and those under 黄 and 绿 lost — a level raised by hand among them.
 */
function levelTickColumns(layout: LedgerLayout): LevelTicks | null {
  const col = layout.fields.manualLevel;
  if (col === undefined) return null;
  const [parent, leaf] = splitLabel(layout.labels.get(col) ?? '');
  if (parent === '' || levelOfLeaf(leaf) === null) return null;
  const ticks: LevelTicks = [];
  for (const [c, label] of layout.labels) {
    const [p, l] = splitLabel(label);
    const level = p === parent ? levelOfLeaf(l) : null;
    if (level !== null) ticks.push([c, level]);
  }
  // Three columns, perhaps a few more (红 | 橙 | 黄 | 蓝 | 绿): not thousands, each looked at in every row.
  return new Set(ticks.map(([, level]) => level)).size >= 2 && ticks.length <= MAX_TICK_COLUMNS ? ticks : null;
}

const MAX_TICK_COLUMNS = 8;

/** The level a tick column stands for, by its short name (红, 黄色, 高, 中, 低): as a manual level cell reads. */
function levelOfLeaf(leaf: string): Level | null {
  return leaf.length <= 4 ? parseLevel(leaf) : null;
}

/** A header label's parent and last part: 风险等级/红 is ['风险等级', '红']. */
function splitLabel(label: string): [string, string] {
  const at = label.lastIndexOf('/');
  return at < 0 ? ['', label] : [label.slice(0, at), label.slice(at + 1)];
}

/** The level ticked in the row, the highest if more than one is (so none is missed); null if none. */
function tickedLevel(row: readonly CellValue[], ticks: LevelTicks): Level | null {
  let found: Level | null = null;
  for (const [col, level] of ticks) if (isTick(row[col]) && (found === null || LEVEL_RANK[level] > LEVEL_RANK[found])) found = level;
  return found;
}
const isTick = (v: CellValue | undefined) => (typeof v === 'number' ? v === 1 : typeof v === 'string' && TICK.test(v));
/** The marks a form's tick box is filled with. */
const TICK = /^\s*[√✓✔☑■●★vVＶ1１是]\s*$/;

/** Row `r` of `values` as an array of its own to write into: the grid's row (the host's) is copied the first time. */
function writableRow(values: CellValue[][], grid: SheetGrid, r: number): CellValue[] {
  if (values[r] === undefined || values[r] === grid.values[r]) values[r] = (grid.values[r] ?? []).slice();
  return values[r];
}

/**
 * A value merged down over several data rows (a village over its disputes) belongs to each row.
 * Only merges below the header and not a single row wide-merge (a note line) are filled, and only
 * in the columns the ledger reads.
 *
 * Merged areas do not overlap in a file Excel saved, but a damaged one's may, or repeat: 3,200
 * copies of A50:B1000000 beside a cell at row 1,000,000 (a 3 KB file) filled 6 billion cells for
 * 93 s. So each column's areas are taken from the top down and each cell is filled once, by the
 * first area that reaches it.
 */
function fillVerticalMerges(grid: SheetGrid, layout: LedgerLayout): CellValue[][] {
  const merges = grid.merges.filter((m) => m.top > layout.headerBottom && m.bottom > m.top);
  if (merges.length === 0) return grid.values;
  const values = grid.values.slice();
  for (const col of new Set(Object.values(layout.fields) as number[])) {
    let filledTo = -1;
    for (const m of topDown(merges.filter((m) => m.left <= col && col <= m.right))) {
      const value = grid.values[m.top]?.[m.left] ?? null;
      for (let r = Math.max(m.top, filledTo + 1); r <= m.bottom; r++) if (r !== m.top || col !== m.left) writableRow(values, grid, r)[col] = value;
      filledTo = Math.max(filledTo, m.bottom);
    }
  }
  return values;
}

/** Merged areas by their top row, those of one top in the sheet's order. */
function topDown(merges: CellRange[]): CellRange[] {
  return merges.sort((a, b) => a.top - b.top);
}

/**
 * A dispute written over several rows, its 序号 merged down over them (one party to a row, the
 * rest merged): the rows below the first are part of it, not disputes of their own (five such
 * disputes were counted as ten). Their own texts are joined to the first row's (张三、李四).
 * Returns the rows that continue a dispute above them.
 */
function multiRowDisputes(values: CellValue[][], grid: SheetGrid, layout: LedgerLayout): Set<number> {
  const continued = new Set<number>();
  const serial = layout.fields.serial;
  if (serial === undefined) return continued;
  // From the top down, each row joined to one dispute once: a damaged file's merges may repeat or
  // overlap (3,000 copies of one over 1,000 rows of 10,000 cells ran for 64 s, each row joined
  // again for each; 800 over a million rows, 66 s, each row passed again for each).
  const serialMerges = grid.merges.filter((m) => m.top > layout.headerBottom && m.bottom > m.top && m.left <= serial && serial <= m.right);
  let joinedTo = -1;
  for (const m of topDown(serialMerges)) {
    if (m.bottom <= joinedTo) continue;
    const into = new RowJoin(writableRow(values, grid, m.top));
    const to = m.bottom;
    for (let r = Math.max(m.top + 1, joinedTo + 1); r <= to; r++) {
      continued.add(r);
      // The row's own cells: those under a merge are blank in the grid (only the first cell holds it).
      into.add(grid.values[r] ?? []);
    }
    joinedTo = Math.max(joinedTo, to);
  }
  return continued;
}

/** One dispute's first row, the texts of the rows that continue it joined to its own (张三、李四). */
class RowJoin {
  // By column, the parts joined so far (`had.split('、')` kept as a set): split again for each row,
  // a serial merged over 20,000 rows took 43 s.
  private readonly joined = new Map<number, Set<string>>();

  constructor(private readonly first: CellValue[]) {}

  add(own: readonly CellValue[]): void {
    const first = this.first;
    for (let c = 0; c < own.length; c++) {
      const v = own[c];
      if (v === null || v === undefined || v === '') continue;
      const had = first[c];
      if (had === null || had === undefined || had === '') first[c] = v;
      else if (typeof had === 'string' && typeof v === 'string') {
        let parts = this.joined.get(c);
        if (!parts) this.joined.set(c, (parts = new Set(had.split('、'))));
        if (parts.has(v)) continue;
        first[c] = `${had}、${v}`;
        for (const part of v.split('、')) parts.add(part);
      }
    }
  }
}

/** Fields a second party's row fills: who, and how to reach them. */
const PARTY_DETAILS: readonly FieldName[] = ['parties', 'otherParties', 'idNumber', 'phone', 'address'];
/**
 * What a row that goes on with the text above starts with: （续）, 续：, 接上页. 接上 only with what
 * it goes on from: 接上级交办, 接上访人反映 begin disputes of their own.
 */
const GOES_ON = /^\s*(?:[（(]\s*续\s*[)）]|续\s*[:：]|接上(?:页|行|栏|表)\s*[:：，,]?)/;
/** Fields a row that goes on with the text above never fills: it would be a dispute of its own. */
const OWN_DISPUTE: readonly FieldName[] = ['registered', 'type', 'place'];

/**
 * A dispute written over several rows with nothing merged (the merges undone, or a system that
 * never merges): a row with no 序号 below one that has it, holding only a party's details (the
 * other side's 姓名, 身份证号, 电话) or text that says it goes on (（续）…). It is part of the
 * dispute above, its texts joined to it: read as a dispute of its own, a ledger of 300 two-row
 * disputes counted 600, and a （续） line's red words coloured a row with no date while the
 * dispute they belong to stayed green. Only in a ledger with a 序号 column, whose blank marks the row.
 */
function unmergedContinuations(values: CellValue[][], grid: SheetGrid, layout: LedgerLayout, skipped: Set<number>, continued: Set<number>): number[] {
  const joined: number[] = [];
  const serial = layout.fields.serial;
  if (serial === undefined) return joined;
  const details = PARTY_DETAILS.map((f) => layout.fields[f]).filter((c): c is number => c !== undefined);
  const described = [layout.fields.description, layout.fields.title].filter((c): c is number => c !== undefined);
  const others = (Object.entries(layout.fields) as [FieldName, number][]).filter(([f]) => !PARTY_DETAILS.includes(f) && f !== 'serial').map(([, c]) => c);
  const ownDispute = OWN_DISPUTE.map((f) => layout.fields[f]).filter((c): c is number => c !== undefined);
  // The dispute's row, copied to join into only once a row goes on with it: most never do.
  let owner = -1;
  let into: RowJoin | null = null;
  for (let r = layout.headerBottom + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (continued.has(r)) continue;
    const number = row?.[serial];
    if (number !== null && number !== undefined && number !== '' && !skipped.has(r)) {
      [owner, into] = [r, null];
      continue;
    }
    if (owner < 0) continue;
    if (!row || skipped.has(r) || !goesOnAbove(row, details, described, others, ownDispute)) {
      owner = -1;
      continue;
    }
    into ??= new RowJoin(writableRow(values, grid, owner));
    into.add(row);
    continued.add(r);
    joined.push(r);
  }
  return joined;
}

/** Rows a message about joined rows names; the count says how many more. */
const JOINED_NAMED = 5;

/** Whether a row with no 序号 holds only a party's details, or text that says it goes on. A blank row does neither. */
function goesOnAbove(row: readonly CellValue[], details: readonly number[], described: readonly number[], others: readonly number[], ownDispute: readonly number[]): boolean {
  if (described.some((c) => typeof row[c] === 'string' && GOES_ON.test(row[c] as string))) return !ownDispute.some((c) => filled(row[c]));
  return details.some((c) => filled(row[c])) && !others.some((c) => filled(row[c]));
}

const filled = (v: CellValue | undefined) => v !== null && v !== undefined && v !== '';

/**
 * Totals, notes and signature lines (合计, 注：…, 备注1.…, 填报人：… 审核人 张三) that may stand in any
 * column: a cell that starts so identifies no dispute.
 */
const NOT_A_DISPUTE =
  /^\s*(?:合\s*计|总\s*计|小\s*计|共\s*计|说明|附注|备注\s*(?:[:：]|\d+\s*[.、．])|填表说明|注\s*[:：]|(?:填报|填表|制表|审核|审批|统计|负责|单位负责|联系|经办)(?:(?:人|单位|日期|时间)(?:\s*[:：]|\s+\S)|\s*[:：]))/;
/**
 * A totals line's label, as the first filled cell of its row says it (合 计 with any space, 本页小计,
 * 本月合计, 汇总 — an Excel table's totals row —, 累计, Total), alone or followed only by a count
 * (合计：共300件, 小计(件)): the row is no dispute, whatever its other cells hold (900 people). Only
 * as the row's first cell, and never run on into words: 累计3次到镇政府上访 begins a dispute, and
 * 汇总（中国）物流有限公司 is a party.
 */
const TOTALS_LABEL =
  /^(?:本页|本月|本季度?|本年度?|全年|当月|当年|以上|全部)?(?:合计|总计|小计|共计|累计|汇总|总数|总和)[\d.,，:：;；、()（）[\]【】件起户人个元万共-]*$|^(?:sub)?totals?\b|^sum\b/i;
/** A template's example line, marked so where its number goes (例, 示例, 填写示例): no dispute of the unit's. */
const EXAMPLE_MARK = /^\s*(?:例|示例|样例|范例|举例|填写示例|填表示例)\s*[:：]?\s*\d*\s*$/;
/** A section's heading inside the table (二、已化解纠纷（共12件）, （一）在办): an ordinal, then words. */
const SECTION_HEADING = /^[（(]?[一二三四五六七八九十]{1,3}[、)）.．]/;
/** The marks a form's unused rows carry (以下空白, （此页无正文）): a cell that is only such a mark is no dispute. */
const BLANK_MARK = /^[（(【[]?(?:以下|本页以下|此页|本页|此处)(?:空白|无内容|无正文)[）)】\]]?[。.]?$/;
const WHITE_SPACE = /[\s\u3000]+/g;

/**
 * A heading below the table that starts something else — 附：重点人员名单, 附表, 本月统计 — as its
 * row's first filled cell, naming no party or registration. What follows it is no dispute (a list
 * of key people has names and phones, a statistics block 红色 15): the table ends there, and the
 * rows below that a dispute's reading would have taken are counted for the message.
 */
const APPENDIX_HEADING = /^(?:附(?:[:：]|件|表|录|\s*\d)|(?:本月|本期|本季度?|本年度?|全年|数据)?统计(?:情况|表|数据)?(?:如下)?[:：]?$)/;

function appendixBelow(grid: SheetGrid, layout: LedgerLayout, skipped: ReadonlySet<number>): { row: number; text: string; rowsBelow: number } | null {
  for (let r = layout.headerBottom + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    const heading = row ? appendixHeading(row, layout) : null;
    if (heading === null) continue;
    let rowsBelow = 0;
    for (let below = r + 1; below < grid.values.length; below++) if (!skipped.has(below) && isDisputeRow(grid.values[below], layout)) rowsBelow++;
    // A heading with nothing a dispute's reading would take below it changes nothing: said only when it does.
    return rowsBelow > 0 ? { row: r, text: heading, rowsBelow } : null;
  }
  return null;
}

/** The row's appendix heading (APPENDIX_HEADING) as written, trimmed; null when it is none. */
function appendixHeading(row: CellValue[], layout: LedgerLayout): string | null {
  const first = firstFilledCell(row, layout);
  if (typeof first !== 'string' || first.length > 40) return null;
  if (!APPENDIX_HEADING.test(first.replace(WHITE_SPACE, '')) || filledField(row, layout, 'parties') || filledField(row, layout, 'registered')) return null;
  return first.trim();
}

/** The first and last column of a row with something in it ([Infinity, -Infinity] when none has). */
function filledExtent(row: readonly CellValue[]): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    if (c < first) first = c;
    last = c;
  }
  return [first, last];
}

/**
 * Rows below the header that are not disputes by their shape: a note merged across most of the
 * table ("说明：…"), the column numbers or units some ledgers print under the header (1, 2, 3 …,
 * 栏次 甲 乙 1 2 …, （人）（元）), or the header itself again (a month's block pasted below the last
 * with its header).
 */
function notDisputeRows(grid: SheetGrid, layout: LedgerLayout, language: Language): Set<number> {
  const rows = repeatedHeaderRows(grid, layout, language);
  const width = layout.lastCol - layout.firstCol + 1;
  // Where each row's filled cells start and end, found once a row: a damaged file may merge one
  // row thousands of times over (each looked through the whole row again).
  const extents = new Map<number, [number, number]>();
  for (const m of grid.merges)
    if (m.top > layout.headerBottom && m.top === m.bottom && (m.right - m.left + 1) * 2 >= width && !rows.has(m.top)) {
      let extent = extents.get(m.top);
      if (!extent) extents.set(m.top, (extent = filledExtent(grid.values[m.top] ?? [])));
      if (extent[0] >= m.left && extent[1] <= m.right) rows.add(m.top);
    }
  for (let r = layout.headerBottom + 1; r <= Math.min(layout.headerBottom + 2, grid.values.length - 1); r++) {
    const row = grid.values[r];
    if (row && (isColumnLabelRow(row, layout.firstCol, layout.lastCol) || isFillingHint(row, layout))) rows.add(r);
  }
  return rows;
}

/**
 * A template's line on how to fill it in, left under the header (填写格式：2026-01-01, 是/否): one
 * of its cells says so where it starts. A merged note across the table is passed over already.
 */
function isFillingHint(row: readonly CellValue[], layout: LedgerLayout): boolean {
  for (let c = layout.firstCol; c <= layout.lastCol && c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && FILLING_HINT.test(v)) return true;
  }
  return false;
}
const FILLING_HINT = /^\s*(?:(?:填写|填表|填报)(?:格式|说明|要求|示例|提示|方法|规范)|(?:格式|示例|样例|范例)\s*[:：])/;

/**
 * Rows that repeat the header: most of their filled field cells hold their column's header text
 * as written (序号, 登记日期, 当事人 …), two at least. Compared as written, so a dispute row is
 * never normalised for it.
 *
 * A header met again with its names in other columns (the second half-year's block pasted below
 * the first from a newer template, 涉及人数 and 涉及金额 swapped, a column inserted) is refused:
 * read with the first header's columns, its amounts were counted as people and 17 of 150
 * disputes changed level, without a word.
 */
function repeatedHeaderRows(grid: SheetGrid, layout: LedgerLayout, language: Language): Set<number> {
  const rows = new Set<number>();
  const fieldColumns = [...new Set(Object.values(layout.fields))];
  // Per column with a header text: its texts, and their lengths to turn most data cells away
  // without hashing them (this looks at every field cell of the ledger).
  const named: { col: number; texts: Set<string>; lengths: Uint8Array }[] = [];
  for (const col of fieldColumns) {
    const texts = headerTextsOf(grid, layout, col);
    if (texts.size === 0) continue;
    const lengths = new Uint8Array(MAX_HEADER_TEXT + 1);
    for (const t of texts) lengths[t.length] = 1;
    named.push({ col, texts, lengths });
  }
  if (named.length < 2) return rows;
  const moved = new MovedHeader(grid, layout);
  const repeats = (v: CellValue | undefined, { texts, lengths }: (typeof named)[number]) => {
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_HEADER_TEXT) return false;
    // Spaces around (a header written " 序号 ") are taken off only where there are some.
    const text = isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) ? v.trim() : v;
    return lengths[text.length] === 1 && texts.has(text);
  };
  for (let r = layout.headerBottom + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    if (!row) continue;
    moved.check(r, row, language);
    let repeated = 0;
    for (let k = 0; k < named.length; k++) if (repeats(row[named[k].col], named[k])) repeated++;
    if (repeated < 2) continue;
    const filled = fieldColumns.filter((col) => row[col] !== null && row[col] !== undefined && row[col] !== '').length;
    if (repeated * 2 > filled) rows.add(r);
  }
  return rows;
}

/** A column's header texts as written, trimmed: one per header row that names it. */
function headerTextsOf(grid: SheetGrid, layout: LedgerLayout, col: number): Set<string> {
  const texts = new Set<string>();
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) {
    const v = grid.values[r]?.[col];
    if (typeof v === 'string' && v.trim() !== '' && v.trim().length <= MAX_HEADER_TEXT) texts.add(v.trim());
  }
  return texts;
}

/**
 * Finds a row below the header that names the fields' columns again, but in other columns: half
 * the header's field names or more (three at least), two of them away from their own column, and
 * most of its filled cells header names. A small table below the ledger (所属村 | 纠纷类型 | 件数)
 * or a signing line (责任人 … 联系电话 … 日期) names too few to be the header again.
 */
class MovedHeader {
  /**
   * Each header text to its column, over every column of the table, read or not: a text that
   * heads two columns (日期 under 纠纷 and under 调处) is left out, as it names no one column.
   */
  private readonly columnOf = new Map<string, number>();
  private readonly lengths = new Uint8Array(MAX_HEADER_TEXT + 1);
  /** How many header names a row must give to be the header again. */
  private readonly enough: number;

  constructor(
    private readonly grid: SheetGrid,
    private readonly layout: LedgerLayout,
  ) {
    const twice = new Set<string>();
    let columns = 0;
    for (let col = layout.firstCol; col <= layout.lastCol; col++) {
      const texts = headerTextsOf(grid, layout, col);
      if (texts.size > 0) columns++;
      for (const t of texts) {
        if (this.columnOf.has(t) && this.columnOf.get(t) !== col) twice.add(t);
        this.columnOf.set(t, col);
        this.lengths[t.length] = 1;
      }
    }
    for (const t of twice) this.columnOf.delete(t);
    this.enough = Math.max(3, Math.ceil(columns / 2));
  }

  /** Past an appendix's heading (附：重点人员名单): its own table may name the same columns. */
  private ended = false;

  check(r: number, row: CellValue[], language: Language): void {
    if (this.ended) return;
    if (appendixHeading(row, this.layout) !== null) {
      this.ended = true;
      return;
    }
    const { firstCol, lastCol } = this.layout;
    let moved = 0;
    let named = 0;
    let filled = 0;
    let example: { text: string; from: number; to: number } | null = null;
    for (let c = firstCol; c <= lastCol && c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      filled++;
      if (typeof v !== 'string' || v.length > MAX_HEADER_TEXT + 8) continue;
      const text = v.trim();
      if (this.lengths[text.length] !== 1) continue;
      const col = this.columnOf.get(text);
      if (col === undefined) continue;
      named++;
      if (col !== c) {
        moved++;
        example ??= { text, from: col, to: c };
      }
    }
    if (moved < 2 || named < this.enough || named * 2 <= filled || example === null) return;
    throw new WorkbookError(
      'ledger.headerMoved',
      {
        sheet: this.grid.name,
        row: r + 1,
        header: headerRowsText(this.layout),
        name: example.text,
        from: columnLetter(example.from),
        to: columnLetter(example.to),
      },
      language,
    );
  }
}

/** "3–4" or "3": the header's rows as a user numbers them. */
function headerRowsText(layout: LedgerLayout): string {
  const top = layout.headerTop + 1;
  const bottom = layout.headerBottom + 1;
  return top === bottom ? String(top) : `${top}–${bottom}`;
}

/** Spaces trim() takes off that header cells are written with: ASCII, no-break and ideographic. */
const isSpace = (code: number) => code <= 0x20 || code === 0xa0 || code === 0x3000;

/** Longer than any header cell (detect.ts reads header names of 24 characters at most, written with spaces around). */
const MAX_HEADER_TEXT = 64;

function isDisputeRow(row: CellValue[] | undefined, layout: LedgerLayout): boolean {
  if (!row) return false;
  // A totals line says so where the number goes (合计, 总计 in 序号), whatever its other cells hold (共6件).
  const serial = layout.fields.serial === undefined ? undefined : row[layout.fields.serial];
  if (typeof serial === 'string' && (NOT_A_DISPUTE.test(serial) || EXAMPLE_MARK.test(serial))) return false;
  if (isTotalsExampleOrBlankMark(row, layout)) return false;
  for (const field of IDENTIFYING) {
    const col = layout.fields[field];
    if (col === undefined) continue;
    const v = row[col];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && (v.trim() === '' || NOT_A_DISPUTE.test(v))) continue;
    return true;
  }
  return false;
}

/**
 * The row's first filled cell is a totals label or marks an example; or the row names neither a
 * party nor a registration and one of its cells is only a blank mark (以下空白), or its one filled
 * cell is a section's heading (二、已化解纠纷（共12件）). A last dispute with 以下空白 in its 备注 is
 * still read.
 */
function isTotalsExampleOrBlankMark(row: CellValue[], layout: LedgerLayout): boolean {
  // Numbers, most first cells (序号), are neither a label nor a heading.
  const first = firstFilledCell(row, layout);
  if (typeof first === 'string' && (TOTALS_LABEL.test(first.replace(WHITE_SPACE, '')) || EXAMPLE_MARK.test(first))) return true;
  // Asked before the row's cells are looked through: nearly every row names one or the other.
  if (filledField(row, layout, 'parties') || filledField(row, layout, 'registered')) return false;
  let filled = 0;
  let blankMark = false;
  for (let c = layout.firstCol; c <= layout.lastCol && c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    filled++;
    // Only a short cell with 空白 or 无 in it is looked at further.
    if (typeof v === 'string' && v.length <= 20 && (v.indexOf('空白') >= 0 || v.indexOf('无') >= 0) && BLANK_MARK.test(v.replace(WHITE_SPACE, ''))) blankMark = true;
  }
  return blankMark || (filled === 1 && typeof first === 'string' && SECTION_HEADING.test(first.trimStart()));
}

/** The row's first filled cell within the table's columns; undefined when it has none. */
function firstFilledCell(row: CellValue[], layout: LedgerLayout): CellValue | undefined {
  for (let c = layout.firstCol; c <= layout.lastCol && c < row.length; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && v !== '') return v;
  }
  return undefined;
}

function filledField(row: CellValue[], layout: LedgerLayout, field: FieldName): boolean {
  const col = layout.fields[field];
  const v = col === undefined ? null : row[col];
  return v !== null && v !== undefined && v !== '';
}

/**
 * The year for dates written without one (5月21日), read from the lines above the header, and the
 * latest full date there (a 填报日期, or the end of "统计时段 2026.1.1-2026.11.30"), after which no
 * year-less registration can fall. The latest full date's year wins over a bare year in the title:
 * "2020年…台账" handed in on 2021年1月5日 reads 12月20日 as 2020-12-20 through `notAfter`.
 */
function yearAboveHeader(grid: SheetGrid, layout: LedgerLayout): { year: number; notAfter: Day | null } | null {
  let bareYear: number | null = null;
  let latest: Day | null = null;
  const fullDate = /((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})\s*[月\-./]\s*(\d{1,2})/g;
  for (let r = 0; r < layout.headerTop; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v === 'number' && v > 30000 && v < 80000) {
        const day = excelSerialToDay(v, grid.date1904);
        if (day !== null && (latest === null || day > latest)) latest = day;
      }
      if (typeof v !== 'string') continue;
      const text = toHalfWidth(v);
      for (const m of text.matchAll(fullDate)) {
        const day = dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
        if (day !== null && (latest === null || day > latest)) latest = day;
      }
      const bare = /((?:19|20)\d{2})\s*(?:年|[-./])/.exec(text);
      if (bare && bareYear === null) bareYear = Number(bare[1]);
    }
  }
  if (latest !== null) return { year: ymdFromDay(latest).year, notAfter: latest };
  return bareYear === null ? null : { year: bareYear, notAfter: null };
}

/**
 * domain.md: with both a yes/no column (化解是否成功) and a status text (化解情况), "only the text
 * tells a closed dispute from a resolved one". So the text decides closed; otherwise an explicit
 * yes/no decides resolved or open, since status text is free prose ("正在履行协议" after a 是) and
 * is read only when the yes/no cell is blank or unreadable.
 */
function readStatus(text: Partial<Record<FieldName, string>>, resolvedOn: Day | null): DisputeStatus {
  const reading = text.status ? readStatusText(text.status) : null;
  const fromText = reading?.status ?? null;
  // 已销号 anywhere, or a 是/√ in a 是否销号 column, closes the dispute.
  const closedBy = (t: string | undefined, yesMeansClosed: boolean) =>
    !!t && (parseStatusText(t) === 'closed' || (yesMeansClosed && parseYesNo(t) === true));
  if (fromText === 'closed' || closedBy(text.closure, true) || closedBy(text.resolvedFlag, false)) return 'closed';
  const flag = text.resolvedFlag ? parseYesNo(text.resolvedFlag) : null;
  // A yes beside a status that says the mediation failed or settled in part (是 with 未化解) is
  // open: of the two readings, the one that keeps the revisits and a red's level cannot miss one.
  if (flag !== null) return flag && !reading?.unsettled ? 'resolved' : 'open';
  if (fromText !== null) return fromText;
  // A 化解日期 with nothing else filled in means the dispute was resolved on that day.
  return resolvedOn !== null ? 'resolved' : 'open';
}

/** No status cell says anything: the description's own last clause may (DisputeRecord.statedStatus). */
function statusUnfilled(text: Partial<Record<FieldName, string>>): boolean {
  return !text.status && !text.closure && !text.resolvedFlag;
}

/** 调解未果次数 counts failures; 调解次数 counts mediations held (failures while the dispute is open). */
function mediationCountKind(layout: LedgerLayout): 'attempts' | 'failures' | undefined {
  const col = layout.fields.mediationCount;
  if (col === undefined) return undefined;
  return /未果|失败|未成|不成/.test(layout.labels.get(col) ?? '') ? 'failures' : 'attempts';
}

/**
 * Identity of a dispute across meetings. Row numbers and 序号 change when rows are inserted or
 * sorted, so the key is built from what describes the dispute itself — or from a number given to
 * the case (`serialId`).
 */
function disputeKey(text: Partial<Record<FieldName, string>>, registered: Day | null, serialId: RegExp): string {
  const serial = text.serial ?? '';
  // An id no longer than MAX_SERIAL_ID: a 编号 of 32,767 characters would make a key past what a cell holds.
  if (serialId.test(serial) && serial.length >= 4 && serial.length <= MAX_SERIAL_ID) return `id:${serial}`;
  // The hash of "date|parties|place|type|title", taken part by part rather than of the joined string.
  let h = FNV_OFFSET;
  h = fnv1a(h, registered === null ? '' : dayText(registered));
  h = fnv1a(fnv1a(h, '|'), text.parties ?? '');
  h = fnv1a(fnv1a(h, '|'), text.place ?? '');
  h = fnv1a(fnv1a(h, '|'), text.type ?? '');
  h = fnv1a(fnv1a(h, '|'), text.title ?? '');
  // A 编号 too long to be the key is still part of it: two rows alike in all else stay apart.
  if (serial.length > MAX_SERIAL_ID) h = fnv1a(fnv1a(h, '|'), serial);
  return `h:${h.toString(16).padStart(8, '0')}`;
}

/** formatDay of the day asked for last: a ledger's rows come a day's registrations at a time. */
let lastDay: { day: Day; text: string } | undefined;
function dayText(day: Day): string {
  if (lastDay?.day !== day) lastDay = { day, text: formatDay(day) };
  return lastDay.text;
}
/**
 * Which serials are a case's own number. Under 编号 or 案号 (a number given to the case), one with
 * a letter, a Chinese character or a dash (2026-001, 青司调〔2026〕31号). Under 序号, a place in
 * the list that is numbered again when a row is inserted or the table sorted, only one with a
 * letter or a Chinese character: 2026-001 there, refilled after a dispute was added at the top,
 * matched every dispute with its neighbour's last meeting (14 new reds, 35 escalations, none real).
 */
function serialIdPattern(layout: LedgerLayout): RegExp {
  const col = layout.fields.serial;
  const header = col === undefined ? '' : (layout.labels.get(col) ?? '');
  return /编号|案号/.test(header) ? CASE_NUMBER : NUMBERED_CASE;
}
const CASE_NUMBER = /[A-Za-z\u4e00-\u9fff-]/;
const NUMBERED_CASE = /[A-Za-z\u4e00-\u9fff]/;

/** The key versions before 2026-12-08 gave a serial with a dash under 序号, else null. */
function legacyKey(serial: string): string | null {
  return CASE_NUMBER.test(serial) && serial.length >= 4 && serial.length <= MAX_SERIAL_ID ? `id:${serial}` : null;
}
/** Longer than any case number (（2026）青01民初12345号 is 19): a longer 编号 is hashed with the rest of the row. */
const MAX_SERIAL_ID = 64;

const FNV_OFFSET = 0x811c9dc5;

/** A short hash of a text, to tell apart two disputes whose keys are alike (job/run-job.ts). */
export function textKey(text: string): string {
  return fnv1a(FNV_OFFSET, text).toString(16).padStart(8, '0');
}

/** FNV-1a over the UTF-16 code units of `s`, continuing from `h`. */
function fnv1a(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  return h;
}
/**
 * Math.imul, looked up once: where the core runs in a context of Node's `vm` (as under jest), each
 * read of the global `Math` goes through the context's interceptor, and a character hashed cost
 * 50 times what it costs at home (300 rows of 32,767-character cells: 7.5 s of a 14 s test).
 */
const imul = Math.imul;
