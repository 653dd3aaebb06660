import { cellAddress, columnLetter, dayFromYmd, formatDay, ymdFromDay } from '../cells';
import { detectLedger, findLedgerUnit, readRecords, textKey, OWN_COLUMN_HEADERS, type LedgerLayout, type OwnColumn } from '../ledger';
import { message, quotedName, quotedNames } from '../messages';
import { LedgerNotFoundError, LedgerWriteError, WorkbookError } from '../errors';
import { LEVEL_ZH, type CellValue, type Day, type DisputeRecord, type FieldName, type Language, type RowIssue, type SheetGrid, type TriagedDispute } from '../model';
import { applyRevisitLog, readRevisitLog } from '../revisits';
import { compilePreset, NO_RULE_FIRED, settleStatedStatus, triageRecord } from '../rules';
import { buildDueList, renderDueList, scheduleRevisit } from '../schedule';
import {
  buildMeetingSummary,
  mergeTallies,
  previousSnapshot,
  renderMeetingSummary,
  retainSnapshots,
  samePeriod,
  sharesADispute,
  snapshotToRows,
  snapshotsFromRows,
  type StoredMeetings,
  takeSnapshot,
  tallyOf,
  keysForUnits,
  label,
  type MeetingSnapshot,
  type MeetingTally,
  type Period,
} from '../summary';
import { levelFormulas, overdueFormula, SETTLED_SUGGESTION } from './level-formulas';
import { columnWithCells } from './own-cells';
import { STATE_SHEET, type JobCounts, type JobInput, type JobOptions, type LedgerJob, type OwnColumnPlan, type PreviousMeetingData, type WritePlan } from './types';

/** Marks the add-in's dropdown in a workbook, whatever the language it was written in. */
export const DROPDOWN_TITLE = '三色台账';

/** Excel's last column, XFD. */
const LAST_COLUMN = 16383;

/** The as-of month up to the as-of date: the monthly 综治 meeting. */
export function defaultPeriod(asOf: Day): Period {
  const { year, month } = ymdFromDay(asOf);
  return { from: dayFromYmd(year, month, 1)!, to: asOf };
}

/**
 * The whole job on one ledger sheet: read, triage, schedule, summarise, and plan every write.
 * Pure: the host supplies the cells and "today", and applies the returned plan.
 */
export function runLedgerJob(input: JobInput, options: JobOptions): LedgerJob {
  const { ledger } = input;
  const { asOf, language, preset } = options;
  const period = options.period ?? defaultPeriod(asOf);
  const { layout, unit, disputes, issues, lastDataRow } = triageLedger(ledger, options, input.revisitLog);
  // Said first: the user may have meant another of the workbook's ledgers.
  if (input.otherLedgerSheets?.length)
    issues.unshift({
      code: 'ledger.otherSheets',
      row: layout.headerTop + 1,
      message: message('ledger.otherSheets', language, { sheet: ledger.name, others: quotedNames(input.otherLedgerSheets, language) }),
    });

  const history = previousMeeting(input.stateRows ?? [], input.previous ?? null, period, language, (s) =>
    sharesADispute(keysForUnits(s, unit, false), disputes),
  );
  const summary = buildMeetingSummary(disputes, {
    period,
    asOf,
    previous: history.previous && keysForUnits(history.previous, unit, false),
    previousSource: history.source,
    history: history.tallies,
    units: [unit],
  });
  const current = takeSnapshot(disputes, period);

  const plan = planWrites(ledger, layout, lastDataRow, disputes, language, {
    dueList: renderDueList(buildDueList(disputes, asOf), { asOf, language, mask: options.mask, handling: preset.handling }),
    summary: renderMeetingSummary(summary, { language, mask: options.mask }),
    stateRows: snapshotToRows(retainSnapshots(history.stored, current), mergeTallies(history.tallies, [tallyOf(current)])),
  });
  return {
    layout,
    disputes,
    issues,
    counts: countJob(disputes, issues, asOf),
    period,
    unit,
    summary,
    plan,
    notices: history.notices,
    previousIgnored: history.externalIgnored,
  };
}

