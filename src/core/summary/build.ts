import type { Day, TriagedDispute } from '../model';
import { dayFromYmd, formatDay, ymdFromDay } from '../cells';
import { splitParties } from '../masking';
import { NameIndex, mergeNames } from './names';
import { diffSinceSnapshot } from './snapshot';
import type {
  BreakdownRow,
  ChangeItem,
  ChannelKind,
  HeadcountBuckets,
  KeyCase,
  LevelCounts,
  MeetingChanges,
  MeetingSummary,
  MeetingSummaryOptions,
  OverdueRevisit,
  Period,
  SettlementCounts,
  SettlementKeywords,
  Totals,
} from './types';
import { CHANGE_CATEGORIES } from './types';

/** Most overdue revisits listed in the summary; `overdue.count` still counts them all. */
export const OVERDUE_LIST_LIMIT = 50;

export const SLOGAN = '小事不出村、大事不出镇、矛盾不上交';
export const BLANK_NAME = '未填';

export const DEFAULT_SETTLEMENT_KEYWORDS: Readonly<SettlementKeywords> = Object.freeze({
  escalated: ['县', '市', '法院', '诉讼', '移送', '移交', '上交', '上报', '仲裁'],
  village: ['村', '社区', '调委会', '网格', '现场'],
});

/** Chinese names of the channel classes, in the order the channel breakdown lists ties. */
export const CHANNEL_NAMES: Readonly<Record<ChannelKind, string>> = {
  people: '人民调解',
  judicial: '司法调解',
  administrative: '行政调解',
  other: '其他',
  blank: BLANK_NAME,
};

/** Cell text that only says "nothing here". */
const PLACEHOLDER = /^(?:[-—–/\\_.。·、\s]*|无|暂无|N\/?A)$/i;

function text(d: TriagedDispute, field: keyof TriagedDispute['record']['text']): string {
  const t = (d.record.text[field] ?? '').trim();
  return PLACEHOLDER.test(t) ? '' : t;
}

function inPeriod(day: Day | null, p: Period): boolean {
  return day !== null && day >= p.from && day <= p.to;
}

const isSettled = (d: TriagedDispute): boolean => d.record.status === 'resolved' || d.record.status === 'closed';

/**
 * 调处 (handled): a dispute counts as handled when someone has visibly acted on it, that is when
 * it is resolved or closed, or its 化解方式 (channel) cell is filled in, or its 化解情况 (status
 * text) cell is filled in (whatever it says, e.g. 调解中 or 未化解: an attempt was recorded).
 * Placeholder text such as '无', '/' or '—' counts as blank.
 */
export function isHandled(d: TriagedDispute): boolean {
  return isSettled(d) || text(d, 'channel') !== '' || text(d, 'status') !== '';
}

