import type { CellRange, Level } from '../model';
import type { ReportCell, ReportSheet } from '../report';
import { formatDay } from '../cells';
import { findKinshipNames, maskForHandout, maskPlaceForHandout, maskText } from '../masking';
import { CHANGE_LABEL, CHANNEL_LABEL, LABELS, LEVEL_LABEL, label } from './labels';
import type { LabelKey } from './labels';
import type { BreakdownRow, MeetingSummary, RenderMeetingOptions } from './types';

/** Nine columns: the key-case list (突出矛盾纠纷台账) is the widest section and sets them. */
export const MEETING_COLUMN_WIDTHS: readonly number[] = [12, 14, 36, 8, 18, 12, 18, 16, 12];
const COLUMNS = MEETING_COLUMN_WIDTHS.length;
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

class SheetBuilder {
  readonly rows: ReportCell[][] = [];
  readonly merges: CellRange[] = [];

  /** Adds a row and returns its 0-based index. */
  add(cells: ReportCell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  /** A single value merged across all columns. */
  banner(value: string, style: ReportCell['style']): number {
    const r = this.add([{ value, style }]);
    this.merges.push({ top: r, left: 0, bottom: r, right: COLUMNS - 1 });
    return r;
  }

  gap(): void {
    this.add([]);
  }
}


/**
 * The print-ready 联席会议汇总 sheet. With `mask` (the default) every text cell taken from one
 * dispute goes through `maskForHandout` (places through `maskPlaceForHandout`) with the names of the
 * parties it could contain: names, ID numbers and phone numbers never appear in clear, and the
 * addresses, sensitive labels and ages the handout rules find are left out; the parties column
 * itself is never printed. Type names are categories, not
 * one person's text: they are masked for names only (`maskText`).
 */
export function renderMeetingSummary(summary: MeetingSummary, options: RenderMeetingOptions): ReportSheet {
  const lang = options.language;
  const mask = options.mask !== false;
  const t = (key: LabelKey, values?: Record<string, string>) => label(lang, key, values);
  const show = (text: string, names: readonly string[], address?: string): string =>
    mask && text !== '' ? maskForHandout(text, { names, address }) : text;
  const showPlace = (text: string, names: readonly string[], address?: string): string =>
    mask && text !== '' ? maskPlaceForHandout(text, { names, address }) : text;
  const showType = (text: string, names: readonly string[]): string => (mask && text !== '' ? maskText(text, [...names]) : text);
  const levelCell = (level: Level): ReportCell => ({ value: t(LEVEL_LABEL[level]), style: level });
  const num = (n: number): ReportCell => ({ value: n, style: 'number' });
  const pct = (x: number | null): ReportCell => (x === null ? { value: t('dash'), style: 'text' } : { value: x, style: 'percent' });
  const head = (keys: LabelKey[]): ReportCell[] => keys.map((k) => ({ value: t(k), style: 'header' }));
  const b = new SheetBuilder();
  const note = (text: string) => b.banner(text, 'note');

  const { period } = summary;
  b.banner(
    t('title', { unit: options.unitName?.trim() ?? '', from: formatDay(period.from), to: formatDay(period.to) }),
    'title',
  );
  b.banner(t('subtitle', { asOf: formatDay(summary.asOf) }), 'subtitle');

  let sectionNo = 0;
  const section = (key: LabelKey) => {
    b.gap();
    const n = sectionNo++;
    const prefix = lang === 'zh' ? `${ZH_NUMERALS[n] ?? String(n + 1)}、` : `${n + 1}. `;
    b.banner(prefix + t(key), 'subtitle');
  };

  // Totals
  section('totals');
  b.add(head(['metric', 'thisPeriod', 'yearToDate']));
  const { period: p, yearToDate: y } = summary.totals;
  b.add([{ value: t('registered'), style: 'text' }, num(p.registered), num(y.registered)]);
  b.add([{ value: t('handled'), style: 'text' }, num(p.handled), num(y.handled)]);
  b.add([{ value: t('handledRate'), style: 'text' }, pct(p.handledRate), pct(y.handledRate)]);
  b.add([{ value: t('resolved'), style: 'text' }, num(p.resolved), num(y.resolved)]);
  b.add([{ value: t('resolvedRate'), style: 'text' }, pct(p.resolvedRate), pct(y.resolvedRate)]);
  note(t('totalsNote', { yearStart: formatDay(summary.yearStart) }));

  // Open by level
  section('open');
  b.add(head(['level', 'count']));
  for (const level of ['red', 'yellow', 'green'] as const) b.add([levelCell(level), num(summary.open[level])]);
  b.add([{ value: t('total'), style: 'text' }, num(summary.open.total)]);
  note(t('openNote', { asOf: formatDay(summary.asOf) }));

  // Breakdowns
  const breakdownName = (r: BreakdownRow, showName: (text: string, names: readonly string[]) => string): string => {
    if (r.channel) return t(CHANNEL_LABEL[r.channel]);
    if (r.blank) return t('blank');
    return showName(r.name, r.names);
  };
  const breakdownSection = (title: LabelKey, nameKey: LabelKey, rows: BreakdownRow[], showName = showType) => {
    section(title);
    b.add(head([nameKey, 'count', 'resolved', 'openRed', 'openYellow', 'openGreen']));
    if (rows.length === 0) b.add([{ value: t('none'), style: 'note' }]);
    for (const r of rows) {
      b.add([{ value: breakdownName(r, showName), style: 'text' }, num(r.count), num(r.resolved), num(r.openRed), num(r.openYellow), num(r.openGreen)]);
    }
  };
  breakdownSection('byType', 'type', summary.byType);
  breakdownSection('byPlace', 'place', summary.byPlace, showPlace);
  breakdownSection('byChannel', 'channel', summary.byChannel);

  // Headcount
  if (summary.headcount) {
    section('headcount');
    b.add(head(['people', 'count']));
    const h = summary.headcount;
    for (const k of ['under50', 'from50to100', 'from101to500', 'over500'] as const) b.add([{ value: t(k), style: 'text' }, num(h[k])]);
    b.add([{ value: t('blank'), style: 'text' }, num(h.unknown)]);
  }

  // Settlement
  section('settlement');
  b.add(head(['tier', 'count', 'share']));
  const s = summary.settlement;
  for (const k of ['village', 'township', 'escalated'] as const) {
    b.add([{ value: t(k), style: 'text' }, num(s[k]), pct(s.total === 0 ? null : s[k] / s.total)]);
  }
  b.add([{ value: t('total'), style: 'text' }, num(s.total), pct(s.total === 0 ? null : 1)]);
  note(t('settlementNote'));

  // Key cases
  section('keyCases');
  b.add(head(['serial', 'place', 'brief', 'level', 'owner', 'deadline', 'statusText', 'supervision', 'closure']));
  if (summary.keyCases.length === 0) b.add([{ value: t('none'), style: 'note' }]);
  for (const k of summary.keyCases) {
    const address = k.address;
    // A child named after 女儿 in the brief is masked in the status and supervision cells too.
    const names = mask ? [...k.names, ...findKinshipNames([k.brief, k.statusText, k.supervision, k.closure].join('\n'))] : k.names;
    const wrap = (text: string): ReportCell => ({ value: show(text, names, address), style: 'wrap' });
    b.add([
      num(k.index),
      { value: showPlace(k.place, names, address), style: 'wrap' },
      wrap(k.brief),
      levelCell(k.level),
      wrap(k.owner),
      k.deadline !== null ? { value: k.deadline, style: 'date' } : wrap(k.deadlineText),
      wrap(k.statusText),
      wrap(k.supervision),
      wrap(k.closure),
    ]);
  }

  // Overdue revisits
  section('overdue');
  b.add([{ value: t('overdueCount'), style: 'text' }, num(summary.overdue.count)]);
  b.add(head(['ledgerRow', 'villageColumn', 'level', 'person', 'dueDate', 'overdueDays']));
  if (summary.overdue.items.length === 0) b.add([{ value: t('none'), style: 'note' }]);
  for (const o of summary.overdue.items) {
    b.add([
      num(o.row),
      { value: showPlace(o.place, o.names, o.address), style: 'text' },
      levelCell(o.level),
      { value: show(o.owner, o.names, o.address), style: 'text' },
      o.due !== null ? { value: o.due, style: 'date' } : { value: t('dash'), style: 'text' },
      num(o.overdueDays),
    ]);
  }

  if (summary.overdue.count > summary.overdue.items.length)
    note(t('overdueMore', { more: String(summary.overdue.count - summary.overdue.items.length) }));

  // Changes since the previous meeting
  section('changes');
  const c = summary.changes;
  if (!c) {
    note(t('noPrevious'));
  } else {
    note(t('changesSince', { from: formatDay(c.previousPeriod.from), to: formatDay(c.previousPeriod.to) }));
    b.add(head(['category', 'count']));
    for (const cat of ['newRed', 'escalated', 'deEscalated', 'resolved'] as const) {
      b.add([{ value: t(CHANGE_LABEL[cat]), style: 'text' }, num(c.counts[cat])]);
    }
    if (c.items.length > 0) {
      b.gap();
      b.add(head(['category', 'ledgerRow', 'place', 'previousLevel', 'currentLevel']));
      for (const item of c.items) {
        b.add([
          { value: t(CHANGE_LABEL[item.category]), style: 'text' },
          num(item.row),
          { value: showPlace(item.place, item.names, item.address), style: 'text' },
          item.previousLevel ? levelCell(item.previousLevel) : { value: t('absent'), style: 'text' },
          levelCell(item.level),
        ]);
      }
    }
  }

  return {
    name: LABELS.sheetName.zh,
    columnWidths: [...MEETING_COLUMN_WIDTHS],
    rows: b.rows,
    merges: b.merges,
    printTitleRows: [1, 2],
    print: { landscape: true, fitToWidth: true },
  };
}