/** Cells named in the message about formulas without values; the count says how many more. */
const UNCALCULATED_NAMED = 5;

/**
 * One issue for the disputes' cells that hold a formula with no computed value (the reader reads
 * them as blank): a 35 people written =20+15, an account written =CONCATENATE(…), a date =DATE(…)
 * would otherwise turn green, or unregistered, without a word. Cells outside the disputes' rows
 * and columns (a total above or below the table, a note beside it) lose the ledger nothing. A
 * sheet-level issue, like the other two here: it names no one cell, so it counts no row as unreadable.
 */
function formulasWithoutValueIssue(ledger: SheetGrid, layout: LedgerLayout, lastDataRow: number, language: Language): RowIssue | null {
  const found = ledger.formulasWithoutValue;
  if (!found) return null;
  const inTable = found.cells.filter((c) => c.row > layout.headerBottom && c.row <= lastDataRow && c.col >= layout.firstCol && c.col <= layout.lastCol);
  if (inTable.length === 0) return null;
  // Past the cells kept by address, the rest may lie among the disputes or not: "at least".
  const atLeast = found.total > found.cells.length;
  const n = inTable.length;
  const count = language === 'zh' ? `${atLeast ? '至少' : ''}有 ${n} ` : `${atLeast ? 'at least ' : ''}${n} ${n === 1 ? 'cell' : 'cells'}`;
  const first = inTable[0];
  return {
    code: 'ledger.formulaWithoutValue',
    row: first.row + 1,
    message: message('ledger.formulaWithoutValue', language, {
      sheet: ledger.name,
      count,
      cells: inTable.slice(0, UNCALCULATED_NAMED).map((c) => cellAddress(c.row, c.col)).join(language === 'zh' ? '、' : ', '),
    }),
  };
}

/** The columns whose absence changes every dispute's reading, said once per ledger. */
function missingColumnIssues(layout: LedgerLayout): ('ledger.noTextColumn' | 'ledger.noStatusColumn')[] {
  const has = (...fields: FieldName[]) => fields.some((f) => layout.fields[f] !== undefined);
  const codes: ('ledger.noTextColumn' | 'ledger.noStatusColumn')[] = [];
  if (!has('description', 'title')) codes.push('ledger.noTextColumn');
  if (!has('status', 'resolvedFlag', 'resolvedOn', 'closure')) codes.push('ledger.noStatusColumn');
  return codes;
}

/** One ledger read, triaged and scheduled: what a single run and a joint meeting both start from. */
export interface TriagedLedger {
  layout: LedgerLayout;
  /** From the user, else the ledger's title or 填报单位 line, else the fallback (file name), else ''. */
  unit: string;
  disputes: TriagedDispute[];
  issues: RowIssue[];
  lastDataRow: number;
}

