import { formatDay, formatDayZh } from '../cells';
import { writtenField } from '../ledger';
import { HandoutMasker, maskPartyNames, maskPhone, splitParties } from '../masking';
import { textIn, type Catalogue } from '../messages';
import type { Day, FieldName, Language, Level, TriagedDispute } from '../model';
import { handoutExcerpt, handoutWindow, ReportRows, sheetWithRows, wrappedLines, type ReportCell, type ReportSheet } from '../report';
import type { LocalText } from '../rules';
import { label } from '../summary';
import type { DueGroup } from './due-list';

export const DUE_LIST_SHEET = '回访清单';

/** Every label the 回访清单 sheet prints, in the one catalogue shape (core/messages). */
export const DUE_LIST_LABELS = {
  title: { zh: '回访清单（截至{asOf}）', en: 'Revisits due (as of {asOf})' },
  counts: {
    zh: '应回访{all}件，其中今日到期{today}件、逾期{overdue}件。红色每日、黄色每周、绿色定期回访；回访后请填写回访情况并签字，交回录入台账。',
    en: '{all} due: {today} due today, {overdue} overdue. Red daily, yellow weekly, green periodically; write what was found and sign.',
  },
  group: { zh: '责任人/单位：{owner}（{n}件）', en: 'Responsible: {owner} ({n})' },
  // When several units' ledgers meet, each heading names the unit first.
  groupOfUnit: { zh: '{unit}\u3000责任人/单位：{owner}（{n}件）', en: '{unit}  Responsible: {owner} ({n})' },
  none: { zh: '截至该日没有到期的回访。', en: 'No revisits are due on this date.' },
  row: { zh: '第{row}行', en: 'row {row}' },
  'header.serial': { zh: '序号', en: 'No.' },
  'header.ledgerSerial': { zh: '台账序号', en: 'Ledger no.' },
  'header.unit': { zh: '单位', en: 'Unit' },
  'header.level': { zh: '等级', en: 'Level' },
  'header.dueOn': { zh: '应回访日期', en: 'Due on' },
  'header.overdueDays': { zh: '逾期天数', en: 'Days overdue' },
  'header.place': { zh: '村(社区)', en: 'Village' },
  'header.parties': { zh: '当事人', en: 'Parties' },
  'header.phone': { zh: '联系电话', en: 'Phone' },
  'header.summary': { zh: '简要情况', en: 'Summary' },
  'header.handling': { zh: '处置要求', en: 'What to do' },
  'header.found': { zh: '回访情况', en: 'What was found' },
  'header.signature': { zh: '回访人签字', en: 'Signature' },
  'header.date': { zh: '回访日期', en: 'Date' },
} as const satisfies Catalogue;

