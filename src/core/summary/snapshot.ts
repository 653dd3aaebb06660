import type { CellValue, Day, DisputeRecord, DisputeStatus, Level, TriagedDispute } from '../model';
import { LEVEL_RANK } from '../model';
import { dayFromYmd, formatDay, SHEET_ROWS } from '../cells';
import type { DiffItem, MeetingSnapshot, MeetingTally, Period, SnapshotDiff, SnapshotEntry } from './types';

/**
 * Snapshot storage format, version 2. Hosts keep the matrix in a hidden sheet; every row has the
 * same width so it can be written as one rectangular range.
 *
 *   row 1: 'tricolor-meeting-snapshots' | 2 (the version) | '' …
 *   row 2: kind | from | to | entries | data …                     (the header)
 *   then one row per snapshot:
 *          'period' | YYYY-MM-DD | YYYY-MM-DD | entry count | chunk | chunk …
 *   and one row per earlier meeting's open reds and yellows (the trend chart):
 *          'tally' | YYYY-MM-DD | YYYY-MM-DD | red | yellow
 *
 * A chunk is up to CHUNK_CHARS characters of lines `key<TAB>row<TAB>level<TAB>status` (level
 * r/y/g, status o/r/c). Packing a 100,000-row ledger into about 70 cells instead of 700,000 keeps
 * the sheet small, and keeps an Office.js write far under Excel on the web's request limit.
 * A damaged line loses only itself; an unknown version is refused rather than guessed at.
 */
export const SNAPSHOT_MARKER = 'tricolor-meeting-snapshots';
export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT_HEADER: readonly string[] = ['kind', 'from', 'to', 'entries', 'data'];
/** Below Excel's 32,767-character cell limit, with room to spare. */
export const CHUNK_CHARS = 30000;
/**
 * More lines than any ledgers hold (a sheet has 1,048,576 rows; a meeting joins a few): a state
 * sheet past it was not written by this add-in, and reading it on would take what memory there is
 * (a 1.5 MB file whose 100,000 rows each name one 30,000-character string).
 */
export const MAX_SNAPSHOT_LINES = 2_000_000;
/** A key is an id (64 characters at most), a hash, and a unit's name: far shorter than this. */
const MAX_KEY_CHARS = 256;

const LEVEL_CODE: Record<Level, string> = { red: 'r', yellow: 'y', green: 'g' };
const STATUS_CODE: Record<DisputeStatus, string> = { open: 'o', resolved: 'r', closed: 'c' };
const LEVEL_OF: Record<string, Level> = { r: 'red', y: 'yellow', g: 'green' };
const STATUS_OF: Record<string, DisputeStatus> = { o: 'open', r: 'resolved', c: 'closed' };

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

function chunks(entries: readonly SnapshotEntry[]): string[] {
  const out: string[] = [];
  // A chunk's lines are joined once it is full: appending line by line would keep each chunk as
  // a chain of thousands of small strings (~27 MB for 100,000 disputes instead of ~3 MB).
  let lines: string[] = [];
  let length = 0;
  for (const e of entries) {
    const line = `${e.key.replace(/[\t\n]/g, ' ')}\t${e.row}\t${LEVEL_CODE[e.level]}\t${STATUS_CODE[e.status]}`;
    if (lines.length > 0 && length + 1 + line.length > CHUNK_CHARS) {
      out.push(lines.join('\n'));
      lines = [];
    }
    length = lines.length === 0 ? line.length : length + 1 + line.length;
    lines.push(line);
  }
  if (lines.length > 0) out.push(lines.join('\n'));
  return out;
}

/** Tallies kept for the trend chart: a year of monthly meetings. */
export const TALLIES_KEPT = 12;

/** Open reds and yellows in a snapshot. */
export function tallyOf(snapshot: MeetingSnapshot): MeetingTally {
  let red = 0;
  let yellow = 0;
  for (const e of snapshot.entries) {
    if (e.status !== 'open') continue;
    if (e.level === 'red') red++;
    else if (e.level === 'yellow') yellow++;
  }
  return { period: { ...snapshot.period }, red, yellow };
}

/**
 * The meetings' tallies to keep, oldest first: those stored, those the snapshots imply, and this
 * one (which replaces a stored tally of the same period), at most TALLIES_KEPT.
 */
export function mergeTallies(...lists: readonly (readonly MeetingTally[])[]): MeetingTally[] {
  const byPeriod = new Map<string, MeetingTally>();
  for (const list of lists) for (const t of list) byPeriod.set(`${t.period.from}:${t.period.to}`, { period: { ...t.period }, red: t.red, yellow: t.yellow });
  return [...byPeriod.values()].sort((a, b) => a.period.to - b.period.to || a.period.from - b.period.from).slice(-TALLIES_KEPT);
}

