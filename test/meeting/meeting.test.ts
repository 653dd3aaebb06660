import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type Io } from '../../src/cli/main';
import { readStateRows, readZip } from '../../src/hosts/xlsx';
import { readSheetValues } from '../support/ooxml';

// Three units' ledgers of one township, laid out as each kind of unit keeps them, with disputes
// passed between them; expected.json was worked out by hand (test/fixtures/README.md).
const FIXTURES = path.join(__dirname, '../fixtures/meeting');
const FILES = ['police.xlsx', 'justice.xlsx', 'court.xlsx'];

interface Expected {
  units: { file: string; unit: string; sheet: string; disputes: number; registeredInPeriod: number; open: number }[];
  duplicates: { file: string; row: number }[][];
  notDuplicates: { file: string; row: number }[][];
  combined: { disputes: number; registeredInPeriod: number; open: number };
  openByColour: { red: number; yellow: number; green: number };
  openReds: { file: string; row: number; serial: string; overdue: boolean }[];
}
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Expected;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), today: () => '2026-11-30' };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

interface MeetingJson {
  period: { from: string; to: string };
  units: { unit: string; file: string; sheet: string; meeting: { disputes: number; period: { registered: number }; open: { red: number; yellow: number; green: number; total: number } } }[];
  meeting: { disputes: number; period: { registered: number }; open: { red: number; yellow: number; green: number; total: number }; changes: unknown };
  duplicates: { unit: string; row: number; serial: string }[][];
  output: string;
}