export function triageLedger(ledger: SheetGrid, options: JobOptions, revisitLog?: CellValue[][] | null): TriagedLedger {
  const detected = detectLedger(ledger);
  if (!detected) throw new LedgerNotFoundError('ledger.notFound', { sheet: ledger.name }, options.language);
  const layout = withFieldColumns(detected, options.fieldColumns);
  const { asOf, language, preset } = options;
  const unit = shortUnitName(options.unit?.trim() || findLedgerUnit(ledger, layout.headerTop) || options.unitFallback?.trim() || '');

  // A header that starts over (序号, 登记日期 … again) is a second ledger beside the first, refused:
  // read, the left one's colours went onto the right one's rows (16th sweep). Names repeated
  // within one table (申请人 and 被申请人 each over 姓名, 身份证号, 电话, their parents unmerged)
  // are only said.
  // Asked before the rows are read: a refusal owes the user no reading of them.
  const repeated = repeatedHeaderNames(layout);
  const repeatedParams = repeated && {
    sheet: ledger.name,
    names: repeated.names.map((n) => quotedName(n, language)).join(language === 'zh' ? '' : ', '),
    column: columnLetter(repeated.from),
  };
  if (repeated?.startsOver) throw new WorkbookError('ledger.sideBySide', repeatedParams!, language);

  const read = readRecords(ledger, layout, { asOf, language });
  disambiguateKeys(read.records);
  const logIssues = applyRevisitLog(read.records, readRevisitLog(revisitLog ?? [], ledger.date1904), asOf, language);
  const compiled = compilePreset(preset, language);
  const issues: RowIssue[] = [...read.issues, ...logIssues];
  // An as-of day before every registration is most likely a year typed wrong: everything counts zero.
  // (A loop, not Math.min(...days): a ledger has more rows than a call takes arguments.)
  let firstRegistered = Infinity;
  for (const r of read.records) if (r.registered !== null && r.registered < firstRegistered) firstRegistered = r.registered;
  if (firstRegistered !== Infinity && firstRegistered > asOf)
    issues.push({
      code: 'schedule.asOfBeforeAll',
      row: layout.headerTop + 1,
      message: message('schedule.asOfBeforeAll', language, { asOf: formatDay(asOf), first: formatDay(firstRegistered) }),
    });
  const uncalculated = formulasWithoutValueIssue(ledger, layout, read.lastDataRow, language);
  if (uncalculated) issues.push(uncalculated);
  if (repeatedParams) issues.push({ code: 'ledger.repeatedHeader', row: layout.headerTop + 1, message: message('ledger.repeatedHeader', language, repeatedParams) });
  const disputes: TriagedDispute[] = read.records.map((record) => {
    settleStatedStatus(compiled, record, asOf);
    const triage = triageRecord(compiled, record, asOf, language);
    const schedule = scheduleRevisit(record, triage.effective, preset.cadenceDays, asOf);
    if (triage.needsReview)
      issues.push({
        code: 'level.manualBelowSuggested',
        row: record.row,
        message: message('level.manualBelowSuggested', language, {
          row: record.row,
          manual: LEVEL_ZH[triage.manual!],
          suggested: LEVEL_ZH[triage.suggested],
        }),
      });
    const col = layout.fields.registered;
    // One registered after the as-of date is most likely a year typed wrong; when every one is, that was said once above.
    if (col !== undefined && record.registered !== null && record.registered > asOf && firstRegistered <= asOf) {
      const cell = cellAddress(record.row - 1, col);
      issues.push({
        code: 'date.registeredAfterAsOf',
        row: record.row,
        cell,
        message: message('date.registeredAfterAsOf', language, { cell: `${ledger.name}!${cell}`, text: formatDay(record.registered), asOf: formatDay(asOf) }),
      });
    }
    if (col !== undefined && record.status !== 'closed' && record.registered === null && record.lastRevisit === null) {
      const cell = cellAddress(record.row - 1, col);
      issues.push({
        code: 'schedule.noDate',
        row: record.row,
        cell,
        message: message('schedule.noDate', language, { row: record.row, cell: `${ledger.name}!${cell}` }),
      });
    }
    return { record, triage, schedule };
  });
  // Without a registration column no row can be scheduled: say so once, not once per row.
  if (layout.fields.registered === undefined && layout.fields.lastRevisit === undefined)
    issues.push({
      code: 'schedule.noDateColumn',
      row: layout.headerTop + 1,
      message: message('schedule.noDateColumn', language, { sheet: ledger.name }),
    });
  // A column under a name the detector does not know leaves no trace but a quieter ledger: without
  // text the word rules cannot fire (a red missed), without a status every dispute stays open.
  for (const code of missingColumnIssues(layout))
    issues.push({ code, row: layout.headerTop + 1, message: message(code, language, { sheet: ledger.name }) });
  issues.sort((a, b) => a.row - b.row);
  return { layout, unit, disputes, issues, lastDataRow: read.lastDataRow };
}