/** The matrix for the hidden sheet, snapshots in the order given, then the tallies. */
export function snapshotToRows(snapshots: MeetingSnapshot | readonly MeetingSnapshot[], tallies: readonly MeetingTally[] = []): (string | number)[][] {
  const list: readonly MeetingSnapshot[] = Array.isArray(snapshots) ? snapshots : [snapshots as MeetingSnapshot];
  const rows: (string | number)[][] = [[SNAPSHOT_MARKER, SNAPSHOT_VERSION], [...SNAPSHOT_HEADER]];
  for (const s of list) rows.push(['period', formatDay(s.period.from), formatDay(s.period.to), s.entries.length, ...chunks(s.entries)]);
  for (const t of tallies) rows.push(['tally', formatDay(t.period.from), formatDay(t.period.to), t.red, t.yellow]);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of rows) while (r.length < width) r.push('');
  return rows;
}

function cellString(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return '';
  return v.trim();
}

/** A count: a whole number from 0 to MAX_SNAPSHOT_LINES (a tally of -99999999 or 1e300 is damage). */
function cellCount(v: CellValue | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_SNAPSHOT_LINES ? n : null;
}

function cellDay(v: CellValue | undefined): Day | null {
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
    if (m) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((c) => cellString(c) === '');
}

/** What was read of a hidden state sheet. */
export interface StoredMeetings {
  snapshots: MeetingSnapshot[];
  tallies: MeetingTally[];
  /** What was skipped, by 1-based sheet row, in English (for tests and reports of bugs). */
  problems: string[];
  /** The sheet is there but nothing of it could be used: not this format, another version, too large. */
  unreadable: boolean;
}

/**
 * Reads the hidden sheet back. Tolerant: a damaged row or line is skipped and reported; an unknown
 * format or version, or more lines than any ledger holds, gives no snapshots and one problem (the
 * host then starts afresh). Problems name the 1-based sheet row.
 *
 * Given `before` (the start of the period being run), a snapshot of a period that ends on or after
 * it is passed over, its entries neither read nor checked: no run compares with it or keeps it
 * (`previousSnapshot`, `retainSnapshots`), and its damage is no reason to warn. A run repeated in
 * the same month read its own last output's 100,000 entries for nothing (75–140 ms).
 */
