import { baseFileName, unitFromFileName } from '../ledger';
import { message } from '../messages';
import { WorkbookError } from '../errors';
import { LEVEL_RANK, type DisputeRecord, type Language, type RowIssue, type TriagedDispute } from '../model';
import type { ReportSheet } from '../report';
import { buildDueList, renderDueList } from '../schedule';
import {
  buildMeetingSummary,
  mergeTallies,
  renderMeetingSummary,
  retainSnapshots,
  snapshotToRows,
  takeSnapshot,
  tallyOf,
  keysForUnits,
  type DisputeRef,
  type MeetingDispute,
  type MeetingSummary,
  type Period,
  type UnitRow,
  sharesADispute,
} from '../summary';
import {
  defaultPeriod,
  previousMeeting,
  triageLedger,
  STATE_SHEET,
  type JobInput,
  type JobOptions,
  type PreviousMeetingData,
  type TriagedLedger,
} from '../job';
import { findSharedDisputes, type UnitDispute } from './duplicates';

/** One unit's ledger brought to the meeting. */
export interface MeetingLedger {
  /** The file it came from (for the unit's name when the ledger gives none, and for messages). */
  file: string;
  /** The unit as the user names it (`FILE=单位`); else read from the ledger's title or 填报单位 line. */
  unit?: string;
  input: JobInput;
  /** Column corrections the user confirmed for this ledger (each unit's ledger has its own layout). */
  fieldColumns?: JobOptions['fieldColumns'];
}

export interface MeetingOptions extends JobOptions {
  /** Earlier meetings' data: the previous meeting output, or a file the user named. */
  previous?: PreviousMeetingData | null;
  /** Cells of the state sheet of the workbook the meeting is written to, when it exists already. */
  stateRows?: JobInput['stateRows'];
}

export interface MeetingUnit {
  unit: string;
  file: string;
  sheet: string;
  triaged: TriagedLedger;
  /** The unit's own summary, as `run` would give it (no comparison). */
  meeting: MeetingSummary;
}

export interface MeetingJob {
  period: Period;
  units: MeetingUnit[];
  /** The joint summary: every dispute once. */
  summary: MeetingSummary;
  /** Disputes held by several units: each unit's line, earliest registration first. */
  duplicates: DisputeRef[][];
  issues: (RowIssue & { unit: string })[];
  /** The meeting workbook: 回访清单 of every unit, 联席会议汇总, and the hidden state. */
  plan: { reports: ReportSheet[]; state: { sheet: string; rows: (string | number)[][] } };
  /** What the user is told beside the rows' issues: previous meeting data damaged or unreadable. */
  notices: string[];
  /** The previous meeting's data given from outside shared no dispute with the ledgers, and was left aside (said in `notices`). */
  previousIgnored: boolean;
}

/**
 * Refuses a ledger given twice under two names: a unit's ledger beside its own .tricolor.xlsx, or a
 * copy re-saved (other bytes, the same disputes). Counted twice, every dispute was "held by two
 * units". The same disputes in the same rows, every one, is the same ledger; two units' ledgers
 * never are.
 */
function refuseOneLedgerTwice(ledgers: readonly MeetingLedger[], triaged: readonly { disputes: readonly TriagedDispute[] }[], language: Language): void {
  const seen = new Map<string, number>();
  triaged.forEach((t, unit) => {
    if (t.disputes.length === 0) return;
    const signature = t.disputes.map((d) => `${d.record.row}\u0000${d.record.key}`).join('\u0001');
    const earlier = seen.get(signature);
    if (earlier !== undefined) throw new WorkbookError('meeting.sameLedger', { file: ledgers[unit].file, other: ledgers[earlier].file }, language);
    seen.set(signature, unit);
  });
}

/**
 * The joint meeting (三调联动) of several units' ledgers, each read as `run` reads it. A dispute
 * several ledgers hold (passed from the 派出所 to the 司法所, or to the 法庭) is counted once: it
 * is open if any unit still has it open, at the most severe level a unit gives it, registered when
 * the first unit registered it, and listed with every unit's line. Pure, like `runLedgerJob`.
 */
