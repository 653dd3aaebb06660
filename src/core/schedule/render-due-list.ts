import { formatDay, formatDayZh } from '../cells';
import { writtenField } from '../ledger';
import { maskForHandout, maskPartyNames, maskPhone, maskPlaceForHandout, splitParties } from '../masking';
import { LEVEL_ZH, type Day, type FieldName, type Language, type Level, type TriagedDispute } from '../model';
import { wrappedLines, type ReportCell, type ReportSheet } from '../report';
import type { LocalText } from '../rules';
import type { DueGroup } from './due-list';

export const DUE_LIST_SHEET = '回访清单';

const LABELS = {
  zh: {
    title: (asOf: string) => `回访清单（截至${asOf}）`,
    counts: (all: number, today: number, overdue: number) =>
      `应回访${all}件，其中今日到期${today}件、逾期${overdue}件。红色每日、黄色每周、绿色定期回访；回访后请填写回访情况并签字，交回录入台账。`,
    group: (owner: string, n: number, unit?: string) => `${unit ? `${unit}\u3000` : ''}责任人/单位：${owner}（${n}件）`,
    none: '截至该日没有到期的回访。',
    headers: ['序号', '台账序号', '单位', '等级', '应回访日期', '逾期天数', '村(社区)', '当事人', '联系电话', '简要情况', '处置要求', '回访情况', '回访人签字', '回访日期'],
    row: (row: number) => `第${row}行`,
    date: formatDayZh,
    level: LEVEL_ZH as Record<Level, string>,
  },
  en: {
    title: (asOf: string) => `Revisits due (as of ${asOf})`,
    counts: (all: number, today: number, overdue: number) =>
      `${all} due: ${today} due today, ${overdue} overdue. Red daily, yellow weekly, green periodically; write what was found and sign.`,
    group: (owner: string, n: number, unit?: string) => `${unit ? `${unit}  ` : ''}Responsible: ${owner} (${n})`,
    none: 'No revisits are due on this date.',
    headers: ['No.', 'Ledger no.', 'Unit', 'Level', 'Due on', 'Days overdue', 'Village', 'Parties', 'Phone', 'Summary', 'What to do', 'What was found', 'Signature', 'Date'],
    row: (row: number) => `row ${row}`,
    date: formatDay,
    level: { red: 'Red', yellow: 'Yellow', green: 'Green' } as Record<Level, string>,
  },
};
const WIDTHS = [5, 9, 12, 5, 13, 6, 10, 12, 14, 30, 24, 22, 10, 10];
/** The unit column only when several ledgers meet. */
const UNIT_COLUMN = 2;
/** Room to write by hand in the blank columns. */
const ROW_FOR_HANDWRITING = 30;
const LINE_HEIGHT = 15;

export interface DueListRenderOptions {
  asOf: Day;
  language: Language;
  /**
   * Mask names, ID and phone numbers, and leave out addresses, sensitive labels and ages (default
   * on: the list is printed and handed out). Off, the ledger text is shown as it is.
   */
  mask: boolean;
  handling: Record<Level | 'resolved', LocalText>;
}

/**
 * The 回访清单 sheet a 民警 or 调解员 carries out: one heading per responsible person (and unit,
 * when several ledgers meet), each starting a new printed page; reds first; each line with the
 * ledger's own 序号, the masked phone, what to do, and blank 回访情况 / 回访人签字 / 回访日期 to fill
 * in by hand.
 */
