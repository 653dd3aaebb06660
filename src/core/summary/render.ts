import { LEVELS, type CellRange, type Level } from '../model';
import { handoutExcerpt, linesNeeded, ReportRows, sheetWithRows, wrappedLines, type ReportCell, type ReportChart, type ReportSheet } from '../report';
import { formatDay, formatDayZh, formatSpanZh } from '../cells';
import { HandoutMasker, maskText } from '../masking';
import { CHANGE_LABEL, CHANNEL_LABEL, LABELS, LEVEL_LABEL, label } from './labels';
import type { LabelKey } from './labels';
import type { Breakdown, BreakdownRow, ListedDispute, MeetingSummary, RenderMeetingOptions } from './types';

/** The ledger's words quoted in a reason (“…” in Chinese, "…" in English: reason-texts.ts › quoted). */
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** The columns of the dispute lists, which set the sheet's grid; the unit column only when several ledgers meet. */
const LIST_COLUMNS = [
  { key: 'serial', width: 9 },
  { key: 'unit', width: 14 },
  { key: 'place', width: 10 },
  { key: 'level', width: 6 },
  { key: 'registeredOn', width: 14 },
  { key: 'daysOpen', width: 7 },
  { key: 'brief', width: 30 },
  { key: 'reasons', width: 26 },
  { key: 'owner', width: 12 },
  { key: 'nextRevisit', width: 14 },
  { key: 'overdueDays', width: 7 },
  { key: 'statusText', width: 16 },
] as const;
type ListColumn = (typeof LIST_COLUMNS)[number]['key'];
/** Table labels span the first three columns. */
const LABEL_SPAN = 3;
const LINE_HEIGHT = 15;
/** Rows a chart covers: about 8.5 cm at the default row height. */
const CHART_ROWS = 16;
const TYPE_CHART_LIMIT = 10;
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
/** Chart colours of the three levels (stronger than the cell fills, to read on paper). */
export const LEVEL_CHART_COLORS: Readonly<Record<Level, string>> = { red: 'D9363E', yellow: 'F2B93B', green: '4CAF50' };
const NEUTRAL_CHART_COLOR = '4472C4';

class SheetBuilder {
  readonly rows = new ReportRows();
  readonly merges: CellRange[] = [];
  readonly rowHeights = this.rows.heights;
  constructor(readonly widths: readonly number[]) {}

  get columns(): number {
    return this.widths.length;
  }

  /** Adds a row and returns its 0-based index. */
  add(cells: ReportCell[]): number {
    return this.rows.add(cells);
  }

  /**
   * Adds one row per item, each made (and sized to its wrapping cells) only when the sheet is
   * written: the lists run to tens of thousands of lines.
   */
  addList<T>(items: readonly T[], cells: (item: T) => ReportCell[]): void {
    this.rows.addMade(items.length, (i) => {
      const row = cells(items[i]);
      return { cells: row, height: this.heightOf(row) };
    });
  }

  /** The height a row's wrapping cells need, undefined when one line will do. */
  private heightOf(cells: ReportCell[]): number | undefined {
    const lines = wrappedLines(cells, this.widths);
    return lines > 1 ? lines * LINE_HEIGHT : undefined;
  }

  /** A single value merged across all columns, as tall as its text needs. */
  banner(value: string, style: ReportCell['style']): number {
    const r = this.add([{ value, style }]);
    this.merges.push({ top: r, left: 0, bottom: r, right: this.columns - 1 });
    const total = this.widths.reduce((a, b) => a + b, 0);
    const lines = linesNeeded(value, style === 'title' ? Math.floor((total * 11) / 15) : total);
    if (lines > 1) this.rowHeights[r] = lines * (style === 'title' ? 22 : LINE_HEIGHT) + 2;
    return r;
  }