/**
 * The previous meeting's data: the latest meeting before this period, in this workbook's hidden
 * sheet or in the previous output/file the user named (this workbook wins a tie), with where it
 * came from; the snapshots to keep in this workbook; and every meeting's tally for the trend chart.
 */
export function previousMeeting(
  ownRows: CellValue[][],
  external: PreviousMeetingData | null,
  period: Period,
  language: Language,
  matches?: (snapshot: MeetingSnapshot) => boolean,
): { stored: MeetingSnapshot[]; previous: MeetingSnapshot | null; source: string; tallies: MeetingTally[]; notices: string[]; externalIgnored: boolean } {
  // Only meetings before this period are compared with or kept: the others are not read.
  const own = snapshotsFromRows(ownRows, period.from);
  let other = external ? snapshotsFromRows(external.rows, period.from) : null;
  const notices: string[] = [];
  // Another ledger's output under the name this one writes (one 结果.xlsx for several ledgers):
  // compared with it, every red was new and its counts became this ledger's history.
  // A meeting of a few disputes may share none because all have gone from the ledger since.
  const latest = other && previousSnapshot(other.snapshots, period);
  const externalIgnored = !!matches && latest !== null && latest.entries.length >= OTHER_LEDGER_MIN_DISPUTES && !matches(latest);
  if (externalIgnored) {
    notices.push(message('snapshot.otherLedger', language, { source: external!.source }));
    other = null;
  }
  // Damage is said, not passed over: compared with a meeting read in part, every red looks new.
  const tell = (read: StoredMeetings | null, source: string) => {
    if (read?.unreadable) notices.push(message('snapshot.unreadable', language, { source }));
    else if (read?.problems.length) notices.push(message('snapshot.damaged', language, { source, count: read.problems.length }));
  };
  tell(own, label(language, 'thisWorkbook'));
  tell(other, external?.source ?? '');
  const mine = previousSnapshot(own.snapshots, period);
  const theirs = other && previousSnapshot(other.snapshots, period);
  const useTheirs = theirs !== null && (mine === null || theirs.period.to > mine.period.to);
  const previous = useTheirs ? theirs : mine;
  const source = previous === null ? '' : useTheirs ? external!.source : label(language, 'thisWorkbook');
  const stored = useTheirs ? [...own.snapshots.filter((s) => !samePeriod(s.period, theirs.period)), theirs] : own.snapshots;
  const tallies = mergeTallies(
    other?.tallies ?? [],
    other?.snapshots.map(tallyOf) ?? [],
    own.tallies,
    own.snapshots.map(tallyOf),
  ).filter((t) => t.period.to < period.from);
  return { stored, previous, source, tallies, notices, externalIgnored };
}

/** Below this many disputes, a previous meeting sharing none with the ledger may simply be an old one. */
const OTHER_LEDGER_MIN_DISPUTES = 5;

/** Longer than any office's name (湖南省长沙市望城区人民法院乔口人民法庭 is 18 characters). */
const MAX_UNIT_CHARS = 60;

/**
 * A unit's name as titles and keys use it: one given as 40,000 characters (`台账.xlsx=…`) would put
 * that in every key of the meeting's state and past what a cell holds in its title.
 */
function shortUnitName(unit: string): string {
  return unit.length <= MAX_UNIT_CHARS ? unit : `${[...unit].slice(0, MAX_UNIT_CHARS - 1).join('')}…`;
}

/**
 * Two identical rows (a duplicated entry) must still be told apart in snapshots and the revisit
 * log. Two disputes alike in date, parties, place and type (two quarrels of one family in a day) are
 * told apart by their texts, and only rows alike in those too by their order: by order alone, a
 * table sorted between two meetings swapped their histories (a false new red and a false
 * resolution). What order gave them before is kept as the key an earlier version gave.
 */
