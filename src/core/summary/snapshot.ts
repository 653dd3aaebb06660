import type { CellValue, Day, DisputeStatus, Level, TriagedDispute } from '../model';
import { LEVEL_RANK } from '../model';
import { dayFromYmd, formatDay } from '../cells';
import type { DiffItem, MeetingSnapshot, Period, SnapshotDiff, SnapshotEntry } from './types';

/**
 * Snapshot storage format, version 1. Hosts keep the matrix in a hidden sheet. Every row has
 * `SNAPSHOT_WIDTH` cells so it can be written as one rectangular range.
 *
 *   row 1: 'tricolor-meeting-snapshots' | 1 (the version) | '' …
 *   row 2: kind | from | to | key | row | level | status        (the header)
 *   then, per snapshot:
 *          'period' | from | to | 'YYYY-MM-DD..YYYY-MM-DD' (for people) | entry count | '' | ''
 *          'entry'  | from | to | key | row | level | status    (one per dispute)
 *
 * from/to are `Day` numbers; level is red/yellow/green, status open/resolved/closed. Every entry
 * row names its period, so a damaged row loses only itself. A future format changes the version
 * in row 1; this reader refuses versions it does not know instead of guessing.
 */
export const SNAPSHOT_MARKER = 'tricolor-meeting-snapshots';
export const SNAPSHOT_VERSION = 1;
export const SNAPSHOT_HEADER: readonly string[] = ['kind', 'from', 'to', 'key', 'row', 'level', 'status'];
const WIDTH = SNAPSHOT_HEADER.length;

const LEVEL_WORDS: Record<string, Level> = { red: 'red', yellow: 'yellow', green: 'green', 红: 'red', 黄: 'yellow', 绿: 'green' };
const STATUS_WORDS: Record<string, DisputeStatus> = { open: 'open', resolved: 'resolved', closed: 'closed' };

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The snapshot of the ledger for a meeting: key, row, effective level and status of every dispute. */
export function takeSnapshot(disputes: readonly TriagedDispute[], period: Period): MeetingSnapshot {
  return {
    period: { from: period.from, to: period.to },
    entries: disputes.map((d) => ({
      key: d.record.key,
      row: d.record.row,
      level: d.triage.effective,
      status: d.record.status,
    })),
  };
}

function pad(cells: (string | number)[]): (string | number)[] {
  while (cells.length < WIDTH) cells.push('');
  return cells;
}

/** The matrix for the hidden sheet, snapshots in the order given. */
export function snapshotToRows(snapshots: MeetingSnapshot | readonly MeetingSnapshot[]): (string | number)[][] {
  const list: readonly MeetingSnapshot[] = Array.isArray(snapshots) ? snapshots : [snapshots as MeetingSnapshot];
  const rows: (string | number)[][] = [pad([SNAPSHOT_MARKER, SNAPSHOT_VERSION]), [...SNAPSHOT_HEADER]];
  for (const s of list) {
    const { from, to } = s.period;
    rows.push(pad(['period', from, to, `${formatDay(from)}..${formatDay(to)}`, s.entries.length]));
    for (const e of s.entries) rows.push(['entry', from, to, e.key, e.row, e.level, e.status]);
  }
  return rows;
}

function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return '';
  return v.trim();
}