  /** A table row: its label merged over the first columns, then one value per column. */
  labelled(labelCell: ReportCell, values: ReportCell[]): number {
    const r = this.add([labelCell, ...Array.from({ length: LABEL_SPAN - 1 }, () => ({ value: '', style: labelCell.style })), ...values]);
    this.merges.push({ top: r, left: 0, bottom: r, right: LABEL_SPAN - 1 });
    const width = this.widths.slice(0, LABEL_SPAN).reduce((a, b) => a + b, 0);
    const valueLines = values.map((v, i) => (typeof v.value === 'string' ? linesNeeded(v.value, this.widths[LABEL_SPAN + i] ?? 10) : 1));
    const lines = Math.max(typeof labelCell.value === 'string' ? linesNeeded(labelCell.value, width) : 1, ...valueLines);
    if (lines > 1) this.rowHeights[r] = lines * LINE_HEIGHT;
    return r;
  }

  /** Row `r`, given now, as tall as its wrapping cells need. */
  fitHeight(r: number): void {
    const height = this.heightOf(this.rows.given(r) ?? []);
    if (height !== undefined) this.rowHeights[r] = height;
  }

  /** Blank rows a chart is drawn over; returns the first. */
  space(rows: number): number {
    const first = this.rows.length;
    for (let i = 0; i < rows; i++) this.add([]);
    return first;
  }

  gap(): void {
    this.add([]);
  }
}

/**
 * The print-ready 联席会议汇总 sheet, for one ledger or the joint meeting of several. Text is the
 * ledger's own as written (its punctuation kept); with `mask` (the default) every text cell taken
 * from a dispute goes through `maskForHandout` (places through `maskPlaceForHandout`) with the
 * names of the parties it could contain: names, ID numbers and phone numbers never appear in
 * clear, and addresses, sensitive labels and ages are left out; the parties column itself is never
 * printed. Type names are categories, masked for names only (`maskText`). Disputes are referred to
 * by their ledger's own 序号/案件编号, by row only where the ledger has none. A4 landscape, with
 * blanks for the meeting's time, place, chair and attendance, a 下步工作 block and signatures.
 */