function disambiguateKeys(records: DisputeRecord[]) {
  const count = new Map<string, number>();
  for (const r of records) count.set(r.key, (count.get(r.key) ?? 0) + 1);
  const byOrder = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const r of records) {
    if (count.get(r.key)! > 1) {
      const n = (byOrder.get(r.key) ?? 0) + 1;
      byOrder.set(r.key, n);
      r.legacyKey ??= n > 1 ? `${r.key}#${n}` : r.key;
      r.key = `${r.key}~${textKey(r.text.description ?? r.text.title ?? '')}`;
    }
    const n = seen.get(r.key) ?? 0;
    seen.set(r.key, n + 1);
    if (n > 0) r.key = `${r.key}#${n + 1}`;
  }
}

/**
 * The mapping the user confirmed wins over detection: a field moved to another column (which then
 * means nothing else), or marked as not in this ledger (null).
 */
export function withFieldColumns(layout: LedgerLayout, fieldColumns: JobOptions['fieldColumns']): LedgerLayout {
  if (!fieldColumns || Object.keys(fieldColumns).length === 0) return layout;
  const fields = { ...layout.fields };
  for (const [field, col] of Object.entries(fieldColumns) as [FieldName, number | null][]) {
    if (col === null) {
      delete fields[field];
      continue;
    }
    for (const [other, c] of Object.entries(fields) as [FieldName, number][]) if (c === col && other !== field) delete fields[other];
    fields[field] = col;
  }
  return { ...layout, fields, unmapped: layout.unmapped.filter((c) => !Object.values(fields).includes(c)) };
}

/** The counts a run reports: by level, due today, overdue, rows with a cell to check, manual levels to review. */
export function countJob(disputes: readonly TriagedDispute[], issues: readonly RowIssue[], asOf: Day): JobCounts {
  const byLevel = { red: 0, yellow: 0, green: 0 };
  let dueToday = 0;
  let overdue = 0;
  let needsReview = 0;
  for (const d of disputes) {
    byLevel[d.triage.effective]++;
    if (d.schedule.nextRevisit === asOf) dueToday++;
    else if (d.schedule.due) overdue++;
    if (d.triage.needsReview) needsReview++;
  }
  const unreadableRows = new Set(issues.filter((i) => i.cell !== undefined).map((i) => i.row)).size;
  return { disputes: disputes.length, byLevel, dueToday, overdue, unreadableRows, needsReview };
}

/**
 * Field names the header gives a second time, right of the columns read (登记日期 … again from
 * column J): two ledgers side by side, of which only the left one is read. Three at least, so a
 * second 备注 is no such thing. null when there are none.
 */
function repeatedHeaderNames(layout: LedgerLayout): { names: string[]; from: number; startsOver: boolean } | null {
  const read = new Set(Object.values(layout.fields));
  const labelled = [...layout.labels].sort((a, b) => a[0] - b[0]);
  const firstOf = new Map<string, number>();
  const again: [string, number][] = [];
  for (const [col, label] of labelled) {
    const first = firstOf.get(label);
    if (first === undefined) firstOf.set(label, col);
    else if (read.has(first)) again.push([label, col]);
  }
  if (again.length < 3) return null;
  // The table's first column named again where the repeat begins: the header starts over.
  const from = Math.min(...again.map(([, col]) => col));
  const startsOver = again.some(([label, col]) => col === from && label === labelled[0][1]);
  return { names: again.slice(0, 3).map(([label]) => label), from, startsOver };
}

const OWN_ORDER: OwnColumn[] = ['suggested', 'reasons', 'nextRevisit', 'manual'];
// Reasons are not wrapped: the user's rows keep their heights, and a clipped line reads better than
// wrapped text spilling over the next row. The full text shows in the cell.
const OWN_KIND: Record<OwnColumn, OwnColumnPlan['kind']> = { suggested: 'text', reasons: 'text', nextRevisit: 'date', manual: 'text' };
const OWN_WIDTH: Record<OwnColumn, number> = { suggested: 12, reasons: 60, nextRevisit: 14, manual: 10 };

