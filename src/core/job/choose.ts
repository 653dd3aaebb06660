import { detectLedger, type LedgerLayout } from '../ledger';
import { chineseNumber, toHalfWidth, ymdFromDay } from '../cells';
import type { CellValue, SheetGrid } from '../model';
import type { Period } from '../summary';
import { REVISIT_LOG_HEADER } from '../revisits';
import { DUE_LIST_SHEET } from '../schedule';
import { SNAPSHOT_MARKER } from '../summary';
import { STATE_SHEET } from './types';

export const MEETING_SUMMARY_SHEET = '联席会议汇总';

/** Sheets the add-in writes itself: never a ledger. */
export const OWN_SHEETS: readonly string[] = [DUE_LIST_SHEET, MEETING_SUMMARY_SHEET, STATE_SHEET, '回访记录'];

/**
 * What the add-in writes in A1 of each of its sheets, in either language, as a whole: a user's
 * own 回访清单 titled 回访清单（截至11月底）, or a 联席会议汇总 titled …汇总表（2026年10月）, is theirs.
 */
const OWN_A1: Readonly<Record<string, readonly RegExp[]>> = {
  [DUE_LIST_SHEET]: [/^回访清单（截至[\d年月日./-]+）$/, /^Revisits due \(as of [\d./-]+\)$/],
  // Today's titles ({unit} before them), and the one earlier versions wrote (联席会议矛盾纠纷汇总（…）).
  [MEETING_SUMMARY_SHEET]: [/(?:矛盾纠纷联席会议汇总表|联席会议矛盾纠纷汇总表)$/, /联席会议矛盾纠纷汇总（[^（）]*）$/, /(?:Joint meeting dispute summary|Joint mediation meeting dispute summary)$/],
  [STATE_SHEET]: [new RegExp(`^${SNAPSHOT_MARKER}$`)],
};

/**
 * Whether a sheet called `name` was written by the add-in (and may be replaced), judged by its A1.
 * A user's own sheet that happens to be called 回访清单 is never overwritten.
 */
export function isOwnSheet(name: string, a1: CellValue | undefined): boolean {
  const marks = OWN_A1[name];
  return !!marks && typeof a1 === 'string' && marks.some((m) => m.test(a1.trim()));
}

/**
 * When no sheet is a ledger: the name of one that would be, but goes by a name the add-in keeps for
 * its own sheets (回访记录, 回访清单 …) and is not one of them — so the user hears why it was passed over.
 */
export function ledgerUnderOwnName(sheets: readonly SheetGrid[]): string | null {
  for (const grid of sheets) {
    if (!OWN_SHEETS.includes(grid.name) || hasOwnSheetTitle(grid.values[0]?.[0])) continue;
    // The pane's 回访记录 starts with its own header row (台账行, 纠纷标识, 回访日期 …).
    if (REVISIT_LOG_HEADER.every((name, c) => grid.values[0]?.[c] === name)) continue;
    if (detectLedger(grid)) return grid.name;
  }
  return null;
}

/** Whether A1 is the title of one of the add-in's sheets, whatever the sheet is called (回访清单（三色台账）). */
export function hasOwnSheetTitle(a1: CellValue | undefined): boolean {
  return typeof a1 === 'string' && Object.values(OWN_A1).some((marks) => marks.some((m) => m.test(a1.trim())));
}

/** Whether two sheet names are one to Excel, which compares them without case (_TRICOLOR is _tricolor). */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || sheetNameKey(a) === sheetNameKey(b);
}

/** A sheet name as Excel tells sheets apart: names with one key are one sheet (to look them up in a map). */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Sheets looked up by name as Excel compares names (sheetNameKey); of two that Excel would call one
 * (a damaged workbook may list both), the first.
 */
export function sheetsByName<T extends { name: string }>(sheets: Iterable<T>): { get: (name: string) => T | undefined } {
  const byKey = new Map<string, T>();
  for (const sheet of sheets) if (!byKey.has(sheetNameKey(sheet.name))) byKey.set(sheetNameKey(sheet.name), sheet);
  return { get: (name) => byKey.get(sheetNameKey(name)) };
}

/** The name for an add-in sheet when a user's sheet already has the usual one. */
export function alternativeSheetName(name: string, taken: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = alternativeName(name, n);
    if (!taken(candidate)) return candidate;
  }
}

function alternativeName(name: string, n: number): string {
  return n === 1 ? `${name}（三色台账）` : `${name}（三色台账${n}）`;
}

/** Whether `candidate` is `name` or one of its alternatives (回访清单（三色台账2）), as Excel compares names. */
export function isOwnSheetCandidate(name: string, candidate: string): boolean {
  const key = sheetNameKey(candidate);
  const base = sheetNameKey(name);
  if (key === base) return true;
  const head = `${base}（三色台账`;
  return key.startsWith(head) && key.endsWith('）') && /^\d*$/.test(key.slice(head.length, -1));
}