export function renderDueList(groups: readonly DueGroup[], options: DueListRenderOptions): ReportSheet {
  const L = LABELS[options.language];
  const joint = groups.some((g) => g.unit !== undefined && g.unit !== '') && new Set(groups.map((g) => g.unit)).size > 1;
  const keep = (_: unknown, i: number) => joint || i !== UNIT_COLUMN;
  const headers = L.headers.filter(keep);
  const widths = WIDTHS.filter(keep);
  const width = headers.length;
  const items = groups.flatMap((g) => g.items);
  const today = items.filter((d) => d.schedule.nextRevisit === options.asOf).length;
  const rows: ReportCell[][] = [
    [{ value: L.title(L.date(options.asOf)), style: 'title' }],
    [{ value: L.counts(items.length, today, items.length - today), style: 'subtitle' }],
    headers.map((h) => ({ value: h, style: 'header' as const })),
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: width - 1 },
    { top: 1, left: 0, bottom: 1, right: width - 1 },
  ];
  const rowHeights: Record<number, number> = { 1: 2 * LINE_HEIGHT + 2, 2: 2 * LINE_HEIGHT };
  const rowBreaks: number[] = [];
  if (items.length === 0) {
    merges.push({ top: 3, left: 0, bottom: 3, right: width - 1 });
    rows.push([{ value: L.none, style: 'note' }]);
  }
  const shared = sharedCells(options);
  let n = 0;
  for (const group of groups) {
    // Each person's list starts a page, so it can be torn off and handed over.
    if (n > 0) rowBreaks.push(rows.length);
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    rows.push([{ value: L.group(group.owner, group.items.length, joint ? group.unit : undefined), style: 'subtitle' }]);
    const unit: ReportCell = { value: group.unit ?? '', style: 'wrap' };
    for (const d of group.items) {
      const cells = dueRow(++n, d, unit, shared, options).filter(keep);
      rowHeights[rows.length] = Math.max(ROW_FOR_HANDWRITING, wrappedLines(cells, widths) * LINE_HEIGHT);
      rows.push(cells);
    }
  }
  return {
    name: DUE_LIST_SHEET,
    columnWidths: widths,
    rows,
    merges,
    rowHeights,
    rowBreaks,
    printTitleRows: [3, 3],
    print: { landscape: true, fitToWidth: true },
    freezeRows: 3,
  };
}

/**
 * Cells that read the same on many rows (the level, what to do, the blanks to write in) and the
 * dates as printed: made once per list and shared by its rows, not made again for each of tens of
 * thousands of lines. Report cells are never changed once made.
 */
interface SharedCells {
  level: Record<Level, ReportCell>;
  handling: Record<Level | 'resolved', ReportCell>;
  blank: ReportCell;
  date: (day: Day) => string;
}

function sharedCells(options: DueListRenderOptions): SharedCells {
  const L = LABELS[options.language];
  const level = (l: Level): ReportCell => ({ value: L.level[l], style: l });
  const handling = (key: Level | 'resolved'): ReportCell => ({ value: options.handling[key][options.language], style: 'wrap' });
  const dates = new Map<Day, string>();
  return {
    level: { red: level('red'), yellow: level('yellow'), green: level('green') },
    handling: { red: handling('red'), yellow: handling('yellow'), green: handling('green'), resolved: handling('resolved') },
    blank: { value: '', style: 'wrap' },
    date: (day) => {
      let text = dates.get(day);
      if (text === undefined) dates.set(day, (text = L.date(day)));
      return text;
    },
  };
}

function dueRow(n: number, d: TriagedDispute, unit: ReportCell, shared: SharedCells, options: DueListRenderOptions): ReportCell[] {
  const L = LABELS[options.language];
  const { record, triage, schedule } = d;
  const written = (field: FieldName) => writtenField(record, field);
  const level = triage.effective;
  const parties = record.text.parties ?? '';
  const place = written('place');
  const summary = written('description') || written('title');
  const phone = written('phone');
  const handout = { names: splitParties(parties), address: record.text.address };
  const serial = (record.text.serial ?? '').trim();
  return [
    { value: n, style: 'number' },
    { value: serial || L.row(record.row), style: 'wrap' },
    unit,
    shared.level[level],
    { value: schedule.nextRevisit === null ? '' : shared.date(schedule.nextRevisit), style: 'number' },
    { value: schedule.overdueDays > 0 ? schedule.overdueDays : '', style: 'number' },
    { value: options.mask ? maskPlaceForHandout(place, handout) : place, style: 'wrap' },
    { value: options.mask ? maskPartyNames(handout.names) : parties, style: 'wrap' },
    { value: options.mask ? maskPhone(phone) : phone, style: 'wrap' },
    { value: options.mask ? maskForHandout(summary, handout) : summary, style: 'wrap' },
    record.status === 'resolved' ? shared.handling.resolved : shared.handling[level],
    shared.blank,
    shared.blank,
    shared.blank,
  ];
}