/** The columns, in order; WIDTHS and dueRow follow it. */
const COLUMNS = ['serial', 'ledgerSerial', 'unit', 'level', 'dueOn', 'overdueDays', 'place', 'parties', 'phone', 'summary', 'handling', 'found', 'signature', 'date'] as const;
/** Dates as each language prints them: 2026年11月30日, 2026-11-30. */
const DATE_FORMAT: Readonly<Record<Language, (day: Day) => string>> = { zh: formatDayZh, en: formatDay };
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
  const t = textIn(DUE_LIST_LABELS, options.language);
  const date = DATE_FORMAT[options.language];
  const joint = groups.some((g) => g.unit !== undefined && g.unit !== '') && new Set(groups.map((g) => g.unit)).size > 1;
  const keep = (_: unknown, i: number) => joint || i !== UNIT_COLUMN;
  const headers = COLUMNS.map((c) => t(`header.${c}`)).filter(keep);
  const widths = WIDTHS.filter(keep);
  const width = headers.length;
  const items = groups.flatMap((g) => g.items);
  const today = items.filter((d) => d.schedule.nextRevisit === options.asOf).length;
  const rows = new ReportRows();
  rows.add([{ value: t('title', { asOf: date(options.asOf) }), style: 'title' }]);
  rows.add([{ value: t('counts', { all: items.length, today, overdue: items.length - today }), style: 'subtitle' }]);
  rows.add(headers.map((h) => ({ value: h, style: 'header' as const })));
  const merges = [
    { top: 0, left: 0, bottom: 0, right: width - 1 },
    { top: 1, left: 0, bottom: 1, right: width - 1 },
  ];
  rows.heights[1] = 2 * LINE_HEIGHT + 2;
  rows.heights[2] = 2 * LINE_HEIGHT;
  const rowBreaks: number[] = [];
  if (items.length === 0) {
    merges.push({ top: 3, left: 0, bottom: 3, right: width - 1 });
    rows.add([{ value: t('none'), style: 'note' }]);
  }
  const shared = sharedCells(options);
  let n = 0;
  for (const group of groups) {
    // Each person's list starts a page, so it can be torn off and handed over.
    if (n > 0) rowBreaks.push(rows.length);
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    // The person's name stands (the list is theirs to carry); a phone or ID number written beside it is masked, as on the meeting's paper.
    const owner = options.mask && group.owner !== '' ? handoutExcerpt(shared.masker.text(group.owner, NO_NAMES)) : group.owner;
    const heading = { owner, n: group.items.length };
    rows.add([{ value: joint && group.unit ? t('groupOfUnit', { ...heading, unit: group.unit }) : t('group', heading), style: 'subtitle' }]);
    const unit: ReportCell = { value: group.unit ?? '', style: 'wrap' };
    // Each line is made when the sheet is written (a list runs to tens of thousands of them).
    const first = n + 1;
    rows.addMade(group.items.length, (i) => {
      const cells = dueRow(first + i, group.items[i], unit, shared, options).filter(keep);
      return { cells, height: Math.max(ROW_FOR_HANDWRITING, wrappedLines(cells, widths) * LINE_HEIGHT) };
    });
    n += group.items.length;
  }
  return sheetWithRows(
    {
      name: DUE_LIST_SHEET,
      columnWidths: widths,
      merges,
      rowBreaks,
      printTitleRows: [3, 3],
      print: { landscape: true, fitToWidth: true },
      freezeRows: 3,
    },
    rows,
  );
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
  /** A line without a 序号, named by its row. */
  rowRef: (row: number) => string;
  /** The list's masking: places and texts that repeat from line to line are read once. */
  masker: HandoutMasker;
}

const NO_NAMES = { names: [] };

function sharedCells(options: DueListRenderOptions): SharedCells {
  const date = DATE_FORMAT[options.language];
  const t = textIn(DUE_LIST_LABELS, options.language);
  const level = (l: Level): ReportCell => ({ value: label(options.language, l), style: l });
  const handling = (key: Level | 'resolved'): ReportCell => ({ value: options.handling[key][options.language], style: 'wrap' });
  const dates = new Map<Day, string>();
  return {
    level: { red: level('red'), yellow: level('yellow'), green: level('green') },
    handling: { red: handling('red'), yellow: handling('yellow'), green: handling('green'), resolved: handling('resolved') },
    blank: { value: '', style: 'wrap' },
    date: (day) => {
      let text = dates.get(day);
      if (text === undefined) dates.set(day, (text = date(day)));
      return text;
    },
    rowRef: (row) => t('row', { row }),
    masker: new HandoutMasker(),
  };
}

function dueRow(n: number, d: TriagedDispute, unit: ReportCell, shared: SharedCells, options: DueListRenderOptions): ReportCell[] {
  const { record, triage, schedule } = d;
  // Of a long text what a line may show, masked whole, then cut (handoutExcerpt).
  const written = (field: FieldName) => handoutWindow(writtenField(record, field));
  const level = triage.effective;
  const parties = record.text.parties ?? '';
  const place = written('place');
  const summary = written('description') || written('title');
  const phone = written('phone');
  const handout = { names: splitParties(parties), address: record.text.address };
  const serial = (record.text.serial ?? '').trim();
  return [
    { value: n, style: 'number' },
    { value: serial || shared.rowRef(record.row), style: 'wrap' },
    unit,
    shared.level[level],
    { value: schedule.nextRevisit === null ? '' : shared.date(schedule.nextRevisit), style: 'number' },
    { value: schedule.overdueDays > 0 ? schedule.overdueDays : '', style: 'number' },
    { value: handoutExcerpt(options.mask ? shared.masker.place(place, handout) : place), style: 'wrap' },
    { value: handoutExcerpt(options.mask ? maskPartyNames(handout.names) : parties), style: 'wrap' },
    { value: handoutExcerpt(options.mask ? maskPhone(phone) : phone), style: 'wrap' },
    { value: handoutExcerpt(options.mask ? shared.masker.text(summary, handout) : summary), style: 'wrap' },
    record.status === 'resolved' ? shared.handling.resolved : shared.handling[level],
    shared.blank,
    shared.blank,
    shared.blank,
  ];
}