export function runMeetingJob(ledgers: readonly MeetingLedger[], options: MeetingOptions): MeetingJob {
  const { asOf, language, preset } = options;
  const period = options.period ?? defaultPeriod(asOf);

  const triaged = ledgers.map((l) =>
    triageLedger(
      l.input.ledger,
      { ...options, fieldColumns: l.fieldColumns, unit: l.unit, unitFallback: unitFromFileName(l.file) ?? undefined },
      l.input.revisitLog,
    ),
  );
  refuseOneLedgerTwice(ledgers, triaged, language);
  // Every unit needs a name at the meeting: the file's own name when nothing better says.
  const names = distinctUnitNames(triaged.map((t, i) => t.unit || baseFileName(ledgers[i].file)));
  const refOf = (unit: number, d: TriagedDispute): DisputeRef => ({ unit: names[unit], row: d.record.row, serial: (d.record.text.serial ?? '').trim() });

  const all: UnitDispute[] = triaged.flatMap((t, unit) => t.disputes.map((dispute) => ({ unit, dispute })));
  const shared = findSharedDisputes(all);
  const inGroup = new Set(shared.flat());

  const merged: MeetingDispute[] = [];
  all.forEach((x, i) => {
    if (!inGroup.has(i)) merged.push(withUnitKey({ ...x.dispute, heldBy: [refOf(x.unit, x.dispute)] }, names[x.unit]));
  });
  for (const group of shared) merged.push(mergeGroup(group.map((i) => all[i]), (x) => refOf(x.unit, x.dispute), names));

  // Each unit's own summary (what `run` would give it) also fills its line of the per-unit table.
  const units: MeetingUnit[] = triaged.map((t, unit) => ({
    unit: names[unit],
    file: ledgers[unit].file,
    sheet: ledgers[unit].input.ledger.name,
    triaged: t,
    meeting: buildMeetingSummary(t.disputes, { period, asOf, previous: null, units: [names[unit]] }),
  }));
  const sharedByUnit = names.map(() => 0);
  for (const i of inGroup) sharedByUnit[all[i].unit]++;
  const unitRows = units.map((u, unit) => unitRow(u, sharedByUnit[unit]));
  const history = previousMeeting(options.stateRows ?? [], options.previous ?? null, period, language, (s) =>
    sharesADispute(keysForUnits(s, names[0], true), merged),
  );
  const summary = buildMeetingSummary(merged, {
    period,
    asOf,
    previous: history.previous && keysForUnits(history.previous, names[0], true),
    previousSource: history.source,
    history: history.tallies,
    units: names,
    unitRows,
  });

  const unitOfDispute = new Map<TriagedDispute, string>();
  for (const x of all) unitOfDispute.set(x.dispute, names[x.unit]);
  const dueList = renderDueList(
    buildDueList(all.map((x) => x.dispute), asOf, (d) => unitOfDispute.get(d) ?? ''),
    { asOf, language, mask: options.mask, handling: preset.handling },
  );
  const current = takeSnapshot(merged, period);
  return {
    period,
    units,
    summary,
    duplicates: shared.map((g) => g.map((i) => refOf(all[i].unit, all[i].dispute))),
    issues: triaged.flatMap((t, unit) => t.issues.map((issue) => ({ ...issue, unit: names[unit] }))),
    plan: {
      reports: [dueList, renderMeetingSummary(summary, { language, mask: options.mask })],
      state: { sheet: STATE_SHEET, rows: snapshotToRows(retainSnapshots(history.stored, current), mergeTallies(history.tallies, [tallyOf(current)])) },
    },
    notices: [...unmatchableUnits(triaged, names, language), ...history.notices],
    previousIgnored: history.externalIgnored,
  };
}

/**
 * The units whose ledger names neither a party nor a phone, or no registration date, said once
 * each: their disputes can match none of another unit's (findSharedDisputes), and one passed on
 * between units was counted twice without a word.
 */
function unmatchableUnits(triaged: readonly TriagedLedger[], names: readonly string[], language: Language): string[] {
  if (triaged.length < 2) return [];
  return triaged.flatMap((t, unit) => {
    const { fields } = t.layout;
    const whom = fields.parties !== undefined || fields.otherParties !== undefined || fields.phone !== undefined;
    return whom && fields.registered !== undefined ? [] : [message('meeting.cannotMatch', language, { unit: names[unit] })];
  });
}

/** Two ledgers that give the same unit name (or none) are told apart by a number. */
function distinctUnitNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}（${count}）`;
  });
}

/** Keys are per unit: two ledgers may both number a dispute 12. */
function withUnitKey(d: MeetingDispute, unit: string): MeetingDispute {
  const record = { ...d.record, key: `${unit}|${d.record.key}` };
  if (d.record.legacyKey !== undefined) record.legacyKey = `${unit}|${d.record.legacyKey}`;
  return { ...d, record };
}

/**
 * One dispute from its lines in several ledgers: open while any unit has it open (then as the
 * most severe, most overdue open line has it), else as the line settled last; registered when
 * first registered; its key is the first unit's, so later meetings find it again.
 */
function mergeGroup(lines: readonly UnitDispute[], refOf: (x: UnitDispute) => DisputeRef, names: readonly string[]): MeetingDispute {
  const open = lines.filter((x) => x.dispute.record.status === 'open');
  const pick = open.length
    ? [...open].sort(
        (a, b) =>
          LEVEL_RANK[b.dispute.triage.effective] - LEVEL_RANK[a.dispute.triage.effective] ||
          b.dispute.schedule.overdueDays - a.dispute.schedule.overdueDays,
      )[0]
    : [...lines].sort((a, b) => (b.dispute.record.resolvedOn ?? -Infinity) - (a.dispute.record.resolvedOn ?? -Infinity))[0];
  const first = lines[0];
  const registered = lines.reduce((earliest, x) => Math.min(earliest, x.dispute.record.registered ?? Infinity), Infinity);
  const record: DisputeRecord = {
    ...pick.dispute.record,
    registered: Number.isFinite(registered) ? registered : pick.dispute.record.registered,
    key: `${names[first.unit]}|${first.dispute.record.key}`,
  };
  // The first unit's, as the key: not the picked line's, which is another unit's.
  delete record.legacyKey;
  if (first.dispute.record.legacyKey !== undefined) record.legacyKey = `${names[first.unit]}|${first.dispute.record.legacyKey}`;
  return { ...pick.dispute, record, heldBy: [pick, ...lines.filter((x) => x !== pick)].map(refOf) };
}

/** A unit's line of the per-unit table, from its own summary; 化解率 is resolved ÷ registered, as in the breakdowns. */
function unitRow(u: MeetingUnit, shared: number): UnitRow {
  const { registered, resolved } = u.meeting.totals.period;
  return {
    unit: u.unit,
    disputes: u.meeting.disputes,
    registered,
    resolved,
    resolvedRate: registered === 0 ? null : resolved / registered,
    open: { ...u.meeting.open },
    overdue: u.meeting.overdue.byLevel.red + u.meeting.overdue.byLevel.yellow,
    shared,
  };
}
