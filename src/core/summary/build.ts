import { LEVEL_RANK, type Day, type FieldName, type TriagedDispute } from '../model';
import { dayFromYmd, ymdFromDay } from '../cells';
import { writtenField } from '../ledger';
import { handoutWindow } from '../report';
import { splitParties } from '../masking';
import { NameIndex, mergeNames } from './names';
import { diffSinceSnapshot } from './snapshot';
import type {
  Breakdown,
  BreakdownRow,
  ChangeCategory,
  ChangeItem,
  ChannelKind,
  HeadcountBuckets,
  KeyCase,
  LevelCounts,
  ListedDispute,
  MeetingChanges,
  MeetingDispute,
  MeetingSummary,
  MeetingSummaryOptions,
  OverdueRevisit,
  Period,
  SettlementCounts,
  SettlementKeywords,
  Totals,
} from './types';
import { CHANGE_CATEGORIES } from './types';

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

/**
 * Whether a cell's text only says "nothing here". Most texts start with a Chinese character that
 * no placeholder starts with, and are told at once: this runs for several fields of every dispute.
 */
function isPlaceholder(t: string): boolean {
  const first = t.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && first !== 0x65e0 /* 无 */ && first !== 0x6682 /* 暂 */) return false;
  return PLACEHOLDER.test(t);
}

/** A field's text for reading (half-width), '' for placeholders such as 无 or —. */
function text(d: TriagedDispute, field: FieldName): string {
  const t = (d.record.text[field] ?? '').trim();
  return isPlaceholder(t) ? '' : t;
}

/**
 * A field's text as the ledger writes it (its own punctuation), for printing; of a long one what a
 * line may show (handoutWindow: the paper cuts it once masked); '' for placeholders.
 */