function cellInteger(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

function cellDay(v: CellValue | undefined): Day | null {
  const n = cellInteger(v);
  if (n !== null) return n;
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
    if (m) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((c) => cellString(c) === '');
}

interface Group {
  period: Period;
  entries: SnapshotEntry[];
  declared: number | null;
  /** 1-based sheet row of the period row, or of the first entry when the period row is missing. */
  firstRow: number;
  periodRows: number;
}

/**
 * Reads the hidden sheet back. Tolerant: a damaged row is skipped and reported; an unknown
 * format or version gives no snapshots and one problem (the host then starts afresh).
 * Problems name the 1-based sheet row.
 */
export function snapshotsFromRows(rows: readonly (readonly CellValue[])[]): { snapshots: MeetingSnapshot[]; problems: string[] } {
  const problems: string[] = [];
  let i = 0;
  while (i < rows.length && isBlankRow(rows[i])) i++;
  if (i >= rows.length) return { snapshots: [], problems };

  const marker = rows[i];
  if (cellString(marker[0]) !== SNAPSHOT_MARKER) {
    problems.push(`Row ${i + 1}: not a meeting snapshot sheet (expected '${SNAPSHOT_MARKER}' in column A); no previous snapshot was read.`);
    return { snapshots: [], problems };
  }
  const version = cellInteger(marker[1]);
  if (version !== SNAPSHOT_VERSION) {
    problems.push(`Row ${i + 1}: snapshot format version '${cellString(marker[1])}' is not supported (this version reads ${SNAPSHOT_VERSION}); no previous snapshot was read.`);
    return { snapshots: [], problems };
  }
  i++;
  if (i < rows.length && cellString(rows[i][0]).toLowerCase() === SNAPSHOT_HEADER[0]) i++;
  else if (i < rows.length) problems.push(`Row ${i + 1}: the header row is missing; reading on.`);

  const groups = new Map<string, Group>();
  const groupFor = (from: Day, to: Day, sheetRow: number): Group => {
    const id = `${from}:${to}`;
    let g = groups.get(id);
    if (!g) {
      g = { period: { from, to }, entries: [], declared: null, firstRow: sheetRow, periodRows: 0 };
      groups.set(id, g);
    }
    return g;
  };

  for (; i < rows.length; i++) {
    const row = rows[i];
    const at = `Row ${i + 1}`;
    if (isBlankRow(row)) continue;
    const kind = cellString(row[0]).toLowerCase();
    if (kind !== 'period' && kind !== 'entry') {
      problems.push(`${at}: unknown row kind '${cellString(row[0])}'; skipped.`);
      continue;
    }
    const from = cellDay(row[1]);
    const to = cellDay(row[2]);
    if (from === null || to === null || from > to) {
      problems.push(`${at}: unreadable period '${cellString(row[1])}'..'${cellString(row[2])}'; skipped.`);
      continue;
    }
    if (kind === 'period') {
      const g = groupFor(from, to, i + 1);
      g.periodRows++;
      const declared = cellInteger(row[4]);
      if (declared !== null && declared >= 0) g.declared = (g.declared ?? 0) + declared;
      continue;
    }
    const key = cellString(row[3]);
    const sheetRow = cellInteger(row[4]);
    const level = LEVEL_WORDS[cellString(row[5]).toLowerCase()];
    const status = STATUS_WORDS[cellString(row[6]).toLowerCase()];
    if (key === '' || sheetRow === null || sheetRow < 1 || !level || !status) {
      const what = key === '' ? 'key' : sheetRow === null || sheetRow < 1 ? 'row' : !level ? 'level' : 'status';
      problems.push(`${at}: damaged snapshot entry (${what} unreadable); skipped.`);
      continue;
    }
    groupFor(from, to, i + 1).entries.push({ key, row: sheetRow, level, status });
  }

  const snapshots: MeetingSnapshot[] = [];
  for (const g of groups.values()) {
    const name = `${formatDay(g.period.from)}..${formatDay(g.period.to)}`;
    if (g.periodRows === 0) problems.push(`Row ${g.firstRow}: snapshot ${name} has no period row; its entries were read.`);
    if (g.declared !== null && g.declared !== g.entries.length) {
      problems.push(`Row ${g.firstRow}: snapshot ${name} should have ${g.declared} entries but ${g.entries.length} were read.`);
    }
    snapshots.push({ period: g.period, entries: g.entries });
  }
  snapshots.sort(comparePeriods);
  return { snapshots, problems };
}

function comparePeriods(a: MeetingSnapshot, b: MeetingSnapshot): number {
  return a.period.to - b.period.to || a.period.from - b.period.from;
}

/**
 * The meeting to compare with: the latest stored snapshot whose period ends before this period
 * starts. A snapshot of this same period (from an earlier run) is never chosen, so running the
 * summary twice compares with the same meeting and gives the same result.
 */
export function previousSnapshot(snapshots: readonly MeetingSnapshot[], period: Period): MeetingSnapshot | null {
  let best: MeetingSnapshot | null = null;
  for (const s of snapshots) {
    if (s.period.to >= period.from) continue;
    if (best === null || comparePeriods(s, best) > 0) best = s;
  }
  return best;
}

/**
 * What to store after a run: the previous meeting's snapshot (as `previousSnapshot` picks it)
 * and the current one, which replaces any stored snapshot of the same period. Everything else is
 * dropped, so the hidden sheet holds at most two snapshots.
 */
export function retainSnapshots(snapshots: readonly MeetingSnapshot[], current: MeetingSnapshot): MeetingSnapshot[] {
  const previous = previousSnapshot(snapshots.filter((s) => !samePeriod(s.period, current.period)), current.period);
  return previous ? [previous, current] : [current];
}

/** What changed between a previous meeting's snapshot and the ledger now. Lists are in row order. */
export function diffSinceSnapshot(previous: MeetingSnapshot, disputes: readonly TriagedDispute[]): SnapshotDiff {
  const before = new Map<string, SnapshotEntry>();
  for (const e of previous.entries) if (!before.has(e.key)) before.set(e.key, e);

  const diff: SnapshotDiff = {
    newRed: [],
    escalated: [],
    deEscalated: [],
    resolved: [],
    counts: { newRed: 0, escalated: 0, deEscalated: 0, resolved: 0 },
  };
  const sorted = [...disputes].sort((a, b) => a.record.row - b.record.row);
  for (const d of sorted) {
    const was = before.get(d.record.key);
    const level = d.triage.effective;
    const item: DiffItem = {
      row: d.record.row,
      key: d.record.key,
      level,
      previousLevel: was ? was.level : null,
      status: d.record.status,
      previousStatus: was ? was.status : null,
    };
    if (level === 'red' && (!was || was.level !== 'red')) diff.newRed.push(item);
    if (was && LEVEL_RANK[level] > LEVEL_RANK[was.level]) diff.escalated.push(item);
    if (was && LEVEL_RANK[level] < LEVEL_RANK[was.level]) diff.deEscalated.push(item);
    if (was && was.status === 'open' && d.record.status !== 'open') diff.resolved.push(item);
  }
  diff.counts = {
    newRed: diff.newRed.length,
    escalated: diff.escalated.length,
    deEscalated: diff.deEscalated.length,
    resolved: diff.resolved.length,
  };
  return diff;
}