export function renderMeetingSummary(summary: MeetingSummary, options: RenderMeetingOptions): ReportSheet {
  const lang = options.language;
  const mask = options.mask !== false;
  const zh = lang === 'zh';
  const t = (key: LabelKey, values?: Record<string, string | number>) =>
    label(lang, key, values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  // Long lists print the same dates again and again: each is written out once.
  const printedDays = new Map<number, string>();
  const day = (d: number) => {
    let text = printedDays.get(d);
    if (text === undefined) printedDays.set(d, (text = zh ? formatDayZh(d) : formatDay(d)));
    return text;
  };
  const span = (from: number, to: number) => (zh ? formatSpanZh(from, to) : `${formatDay(from)} – ${formatDay(to)}`);
  const joint = summary.units.length > 1;
  const columns = LIST_COLUMNS.filter((c) => c.key !== 'unit' || joint);
  const b = new SheetBuilder(columns.map((c) => c.width));

  // One masker for the paper: a dispute open and overdue is on two lists, and places, owners and
  // statuses repeat from line to line.
  const masker = new HandoutMasker();
  // A long text is cut to what a line shows once masked (handoutExcerpt), never before.
  const show = (text: string, names: readonly string[], address?: string): string =>
    handoutExcerpt(mask && text !== '' ? masker.text(text, { names, address }) : text);
  // A reason is the add-in's own words (its rules' names: 严重或反复的家庭暴力) with the ledger's
  // words quoted in it: only the quotes are the ledger's, and only they are masked.
  const showReasons = (text: string, names: readonly string[], address?: string): string =>
    mask && text !== '' ? text.replace(QUOTED, (quote) => show(quote, names, address)) : text;
  const showPlace = (text: string, names: readonly string[], address?: string): string =>
    handoutExcerpt(mask && text !== '' ? masker.place(text, { names, address }) : text);
  const showType = (text: string, names: readonly string[]): string => (mask && text !== '' ? maskText(text, [...names]) : text);
  // The cells that read the same on many list lines are made once (report cells are never changed):
  // the lists run to tens of thousands of lines when many disputes are open or overdue.
  const levelCells = Object.fromEntries(LEVELS.map((l) => [l, { value: t(LEVEL_LABEL[l]), style: l }])) as Record<Level, ReportCell>;
  const levelCell = (level: Level): ReportCell => levelCells[level];
  const num = (n: number): ReportCell => ({ value: n, style: 'number' });
  const pct = (x: number | null): ReportCell => (x === null ? { value: t('dash'), style: 'number' } : { value: x, style: 'percent' });
  const textCell = (value: string): ReportCell => ({ value, style: 'text' });
  const wrap = (value: string): ReportCell => ({ value, style: 'wrap' });
  const blankText = textCell('');
  const dashText = textCell(t('dash'));
  const headRow = (labelKey: LabelKey, keys: LabelKey[]) =>
    b.labelled({ value: t(labelKey), style: 'header' }, keys.map((k) => ({ value: t(k), style: 'header' as const })));
  const note = (text: string) => b.banner(text, 'note');

  // Heading block: title with the units, the period in Chinese dates, blanks for the meeting.
  const unitText = summary.units.filter((u) => u !== '').join('、');
  b.banner(t(joint ? 'titleJoint' : 'title', { unit: unitText }), 'title');
  b.banner(t('subtitle', { span: span(summary.period.from, summary.period.to), asOf: day(summary.asOf) }), 'subtitle');
  b.banner(t('meetingBlanks'), 'text');
  b.banner(t('attendees', { units: unitText ? `${unitText}、` : '' }), 'text');

  let sectionNo = 0;
  const section = (key: LabelKey) => {
    b.gap();
    const n = sectionNo++;
    b.banner((zh ? `${ZH_NUMERALS[n] ?? String(n + 1)}、` : `${n + 1}. `) + t(key), 'subtitle');
  };

  // 一 Totals
  section('totals');
  headRow('metric', ['thisPeriod', 'yearToDate']);
  const { period: p, yearToDate: y } = summary.totals;
  b.labelled(textCell(t('registered')), [num(p.registered), num(y.registered)]);
  b.labelled(textCell(t('handled')), [num(p.handled), num(y.handled)]);
  b.labelled(textCell(t('handledRate')), [pct(p.handledRate), pct(y.handledRate)]);
  b.labelled(textCell(t('resolved')), [num(p.resolved), num(y.resolved)]);
  b.labelled(textCell(t('resolvedRate')), [pct(p.resolvedRate), pct(y.resolvedRate)]);
  note(t('totalsNote', { span: span(summary.period.from, summary.period.to), yearStart: day(summary.yearStart) }));
  if (summary.sharedCount > 0) {
    const lines = summary.unitRows.reduce((n, u) => n + u.disputes, 0);
    note(t('shared', { all: lines, shared: summary.sharedCount }));
  }

  // 二 Open by level, with the period's registrations by level (the pie's data)
  section('open');
  headRow('level', ['openAll', 'openInPeriod', 'periodByLevel']);
  const levelRows: number[] = [];
  for (const level of ['red', 'yellow', 'green'] as const)
    levelRows.push(
      b.labelled(levelCell(level), [num(summary.open[level]), num(summary.openRegisteredInPeriod[level]), num(summary.periodByLevel[level])]),
    );
  b.labelled(textCell(t('total')), [num(summary.open.total), num(summary.openRegisteredInPeriod.total), num(summary.periodByLevel.total)]);
  note(t('openNote', { asOf: day(summary.asOf) }));

  // 三 Charts: drawn over blank rows, fed by the tables of this sheet (ranges filled in below).
  section('charts');
  const chartTop = b.space(CHART_ROWS);
  const half = Math.floor(b.columns / 2);
  const charts: ReportChart[] = [];
  const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });
  charts.push({
    kind: 'pie',
    title: t('chartByLevel'),
    categories: range(levelRows[0], 0, levelRows[2], 0),
    series: [
      {
        name: t('periodByLevel'),
        values: range(levelRows[0], LABEL_SPAN + 2, levelRows[2], LABEL_SPAN + 2),
        pointColors: [LEVEL_CHART_COLORS.red, LEVEL_CHART_COLORS.yellow, LEVEL_CHART_COLORS.green],
      },
    ],
    anchor: range(chartTop, 0, chartTop + CHART_ROWS - 1, half - 1),
  });
  /** The bar chart of the period: by unit for a joint meeting, else by type; its rows and value column. */
  let barChart: { title: LabelKey; rows: number[]; column: number } | null = null;
  if (summary.history.length >= 2) {
    b.gap();
    headRow('meetingPeriod', ['openRed', 'openYellow']);
    const historyRows = summary.history.map((h) =>
      b.labelled(textCell(span(h.period.from, h.period.to)), [num(h.red), num(h.yellow)]),
    );
    const top = b.space(CHART_ROWS);
    const first = historyRows[0];
    const last = historyRows[historyRows.length - 1];
    charts.push({
      kind: 'column',
      title: t('chartHistory'),
      categories: range(first, 0, last, 0),
      series: [
        { name: t('openRed'), values: range(first, LABEL_SPAN, last, LABEL_SPAN), color: LEVEL_CHART_COLORS.red },
        { name: t('openYellow'), values: range(first, LABEL_SPAN + 1, last, LABEL_SPAN + 1), color: LEVEL_CHART_COLORS.yellow },
      ],
      anchor: range(top, 0, top + CHART_ROWS - 1, b.columns - 1),
    });
  }

  // Per unit, when several ledgers meet
  if (joint && summary.unitRows.length > 0) {
    section('byUnit');
    headRow('unit', ['ledgerLines', 'periodRegistered', 'periodResolved', 'resolvedShare', 'openRed', 'openYellow', 'openGreen', 'overdueShort', 'sharedShort']);
    const unitRows = summary.unitRows.map((u) =>
      b.labelled(textCell(u.unit), [
        num(u.disputes),
        num(u.registered),
        num(u.resolved),
        pct(u.resolvedRate),
        num(u.open.red),
        num(u.open.yellow),
        num(u.open.green),
        num(u.overdue),
        num(u.shared),
      ]),
    );
    const tp = summary.totals.period;
    b.labelled(textCell(t('total')), [
      num(summary.disputes),
      num(tp.registered),
      num(tp.resolved),
      pct(tp.registered === 0 ? null : tp.resolved / tp.registered),
      num(summary.open.red),
      num(summary.open.yellow),
      num(summary.open.green),
      num(summary.overdue.byLevel.red + summary.overdue.byLevel.yellow),
      num(summary.sharedCount),
    ]);
    note(t('byUnitNote'));
    barChart = { title: 'chartByUnit', rows: unitRows, column: LABEL_SPAN + 1 };
  }

  // Breakdowns: what the period registered and resolved, and what is open now
  const breakdownName = (r: BreakdownRow, showName: (text: string, names: readonly string[]) => string): string => {
    if (r.channel) return t(CHANNEL_LABEL[r.channel]);
    if (r.blank) return t('blank');
    return showName(r.name, r.names);
  };
  let explained = false;
  const breakdownSection = (title: LabelKey, nameKey: LabelKey, table: Breakdown, showName = showType): number[] => {
    section(title);
    headRow(nameKey, ['periodRegistered', 'periodResolved', 'resolvedShare', 'openRed', 'openYellow', 'openGreen', 'openTotal']);
    const values = (r: BreakdownRow) => [
      num(r.registered),
      num(r.resolved),
      pct(r.resolvedRate),
      num(r.openRed),
      num(r.openYellow),
      num(r.openGreen),
      num(r.openRed + r.openYellow + r.openGreen),
    ];
    const rows = table.rows.map((r) => b.labelled(textCell(breakdownName(r, showName)), values(r)));
    if (table.rows.length === 0) b.labelled({ value: t('none'), style: 'text' }, []);
    b.labelled(textCell(t('total')), values(table.total));
    if (!explained) note(t('breakdownNote'));
    explained = true;
    return rows;
  };
  const typeRows = breakdownSection('byType', 'type', summary.byType);
  breakdownSection('byPlace', 'place', summary.byPlace, showPlace);
  breakdownSection('byOwner', 'ownerName', summary.byOwner, (text, names) => show(text, names));
  breakdownSection('byChannel', 'channel', summary.byChannel);
  if (!barChart) barChart = { title: 'chartByType', rows: typeRows.slice(0, TYPE_CHART_LIMIT), column: LABEL_SPAN };
  if (barChart.rows.length > 0) {
    const first = barChart.rows[0];
    const last = barChart.rows[barChart.rows.length - 1];
    charts.push({
      kind: 'bar',
      title: t(barChart.title),
      categories: range(first, 0, last, 0),
      series: [{ name: t('periodRegistered'), values: range(first, barChart.column, last, barChart.column), color: NEUTRAL_CHART_COLOR }],
      anchor: range(chartTop, half, chartTop + CHART_ROWS - 1, b.columns - 1),
    });
  }

  // Headcount
  if (summary.headcount) {
    section('headcount');
    headRow('people', ['count']);
    const h = summary.headcount;
    for (const k of ['under50', 'from50to100', 'from101to500', 'over500'] as const) b.labelled(textCell(t(k)), [num(h[k])]);
    b.labelled(textCell(t('blank')), [num(h.unknown)]);
  }

  // Settlement
  section('settlement');
  headRow('tier', ['count', 'share']);
  const s = summary.settlement;
  for (const k of ['village', 'township', 'escalated'] as const) b.labelled(textCell(t(k)), [num(s[k]), pct(s.total === 0 ? null : s[k] / s.total)]);
  b.labelled(textCell(t('total')), [num(s.total), pct(s.total === 0 ? null : 1)]);
  note(t('settlementNote'));

  // The dispute lists share one grid: 序号 as the ledger has it, unit, place, level …
  // `cells` may depend on the names to mask, which include a child named after 女儿 in any of `extraTexts`.
  type ListCells = Partial<Record<ListColumn, ReportCell>>;
  const listRow = (item: ListedDispute, cells: ListCells | ((names: readonly string[]) => ListCells), extraTexts: string[] = []): ReportCell[] => {
    const names = mask ? [...item.names, ...masker.kinshipNames([item.brief, ...extraTexts])] : item.names;
    const base: Record<ListColumn, ReportCell> = {
      serial: wrap(item.refs.map((r) => r.serial || t('rowRef', { row: r.row })).join('、')),
      unit: wrap(item.refs.map((r) => r.unit).join('、')),
      place: wrap(showPlace(item.place, names, item.address)),
      level: levelCell(item.level),
      registeredOn: item.registered === null ? dashText : { value: day(item.registered), style: 'number' },
      daysOpen: item.daysOpen === null ? dashText : num(item.daysOpen),
      brief: wrap(show(item.brief, names, item.address)),
      reasons: wrap(showReasons(item.reasons, names, item.address)),
      owner: wrap(show(item.owner, names, item.address)),
      nextRevisit: blankText,
      overdueDays: blankText,
      statusText: blankText,
    };
    // Object.assign rather than two spreads: far cheaper in V8 for a line of every listed dispute.
    const all = Object.assign(base, typeof cells === 'function' ? cells(names) : cells);
    return columns.map((c) => all[c.key]);
  };
  const listHead = (labels: Partial<Record<ListColumn, LabelKey>>) => {
    b.fitHeight(b.add(columns.map((c) => ({ value: t(labels[c.key] ?? (c.key === 'unit' ? 'unit' : c.key)), style: 'header' as const }))));
  };

  section('keyCases');
  listHead({});
  if (summary.keyCases.length === 0) b.banner(t('none'), 'note');
  b.addList(summary.keyCases, (k) =>
    listRow(
      k,
      (names) => ({
        nextRevisit: k.nextRevisit === null ? dashText : { value: day(k.nextRevisit), style: 'number' },
        overdueDays: k.overdueDays > 0 ? num(k.overdueDays) : blankText,
        statusText: wrap(show(k.statusText, names, k.address)),
      }),
      [k.statusText],
    ),
  );
  note(t('keyCasesNote'));

  section('overdue');
  const o = summary.overdue;
  note(t('overdueCount', { all: o.count, red: o.byLevel.red, yellow: o.byLevel.yellow, green: o.byLevel.green }));
  if (o.items.length > 0) listHead({ statusText: 'dash' });
  b.addList(o.items, (item) =>
    listRow(item, {
      nextRevisit: item.due === null ? dashText : { value: day(item.due), style: 'number' },
      overdueDays: num(item.overdueDays),
    }),
  );

  section('changes');
  const c = summary.changes;
  if (!c) {
    note(t('noPrevious'));
  } else {
    note(t('changesSince', { span: span(c.previousPeriod.from, c.previousPeriod.to), source: c.source || t('dash') }));
    headRow('category', ['count']);
    for (const cat of ['newRed', 'escalated', 'deEscalated', 'resolved'] as const) b.labelled(textCell(t(CHANGE_LABEL[cat])), [num(c.counts[cat])]);
    if (c.items.length > 0) {
      b.gap();
      listHead({ level: 'currentLevel', registeredOn: 'previousLevel', daysOpen: 'category', reasons: 'why', nextRevisit: 'dash', overdueDays: 'dash', statusText: 'dash' });
      b.addList(c.items, (item) =>
        listRow(item, {
          // Not in the last data: new only if registered after it was taken; else its key changed (a
          // party added, a type or village corrected), and "new" would say what is not so.
          registeredOn: item.previousLevel
            ? levelCell(item.previousLevel)
            : textCell(t(item.registered !== null && item.registered <= c.previousPeriod.to ? 'notFoundBefore' : 'absent')),
          daysOpen: wrap(t(CHANGE_LABEL[item.category])),
          reasons: wrap(item.why ? showReasons(item.why, item.names, item.address) : item.whyLabel ? t(item.whyLabel) : ''),
        }),
      );
    }
  }

  // 下步工作: what the numbers call for, then lines to write on.
  section('nextSteps');
  const steps: string[] = [];
  if (summary.open.red > 0) steps.push(t('stepRed', { n: summary.open.red }));
  const overdueRedYellow = o.byLevel.red + o.byLevel.yellow;
  if (overdueRedYellow > 0) steps.push(t('stepOverdue', { n: overdueRedYellow }));
  const worse = c ? new Set(c.items.filter((i) => i.category === 'newRed' || i.category === 'escalated').map((i) => i.key)).size : 0;
  if (worse > 0) steps.push(t('stepEscalated', { n: worse }));
  steps.forEach((step, i) => b.banner(t('stepBlank', { n: i + 1 }) + step, 'text'));
  for (let i = steps.length; i < steps.length + 3; i++) {
    const r = b.banner(t('stepBlank', { n: i + 1 }), 'text');
    b.rowHeights[r] = 24;
  }
  b.gap();
  b.banner(t('footer'), 'text');

  return sheetWithRows(
    {
      name: LABELS.sheetName.zh,
      columnWidths: [...b.widths],
      merges: b.merges,
      charts,
      printTitleRows: [1, 2],
      print: { landscape: true, fitToWidth: true },
    },
    b.rows,
  );
}