function rate(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

function totalsOf(disputes: readonly TriagedDispute[]): Totals {
  const registered = disputes.length;
  const handled = disputes.filter(isHandled).length;
  const resolved = disputes.filter(isSettled).length;
  return { registered, handled, handledRate: rate(handled, registered), resolved, resolvedRate: rate(resolved, handled) };
}

/** Channel (化解方式) text to its class: contains 人民, else 司法, else 行政; blank; else other. */
export function classifyChannel(channel: string): ChannelKind {
  const t = channel.trim();
  if (t === '' || PLACEHOLDER.test(t)) return 'blank';
  if (t.includes('人民')) return 'people';
  if (t.includes('司法')) return 'judicial';
  if (t.includes('行政')) return 'administrative';
  return 'other';
}

/** Where a settled dispute was settled, from the channel, owner, unit, status and supervision text. */
export function classifySettlement(d: TriagedDispute, keywords: SettlementKeywords): 'village' | 'township' | 'escalated' {
  const all = (['channel', 'owner', 'ownerUnit', 'status', 'supervision'] as const).map((f) => text(d, f)).join('\n');
  if (keywords.escalated.some((k) => k !== '' && all.includes(k))) return 'escalated';
  if (keywords.village.some((k) => k !== '' && all.includes(k))) return 'village';
  return 'township';
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function breakdown(
  disputes: readonly TriagedDispute[],
  nameOf: (d: TriagedDispute) => { name: string; blank: boolean; channel?: ChannelKind },
  index: NameIndex,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const d of disputes) {
    const { name, blank, channel } = nameOf(d);
    let r = rows.get(name);
    if (!r) {
      r = { name, blank, count: 0, resolved: 0, openRed: 0, openYellow: 0, openGreen: 0, names: blank ? [] : index.find(name) };
      if (channel) r.channel = channel;
      rows.set(name, r);
    }
    r.count++;
    if (isSettled(d)) r.resolved++;
    else if (d.record.status === 'open') {
      if (d.triage.effective === 'red') r.openRed++;
      else if (d.triage.effective === 'yellow') r.openYellow++;
      else r.openGreen++;
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}

function byText(field: 'type' | 'place') {
  return (d: TriagedDispute) => {
    const t = text(d, field);
    return t === '' ? { name: BLANK_NAME, blank: true } : { name: t, blank: false };
  };
}

function headcountBuckets(all: readonly TriagedDispute[], inPeriodList: readonly TriagedDispute[]): HeadcountBuckets | null {
  if (!all.some((d) => d.record.headcount !== null)) return null;
  const b: HeadcountBuckets = { under50: 0, from50to100: 0, from101to500: 0, over500: 0, unknown: 0 };
  for (const d of inPeriodList) {
    const h = d.record.headcount;
    if (h === null) b.unknown++;
    else if (h < 50) b.under50++;
    else if (h <= 100) b.from50to100++;
    else if (h <= 500) b.from101to500++;
    else b.over500++;
  }
  return b;
}

function joinOwner(unit: string, person: string): string {
  if (unit === '' || unit === person) return person;
  if (person === '') return unit;
  return `${unit}/${person}`;
}

/** Open disputes the as-of date can see: registered on or before it, or with no registration date. */
function isOpenAsOf(d: TriagedDispute, asOf: Day): boolean {
  return d.record.status === 'open' && (d.record.registered === null || d.record.registered <= asOf);
}

/**
 * The data of a joint-meeting (联席会议) summary. All counts are plain; text is the ledger's own
 * (unmasked): `renderMeetingSummary` masks it. Which disputes each part looks at:
 * - totals, breakdowns, headcount and settlement: disputes registered in the period (or from
 *   1 January of the period's end year to the period's end, for year-to-date totals);
 * - open counts and the key-case list: open disputes registered up to the as-of date, or undated;
 * - overdue revisits: every dispute whose schedule is overdue on the as-of date;
 * - changes: every dispute, against the previous meeting's snapshot.
 */
export function buildMeetingSummary(disputes: readonly TriagedDispute[], options: MeetingSummaryOptions): MeetingSummary {
  const { period, asOf, previous } = options;
  const keywords: SettlementKeywords = {
    escalated: options.settlement?.escalated ?? DEFAULT_SETTLEMENT_KEYWORDS.escalated,
    village: options.settlement?.village ?? DEFAULT_SETTLEMENT_KEYWORDS.village,
  };
  const yearStart = dayFromYmd(ymdFromDay(period.to).year, 1, 1) ?? period.from;

  const parties = new Map<TriagedDispute, string[]>();
  const index = new NameIndex();
  for (const d of disputes) {
    const names = splitParties(d.record.text.parties ?? '').map((n) => n.trim()).filter((n) => n !== '');
    parties.set(d, names);
    for (const n of names) index.add(n);
  }
  const namesFor = (d: TriagedDispute, ...texts: string[]) => mergeNames(parties.get(d) ?? [], index.find(...texts));

  const periodList = disputes.filter((d) => inPeriod(d.record.registered, period));
  const ytdList = disputes.filter((d) => inPeriod(d.record.registered, { from: yearStart, to: period.to }));

  const openList = disputes.filter((d) => isOpenAsOf(d, asOf));
  const open: LevelCounts = { red: 0, yellow: 0, green: 0, total: openList.length };
  for (const d of openList) open[d.triage.effective]++;

  const settlement: SettlementCounts = { village: 0, township: 0, escalated: 0, total: 0 };
  for (const d of periodList) {
    if (!isSettled(d)) continue;
    settlement[classifySettlement(d, keywords)]++;
    settlement.total++;
  }

  const keyCases: KeyCase[] = openList
    .filter((d) => d.triage.effective !== 'green')
    .sort(
      (a, b) =>
        (a.triage.effective === 'red' ? 0 : 1) - (b.triage.effective === 'red' ? 0 : 1) ||
        (a.record.registered ?? Infinity) - (b.record.registered ?? Infinity) ||
        a.record.row - b.record.row,
    )
    .map((d, i) => {
      const place = text(d, 'place');
      const brief = text(d, 'description') || text(d, 'title');
      const owner = joinOwner(text(d, 'ownerUnit'), text(d, 'owner'));
      const deadlineText = d.record.deadline !== null ? formatDay(d.record.deadline) : text(d, 'deadline');
      const statusText = text(d, 'status');
      const supervision = text(d, 'supervision');
      const closure = text(d, 'closure');
      return {
        index: i + 1,
        row: d.record.row,
        key: d.record.key,
        place,
        brief,
        level: d.triage.effective,
        registered: d.record.registered,
        owner,
        deadline: d.record.deadline,
        deadlineText,
        statusText,
        supervision,
        closure,
        names: namesFor(d, place, brief, owner, deadlineText, statusText, supervision, closure),
        address: text(d, 'address'),
      };
    });

  const overdueAll = disputes.filter((d) => d.schedule.overdueDays > 0);
  const overdueItems: OverdueRevisit[] = overdueAll
    .sort(
      (a, b) =>
        b.schedule.overdueDays - a.schedule.overdueDays ||
        (b.triage.effective === 'red' ? 1 : 0) - (a.triage.effective === 'red' ? 1 : 0) ||
        a.record.row - b.record.row,
    )
    // The handout lists the most overdue; the full list is the due-list sheet.
    .slice(0, OVERDUE_LIST_LIMIT)
    .map((d) => {
      const place = text(d, 'place');
      const owner = text(d, 'owner') || text(d, 'ownerUnit');
      return {
        row: d.record.row,
        key: d.record.key,
        place,
        level: d.triage.effective,
        owner,
        due: d.schedule.nextRevisit,
        overdueDays: d.schedule.overdueDays,
        names: namesFor(d, place, owner),
        address: text(d, 'address'),
      };
    });

  let changes: MeetingChanges | null = null;
  if (previous) {
    const diff = diffSinceSnapshot(previous, disputes);
    const byRow = new Map<number, TriagedDispute>();
    for (const d of disputes) if (!byRow.has(d.record.row)) byRow.set(d.record.row, d);
    const items: ChangeItem[] = [];
    for (const category of CHANGE_CATEGORIES) {
      for (const item of diff[category]) {
        const d = byRow.get(item.row);
        const place = d ? text(d, 'place') : '';
        items.push({ ...item, category, place, names: d ? namesFor(d, place) : [], address: d ? text(d, 'address') : '' });
      }
    }
    changes = { previousPeriod: { ...previous.period }, counts: diff.counts, items };
  }

  return {
    period: { from: period.from, to: period.to },
    asOf,
    yearStart,
    totals: { period: totalsOf(periodList), yearToDate: totalsOf(ytdList) },
    open,
    byType: breakdown(periodList, byText('type'), index),
    byPlace: breakdown(periodList, byText('place'), index),
    byChannel: breakdown(
      periodList,
      (d) => {
        const kind = classifyChannel(text(d, 'channel'));
        return { name: CHANNEL_NAMES[kind], blank: kind === 'blank', channel: kind };
      },
      index,
    ),
    headcount: headcountBuckets(disputes, periodList),
    settlement,
    keyCases,
    overdue: { count: overdueAll.length, items: overdueItems },
    changes,
  };
}