export function snapshotsFromRows(rows: readonly (readonly CellValue[])[], before?: Day): StoredMeetings {
  const problems: string[] = [];
  const tallies: MeetingTally[] = [];
  const unreadable = (problem: string): StoredMeetings => ({ snapshots: [], tallies: [], problems: [problem], unreadable: true });
  let i = 0;
  while (i < rows.length && isBlankRow(rows[i])) i++;
  if (i >= rows.length) return { snapshots: [], tallies, problems, unreadable: false };

  const marker = rows[i];
  if (cellString(marker[0]) !== SNAPSHOT_MARKER)
    return unreadable(`Row ${i + 1}: not a meeting snapshot sheet (expected '${SNAPSHOT_MARKER}' in column A); no previous snapshot was read.`);
  const version = cellCount(marker[1]);
  if (version !== SNAPSHOT_VERSION)
    return unreadable(`Row ${i + 1}: snapshot format version '${cellString(marker[1])}' is not supported (this version reads ${SNAPSHOT_VERSION}); no previous snapshot was read.`);
  i++;
  if (i < rows.length && cellString(rows[i][0]).toLowerCase() === SNAPSHOT_HEADER[0]) i++;
  else if (i < rows.length) problems.push(`Row ${i + 1}: the header row is missing; reading on.`);

  const byPeriod = new Map<string, MeetingSnapshot>();
  let lines = 0;
  for (; i < rows.length; i++) {
    const row = rows[i];
    const at = `Row ${i + 1}`;
    if (isBlankRow(row)) continue;
    if (cellString(row[0]).toLowerCase() === 'tally') {
      const from = cellDay(row[1]);
      const to = cellDay(row[2]);
      const red = cellCount(row[3]);
      const yellow = cellCount(row[4]);
      if (from === null || to === null || red === null || yellow === null) problems.push(`${at}: unreadable meeting tally; skipped.`);
      else tallies.push({ period: { from, to }, red, yellow });
      continue;
    }
    if (cellString(row[0]).toLowerCase() !== 'period') {
      problems.push(`${at}: unknown row kind '${cellString(row[0])}'; skipped.`);
      continue;
    }
    const from = cellDay(row[1]);
    const to = cellDay(row[2]);
    if (from === null || to === null || from > to) {
      problems.push(`${at}: unreadable period '${cellString(row[1])}'..'${cellString(row[2])}'; skipped.`);
      continue;
    }
    if (before !== undefined && to >= before) continue;
    const entries: SnapshotEntry[] = [];
    let damaged = 0;
    for (let c = 4; c < row.length; c++) {
      const chunk = row[c];
      if (typeof chunk !== 'string' || chunk === '') continue;
      // A line break written back as CRLF (by a tool that rewrote the cell) is still one.
      for (const line of chunk.split(/\r?\n/)) {
        if (++lines > MAX_SNAPSHOT_LINES)
          return unreadable(`Row ${i + 1}: more than ${MAX_SNAPSHOT_LINES} snapshot entries, more than any ledger holds; no previous snapshot was read.`);
        const [key, sheetRow, level, status] = line.split('\t');
        const n = Number(sheetRow);
        if (!key || key.length > MAX_KEY_CHARS || !Number.isInteger(n) || n < 1 || n > SHEET_ROWS || !LEVEL_OF[level] || !STATUS_OF[status]) damaged++;
        else entries.push({ key, row: n, level: LEVEL_OF[level], status: STATUS_OF[status] });
      }
    }
    const name = `${formatDay(from)}..${formatDay(to)}`;
    if (damaged) problems.push(`${at}: ${damaged} damaged snapshot entries of ${name} skipped.`);
    const declared = cellCount(row[3]);
    if (declared !== null && declared !== entries.length + damaged)
      problems.push(`${at}: snapshot ${name} should have ${declared} entries but ${entries.length} were read.`);
    const id = `${from}:${to}`;
    const existing = byPeriod.get(id);
    // A loop, not push(...entries): a snapshot may hold more entries than one call's arguments.
    if (existing) for (const entry of entries) existing.entries.push(entry);
    else byPeriod.set(id, { period: { from, to }, entries });
  }
  const snapshots = [...byPeriod.values()].sort(comparePeriods);
  return { snapshots, tallies, problems, unreadable: false };
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

const UNIT_KEY = /^(.*)\|((?:id|h):[\s\S]*)$/;

/**
 * A snapshot's keys as `units` name disputes. A joint meeting keys each dispute by its unit
 * (`青山镇派出所|id:2026-07`), a single ledger's run does not: a meeting written into a ledger's own
 * workbook (the pane) and a later run of that ledger alone must still find each other's disputes.
 * For a single run (`joint` false), the unit's prefixed keys lose the prefix and other units'
 * entries are left out; for a meeting, unprefixed keys are taken as `unit`'s (the first ledger,
 * the workbook's own).
 */
export function keysForUnits(snapshot: MeetingSnapshot, unit: string, joint: boolean): MeetingSnapshot {
  const entries: SnapshotEntry[] = [];
  for (const e of snapshot.entries) {
    const m = UNIT_KEY.exec(e.key);
    if (joint) entries.push(m ? e : { ...e, key: `${unit}|${e.key}` });
    else if (!m) entries.push(e);
    else if (m[1] === unit) entries.push({ ...e, key: m[2] });
  }
  return { period: { ...snapshot.period }, entries };
}

/** A meeting's entries by key, the first of a key kept. */
function entriesByKey(snapshot: MeetingSnapshot): Map<string, SnapshotEntry> {
  const byKey = new Map<string, SnapshotEntry>();
  for (const e of snapshot.entries) if (!byKey.has(e.key)) byKey.set(e.key, e);
  return byKey;
}

/** A dispute's entry in a meeting: by its key, else by the key an earlier version gave it. */
function entryOf(byKey: ReadonlyMap<string, SnapshotEntry>, record: DisputeRecord): SnapshotEntry | undefined {
  return byKey.get(record.key) ?? (record.legacyKey === undefined ? undefined : byKey.get(record.legacyKey));
}

/** Whether any dispute now is one of the meeting's: none, and the meeting is of another ledger. */
export function sharesADispute(snapshot: MeetingSnapshot, disputes: readonly TriagedDispute[]): boolean {
  const byKey = entriesByKey(snapshot);
  return disputes.some((d) => entryOf(byKey, d.record) !== undefined);
}

/** What changed between a previous meeting's snapshot and the ledger now. Lists are in row order. */
export function diffSinceSnapshot(previous: MeetingSnapshot, disputes: readonly TriagedDispute[]): SnapshotDiff {
  const before = entriesByKey(previous);

  const diff: SnapshotDiff = {
    newRed: [],
    escalated: [],
    deEscalated: [],
    resolved: [],
    counts: { newRed: 0, escalated: 0, deEscalated: 0, resolved: 0 },
    shared: 0,
  };
  const sorted = [...disputes].sort((a, b) => a.record.row - b.record.row);
  for (const d of sorted) {
    const was = entryOf(before, d.record);
    if (was) diff.shared++;
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