describe('tricolor meeting on a 派出所 台账, a 司法所 人民调解登记台账 and a 法庭 诉前调解 list', () => {
  let dir: string;
  let result: MeetingJson;
  let c: ReturnType<typeof capture>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-meeting-'));
    for (const f of FILES) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    c = capture();
    const code = main(['meeting', ...FILES.map((f) => path.join(dir, f)), '--period', '2026-11', '--as-of', '2026-11-30', '--json'], c.io);
    expect([code, c.err()]).toEqual([0, '']);
    result = JSON.parse(c.out()) as MeetingJson;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const unitOf = (file: string) => expected.units.find((u) => u.file === file)!.unit;

  it('reads each unit’s ledger where it sits and names the unit from its title or 填报单位 line', () => {
    expect(result.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(result.units.map((u) => [u.unit, u.file, u.sheet])).toEqual(expected.units.map((u) => [u.unit, u.file, u.sheet]));
    expect(result.units.map((u) => [u.meeting.disputes, u.meeting.period.registered, u.meeting.open.total])).toEqual(
      expected.units.map((u) => [u.disputes, u.registeredInPeriod, u.open]),
    );
  });

  it('finds every dispute two or three units hold, and joins none that only look alike', () => {
    const asSet = (groups: { unit: string; row: number }[][]) => new Set(groups.map((g) => g.map((r) => `${r.unit}:${r.row}`).sort().join(' ')));
    const wanted = expected.duplicates.map((g) => g.map((r) => ({ unit: unitOf(r.file), row: r.row })));
    expect(asSet(result.duplicates)).toEqual(asSet(wanted));
    const joined = new Set(result.duplicates.flatMap((g) => g.map((r) => `${r.unit}:${r.row}`)));
    for (const pair of expected.notDuplicates) expect(pair.every((r) => joined.has(`${unitOf(r.file)}:${r.row}`))).toBe(false);
  });

  it('gives totals that equal the sum over units less the disputes held twice', () => {
    const extraCopies = result.duplicates.reduce((n, g) => n + g.length - 1, 0);
    const sum = result.units.reduce((n, u) => n + u.meeting.disputes, 0);
    expect(result.meeting.disputes).toBe(sum - extraCopies);
    expect(result.meeting.disputes).toBe(expected.combined.disputes);
    // A shared dispute counts in the period by its first registration, and is open while any unit has it open.
    expect(result.meeting.period.registered).toBe(expected.combined.registeredInPeriod);
    expect(result.meeting.open.total).toBe(expected.combined.open);
    expect({ red: result.meeting.open.red, yellow: result.meeting.open.yellow, green: result.meeting.open.green }).toEqual(expected.openByColour);
  });

  describe('the meeting workbook', () => {
    /** Every text cell of a sheet of the output, through the package as LibreOffice would read it. */
    let summaryText: string;
    beforeAll(() => {
      summaryText = sheetText(result.output, '联席会议汇总');
    });

    it('titles the summary with every unit', () => {
      expect(summaryText.split('\n')[0]).toBe('青山镇派出所、青山镇司法所、青山人民法庭三调联动联席会议矛盾纠纷汇总表');
    });

    it('lists every overdue red in the overdue list by the ledger’s own 序号', () => {
      const overdue = summaryText.slice(summaryText.indexOf('逾期未回访（'), summaryText.indexOf('较上次会议变化'));
      for (const red of expected.openReds.filter((r) => r.overdue)) expect(overdue).toContain(red.serial);
    });

    it('keeps the ledgers’ own punctuation', () => {
      expect(summaryText).toMatch(/[，。；]/);
      expect(summaryText).toContain('青司调〔2026〕52号');
    });

    it('keeps this meeting’s data for the next one, and compares with it when run for the next month', () => {
      expect(readStateRows(new Uint8Array(fs.readFileSync(result.output)), { fileName: 'out', language: 'zh' })).not.toBeNull();
      const next = capture();
      const args = ['meeting', ...FILES.map((f) => path.join(dir, f)), '--period', '2026-12', '--as-of', '2026-12-31', '--force', '--json'];
      expect(main(args, next.io)).toBe(0);
      const december = JSON.parse(next.out()) as MeetingJson & { meeting: { comparedWith: { from: string; to: string; source: string } } };
      expect(december.meeting.comparedWith).toEqual({ from: '2026-11-01', to: '2026-11-30', source: '联席会议汇总.tricolor.xlsx' });
      expect(sheetText(december.output, '联席会议汇总')).toContain('与上次会议数据比较：上次会议期间2026年11月1日至11月30日（来自联席会议汇总.tricolor.xlsx）');
      // With an earlier meeting known, a third chart shows open reds and yellows meeting by meeting.
      const charts = readZip(new Uint8Array(fs.readFileSync(december.output))).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name));
      expect(charts).toHaveLength(3);
      expect(sheetText(december.output, '联席会议汇总')).toContain('2026年11月1日至11月30日\t5\t13');
    });
  });

  it('takes the unit’s name from FILE=单位, and says which file is missing', () => {
    const named = capture();
    const files = FILES.map((f) => path.join(dir, f));
    const out = path.join(dir, 'named.xlsx');
    expect(main(['meeting', `${files[0]}=城关派出所`, files[1], '--as-of', '2026-11-30', '--out', out, '--json'], named.io)).toBe(0);
    expect((JSON.parse(named.out()) as MeetingJson).units.map((u) => u.unit)).toEqual(['城关派出所', '青山镇司法所']);
    const missing = capture();
    expect(main(['meeting', files[0], path.join(dir, '不存在.xlsx'), '--out', path.join(dir, 'x.xlsx')], missing.io)).toBe(1);
    expect(missing.err()).toBe(`tricolor: 找不到文件“${path.join(dir, '不存在.xlsx')}”；请检查路径\n`);
  });

  it('refuses a ledger beside its own output, which holds the same disputes row for row (all were held by two units)', () => {
    const files = FILES.map((f) => path.join(dir, f));
    const output = path.join(dir, '派出所.tricolor.xlsx');
    expect(main(['run', files[0], '--as-of', '2026-11-30', '--out', output], capture().io)).toBe(0);
    const c = capture();
    expect(main(['meeting', files[0], files[1], output, '--as-of', '2026-11-30', '--out', path.join(dir, 'z.xlsx')], c.io)).toBe(1);
    expect(c.err()).toBe(
      `tricolor: “派出所.tricolor.xlsx”与“${path.basename(files[0])}”中的纠纷一件不差、行行相同，是同一份台账（也许一个是另一个的三色台账输出）；联席会议的每个单位只需给出一次\n`,
    );
    expect(fs.existsSync(path.join(dir, 'z.xlsx'))).toBe(false);
  });

  it('refuses one ledger given twice, by the same path, another path or as a copy (it was counted as a second unit)', () => {
    const files = FILES.map((f) => path.join(dir, f));
    const copy = path.join(dir, '副本.xlsx');
    fs.copyFileSync(files[0], copy);
    const link = path.join(dir, '链接.xlsx');
    fs.symlinkSync(files[0], link);
    for (const [again, said] of [[files[0], files[0]], [link, link], [copy, copy]]) {
      const c = capture();
      expect(main(['meeting', files[0], files[1], again, '--as-of', '2026-11-30', '--out', path.join(dir, 'z.xlsx')], c.io)).toBe(1);
      expect(c.err()).toBe(`tricolor: “${said}”与“${files[0]}”是同一份台账；联席会议的每个单位只需给出一次\n`);
      expect(fs.existsSync(path.join(dir, 'z.xlsx'))).toBe(false);
    }
  });

  it('names the file that holds no ledger among the meeting\'s files', () => {
    const notLedger = path.join(dir, '通讯录.xlsx');
    fs.copyFileSync(path.join(__dirname, '../fixtures/not-a-ledger.xlsx'), notLedger);
    const c = capture();
    const files = FILES.map((f) => path.join(dir, f));
    expect(main(['meeting', files[0], notLedger, files[1], '--as-of', '2026-11-30', '--out', path.join(dir, 'y.xlsx')], c.io)).toBe(1);
    expect(c.err()).toBe('tricolor: “通讯录.xlsx”：工作簿中没有找到矛盾纠纷台账：没有一张工作表在前 40 行内有含 登记日期、当事人、纠纷类型、简要情况 等列名的表头；如果表头在更靠下的位置，请把它上方多余的行删去\n');
  });
});

/** The cells of one sheet, one line per row, cells joined by tabs, read by the tests' own package reader. */
function sheetText(file: string, sheet: string): string {
  const { cells } = readSheetValues(new Uint8Array(fs.readFileSync(file)), sheet);
  const rows = new Map<number, { col: string; value: string }[]>();
  for (const [ref, value] of cells) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    rows.set(Number(row), [...(rows.get(Number(row)) ?? []), { col, value: String(value) }]);
  }
  const byColumn = (a: { col: string }, b: { col: string }) => a.col.length - b.col.length || (a.col < b.col ? -1 : 1);
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, line]) => line.sort(byColumn).map((c) => c.value).join('\t'))
    .join('\n');
}