/** Where the add-in's columns go: where an earlier run put them, else right of everything in the table's rows. */
function placeOwnColumns(ledger: SheetGrid, layout: LedgerLayout, lastDataRow: number, disputeRows: ReadonlySet<number>): Map<OwnColumn, number> {
  const wanted = OWN_ORDER.filter((k) => k !== 'manual' || layout.fields.manualLevel === undefined || layout.own.manual !== undefined);
  const placed = new Map<OwnColumn, number>();
  let next = layout.lastCol;
  // A row's length reaches its last cell, blank or not: hosts include formatted empty cells (a
  // template's borders), and the add-in's columns go right of them too.
  for (let r = layout.headerTop; r <= lastDataRow; r++) next = Math.max(next, (ledger.values[r]?.length ?? 0) - 1);
  for (const m of ledger.merges) if (m.bottom >= layout.headerTop && m.top <= lastDataRow) next = Math.max(next, m.right);
  // A merged area reaching past the grid, an array formula's range or a table counts where the
  // add-in writes: the header's rows and the disputes' (a month's separator row merged across the
  // sheet gets no cell of the add-in's).
  // The first dispute row at or below a row, by halving: an area may name a million rows, and a
  // sheet may hold thousands of areas (a row by row walk took 52 s over 5,000 array formulas).
  const sorted = [...disputeRows].sort((a, b) => a - b);
  const firstDisputeFrom = (row: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length ? sorted[lo] : Infinity;
  };
  const getsOwnCells = (m: { top: number; bottom: number }) => {
    if (m.top <= layout.headerBottom && m.bottom >= layout.headerTop) return true;
    return firstDisputeFrom(Math.max(m.top, layout.headerBottom + 1)) <= Math.min(m.bottom, lastDataRow);
  };
  for (const m of ledger.mergesPastGrid ?? []) if (getsOwnCells(m)) next = Math.max(next, m.right);
  for (const area of ledger.areasInUse ?? []) if (getsOwnCells(area)) next = Math.max(next, area.right);
  for (const key of OWN_ORDER) if (layout.own[key] !== undefined) next = Math.max(next, layout.own[key]!);
  for (const key of wanted) placed.set(key, layout.own[key] ?? ++next);
  return placed;
}

/**
 * The header cell the add-in's headers take their look from: the user's last one left of the
 * add-in's columns. Not the table's last column, which after a re-run may be the add-in's own or a
 * column the user added right of them (its header's colour then spread to the add-in's).
 */
function headerStyleColumn(layout: LedgerLayout, placed: ReadonlyMap<OwnColumn, number>): number {
  const own = new Set(placed.values());
  // A user's own 人工定级, wherever it stands, is no column the add-in writes a header in.
  const firstOwn = Math.min(...[...placed].filter(([key]) => writesHeader(key, layout)).map(([, col]) => col));
  let col = layout.firstCol;
  for (const c of layout.labels.keys()) if (c > col && c < firstOwn && !own.has(c)) col = c;
  return col;
}

/** Whether the add-in writes the column's header: every one but the manual level's once it exists (then it is the user's). */
function writesHeader(key: OwnColumn, layout: LedgerLayout): boolean {
  return key !== 'manual' || layout.own.manual === undefined;
}

