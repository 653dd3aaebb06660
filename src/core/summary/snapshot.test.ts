import type { CellValue } from '../model';
import { day, dispute } from './fixtures';
import {
  CHUNK_CHARS,
  SNAPSHOT_MARKER,
  diffSinceSnapshot,
  previousSnapshot,
  retainSnapshots,
  snapshotToRows,
  snapshotsFromRows,
  MAX_SNAPSHOT_LINES,
  keysForUnits,
  takeSnapshot,
} from './snapshot';
import type { MeetingSnapshot, Period } from './types';

const SEP: Period = { from: day(2026, 9, 1), to: day(2026, 9, 30) };
const OCT: Period = { from: day(2026, 10, 1), to: day(2026, 10, 31) };
const NOV: Period = { from: day(2026, 11, 1), to: day(2026, 11, 30) };
const DEC: Period = { from: day(2026, 12, 1), to: day(2026, 12, 31) };
const Q4: Period = { from: day(2026, 10, 1), to: day(2026, 12, 31) };

const snap = (period: Period, keys: string[] = []): MeetingSnapshot => ({
  period,
  entries: keys.map((key, i) => ({ key, row: i + 2, level: 'green', status: 'open' })),
});

describe('takeSnapshot', () => {
  it('records key, row, effective level and status of every dispute', () => {
    const s = takeSnapshot(
      [dispute(2, { level: 'red', key: 'A' }), dispute(5, { level: 'green', status: 'closed', key: 'B' })],
      NOV,
    );
    expect(s).toEqual({
      period: { from: 20758, to: 20787 },
      entries: [
        { key: 'A', row: 2, level: 'red', status: 'open' },
        { key: 'B', row: 5, level: 'green', status: 'closed' },
      ],
    });
  });
});

