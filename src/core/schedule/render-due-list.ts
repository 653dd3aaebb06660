import { formatDay } from '../cells';
import { maskForHandout, maskParties, maskPlaceForHandout, splitParties } from '../masking';
import { LEVEL_ZH, type Day, type Language, type Level, type TriagedDispute } from '../model';
import type { ReportCell, ReportSheet } from '../report';
import type { LocalText } from '../rules';
import type { DueGroup } from './due-list';

export const DUE_LIST_SHEET = '回访清单';

const LABELS = {
  zh: {
    title: (asOf: string) => `回访清单（截至 ${asOf}）`,
    counts: (all: number, today: number, overdue: number) => `应回访 ${all} 件，其中今日到期 ${today} 件、逾期 ${overdue} 件。红色每日、黄色每周、绿色定期回访。`,
    group: (owner: string, n: number) => `责任人/单位：${owner}（${n} 件）`,
    none: '截至该日没有到期的回访。',
    headers: ['序号', '台账行', '等级', '应回访日期', '逾期天数', '村(社区)', '纠纷类型', '当事人', '简要情况', '上次回访', '处置要求'],
    level: LEVEL_ZH as Record<Level, string>,
  },
  en: {
    title: (asOf: string) => `Revisits due (as of ${asOf})`,
    counts: (all: number, today: number, overdue: number) => `${all} due: ${today} due today, ${overdue} overdue. Red daily, yellow weekly, green periodically.`,
    group: (owner: string, n: number) => `Responsible: ${owner} (${n})`,
    none: 'No revisits are due on this date.',
    headers: ['No.', 'Row', 'Level', 'Due on', 'Days overdue', 'Village', 'Type', 'Parties', 'Summary', 'Last revisit', 'What to do'],
    level: { red: 'Red', yellow: 'Yellow', green: 'Green' } as Record<Level, string>,
  },
};

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

/** The 回访清单 sheet: one row per revisit due, under a heading row per responsible person. */
export function renderDueList(groups: readonly DueGroup[], options: DueListRenderOptions): ReportSheet {
  const L = LABELS[options.language];
  const width = L.headers.length;
  const items = groups.flatMap((g) => g.items);
  const today = items.filter((d) => d.schedule.nextRevisit === options.asOf).length;
  const rows: ReportCell[][] = [
    [{ value: L.title(formatDay(options.asOf)), style: 'title' }],
    [{ value: L.counts(items.length, today, items.length - today), style: 'subtitle' }],
    L.headers.map((h) => ({ value: h, style: 'header' as const })),
  ];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: width - 1 },
    { top: 1, left: 0, bottom: 1, right: width - 1 },
  ];
  if (items.length === 0) {
    merges.push({ top: 3, left: 0, bottom: 3, right: width - 1 });
    rows.push([{ value: L.none, style: 'note' }]);
  }
  let n = 0;
  for (const group of groups) {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    rows.push([{ value: L.group(group.owner, group.items.length), style: 'subtitle' }]);
    for (const d of group.items) rows.push(dueRow(++n, d, options));
  }
  return {
    name: DUE_LIST_SHEET,
    columnWidths: [6, 7, 6, 12, 8, 14, 12, 16, 40, 12, 36],
    rows,
    merges,
    printTitleRows: [3, 3],
    print: { landscape: true, fitToWidth: true },
    freezeRows: 3,
  };
}

function dueRow(n: number, d: TriagedDispute, options: DueListRenderOptions): ReportCell[] {
  const L = LABELS[options.language];
  const { record, triage, schedule } = d;
  const level = triage.effective;
  const parties = record.text.parties ?? '';
  const place = record.text.place ?? '';
  const summary = record.text.description || record.text.title || '';
  const handout = { names: splitParties(parties), address: record.text.address };
  const handling = record.status === 'resolved' ? options.handling.resolved : options.handling[level];
  return [
    { value: n, style: 'number' },
    { value: record.row, style: 'number' },
    { value: L.level[level], style: level },
    { value: schedule.nextRevisit, style: 'date' },
    { value: schedule.overdueDays, style: 'number' },
    { value: options.mask ? maskPlaceForHandout(place, handout) : place, style: 'text' },
    { value: record.text.type ?? '', style: 'text' },
    { value: options.mask ? maskParties(parties) : parties, style: 'wrap' },
    { value: options.mask ? maskForHandout(summary, handout) : summary, style: 'wrap' },
    { value: record.lastRevisit, style: 'date' },
    { value: handling[options.language], style: 'wrap' },
  ];
}