function planWrites(
  ledger: SheetGrid,
  layout: LedgerLayout,
  lastDataRow: number,
  disputes: TriagedDispute[],
  language: Language,
  reports: { dueList: WritePlan['reports'][number]; summary: WritePlan['reports'][number]; stateRows: (string | number)[][] },
): WritePlan {
  const placed = placeOwnColumns(ledger, layout, lastDataRow, new Set(disputes.map((d) => d.record.row - 1)));
  // Past XFD Excel refuses the file and LibreOffice drops the columns: say so rather than write them.
  if ([...placed.values()].some((c) => c > LAST_COLUMN)) {
    // The column the sheet is used to: the one before the first the add-in would add (XFB said as XFD misled).
    const added = [...placed].filter(([key]) => layout.own[key] === undefined).map(([, col]) => col);
    throw new LedgerWriteError('ledger.noRoomForColumns', { sheet: ledger.name, count: placed.size, last: columnLetter(Math.min(...added) - 1) }, language);
  }
  const columns: OwnColumnPlan[] = [...placed].map(([key, col]) =>
    columnWithCells(
      { key, header: writesHeader(key, layout) ? OWN_COLUMN_HEADERS[key] : null, col, kind: OWN_KIND[key], width: OWN_WIDTH[key] },
      {
        // The manual column belongs to the user once created: no cells.
        length: key === 'manual' ? 0 : disputes.length,
        rowAt: (i) => disputes[i].record.row - 1,
        cellAt: (i) => ({ row: disputes[i].record.row - 1, value: ownValue(key, disputes[i]) }),
      },
    ),
  );
  const firstDataRow = layout.headerBottom + 1;
  const last = Math.max(lastDataRow, firstDataRow);
  const suggestedCol = placed.get('suggested')!;
  const manualCol = layout.fields.manualLevel ?? placed.get('manual')!;
  const revisitCol = placed.get('nextRevisit')!;
  const rightmost = Math.max(layout.lastCol, ...placed.values());
  const anchor = (col: number) => `$${columnLetter(col)}${firstDataRow + 1}`;
  const formulas = levelFormulas(anchor(manualCol), anchor(suggestedCol));
  return {
    sheet: ledger.name,
    headerTop: layout.headerTop,
    headerBottom: layout.headerBottom,
    firstDataRow,
    lastDataRow: last,
    columns,
    headerStyleFrom: { row: layout.headerTop, col: headerStyleColumn(layout, placed) },
    levelFormat: {
      range: { top: firstDataRow, bottom: last, left: layout.firstCol, right: rightmost },
      rules: [
        { formula: formulas.red, style: 'red' },
        { formula: formulas.yellow, style: 'yellow' },
        { formula: formulas.green, style: 'green' },
      ],
    },
    overdueFormat: {
      range: { top: firstDataRow, bottom: last, left: revisitCol, right: revisitCol },
      rules: [
        ...(['red', 'yellow', 'green'] as const).map((level) => ({
          formula: `AND(${overdueFormula(anchor(revisitCol))},${formulas[level]})`,
          style: 'overdue' as const,
          fill: level,
          stopIfTrue: true,
        })),
        { formula: overdueFormula(anchor(revisitCol)), style: 'overdue', stopIfTrue: true },
      ],
    },
    dropdown: manualCol !== placed.get('manual') ? null : {
      range: { top: firstDataRow, bottom: last, left: manualCol, right: manualCol },
      list: ['红', '黄', '绿'],
      title: DROPDOWN_TITLE,
      prompt: message('dropdown.prompt', language),
      error: message('dropdown.error', language),
    },
    reports: [reports.dueList, reports.summary],
    state: { sheet: STATE_SHEET, rows: reports.stateRows },
  };
}

function ownValue(key: OwnColumn, d: TriagedDispute): string | Day | null {
  switch (key) {
    case 'suggested':
      return d.record.status === 'open' ? LEVEL_ZH[d.triage.suggested] : SETTLED_SUGGESTION[d.record.status];
    case 'reasons':
      return d.triage.reasons.length ? d.triage.reasons.map((r) => r.text).join('；') : NO_RULE_FIRED.zh;
    case 'nextRevisit':
      return d.schedule.nextRevisit;
    default:
      return null;
  }
}