describe('snapshot rows', () => {
  const nov: MeetingSnapshot = {
    period: NOV,
    entries: [
      { key: '0012', row: 3, level: 'red', status: 'open' },
      { key: '2026-11-03|张三|东村|邻里', row: 4, level: 'yellow', status: 'resolved' },
    ],
  };

  it('writes a version marker, a header and one row per period with its entries packed in a cell', () => {
    expect(snapshotToRows(nov)).toEqual([
      ['tricolor-meeting-snapshots', 2, '', '', ''],
      ['kind', 'from', 'to', 'entries', 'data'],
      ['period', '2026-11-01', '2026-11-30', 2, '0012\t3\tr\to\n2026-11-03|张三|东村|邻里\t4\ty\tr'],
    ]);
  });

  it('reads back what it wrote, for one snapshot or several', () => {
    const oct = snap(OCT, ['X']);
    expect(snapshotsFromRows(snapshotToRows(nov))).toEqual({ snapshots: [nov], tallies: [], problems: [], unreadable: false });
    expect(snapshotsFromRows(snapshotToRows([nov, oct]))).toEqual({ snapshots: [oct, nov], tallies: [], problems: [], unreadable: false });
  });

  it('reads one period written twice with 300,000 entries (they were joined with one call\'s arguments, past what V8 allows)', () => {
    const big = snap(NOV, Array.from({ length: 150_000 }, (_, i) => `K${i}`));
    const { snapshots, problems } = snapshotsFromRows(snapshotToRows([big, big]));
    expect(problems).toEqual([]);
    expect(snapshots.map((s) => s.entries.length)).toEqual([300_000]);
  });

  it('keeps a snapshot with no entries', () => {
    expect(snapshotsFromRows(snapshotToRows(snap(NOV)))).toEqual({ snapshots: [snap(NOV)], tallies: [], problems: [], unreadable: false });
  });

  it('splits a large snapshot over cells below Excel\'s 32,767-character limit and reads it back whole', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `h:${String(i).padStart(8, '0')}`);
    const big = snap(NOV, keys);
    const rows = snapshotToRows(big);
    const cells = rows[2].slice(4) as string[];
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((c) => c.length <= CHUNK_CHARS)).toBe(true);
    expect(snapshotsFromRows(rows)).toEqual({ snapshots: [big], tallies: [], problems: [], unreadable: false });
  });

  it('reads the count as numeric text, as a spreadsheet may return it', () => {
    const rows: CellValue[][] = [
      [SNAPSHOT_MARKER, '2'],
      ['kind', 'from', 'to', 'entries', 'data'],
      ['period', '2026-11-01', '2026-11-30', '1', '12\t3\tr\to'],
    ];
    expect(snapshotsFromRows(rows)).toEqual({
      snapshots: [{ period: NOV, entries: [{ key: '12', row: 3, level: 'red', status: 'open' }] }],
      tallies: [],
      problems: [],
      unreadable: false,
    });
  });

  it.each<[string, string, string]>([
    ['an unknown level', 'A\t3\tpurple\to', 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
    ['a blank key', '\t3\tr\to', 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
    ['a row that is not a number', 'A\tx\tr\to', 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
    ['an unknown status', 'A\t3\tr\tdone', 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
    ['a key longer than any key written', `${'K'.repeat(100_000)}\t3\tr\to`, 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
    ['a row past the sheet\'s last', 'A\t1048577\tr\to', 'Row 3: 1 damaged snapshot entries of 2026-11-01..2026-11-30 skipped.'],
  ])('skips and reports an entry with %s, and keeps the rest', (_what, bad, message) => {
    const rows: CellValue[][] = [
      [SNAPSHOT_MARKER, 2],
      ['kind', 'from', 'to', 'entries', 'data'],
      ['period', '2026-11-01', '2026-11-30', 2, `${bad}\nB\t5\tg\tc`],
    ];
    const result = snapshotsFromRows(rows);
    expect(result.snapshots).toEqual([{ period: NOV, entries: [{ key: 'B', row: 5, level: 'green', status: 'closed' }] }]);
    expect(result.problems).toEqual([message]);
  });

  it.each<[string, CellValue[], string]>([
    ['an unreadable period', ['period', 'soon', '2026-11-30', 1, 'A\t3\tr\to'], "Row 3: unreadable period 'soon'..'2026-11-30'; skipped."],
    ['an unknown kind', ['note', '2026-11-01', '2026-11-30', 1, 'A\t3\tr\to'], "Row 3: unknown row kind 'note'; skipped."],
  ])('skips and reports a row with %s', (_what, bad, message) => {
    const rows: CellValue[][] = [[SNAPSHOT_MARKER, 2], ['kind', 'from', 'to', 'entries', 'data'], bad];
    expect(snapshotsFromRows(rows)).toEqual({ snapshots: [], tallies: [], problems: [message], unreadable: false });
  });

  it.each<[string, Period, Period[]]>([
    ['a run in December reads October and November', DEC, [OCT, NOV]],
    ['a run repeated in November reads October only', NOV, [OCT]],
    ['a run in October, after later ones, reads none', OCT, []],
  ])('given the period run, passes over snapshots that end in it or after: %s', (_what, run, read) => {
    const rows = snapshotToRows([snap(OCT, ['A']), snap(NOV, ['B']), snap(DEC, ['C'])]);
    expect(snapshotsFromRows(rows, run.from).snapshots.map((s) => s.period)).toEqual(read);
  });

  it('says nothing of damage in a snapshot it passes over, and still of one it reads', () => {
    const rows: CellValue[][] = [
      [SNAPSHOT_MARKER, 2],
      ['kind', 'from', 'to', 'entries', 'data'],
      ['period', '2026-10-01', '2026-10-31', 2, 'A\t3\tpurple\to\nB\t5\tg\tc'],
      ['period', '2026-11-01', '2026-11-30', 9, 'C\t3\tpurple\to'],
    ];
    expect(snapshotsFromRows(rows, NOV.from).problems).toEqual(['Row 3: 1 damaged snapshot entries of 2026-10-01..2026-10-31 skipped.']);
    expect(snapshotsFromRows(rows).problems).toHaveLength(3);
  });

  it('reports a snapshot whose entry count does not match', () => {
    const rows: CellValue[][] = [
      [SNAPSHOT_MARKER, 2],
      ['kind', 'from', 'to', 'entries', 'data'],
      ['period', '2026-11-01', '2026-11-30', 3, 'B\t5\tg\tc'],
    ];
    expect(snapshotsFromRows(rows).problems).toEqual(['Row 3: snapshot 2026-11-01..2026-11-30 should have 3 entries but 1 were read.']);
  });

  it('gives nothing and no problem for an empty sheet', () => {
    expect(snapshotsFromRows([])).toEqual({ snapshots: [], tallies: [], problems: [], unreadable: false });
    expect(snapshotsFromRows([[null, ''], []])).toEqual({ snapshots: [], tallies: [], problems: [], unreadable: false });
  });

  it('refuses a format version it does not know', () => {
    expect(snapshotsFromRows([[SNAPSHOT_MARKER, 1], ['entry', 20758, 20787, 'A', 3, 'red', 'open']])).toEqual({
      snapshots: [],
      tallies: [],
      problems: ["Row 1: snapshot format version '1' is not supported (this version reads 2); no previous snapshot was read."],
      unreadable: true,
    });
  });

  it('keeps each meeting’s open reds and yellows for the trend chart, and reads a damaged tally as a problem', () => {
    const rows = snapshotToRows(snap(NOV), [{ period: OCT, red: 4, yellow: 9 }]);
    expect(rows[rows.length - 1].slice(0, 5)).toEqual(['tally', '2026-10-01', '2026-10-31', 4, 9]);
    expect(snapshotsFromRows(rows).tallies).toEqual([{ period: OCT, red: 4, yellow: 9 }]);
    const damaged = [...rows.slice(0, -1), ['tally', '2026-10-01', '2026-10-31', 'many', 9]];
    expect(snapshotsFromRows(damaged)).toMatchObject({ tallies: [], problems: [`Row ${damaged.length}: unreadable meeting tally; skipped.`] });
  });

  it.each<[string, CellValue]>([
    ['a negative count', -99999999],
    ['a count past any ledger', 1e300],
    ['a fraction', 2.5],
    ['negative numeric text', '-7'],
  ])('reads a tally of %s as damage, not as a count for the trend chart', (_, red) => {
    const rows = [...snapshotToRows(snap(NOV)), ['tally', '2026-10-01', '2026-10-31', red, 9]];
    expect(snapshotsFromRows(rows)).toMatchObject({ tallies: [], problems: [`Row ${rows.length}: unreadable meeting tally; skipped.`] });
  });

  it('reads lines whose breaks were written back as CRLF', () => {
    const rows: CellValue[][] = [[SNAPSHOT_MARKER, 2], ['kind', 'from', 'to', 'entries', 'data'], ['period', '2026-11-01', '2026-11-30', 2, 'A\t3\tr\to\r\nB\t5\tg\tc']];
    expect(snapshotsFromRows(rows)).toEqual({
      snapshots: [{ period: NOV, entries: [{ key: 'A', row: 3, level: 'red', status: 'open' }, { key: 'B', row: 5, level: 'green', status: 'closed' }] }],
      tallies: [],
      problems: [],
      unreadable: false,
    });
  });

  it('gives up, and reads nothing, on more lines than any ledger holds (rows that all name one long string)', () => {
    // 30,000 characters of short lines, named by 600 rows: the shape of a 1.5 MB file that took 739 MB.
    const chunk = Array.from({ length: 3750 }, (_, i) => `k${i % 10}\t1\tr\to`).join('\n');
    const rows: CellValue[][] = [[SNAPSHOT_MARKER, 2], ['kind', 'from', 'to', 'entries', 'data']];
    for (let i = 0; i < 600; i++) rows.push(['period', '2026-11-01', '2026-11-30', 3750, chunk]);
    const read = snapshotsFromRows(rows);
    expect({ snapshots: read.snapshots, unreadable: read.unreadable }).toEqual({ snapshots: [], unreadable: true });
    expect(read.problems).toEqual([`Row ${Math.ceil(MAX_SNAPSHOT_LINES / 3750) + 2}: more than 2000000 snapshot entries, more than any ledger holds; no previous snapshot was read.`]);
  });

  it('refuses a sheet that is not a snapshot sheet', () => {
    expect(snapshotsFromRows([['序号', '姓名']])).toEqual({
      snapshots: [],
      tallies: [],
      problems: ["Row 1: not a meeting snapshot sheet (expected 'tricolor-meeting-snapshots' in column A); no previous snapshot was read."],
      unreadable: true,
    });
  });
});

describe('previousSnapshot', () => {
  const stored = [snap(NOV, ['n']), snap(SEP, ['s']), snap(OCT, ['o'])];

  it.each<[string, Period, Period | null]>([
    ['November compares with October', NOV, OCT],
    ['December compares with November', DEC, NOV],
    ['a quarter compares with the last meeting that ended before it began', Q4, SEP],
    ['September has nothing before it', SEP, null],
  ])('%s', (_name, period, expected) => {
    expect(previousSnapshot(stored, period)?.period ?? null).toEqual(expected);
  });

  it('gives the same previous meeting when the same period is run again after its snapshot was stored', () => {
    const first = previousSnapshot([snap(SEP), snap(OCT)], NOV);
    const stored2 = retainSnapshots([snap(SEP), snap(OCT)], snap(NOV, ['n']));
    const second = previousSnapshot(stored2, NOV);
    expect(first?.period).toEqual(OCT);
    expect(second?.period).toEqual(OCT);
  });
});

describe('retainSnapshots', () => {
  it('keeps the previous meeting and the current one, which replaces an older run of the same period', () => {
    const current = snap(NOV, ['new']);
    expect(retainSnapshots([snap(SEP), snap(OCT), snap(NOV, ['old'])], current)).toEqual([snap(OCT), current]);
  });

  it('keeps only the current snapshot when there is no earlier meeting', () => {
    expect(retainSnapshots([snap(DEC)], snap(NOV))).toEqual([snap(NOV)]);
  });
});

describe('diffSinceSnapshot', () => {
  const previous: MeetingSnapshot = {
    period: OCT,
    entries: [
      { key: 'A', row: 2, level: 'red', status: 'open' },
      { key: 'B', row: 3, level: 'yellow', status: 'open' },
      { key: 'C', row: 4, level: 'green', status: 'open' },
      { key: 'D', row: 5, level: 'red', status: 'open' },
      { key: 'E', row: 6, level: 'yellow', status: 'open' },
    ],
  };
  const now = [
    dispute(2, { key: 'A', level: 'red' }), // unchanged
    dispute(3, { key: 'B', level: 'red' }), // yellow → red: new red and escalated
    dispute(4, { key: 'C', level: 'yellow' }), // green → yellow: escalated
    dispute(5, { key: 'D', level: 'green', status: 'resolved' }), // red → green, resolved
    dispute(6, { key: 'E', level: 'yellow', status: 'closed' }), // resolved, level unchanged
    dispute(7, { key: 'F', level: 'red' }), // new row, red
    dispute(8, { key: 'G', level: 'green' }), // new row, green: nothing
  ];
  const diff = diffSinceSnapshot(previous, now);
  const rows = (list: { row: number }[]) => list.map((i) => i.row);

  it.each<[string, 'newRed' | 'escalated' | 'deEscalated' | 'resolved', number[]]>([
    ['new red holds disputes red now that were absent or not red before', 'newRed', [3, 7]],
    ['escalated holds disputes whose level rose', 'escalated', [3, 4]],
    ['de-escalated holds disputes whose level fell', 'deEscalated', [5]],
    ['resolved holds disputes open before and resolved or closed now', 'resolved', [5, 6]],
  ])('%s', (_name, category, expected) => {
    expect(rows(diff[category])).toEqual(expected);
  });

  it('counts each list', () => {
    expect(diff.counts).toEqual({ newRed: 2, escalated: 2, deEscalated: 1, resolved: 2 });
  });

  it('gives each dispute its row, key and levels before and now', () => {
    expect(diff.newRed).toEqual([
      { row: 3, key: 'B', level: 'red', previousLevel: 'yellow', status: 'open', previousStatus: 'open' },
      { row: 7, key: 'F', level: 'red', previousLevel: null, status: 'open', previousStatus: null },
    ]);
  });
});

describe('keysForUnits', () => {
  const entry = (key: string) => ({ key, row: 2, level: 'red' as const, status: 'open' as const });
  const snapshot: MeetingSnapshot = { period: NOV, entries: [entry('青山镇派出所|id:2026-07'), entry('青山镇司法所|h:00ab'), entry('id:9')] };

  it('gives a single run its own unit’s entries without the prefix, and leaves other units’ out', () => {
    expect(keysForUnits(snapshot, '青山镇派出所', false).entries.map((e) => e.key)).toEqual(['id:2026-07', 'id:9']);
  });

  it('gives a meeting the workbook’s own unprefixed entries under its first unit', () => {
    expect(keysForUnits(snapshot, '青山镇派出所', true).entries.map((e) => e.key)).toEqual([
      '青山镇派出所|id:2026-07',
      '青山镇司法所|h:00ab',
      '青山镇派出所|id:9',
    ]);
  });
});
