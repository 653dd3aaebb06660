import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRESET } from '../../src/core';
import { main, type Io } from '../../src/cli/main';
import { SMALL_LEDGER_MERGES, SMALL_LEDGER_ROWS, smallLedger } from '../xlsx/small-ledger';
import { writeXlsx } from '../../scripts/lib/xlsx-writer';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { partsOf, writeRawZip } from '../fuzz/zip-tools';

function capture(today = '2026-11-28') {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), today: () => today };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('tricolor run', () => {
  let dir: string;
  let ledger: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-cli-'));
    ledger = path.join(dir, '台账.xlsx');
    fs.writeFileSync(ledger, smallLedger());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes LEDGER.tricolor.xlsx beside the input and prints counts by colour', () => {
    const c = capture();
    expect(main(['run', ledger], c.io)).toBe(0);
    expect(fs.existsSync(path.join(dir, '台账.tricolor.xlsx'))).toBe(true);
    expect(c.out()).toContain('共 4 件纠纷');
    expect(c.out()).toContain('红色 1 件　黄色 2 件　绿色 1 件');
    // B8 (a date) and H8 (a number) need a look; the rows themselves were processed.
    expect(c.out()).toContain('需核对的单元格 2 处（其余内容已照常处理）');
    expect(c.out()).toContain(`输出：${path.join(dir, '台账.tricolor.xlsx')}`);
  });

  it('never modifies the input', () => {
    const before = fs.readFileSync(ledger);
    main(['run', ledger], capture().io);
    expect(fs.readFileSync(ledger).equals(before)).toBe(true);
  });

  it('refuses to overwrite an existing output without --force', () => {
    main(['run', ledger], capture().io);
    const c = capture();
    expect(main(['run', ledger], c.io)).toBe(1);
    expect(c.err()).toContain('已存在；加 --force 覆盖');
    expect(main(['run', ledger, '--force'], capture().io)).toBe(0);
  });

  it('prints one JSON document with fields by column letter and rows with levels and dates', () => {
    const c = capture();
    expect(main(['run', ledger, '--json', '--as-of', '2026-11-28'], c.io)).toBe(0);
    const doc = JSON.parse(c.out());
    expect(doc.sheet).toBe('台账');
    expect(doc.headerRows).toEqual([3, 4]);
    expect(doc.fields).toMatchObject({ registered: 'B', place: 'C', parties: 'D', phone: 'E', type: 'F', description: 'G', headcount: 'H', amount: 'I', status: 'J', owner: 'K', lastRevisit: 'L' });
    // Row 5: 扬言要砍 → red; last revisit 11月20日 (year from registration 2026) + 1 day = 2026-11-21, 7 days overdue on the 28th.
    expect(doc.rows[0]).toMatchObject({ row: 5, level: 'red', suggested: 'red', manual: null, nextRevisit: '2026-11-21', overdueDays: 7, due: true });
    expect(doc.rows[0].reasons[0]).toMatchObject({ rule: 'red.violence', level: 'red' });
    expect(doc.rows[0].reasons[0].text).toMatch(/^红：人身安全威胁：“.*扬言要砍/);
    // Row 7: 已化解 → green, registered 2026-11-27, no revisit yet: due 30 days later.
    expect(doc.rows[2]).toMatchObject({ row: 7, level: 'green', nextRevisit: '2026-12-27', due: false, overdueDays: 0 });
    expect(doc.issues.map((i: { cell: string | null }) => i.cell)).toEqual(['B8', 'H8', 'B8']);
  });

  it('uses today from the clock when --as-of is not given', () => {
    const c = capture('2026-12-31');
    main(['run', ledger, '--json'], c.io);
    expect(JSON.parse(c.out()).summary.asOf).toBe('2026-12-31');
  });

  it('prints a JSON document naming the error when a --json run fails, and nothing on standard output without --json', () => {
    const c = capture();
    expect(main(['run', ledger, '--sheet', '不存在', '--json'], c.io)).toBe(1);
    const { error } = JSON.parse(c.out()) as { error: { code: string; message: string } };
    expect(error).toEqual({ code: 'sheet.unknown', message: expect.stringContaining('没有名为“不存在”的工作表') });
    expect(c.err()).toBe(`tricolor: ${error.message}\n`);
    const plain = capture();
    expect(main(['run', ledger, '--sheet', '不存在'], plain.io)).toBe(1);
    expect(plain.out()).toBe('');
  });

  it('says a file whose name is not UTF-8 (GBK, from a zip made on Windows) is there under a name it cannot read, and to rename it', () => {
    // 台账.xlsx in GBK: Node gives the command each byte it cannot decode as U+FFFD.
    const gbk = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xcc, 0xa8, 0xd5, 0xcb]), Buffer.from('.xlsx')]);
    fs.writeFileSync(gbk, smallLedger());
    const named = path.join(dir, '\uFFFD\uFFFD\uFFFD\uFFFD.xlsx');
    const c = capture();
    expect(main(['run', named, '--as-of', '2026-11-30'], c.io)).toBe(1);
    expect(c.err()).toBe(`tricolor: 找不到文件“${named}”：文件名中有本工具无法识别的字符（常见于从 Windows 压缩包解出的 GBK 编码文件名）；请把文件改名后再试\n`);
    fs.unlinkSync(gbk);
  });

  it.each([
    [['run', 'missing.xlsx'], 1, '找不到文件“missing.xlsx”'],
    [['run', '{ledger}', '--as-of', '2026-02-30'], 2, '--as-of 的日期“2026-02-30”无效'],
    [['run', '{ledger}', '--as-of', '9999-12-31'], 2, '--as-of 的日期“9999-12-31”不在 1990—2100 年之间，请核对'],
    [['run', '{ledger}', '--period', '2026-11-30..2026-11-01'], 2, '--period 的“2026-11-30..2026-11-01”无效'],
    [['run', '{ledger}', '--sheet', '不存在'], 1, '没有名为“不存在”的工作表'],
    // A period not yet begun has nothing to count: the paper was all zeros under a title in the future.
    [['run', '{ledger}', '--as-of', '2026-11-30', '--period', '2027-01'], 1, '会议期间从 2027-01-01 开始，晚于截至日期 2026-11-30，还没有可统计的内容；请检查 --period 或 --as-of'],
    [['run', '{ledger}', '--rules', '{bad-rules}'], 1, 'cadenceDays.red：应为 1 到 366 之间的整天数'],
    [['run', '{ledger}', '--rules', '{bad-rules}', '--lang', 'en'], 1, 'cadenceDays.red: must be a whole number of days'],
    [['run', '{dir}'], 1, '是文件夹，不是工作簿'],
    // It was "not found".
    [['run', '{link-loop}'], 1, '路径中的链接互相指向、形成了循环，请检查路径'],
    [['run', '{ledger}', '--out', '{xlsm-out}'], 1, '扩展名应为 .xlsx'],
    [['run', '{ledger}', '--out', '{csv-out}'], 1, '扩展名应为 .xlsx'],
    [['run', '{ledger}', '--out', '{xls-out}'], 1, '扩展名应为 .xlsx'],
    [['run', '{ledger}', '--period', '2026-13'], 2, '月份（2026-11）或季度（2026-Q4）'],
    [['run', '{ledger}', '--rules', '{missing-rules}'], 1, '找不到这个文件，请检查路径'],
    [['run', '{ledger}', '--rules', '{dir}'], 1, '这是一个文件夹，不是文件；请给出文件的路径'],
    // A folder at the output's path, even with --force: said before the job, with what to do (it
    // was said after the whole job, with the advice for a --rules folder).
    [['run', '{ledger}', '--out', '{dir-out}', '--force'], 1, '是一个文件夹；请用 --out 给出一个工作簿的文件名'],
    // A folder without .xlsx in its name was told the extension was wrong.
    [['run', '{ledger}', '--out', '{dir}'], 1, '是一个文件夹；请用 --out 给出一个工作簿的文件名'],
    [['run', '{ledger}', '--out', '{dir}/'], 1, '是一个文件夹；请用 --out 给出一个工作簿的文件名'],
    [['run', '{ledger}', '--out', '{dir}/结果.xlsx/'], 1, '是一个文件夹；请用 --out 给出一个工作簿的文件名'],
    [['meeting', '{ledger}', '--out', '{dir}'], 1, '是一个文件夹；请用 --out 给出一个工作簿的文件名'],
    [['run', '{ledger}', '--rules', '{text}'], 1, '：内容不是有效的 JSON，请用面板或网页导出的预设文件'],
    // Where JSON.parse says, not what it says (its words are English).
    [['run', '{ledger}', '--rules', '{comma-rules}'], 1, '：内容不是有效的 JSON（第 15 个字符处有误），请用面板或网页导出的预设文件'],
    [['run', '{ledger}', '--rules', '{huge-rules}'], 1, '规则预设“{huge-rules}”有 20 MB，不是规则预设文件（默认预设约 60 KB，上限 4 MB）'],
    [['run', '{ledger}', '--rules', '{missing-rules}', '--lang', 'en'], 1, 'there is no such file; check the path'],
    // A device has no size to check and never ends: /dev/zero filled 16 GB before.
    // Notepad's "ANSI" on Chinese Windows is GBK: read as UTF-8 its words were garbled and the triage silently wrong.
    [['run', '{ledger}', '--rules', '{gbk-rules}'], 1, '文件不是 UTF-8 编码（记事本“ANSI”保存的是 GBK）'],
    // Notepad's "Unicode" and an empty file were told what JSON.parse said, in English.
    [['run', '{ledger}', '--rules', '{utf16-rules}'], 1, '：文件是 UTF-16 编码（记事本的“Unicode”）；请在记事本中“另存为”并选 UTF-8 编码后再试'],
    [['run', '{ledger}', '--rules', '{empty-rules}'], 1, '：文件是空的；请用面板或网页导出的预设文件'],
    // The ledger's advice (split it by year or unit) does not apply to the previous meeting's file.
    [['run', '{ledger}', '--previous', '{huge-previous}'], 1, '有 200 MB，超过本工具能读取的 128 MB；--previous 应为上次会议输出的 .tricolor.xlsx 文件，请检查是否选错了文件'],
    [['run', '{ledger}', '--rules', '/dev/zero'], 1, '规则预设“/dev/zero”不是普通文件（可能是设备或管道）；请选择导出的 .json 规则文件'],
    // Reading it fails with EIO: said in the user's words, not Node's.
    [['run', '/proc/self/mem'], 1, '无法读取“/proc/self/mem”：读写设备时出错'],
    [['run', '{ledger}', '--out', '{long-out}'], 1, '文件名或路径太长，请换一个短一些的名称或位置'],
    [['run', '{ledger}', '--bogus'], 2, '未知选项 --bogus'],
    // Node's parser reads it as the short options -x, -., -x, …: "unknown option -x" said nothing of the file.
    [['run', '-x.xlsx'], 2, '“-x.xlsx”以“-”开头，会被当作选项；若这是文件名，请写成 ./-x.xlsx'],
    // The unit left out after '=': it was looked for as a file named "police.xlsx=" and not found.
    [['meeting', '{ledger}', 'police.xlsx='], 2, '“police.xlsx=”后没有写单位名称；请写成 police.xlsx=青山镇司法所'],
    // A terminal's colour code pasted into a unit's name was printed into the paper as _x001B_[31m.
    [['meeting', '{ledger}', 'police.xlsx=\u001b[31m派出所'], 2, '“police.xlsx=”后的单位名称含有控制字符'],
    [['run', '{ledger}', '--out', '--force'], 2, '选项 --out 需要一个值'],
    [['run', '{ledger}', '--force=yes'], 2, '选项 --force 不带值'],
    [['run', '{ledger}', '{text}'], 2, '多余；几个单位的台账一起开会请用 tricolor meeting'],
    [['run', '{text}'], 1, '不是 Excel 工作簿'],
    [['run', '{no-ledger}'], 1, '“统计表.xlsx”：工作簿中没有找到矛盾纠纷台账'],
  ])('rejects %j with exit %i and a message, writing nothing', (argv, code, expected) => {
    const badRules = path.join(dir, 'rules.json');
    fs.writeFileSync(badRules, JSON.stringify({ version: 1, name: 'x', textFields: ['description'], negations: [], rules: [{ id: 'a', level: 'red', label: { zh: '甲', en: 'A' }, when: { keywords: ['x'] } }], cadenceDays: { red: 0, yellow: 7, green: 30 }, handling: { red: { zh: '1', en: '1' }, yellow: { zh: '1', en: '1' }, green: { zh: '1', en: '1' }, resolved: { zh: '1', en: '1' } } }));
    const commaRules = path.join(dir, 'comma.json');
    fs.writeFileSync(commaRules, '{"version": 2,}');
    const noLedger = path.join(dir, '统计表.xlsx');
    fs.copyFileSync(path.join(__dirname, '../fixtures/not-a-ledger.xlsx'), noLedger);
    const gbkRules = path.join(dir, 'gbk.json');
    fs.writeFileSync(gbkRules, Buffer.concat([Buffer.from('{"version":2,"name":"'), Buffer.from([0xcf, 0xd8]), Buffer.from('"}')]));
    fs.writeFileSync(path.join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(DEFAULT_PRESET), 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'empty.json'), ' \n');
    const text = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(text, '这不是工作簿');
    // A film saved as .json by mistake (sparse: no 20 MB written).
    const hugeRules = path.join(dir, 'film.json');
    fs.writeFileSync(hugeRules, '');
    fs.truncateSync(hugeRules, 20 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'huge-previous.xlsx'), '');
    fs.truncateSync(path.join(dir, 'huge-previous.xlsx'), 200 * 1024 * 1024);
    fs.mkdirSync(path.join(dir, 'folder.xlsx'), { recursive: true });
    const loop = path.join(dir, 'loop.xlsx');
    // Links that point at each other (existsSync says no to them: lstat sees the link itself).
    if (!fs.readdirSync(dir).includes('loop2.xlsx')) {
      fs.symlinkSync(path.join(dir, 'loop2.xlsx'), loop);
      fs.symlinkSync(loop, path.join(dir, 'loop2.xlsx'));
    }
    const args = argv.map((a) =>
      a.replace('{ledger}', ledger).replace('{huge-rules}', hugeRules).replace('{bad-rules}', badRules).replace('{text}', text).replace('{dir}', dir).replace('{xlsm-out}', path.join(dir, 'out.xlsm'))
        .replace('{csv-out}', path.join(dir, 'out.csv'))
        .replace('{xls-out}', path.join(dir, 'out.xls'))
        .replace('{missing-rules}', path.join(dir, '没有这个预设.json'))
        .replace('{gbk-rules}', gbkRules)
        .replace('{utf16-rules}', path.join(dir, 'utf16.json'))
        .replace('{empty-rules}', path.join(dir, 'empty.json'))
        .replace('{huge-previous}', path.join(dir, 'huge-previous.xlsx'))
        .replace('{no-ledger}', noLedger)
        .replace('{comma-rules}', commaRules)
        .replace('{long-out}', path.join(dir, `${'长'.repeat(90)}.xlsx`))
        .replace('{dir-out}', path.join(dir, 'folder.xlsx'))
        .replace('{link-loop}', loop),
    );
    const before = fs.readdirSync(dir).sort();
    const c = capture();
    expect(main(args, c.io)).toBe(code);
    expect(c.err()).toContain(expected.replace('{huge-rules}', hugeRules));
    expect(c.err()).not.toMatch(/\n\s+at /); // no stack trace
    expect(c.err()).not.toMatch(/E[A-Z]{2,}:/); // Node's words ("ENOENT: no such file…") are not the user's
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('writes an output whose name is near the file system\'s 255 bytes (the temporary file\'s longer name did not fit)', () => {
    const out = path.join(dir, `${'长'.repeat(80)}.xlsx`);
    expect(Buffer.byteLength(path.basename(out))).toBe(245);
    expect(main(['run', ledger, '--out', out], capture().io)).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(out), '台账.xlsx'].sort());
  });

  // [--sheet as typed, read]: Excel's sheet names differ by more than case, so any case names one.
  it.each([
    ['Ledger', true],
    ['ledger', true],
    [' LEDGER ', true],
    ['Ledgers', false],
  ])('--sheet %j names the sheet "Ledger": %s', (typed, read) => {
    const named = path.join(dir, 'english-names.xlsx');
    fs.writeFileSync(named, writeXlsx({ sheets: [{ name: 'Notes', rows: [['备注']] }, { name: 'Ledger', rows: SMALL_LEDGER_ROWS, merges: SMALL_LEDGER_MERGES }] }));
    const c = capture();
    const code = main(['run', named, '--sheet', typed, '--json', '--out', path.join(dir, 'english-names.out.xlsx'), '--force'], c.io);
    expect(code).toBe(read ? 0 : 1);
    const doc = JSON.parse(c.out());
    if (read) expect(doc.sheet).toBe('Ledger');
    else expect(doc.error.message).toContain('没有名为“Ledgers”的工作表');
  });

  it('prints control characters from the ledger as their symbols, not as escape sequences the terminal obeys', () => {
    const rows = SMALL_LEDGER_ROWS.map((row) => [...row]);
    rows[5][1] = '\u001b]0;pwned\u0007\u001b[2J2026/13/45';
    fs.writeFileSync(ledger, writeXlsx({ sheets: [{ name: '台账', rows, merges: SMALL_LEDGER_MERGES }] }));
    const c = capture();
    expect(main(['run', ledger, '--force'], c.io)).toBe(0);
    expect(c.out()).toContain('␛]0;pwned␇␛[2J2026/13/45');
    expect([...(c.out() + c.err())].filter((ch) => ch < ' ' && ch !== '\n' && ch !== '\t')).toEqual([]);
  });

  it('prints a right-to-left override in a file name by its code, not as a reordering of the line', () => {
    const named = path.join(dir, '台账\u202exslx.xlsx');
    fs.copyFileSync(ledger, named);
    const c = capture();
    expect(main(['run', named, '--force'], c.io)).toBe(0);
    expect(c.out()).toContain('台账<U+202E>xslx.tricolor.xlsx');
    expect(c.out() + c.err()).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('refuses a pipe given as the rule preset at once instead of waiting on it', () => {
    const fifo = path.join(dir, 'rules.json');
    execFileSync('mkfifo', [fifo]);
    const c = capture();
    expect(main(['run', ledger, '--rules', fifo], c.io)).toBe(1);
    expect(c.err()).toContain(`规则预设“${fifo}”不是普通文件（可能是设备或管道）`);
  });

  it.each<[string, string, string]>([
    ['a month', '2026-11', '2026-11-01'],
    ['a quarter', '2026-Q4', '2026-10-01'],
    ['a range', '2026-11-01..2026-11-15', '2026-11-01'],
  ])('takes the meeting period as %s', (_name, period, from) => {
    const c = capture();
    expect(main(['run', ledger, '--json', '--as-of', '2026-11-28', '--period', period, '--out', path.join(dir, `p-${period}.xlsx`)], c.io)).toBe(0);
    expect(JSON.parse(c.out()).summary.period.from).toBe(from);
  });

  it('reads a preset saved with a byte-order mark, as Notepad writes UTF-8', () => {
    const preset = path.join(dir, '预设.json');
    fs.writeFileSync(preset, '\uFEFF' + JSON.stringify(DEFAULT_PRESET));
    expect(main(['run', ledger, '--rules', preset], capture().io)).toBe(0);
  });

  describe('the previous meeting’s data', () => {
    const json = (c: ReturnType<typeof capture>) => JSON.parse(c.out()) as { summary: { meeting: { comparedWith: unknown } } };
    const novemberThenDecember = (...extra: string[]) => {
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--period', '2026-11'], capture().io)).toBe(0);
      const december = capture();
      expect(main(['run', ledger, '--as-of', '2026-12-31', '--period', '2026-12', '--force', '--json', ...extra], december.io)).toBe(0);
      return json(december);
    };

    it('is read from the output a previous run left beside the ledger, though the ledger itself was never touched', () => {
      expect(novemberThenDecember().summary.meeting.comparedWith).toEqual({ from: '2026-11-01', to: '2026-11-30', source: '台账.tricolor.xlsx' });
    });

    it('is read from the file --previous names, kept wherever the user keeps it', () => {
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--period', '2026-11', '--out', path.join(dir, '十一月.xlsx')], capture().io)).toBe(0);
      const december = capture();
      expect(main(['run', ledger, '--as-of', '2026-12-31', '--period', '2026-12', '--previous', path.join(dir, '十一月.xlsx'), '--json'], december.io)).toBe(0);
      expect(json(december).summary.meeting.comparedWith).toEqual({ from: '2026-11-01', to: '2026-11-30', source: '十一月.xlsx' });
    });

    it('says so when --previous names a workbook that holds none', () => {
      const c = capture();
      expect(main(['run', ledger, '--previous', ledger], c.io)).toBe(1);
      expect(c.err()).toBe(`tricolor: “${ledger}”中没有上次会议数据（隐藏工作表 _tricolor）；请给出上次会议输出的 .tricolor.xlsx 文件\n`);
    });

    it('is absent on a first run', () => {
      const c = capture();
      expect(main(['run', ledger, '--json'], c.io)).toBe(0);
      expect(json(c).summary.meeting.comparedWith).toBeNull();
    });
  });

  describe('an output no more readable than its ledgers (it holds the same names and ID numbers)', () => {
    // Under the usual umask, 022: an output was 0644 whatever its ledger's permissions.
    let umask: number;
    beforeEach(() => (umask = process.umask(0o022)));
    afterEach(() => process.umask(umask));
    const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

    it.each([
      ['its owner alone', 0o600, 0o600],
      ['its owner and group', 0o640, 0o640],
      ['everyone', 0o644, 0o644],
      ['everyone, even to write: the umask still narrows it', 0o666, 0o644],
      ['everyone but writable by nobody: the owner may still write and replace the output', 0o444, 0o644],
    ])('a ledger readable by %s', (_name, ledgerMode, outputMode) => {
      fs.chmodSync(ledger, ledgerMode);
      const out = path.join(dir, '结果.xlsx');
      expect(main(['run', ledger, '--out', out], capture().io)).toBe(0);
      expect(modeOf(out)).toBe(outputMode);
      // Replaced with --force, the output takes the ledger's permissions again.
      fs.chmodSync(out, 0o666);
      expect(main(['run', ledger, '--out', out, '--force'], capture().io)).toBe(0);
      expect(modeOf(out)).toBe(outputMode);
    });

    it('an output replaced with --force no more readable than it was', () => {
      fs.chmodSync(ledger, 0o644);
      const out = path.join(dir, '结果.xlsx');
      expect(main(['run', ledger, '--out', out], capture().io)).toBe(0);
      fs.chmodSync(out, 0o600);
      expect(main(['run', ledger, '--out', out, '--force'], capture().io)).toBe(0);
      expect(modeOf(out)).toBe(0o600);
    });

    it('a meeting output as private as the most private of its ledgers', () => {
      const other = path.join(dir, '司法所.xlsx');
      // Another unit's ledger (a meeting refuses one ledger given twice, by its bytes or by its disputes).
      fs.copyFileSync(path.resolve(__dirname, '../fixtures/meeting/justice.xlsx'), other);
      fs.chmodSync(ledger, 0o644);
      fs.chmodSync(other, 0o600);
      const out = path.join(dir, '会议.xlsx');
      expect(main(['meeting', ledger, other, '--as-of', '2026-11-30', '--out', out], capture().io)).toBe(0);
      expect(modeOf(out)).toBe(0o600);
    });
  });

  describe('never hurts the input', () => {
    it.each([
      ['a symlink to the ledger', (l: string, d: string) => (fs.symlinkSync(l, path.join(d, 'link.xlsx')), path.join(d, 'link.xlsx'))],
      ['a hard link to the ledger', (l: string, d: string) => (fs.linkSync(l, path.join(d, 'hard.xlsx')), path.join(d, 'hard.xlsx'))],
      ['a path through ..', (l: string, d: string) => (fs.mkdirSync(path.join(d, 'sub')), path.join(d, 'sub', '..', path.basename(l)))],
    ])('refuses an --out that is the ledger itself through %s', (_name, outFor) => {
      const before = fs.readFileSync(ledger);
      const out = outFor(ledger, dir);
      const c = capture();
      expect(main(['run', ledger, '--out', out, '--force'], c.io)).toBe(1);
      expect(c.err()).toContain('就是输入文件；原台账从不被修改');
      expect(fs.readFileSync(ledger).equals(before)).toBe(true);
    });

    it('names the output folder it cannot write in, and leaves no temporary file', () => {
      const blocker = path.join(dir, '不是文件夹');
      fs.writeFileSync(blocker, 'x');
      const c = capture();
      expect(main(['run', ledger, '--out', path.join(blocker, '结果.xlsx')], c.io)).toBe(1);
      expect(c.err()).toBe(`tricolor: 无法在文件夹“${blocker}”中写入输出：路径中有一段是文件而不是文件夹，请检查路径；请用 --out 换一个可写的位置，未写出任何文件\n`);
      expect(fs.readdirSync(dir).sort()).toEqual(['不是文件夹', '台账.xlsx']);
    });

    it('says in words when the folder it runs in has been deleted, not Node\'s "ENOENT … uv_cwd"', () => {
      const gone = path.join(dir, '已删除');
      fs.mkdirSync(gone);
      const home = process.cwd();
      process.chdir(gone);
      fs.rmdirSync(gone);
      const c = capture();
      try {
        expect(main(['run', '../台账.xlsx'], c.io)).toBe(1);
      } finally {
        process.chdir(home);
      }
      expect(c.err()).toBe('tricolor: 处理“../台账.xlsx”时出错：命令所在的文件夹已不存在（可能已被删除或移走）；请进入一个存在的文件夹再运行，或写出文件的完整路径；未写出任何文件\n');
      expect(fs.readdirSync(dir).sort()).toEqual(['台账.xlsx']);
    });

    it('ends quietly when the reader of --json closes the pipe early (… --json | head)', () => {
      // The built command, as a user runs it (npm ci builds it), on a ledger whose JSON overflows the pipe.
      const SAMPLE = path.resolve(__dirname, '../../assets/sample-ledger.xlsx');
      const r = spawnSync('bash', ['-c', `node "${path.resolve(__dirname, '../../bin/tricolor.js')}" run "${SAMPLE}" --as-of 2026-11-30 --out "${path.join(dir, 's.xlsx')}" --json --force | head -c 20 > /dev/null; echo "\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      expect([r.stdout.trim(), r.stderr]).toEqual(['0', '']);
    });

    it.each([
      ['the summary', ''],
      ['--json', '--json'],
    ])('fails, and writes no output, when %s cannot be written to standard output (> /dev/full)', (_, flag) => {
      const SAMPLE = path.resolve(__dirname, '../../assets/sample-ledger.xlsx');
      const out = path.join(dir, '满盘.xlsx');
      const r = spawnSync('bash', ['-c', `node "${path.resolve(__dirname, '../../bin/tricolor.js')}" run "${SAMPLE}" --as-of 2026-11-30 --out "${out}" ${flag} > /dev/full; echo "\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      expect(r.stdout.trim()).toBe('1');
      expect(r.stderr).toBe(`tricolor: 无法向标准输出写出结果：磁盘空间不足，请清理后再试；未写出“${out}”。请检查输出重定向的去处后再运行\n`);
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });

    it('leaves the output it would have replaced (--force) as it was when the summary cannot be printed', () => {
      const SAMPLE = path.resolve(__dirname, '../../assets/sample-ledger.xlsx');
      const out = path.join(dir, '上次的汇总.xlsx');
      fs.writeFileSync(out, 'the previous output');
      const r = spawnSync('bash', ['-c', `node "${path.resolve(__dirname, '../../bin/tricolor.js')}" run "${SAMPLE}" --as-of 2026-11-30 --out "${out}" --force > /dev/full; echo "\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      expect(r.stdout.trim()).toBe('1');
      expect(fs.readFileSync(out, 'utf8')).toBe('the previous output');
      fs.unlinkSync(out);
    });

    it.each([
      ['closed early (… 2>&1 | head)', '2>&1 | head -c 10 > /dev/null'],
      ['full (2>/dev/full)', '> /dev/null 2>/dev/full'],
    ])('writes its workbook when stderr, where progress goes, is %s', (_, redirect) => {
      // Large enough for progress lines. Their write error once ended the supervisor, and the command with it: exit 1, no file, no word.
      const big = path.join(dir, '进度.xlsx');
      fs.writeFileSync(big, makeBigLedger(20_000));
      const out = path.join(dir, '进度.tricolor.xlsx');
      const r = spawnSync('bash', ['-c', `node "${path.resolve(__dirname, '../../bin/tricolor.js')}" run "${big}" --as-of 2026-11-30 --out "${out}" --force ${redirect}; echo "\${PIPESTATUS[0]}"`], {
        encoding: 'utf8',
      });
      expect(r.stdout.trim()).toBe('0');
      expect(fs.existsSync(out)).toBe(true);
      fs.unlinkSync(big);
      fs.unlinkSync(out);
    });

    it('refuses a device or pipe, and a file larger than it can hold, by name and before reading', () => {
      const fifo = path.join(dir, '管道.xlsx');
      spawnSync('mkfifo', [fifo]);
      const c = capture();
      expect(main(['run', fifo, '--out', path.join(dir, 'o.xlsx')], c.io)).toBe(1);
      expect(c.err()).toBe(`tricolor: “${fifo}”不是普通文件（可能是设备或管道）；请给出 .xlsx 或 .xlsm 工作簿文件\n`);
      // A sparse file: 200 MB by its size, nothing on disk, so nothing is read to refuse it.
      const huge = path.join(dir, '巨大.xlsx');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, 200 * 1024 * 1024);
      const d = capture();
      expect(main(['run', huge, '--out', path.join(dir, 'o.xlsx')], d.io)).toBe(1);
      expect(d.err()).toContain('有 200 MB，超过本工具能处理的 128 MB；请把台账按年度或按单位拆成几个文件');
      expect(fs.existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
    });

    it('writes the output of a ledger just under 128 MB and says when that output is past what it can read again', () => {
      // A small ledger with stored pictures making the file 512 bytes short of 128 MB: the add-in's sheets take it past.
      const parts = partsOf(smallLedger());
      const withPadding = (size: number) => writeRawZip([...parts, { name: 'xl/media/padding.bin', data: new Uint8Array(size), method: 0 }]);
      const limit = 128 * 1024 * 1024;
      const input = path.join(dir, '图片多.xlsx');
      fs.writeFileSync(input, withPadding(limit - 512 - withPadding(0).length));
      expect(fs.statSync(input).size).toBe(limit - 512);
      const out = path.join(dir, '图片多.out.xlsx');
      const c = capture();
      expect(main(['run', input, '--as-of', '2026-11-30', '--out', out], c.io)).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(128 * 1024 * 1024);
      expect(c.err()).toContain(`注意：输出“${out}”有 129 MB，超过本工具能读取的 128 MB，不能再用本工具处理或作为 --previous`);
      // A run whose output stays under the limit says nothing of it.
      const small = capture();
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--out', path.join(dir, 'small.xlsx')], small.io)).toBe(0);
      expect(small.err()).not.toContain('注意');
    });

    it('writes nothing when its supervisor is killed outright (SIGKILL, as `timeout -s KILL` does): the caller was told it failed', async () => {
      const big = path.join(dir, '被中止.xlsx');
      fs.writeFileSync(big, makeBigLedger(20_000));
      const out = path.join(dir, '被中止.out.xlsx');
      const supervisor = spawn(process.execPath, [path.resolve(__dirname, '../../bin/tricolor.js'), 'run', big, '--as-of', '2026-11-30', '--out', out], {
        env: { ...process.env, TRICOLOR_LANG: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // Killed once the command has started reading (its first progress line), the command left running.
      await new Promise<void>((started) => supervisor.stderr!.once('data', () => started()));
      const command = Number(execFileSync('pgrep', ['-P', String(supervisor.pid)], { encoding: 'utf8' }).trim().split('\n')[0]);
      expect(command).toBeGreaterThan(0);
      supervisor.kill('SIGKILL');
      const running = () => {
        try {
          process.kill(command, 0);
          return true;
        } catch {
          return false;
        }
      };
      for (const started = Date.now(); running() && Date.now() - started < 60_000; ) await new Promise((r) => setTimeout(r, 100));
      expect(running()).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('被中止'))).toEqual(['被中止.xlsx']);
      fs.unlinkSync(big);
    }, 90_000);

    it('stops with a message, not a crash, when a ledger needs more memory than the command may take', () => {
      // The built command with its heap capped at 24 MB (TRICOLOR_MAX_HEAP_MB), on a 20,000-row ledger
      // that runs in 40 (its sheet's text kept as bytes, outside the heap): the cap is reached as it
      // would be by a ledger far past 100,000 rows.
      const big = path.join(dir, '大台账.xlsx');
      fs.writeFileSync(big, makeBigLedger(20_000));
      const before = fs.readFileSync(big);
      const out = path.join(dir, '大台账.out.xlsx');
      const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/tricolor.js'), 'run', big, '--as-of', '2026-11-30', '--out', out], {
        encoding: 'utf8',
        env: { ...process.env, TRICOLOR_MAX_HEAP_MB: '24', TRICOLOR_LANG: '' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n').pop()).toBe(
        `处理“${big}”时中止：所需内存超出了本工具的上限（约 1 GB）。如果台账很大，请按年度或按单位拆成几个文件，再分别处理；未写出任何文件`,
      );
      expect(r.stderr).not.toMatch(/FATAL|GC|heap|at .*\(|node:/);
      expect(fs.readdirSync(dir).sort()).toEqual(['台账.xlsx', '大台账.xlsx']);
      expect(fs.readFileSync(big).equals(before)).toBe(true);
    });

    it.each([
      ['empty', Buffer.alloc(0)],
      ['text', Buffer.from('not a workbook')],
      ['half an earlier output', null],
    ])('replaces an existing output that is %s with --force, saying no previous meeting could be read from it', (_, content) => {
      const out = path.join(dir, '旧输出.xlsx');
      const first = capture();
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--out', out], first.io)).toBe(0);
      const whole = fs.readFileSync(out);
      fs.writeFileSync(out, content ?? whole.subarray(0, whole.length >> 1));
      for (const argv of [['run', ledger], ['meeting', ledger]]) {
        const c = capture();
        expect(main([...argv, '--as-of', '2026-11-30', '--out', out, '--force'], c.io)).toBe(0);
        expect(c.err()).toContain(`注意：将被替换的“${out}”不是能读取的工作簿，读不出上次会议数据；本次不与上次会议比较`);
        expect(fs.statSync(out).size).toBeGreaterThan(1000);
        fs.writeFileSync(out, content ?? whole.subarray(0, whole.length >> 1));
      }
    });

    it('says when the meetings of a --previous file were not compared with (the same period), and not when they were', () => {
      const november = path.join(dir, '十一月.xlsx');
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--period', '2026-11', '--out', november], capture().io)).toBe(0);
      const again = capture();
      expect(main(['run', ledger, '--as-of', '2026-11-30', '--period', '2026-11', '--previous', november, '--out', path.join(dir, 'a.xlsx')], again.io)).toBe(0);
      expect(again.err()).toContain(`注意：本次没有与“${november}”中的会议数据比较——其中没有早于本次会议期间（2026-11-01 起）`);
      const december = capture();
      expect(main(['run', ledger, '--as-of', '2026-12-31', '--period', '2026-12', '--previous', november, '--out', path.join(dir, 'b.xlsx')], december.io)).toBe(0);
      expect(december.err()).not.toContain('注意');
    });

    it.each<[string, string[]]>([
      ['named by --previous', ['--previous', '司法所十一月.xlsx', '--out', 'b.xlsx']],
      ['the output it replaces (one name kept for several ledgers)', ['--out', '司法所十一月.xlsx', '--force']],
    ])('leaves aside, saying so once, a previous meeting that shares no dispute with the ledger (another unit’s output) %s', (_how, args) => {
      const otherUnit = path.join(dir, '司法所十一月.xlsx');
      const otherLedger = path.resolve(__dirname, '../fixtures/meeting/justice.xlsx');
      expect(main(['run', otherLedger, '--as-of', '2026-11-30', '--period', '2026-11', '--out', otherUnit, '--force'], capture().io)).toBe(0);
      const december = capture();
      const inDir = args.map((a) => (a.endsWith('.xlsx') ? path.join(dir, a) : a));
      expect(main(['run', ledger, '--as-of', '2026-12-31', '--period', '2026-12', '--json', ...inDir], december.io)).toBe(0);
      expect(december.err()).toBe(
        '上次会议数据（司法所十一月.xlsx）中没有一件纠纷与本台账对得上，像是另一份台账的结果（或本台账的序号、当事人等已大改），本次未与它比较，也未沿用它的历次统计\n',
      );
      expect(JSON.parse(december.out()).summary.meeting.comparedWith).toBeNull();
    });

    it('leaves nothing but the output beside it', () => {
      expect(main(['run', ledger], capture().io)).toBe(0);
      expect(fs.readdirSync(dir).sort()).toEqual(['台账.tricolor.xlsx', '台账.xlsx']);
    });
  });

  it('answers in English with --lang en', () => {
    const c = capture();
    expect(main(['run', path.join(dir, 'nope.xlsx'), '--lang', 'en'], c.io)).toBe(1);
    expect(c.err()).toContain('File "');
  });

  it('prints help in Chinese and English', () => {
    const c = capture();
    expect(main(['--help'], c.io)).toBe(0);
    expect(c.out()).toContain('用法 Usage:');
    expect(c.out()).toContain('--as-of YYYY-MM-DD');
  });
});