function shown(d: TriagedDispute, field: FieldName): string {
  if (text(d, field) === '') return '';
  return handoutWindow(writtenField(d.record, field).trim());
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

/**
 * Channel (化解方式) text to its class of the 三调联动: 人民调解 (调委会), 司法调解 (法院, 法庭,
 * 诉前调解), 行政调解 (治安调解 by the 派出所 is one); blank; else other.
 */
export function classifyChannel(channel: string): ChannelKind {
  const t = channel.trim();
  if (t === '' || isPlaceholder(t)) return 'blank';
  if (/人民|调委会|村调|人调/.test(t)) return 'people';
  if (/司法|法院|法庭|诉前|诉讼/.test(t)) return 'judicial';
  if (/行政|治安|公安|派出所/.test(t)) return 'administrative';
  return 'other';
}

/**
 * The channel a unit's own register stands for when its line leaves 化解方式 blank: every line of a
 * 司法所's 人民调解登记台账 or a 调委会's register is people's mediation, every line of a 法庭's
 * 诉前调解 list judicial. A 派出所's screening ledger says nothing by itself.
 */
export function channelOfUnit(unit: string): ChannelKind {
  if (/司法所|调委会|调解委员会/.test(unit)) return 'people';
  if (/法庭|法院/.test(unit)) return 'judicial';
  return 'blank';
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
  periodList: readonly MeetingDispute[],
  openList: readonly MeetingDispute[],
  nameOf: (d: MeetingDispute) => { name: string; blank: boolean; channel?: ChannelKind },
  index: NameIndex,
): Breakdown {
  const rows = new Map<string, BreakdownRow>();
  const rowOf = (d: MeetingDispute) => {
    const { name, blank, channel } = nameOf(d);
    let r = rows.get(name);
    if (!r) {
      r = emptyRow(name, blank, blank ? [] : index.find(name));
      if (channel) r.channel = channel;
      rows.set(name, r);
    }
    return r;
  };
  for (const d of periodList) {
    const r = rowOf(d);
    r.registered++;
    if (isSettled(d)) r.resolved++;
  }
  for (const d of openList) countOpen(rowOf(d), d);
  const total = emptyRow('合计', false, []);
  for (const r of rows.values()) {
    r.resolvedRate = rate(r.resolved, r.registered);
    total.registered += r.registered;
    total.resolved += r.resolved;
    total.openRed += r.openRed;
    total.openYellow += r.openYellow;
    total.openGreen += r.openGreen;
  }
  total.resolvedRate = rate(total.resolved, total.registered);
  const open = (r: BreakdownRow) => r.openRed + r.openYellow + r.openGreen;
  const list = [...rows.values()].sort(
    (a, b) => Number(a.blank) - Number(b.blank) || b.registered - a.registered || open(b) - open(a) || compareNames(a.name, b.name),
  );
  return { rows: list, total };
}

function emptyRow(name: string, blank: boolean, names: string[]): BreakdownRow {
  return { name, blank, registered: 0, resolved: 0, resolvedRate: null, openRed: 0, openYellow: 0, openGreen: 0, names };
}

function countOpen(r: BreakdownRow, d: TriagedDispute) {
  if (d.triage.effective === 'red') r.openRed++;
  else if (d.triage.effective === 'yellow') r.openYellow++;
  else r.openGreen++;
}

function byText(field: 'type' | 'place') {
  return (d: TriagedDispute) => {
    const t = text(d, field);
    return t === '' ? { name: BLANK_NAME, blank: true } : { name: shown(d, field), blank: false };
  };
}

function byOwner(d: TriagedDispute) {
  const owner = joinOwner(shown(d, 'ownerUnit'), shown(d, 'owner'));
  return owner === '' ? { name: BLANK_NAME, blank: true } : { name: owner, blank: false };
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

function levelCounts(list: readonly TriagedDispute[]): LevelCounts {
  const c: LevelCounts = { red: 0, yellow: 0, green: 0, total: list.length };
  for (const d of list) c[d.triage.effective]++;
  return c;
}

const redFirst = (a: TriagedDispute, b: TriagedDispute) => LEVEL_RANK[b.triage.effective] - LEVEL_RANK[a.triage.effective];

/** The reasons a dispute has its level, as the 判定依据 column writes them. */
function reasonText(d: TriagedDispute): string {
  return d.triage.reasons.map((r) => r.text).join('；');
}

/**
 * The data of a joint-meeting (联席会议) summary, from one ledger or several (`heldBy` names every
 * unit's line of a dispute held twice; it is counted once). All counts are plain; text is the
 * ledger's own as written (unmasked): `renderMeetingSummary` masks it. Which disputes each part
 * looks at:
 * - totals, the registered/resolved columns of the breakdowns, headcount and settlement: disputes
 *   registered in the period (or from 1 January of the period's end year, for year-to-date totals);
 * - open counts, the open columns of the breakdowns and the key-case list: every dispute open on
 *   the as-of date (registered up to it, or undated);
 * - overdue revisits: every red and yellow dispute whose revisit is overdue on the as-of date;
 * - changes: every dispute, against the previous meeting's data.
 */
export function buildMeetingSummary(disputes: readonly MeetingDispute[], options: MeetingSummaryOptions): MeetingSummary {
  const { period, asOf, previous } = options;
  const keywords: SettlementKeywords = {
    escalated: options.settlement?.escalated ?? DEFAULT_SETTLEMENT_KEYWORDS.escalated,
    village: options.settlement?.village ?? DEFAULT_SETTLEMENT_KEYWORDS.village,
  };
  const units = [...(options.units ?? [])];
  const yearStart = dayFromYmd(ymdFromDay(period.to).year, 1, 1) ?? period.from;

  // Every party is indexed; a dispute's own parties are split again only when it is listed (a few
  // of them), rather than kept for all in a map keyed by dispute.
  const partiesOf = (d: TriagedDispute) => splitParties(d.record.text.parties ?? '').map((n) => n.trim()).filter((n) => n !== '');
  const index = new NameIndex();
  for (const d of disputes) for (const n of partiesOf(d)) index.add(n);
  const namesFor = (d: TriagedDispute, ...texts: string[]) => mergeNames(partiesOf(d), index.find(...texts));
  // A dispute both open and overdue (or changed) is listed the same way on each list: its line is
  // made once and shared (the summary is read, never changed, after this).
  const lines = new Map<MeetingDispute, ListedDispute>();
  const listed = (d: MeetingDispute): ListedDispute => {
    let line = lines.get(d);
    if (line === undefined) lines.set(d, (line = listedLine(d)));
    return line;
  };
  const listedLine = (d: MeetingDispute): ListedDispute => {
    const place = shown(d, 'place');
    const brief = shown(d, 'description') || shown(d, 'title');
    const owner = joinOwner(shown(d, 'ownerUnit'), shown(d, 'owner'));
    const reasons = reasonText(d);
    const registered = d.record.registered;
    return {
      key: d.record.key,
      refs: d.heldBy ? d.heldBy.map((r) => ({ ...r })) : [{ unit: units[0] ?? '', row: d.record.row, serial: text(d, 'serial') }],
      level: d.triage.effective,
      place,
      brief,
      reasons,
      owner,
      registered,
      daysOpen: registered === null ? null : Math.max(0, asOf - registered),
      names: namesFor(d, place, brief, owner, shown(d, 'status'), shown(d, 'supervision')),
      address: text(d, 'address'),
    };
  };

  const periodList = disputes.filter((d) => inPeriod(d.record.registered, period));
  const ytdList = disputes.filter((d) => inPeriod(d.record.registered, { from: yearStart, to: period.to }));
  const openList = disputes.filter((d) => isOpenAsOf(d, asOf));

  const settlement: SettlementCounts = { village: 0, township: 0, escalated: 0, total: 0 };
  for (const d of periodList) {
    if (!isSettled(d)) continue;
    settlement[classifySettlement(d, keywords)]++;
    settlement.total++;
  }

  const keyCases: KeyCase[] = openList
    .filter((d) => d.triage.effective !== 'green')
    .sort((a, b) => redFirst(a, b) || (a.record.registered ?? Infinity) - (b.record.registered ?? Infinity) || a.record.row - b.record.row)
    // Object.assign, not a spread followed by more fields: in V8 that form is several times slower
    // and makes objects several times larger (measured: ~7 µs and ~660 bytes a line against ~0.7 µs and ~180).
    .map((d) =>
      Object.assign({}, listed(d), {
        deadline: d.record.deadline,
        deadlineText: d.record.deadline !== null ? '' : shown(d, 'deadline'),
        statusText: shown(d, 'status'),
        nextRevisit: d.schedule.nextRevisit,
        overdueDays: d.schedule.overdueDays,
      }),
    );

  const overdueAll = disputes.filter((d) => d.schedule.overdueDays > 0);
  const overdueByLevel = { red: 0, yellow: 0, green: 0 };
  for (const d of overdueAll) overdueByLevel[d.triage.effective]++;
  const overdueItems: OverdueRevisit[] = overdueAll
    .filter((d) => d.triage.effective !== 'green')
    .sort((a, b) => redFirst(a, b) || b.schedule.overdueDays - a.schedule.overdueDays || a.record.row - b.record.row)
    .map((d) => Object.assign({}, listed(d), { due: d.schedule.nextRevisit, overdueDays: d.schedule.overdueDays }));

  let changes: MeetingChanges | null = null;
  if (previous) {
    const diff = diffSinceSnapshot(previous, disputes);
    const byKey = new Map<string, MeetingDispute>();
    for (const d of disputes) if (!byKey.has(d.record.key)) byKey.set(d.record.key, d);
    const items: ChangeItem[] = [];
    for (const category of CHANGE_CATEGORIES) {
      const inCategory = diff[category]
        .map((item) => ({ item, d: byKey.get(item.key) }))
        .filter((x): x is { item: (typeof diff)[typeof category][number]; d: MeetingDispute } => x.d !== undefined)
        .sort((a, b) => redFirst(a.d, b.d) || a.item.row - b.item.row);
      for (const { item, d } of inCategory) items.push(Object.assign({}, listed(d), item, { category, ...changeReason(category, d) }));
    }
    changes = {
      previousPeriod: { ...previous.period },
      source: options.previousSource ?? '',
      counts: diff.counts,
      items,
      previousDisputes: previous.entries.length,
      shared: diff.shared,
    };
  }

  const open = levelCounts(openList);
  // Earlier meetings only: a tally of this period from an earlier run is replaced by this one.
  const history = (options.history ?? []).filter((h) => h.period.to < period.from);
  return {
    period: { from: period.from, to: period.to },
    asOf,
    units,
    yearStart,
    disputes: disputes.length,
    totals: { period: totalsOf(periodList), yearToDate: totalsOf(ytdList) },
    open,
    periodByLevel: levelCounts(periodList),
    openRegisteredInPeriod: levelCounts(openList.filter((d) => inPeriod(d.record.registered, period))),
    byType: breakdown(periodList, openList, byText('type'), index),
    byPlace: breakdown(periodList, openList, byText('place'), index),
    byOwner: breakdown(periodList, openList, byOwner, index),
    byChannel: breakdown(
      periodList,
      openList,
      (d) => {
        const written = classifyChannel(text(d, 'channel'));
        const kind = written === 'blank' ? channelOfUnit(d.heldBy?.[0]?.unit ?? units[0] ?? '') : written;
        return { name: CHANNEL_NAMES[kind], blank: kind === 'blank', channel: kind };
      },
      index,
    ),
    headcount: headcountBuckets(disputes, periodList),
    settlement,
    keyCases,
    overdue: { count: overdueAll.length, byLevel: overdueByLevel, items: overdueItems },
    changes,
    history: [...history.map((h) => ({ period: { ...h.period }, red: h.red, yellow: h.yellow })), { period: { ...period }, red: open.red, yellow: open.yellow }],
    unitRows: (options.unitRows ?? []).map((u) => ({ ...u, open: { ...u.open } })),
    sharedCount: disputes.filter((d) => (d.heldBy?.length ?? 0) > 1).length,
  };
}

/**
 * Why a dispute is on a change list, in the ledger's and the rules' words; where they say nothing,
 * the label the paper words in its own language.
 */
function changeReason(category: ChangeCategory, d: TriagedDispute): Pick<ChangeItem, 'why' | 'whyLabel'> {
  const settled = () => {
    const words = shown(d, 'status');
    return words ? { why: words } : { why: '', whyLabel: d.record.status === 'closed' ? ('statusClosed' as const) : ('statusResolved' as const) };
  };
  if (category === 'resolved') return settled();
  if (category === 'deEscalated' && d.record.status !== 'open') return settled();
  const reasons = reasonText(d);
  return reasons || category !== 'deEscalated' ? { why: reasons } : { why: '', whyLabel: 'noEscalation' };
}