/**
 * Where the add-in's sheet `name` is, or goes, in a workbook: under its own name unless a user's
 * sheet holds it, else under the first alternative (回访清单（三色台账）, …) that is free or already
 * the add-in's. An alternative that is the add-in's wins over the plain name even when that one
 * looks like the add-in's too: an earlier run found the user's sheet there and wrote beside it.
 * Reading and writing ask the same, so the state written beside a user's `_tricolor` is read back.
 * `owner(candidate)` is undefined when the workbook has no sheet of that name (Excel compares names
 * without case), else whether that sheet is the add-in's.
 */
export function ownSheetName(name: string, owner: (candidate: string) => boolean | undefined): string {
  const alternative = alternativeSheetName(name, (candidate) => owner(candidate) === false);
  return owner(alternative) === true || owner(name) === false ? alternative : name;
}

interface Candidate {
  sheet: string;
  layout: LedgerLayout;
  rank: number[];
}

/**
 * The sheet most like a ledger among the candidates (each given as its first rows is enough):
 * one with disputes under its header before an empty template, a visible one before a hidden one,
 * then the one whose header names most fields, then the earlier sheet. null when none is a ledger.
 * The candidates are looked at one at a time and not kept: a host may read each as it is asked for.
 *
 * In a workbook of a sheet a month (1月 … 11月: every visible ledger with disputes named for a
 * month), a month's meeting takes the sheet of its month first: the first sheet made November's
 * paper of January's disputes. Only then: beside a whole year's ledger, a sheet of one month's
 * new disputes is an extract, and a quarter's meeting needs no one month.
 */
export function chooseLedgerSheet(sheets: Iterable<SheetGrid>, period?: Period): { sheet: string; layout: LedgerLayout; others: string[] } | null {
  const candidates: (Candidate & { filled: boolean; month: { year: number | null; month: number } | null })[] = [];
  for (const grid of sheets) {
    if (OWN_SHEETS.includes(grid.name)) continue;
    const layout = detectLedger(grid);
    if (!layout) continue;
    const hasRows = grid.values.slice(layout.headerBottom + 1).some((row) => row?.some((v) => v !== null && v !== ''));
    const filled = hasRows && !grid.hidden;
    candidates.push({ sheet: grid.name, layout, rank: [hasRows ? 1 : 0, grid.hidden ? 0 : 1, layout.score], filled, month: monthOfName(grid.name) });
  }
  const month = period && monthOfPeriod(period);
  const filled = candidates.filter((c) => c.filled);
  if (month && filled.length > 1 && filled.every((c) => c.month !== null))
    for (const c of candidates) {
      const ofPeriod = c.month !== null && c.month.month === month.month && (c.month.year === null || c.month.year === month.year);
      c.rank.splice(2, 0, ofPeriod ? 1 : 0);
    }
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || compareRanks(c.rank, best.rank) > 0) best = c;
  // Other visible sheets with disputes under a ledger header (一月台账 beside 二月台账): one is
  // processed, and the user is told of the rest rather than left to think there were none.
  return best && { sheet: best.sheet, layout: best.layout, others: filled.map((c) => c.sheet).filter((name) => name !== best!.sheet) };
}

const MONTH_SPAN = /\d{1,2}月?[-~—–至到]\d{1,4}[年月]|[一二三四五六七八九十]月?[-~—–至到][一二三四五六七八九十]+月/;

/** The month a period lies in, when it lies in one. */
function monthOfPeriod(period: Period): { year: number; month: number } | null {
  const [from, to] = [ymdFromDay(period.from), ymdFromDay(period.to)];
  return from.year === to.year && from.month === to.month ? { year: to.year, month: to.month } : null;
}

/** The month a sheet's name gives (11月, 2026年11月, 2026.11, 十一月份), with its year if it has one. */
export function monthOfName(name: string): { year: number | null; month: number } | null {
  const text = toHalfWidth(name).replace(/\s+/g, '');
  // A span of months (1-11月, 2025年12月-2026年11月) names no one month.
  if (MONTH_SPAN.test(text)) return null;
  const written = /(?:((?:19|20)\d{2})年?)?(\d{1,2}|十[一二]?|[一二三四五六七八九])月/.exec(text) ?? /((?:19|20)\d{2})[.\-/_](\d{1,2})(?!\d)/.exec(text);
  if (!written) return null;
  const month = /^\d/.test(written[2]) ? Number(written[2]) : chineseNumber(written[2]);
  if (month < 1 || month > 12) return null;
  return { year: written[1] ? Number(written[1]) : null, month };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
