import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnLetter, DEFAULT_PRESET, parseIsoDay, PresetError, WorkbookError } from '../core';
import { main, type Io } from '../cli/main';
import { processWorkbook, readEntry, readZip } from '../hosts/xlsx';
import type { MeetingRunOptions, RunOptions, WorkerResponse } from './protocol';
import { correctedColumns, failureOf, inspectWorkbook, runJob, runMeeting, PREVIEW_ROWS } from './run-job';
import { handleRequest } from './worker';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { writeXlsx } from '../../scripts/lib/xlsx-writer';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

/** The command's output for `args` (after `run INPUT --out OUTPUT --force`) on a copy of `file`. */
function cliOutput(file: string, args: string[]): { bytes: Uint8Array; json: Record<string, unknown> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-web-'));
  try {
    const input = path.join(dir, file);
    const output = path.join(dir, 'out' + path.extname(file));
    fs.copyFileSync(path.join(FIXTURES, file), input);
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), today: () => '2020-06-30' };
    const code = main(['run', input, '--out', output, '--force', '--json', ...args], io);
    if (code !== 0) throw new Error(`tricolor failed: ${err.join('')}`);
    return { bytes: new Uint8Array(fs.readFileSync(output)), json: JSON.parse(out.join('')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every part, in order, with its uncompressed content. */
function parts(bytes: Uint8Array): { name: string; content: Buffer }[] {
  return readZip(bytes).map((e) => ({ name: e.name, content: Buffer.from(readEntry(e)) }));
}

function expectSameParts(web: Uint8Array, cli: Uint8Array, input: Uint8Array) {
  const a = parts(web);
  const b = parts(cli);
  expect(a.map((p) => p.name)).toEqual(b.map((p) => p.name));
  const differing = a.filter((p, i) => !p.content.equals(b[i].content)).map((p) => p.name);
  expect(differing).toEqual([]);
  // Parts neither wrote are the input's records, byte for byte, in both.
  const original = new Map(readZip(input).map((e) => [e.name, Buffer.from(e.record!)]));
  const webRecords = new Map(readZip(web).map((e) => [e.name, Buffer.from(e.record!)]));
  const cliRecords = new Map(readZip(cli).map((e) => [e.name, Buffer.from(e.record!)]));
  const copiedByCli = [...cliRecords].filter(([name, record]) => original.get(name)?.equals(record)).map(([name]) => name);
  expect(copiedByCli.length).toBeGreaterThan(3);
  expect(copiedByCli.filter((name) => !webRecords.get(name)!.equals(original.get(name)!))).toEqual([]);
}

const BASE: RunOptions = { fileName: 'excel-everything.xlsx', language: 'zh', asOf: '2020-06-30', mask: true };

describe('runJob: the web edition gives the command’s workbook', () => {
  const input = fixture('excel-everything.xlsx');

  it('the same parts with the same content as tricolor run (as-of and period given)', () => {
    const cli = cliOutput('excel-everything.xlsx', ['--as-of', '2020-06-30', '--period', '2020-06-01..2020-06-30']);
    const web = runJob(input, { ...BASE, period: { from: '2020-06-01', to: '2020-06-30' } });
    expectSameParts(web.bytes, cli.bytes, input);
    const summary = cli.json.summary as Record<string, unknown>;
    expect(web.summary.counts).toEqual({
      disputes: summary.disputes,
      byLevel: { red: summary.red, yellow: summary.yellow, green: summary.green },
      dueToday: summary.dueToday,
      overdue: summary.overdue,
      unreadableRows: summary.unreadableRows,
      needsReview: summary.needsReview,
    });
    const meeting = summary.meeting as { period: { registered: number; handled: number; resolved: number }; open: unknown };
    expect(web.summary.meeting).toEqual({ ...(summary.period as object), registered: meeting.period.registered, handled: meeting.period.handled, resolved: meeting.period.resolved, open: meeting.open });
    expect(web.summary.sheet).toBe(cli.json.sheet);
    expect(web.summary.headerRows).toEqual(cli.json.headerRows);
  });

  it('the same with the default period, masking off, English and a preset from a JSON file', () => {
    const preset = { ...DEFAULT_PRESET, name: '我县预设', cadenceDays: { red: 1, yellow: 3, green: 15 } };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-web-preset-'));
    try {
      const file = path.join(dir, 'preset.json');
      // Notepad's byte-order mark: the command strips it, the page's JSON.parse gets text without it.
      fs.writeFileSync(file, '\uFEFF' + JSON.stringify(preset));
      const cli = cliOutput('excel-everything.xlsx', ['--as-of', '2020-06-30', '--no-mask', '--lang', 'en', '--rules', file]);
      const web = runJob(input, { ...BASE, mask: false, language: 'en', presetJson: JSON.parse(JSON.stringify(preset)) });
      expectSameParts(web.bytes, cli.bytes, input);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same for a macro workbook with the sheet named, offered as NAME.tricolor.xlsm', () => {
    const macros = fixture('excel-macros.xlsm');
    const cli = cliOutput('excel-macros.xlsm', ['--as-of', '2020-06-30', '--sheet', '台账']);
    const web = runJob(macros, { ...BASE, fileName: 'excel-macros.xlsm', sheet: '台账' });
    expectSameParts(web.bytes, cli.bytes, macros);
    expect(web.summary.outputName).toBe('excel-macros.tricolor.xlsm');
    expect(web.summary.mimeType).toBe('application/vnd.ms-excel.sheet.macroEnabled.12');
    expect(runJob(input, BASE).summary.outputName).toBe('excel-everything.tricolor.xlsx');
  });

  it('is processWorkbook with the field corrections the page passes (fieldColumns, 0-based)', () => {
    // 备注 (Q, column 16) holds the responsible person instead of the remarks, say.
    const fieldColumns = { owner: 16 };
    const web = runJob(input, { ...BASE, fieldColumns });
    const direct = processWorkbook(input, { fileName: BASE.fileName, asOf: parseIsoDay('2020-06-30')!, preset: DEFAULT_PRESET, language: 'zh', mask: true, fieldColumns });
    expect(Buffer.from(web.bytes).equals(Buffer.from(direct.bytes))).toBe(true);
    expect(web.summary.columns.find((c) => c.column === 'Q')?.field).toBe('owner');
    expect(web.summary.columns.find((c) => c.column === 'L')?.field).toBeNull();
    expect(web.job.layout.fields.owner).toBe(16);
  });

  it('reports the stages as processWorkbook reaches them, then the preview', () => {
    const stages: string[] = [];
    runJob(input, BASE, (s) => stages.push(s));
    expect(stages).toEqual(['read', 'triage', 'write', 'preview']);
  });
});

describe('runJob: the summary the page shows', () => {
  const { summary, job } = runJob(fixture('excel-everything.xlsx'), { ...BASE, period: { from: '2020-06-01', to: '2020-06-30' } });

  it('is plain data (survives JSON and structured clone unchanged)', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(structuredClone(summary)).toEqual(summary);
  });

  it('previews every dispute row with its effective level, the user’s columns and the add-in’s', () => {
    const { preview } = summary;
    expect(preview.columns.slice(0, 3).map((c) => c.header)).toEqual(['序号', '排查日期', '所属村']);
    expect(preview.columns.filter((c) => c.own).map((c) => c.header)).toEqual(['建议等级', '判定依据', '下次回访日期']);
    expect(preview.rows.map((r) => [r.row, r.level])).toEqual(job.disputes.map((d) => [d.record.row, d.triage.effective]));
    expect(preview.truncated).toBe(false);
    const first = preview.rows[0];
    const at = (header: string) => first.cells[preview.columns.findIndex((c) => c.header === header)];
    // Dates are shown as dates, whether the ledger holds serials or text; the add-in's date column too.
    expect(at('排查日期')).toMatch(/^2020-0\d-\d\d$/);
    expect(at('下次回访日期')).toMatch(/^(2020-\d\d-\d\d)?$/);
    expect(at('建议等级')).toMatch(/^[红黄绿]/);
  });

  it('holds both report sheets as their models, and the issues', () => {
    expect(summary.reports.map((r) => r.name)).toEqual(['回访清单', '联席会议汇总']);
    expect(summary.reports[0].rows).toEqual(job.plan.reports[0].rows);
    expect(summary.reports[1].merges).toEqual(job.plan.reports[1].merges);
    expect(summary.issueCount).toBe(job.issues.length);
    expect(summary.issues.map((i) => i.message)).toEqual(job.issues.map((i) => i.message));
  });

  it('shows only the first rows of a big ledger (read from the top of the sheet only), and counts them all', () => {
    const { summary: big, job: bigJob } = runJob(makeBigLedger(1500), { ...BASE, fileName: 'big.xlsx', asOf: '2026-11-30' });
    expect(big.counts.disputes).toBe(1500);
    expect(big.preview.truncated).toBe(true);
    expect(big.preview.rows).toHaveLength(PREVIEW_ROWS);
    const firstShown = bigJob.plan.firstDataRow + 1;
    expect(big.preview.rows.map((r) => r.row)).toEqual(Array.from({ length: PREVIEW_ROWS }, (_, i) => firstShown + i));
    // Each row as the output holds it: the user's serial number and the add-in's suggestion, with its level.
    const column = (header: string) => big.preview.columns.findIndex((c) => c.header === header);
    const disputes = bigJob.disputes.slice(0, PREVIEW_ROWS);
    const suggested = bigJob.plan.columns.find((c) => c.key === 'suggested')!.cells.slice(0, PREVIEW_ROWS);
    expect(big.preview.rows.map((r) => [r.level, r.cells[column('序号')], r.cells[column('建议等级')]])).toEqual(
      disputes.map((d, i) => [d.triage.effective, d.record.text.serial, suggested[i].value]),
    );
  });
});

describe('runJob: a workbook whose previous meeting data is damaged', () => {
  it('says so first among the things to check', () => {
    const input = writeXlsx({
      sheets: [
        { name: '台账', rows: [['登记日期', '纠纷类型', '简要情况'], ['2020-06-01', '邻里纠纷', '噪音']] },
        { name: '_tricolor', rows: [['tricolor-meeting-snapshots', 3]] },
      ],
    });
    const { summary } = runJob(input, { ...BASE, fileName: '台账.xlsx' });
    expect(summary.issues[0]).toEqual({
      row: 0,
      cell: null,
      message: '上次会议数据（本工作簿）无法读取（不是本工具写出的格式或版本，或条目多得不像台账），已忽略，本次未与上次会议比较',
    });
  });
});

describe('inspectWorkbook: what the page shows before a run', () => {
  const expectedOf = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.xls[xm]$/, '.expected.json')), 'utf8'));
  const usable = fs
    .readdirSync(FIXTURES)
    .filter((f) => /\.xls[xm]$/.test(f))
    .filter((f) => expectedOf(f).ledger !== false);

  it.each(usable)('%s: the sheet, header rows and mapping that processWorkbook then uses', (file) => {
    const bytes = fixture(file);
    const info = inspectWorkbook(bytes, { fileName: file, language: 'zh' });
    const { job, summary } = runJob(bytes, { ...BASE, fileName: file });
    expect(info.sheet).toBe(expectedOf(file).sheet);
    expect(info.headerRows).toEqual(expectedOf(file).headerRows);
    expect(info.sheet).toBe(job.layout.sheet);
    expect(info.headerRows).toEqual(summary.headerRows);
    expect(info.columns).toEqual(summary.columns);
    const fields = Object.fromEntries(info.columns.filter((c) => c.field).map((c) => [c.field, c.column]));
    const jobFields = Object.fromEntries(Object.entries(job.layout.fields).map(([f, c]) => [f, columnLetter(c as number)]));
    for (const [field, column] of Object.entries(fields)) expect([field, jobFields[field]]).toEqual([field, column]);
  });

  it('lists the sheets a user may pick and finds the ledger on a named one', () => {
    const info = inspectWorkbook(fixture('excel-everything.xlsx'), { fileName: 'x.xlsx', language: 'zh', sheet: '矛盾纠纷台账' });
    expect(info.sheets).toEqual(expect.arrayContaining(['矛盾纠纷台账', '统计', '责任人名单', '透视']));
    expect(info.columns.map((c) => c.column).slice(0, 3)).toEqual(['A', 'B', 'C']);
  });

  it.each([
    ['corrupt.xlsx', 'file.truncated'],
    ['encrypted.xlsx', 'file.encrypted'],
    ['not-a-ledger.xlsx', 'ledger.noneInWorkbook'],
  ])('%s: the error processWorkbook gives (%s), in the user’s language', (file, code) => {
    const bytes = fixture(file);
    const options = { fileName: file, asOf: parseIsoDay('2020-06-30')!, preset: DEFAULT_PRESET, language: 'en' as const, mask: true };
    let fromEngine: WorkbookError | undefined;
    try {
      processWorkbook(bytes, options);
    } catch (e) {
      fromEngine = e as WorkbookError;
    }
    expect(() => inspectWorkbook(bytes, { fileName: file, language: 'en' })).toThrow(WorkbookError);
    try {
      inspectWorkbook(bytes, { fileName: file, language: 'en' });
    } catch (e) {
      expect((e as WorkbookError).code).toBe(code);
      expect((e as WorkbookError).code).toBe(fromEngine!.code);
      expect((e as WorkbookError).message).toBe(fromEngine!.message);
    }
  });

  it('a sheet without a ledger, or no such sheet, says so', () => {
    const bytes = fixture('excel-everything.xlsx');
    expect(() => inspectWorkbook(bytes, { fileName: 'a.xlsx', language: 'zh', sheet: '统计' })).toThrow('在“统计”中找不到台账表头');
    expect(() => inspectWorkbook(bytes, { fileName: 'a.xlsx', language: 'zh', sheet: '无此表' })).toThrow('“a.xlsx”中没有名为“无此表”的工作表');
  });
});

describe('correctedColumns: the mapping as the run will use it', () => {
  const columns = [
    { index: 0, column: 'A', header: '序号', field: 'serial' as const },
    { index: 1, column: 'B', header: '登记日期', field: 'registered' as const },
    { index: 2, column: 'C', header: '包案人员', field: null },
    { index: 3, column: 'D', header: '责任人', field: 'owner' as const },
  ];
  it('moves a field to the column chosen; the column it left holds nothing', () => {
    expect(correctedColumns(columns, { owner: 2 }).map((c) => c.field)).toEqual(['serial', 'registered', 'owner', null]);
  });
  it('a field put on a column that held another replaces it; null removes a field', () => {
    expect(correctedColumns(columns, { title: 1 }).map((c) => c.field)).toEqual(['serial', 'title', null, 'owner']);
    expect(correctedColumns(columns, { serial: null }).map((c) => c.field)).toEqual([null, 'registered', null, 'owner']);
  });
});

describe('failures in words', () => {
  it('a bad preset names its problems in the user’s language', () => {
    expect(() => runJob(fixture('excel-everything.xlsx'), { ...BASE, presetJson: { version: 3 } })).toThrow(PresetError);
    try {
      runJob(fixture('excel-everything.xlsx'), { ...BASE, language: 'en', presetJson: { version: 3 } });
    } catch (e) {
      const failure = failureOf(e);
      expect(failure.kind).toBe('preset');
      expect(failure.message).toContain('version: must be 2');
    }
  });
});

describe('the worker’s handler (worker.ts without a worker)', () => {
  const file = new Blob([fixture('excel-everything.xlsx')]);
  const collect = async (request: Parameters<typeof handleRequest>[0]) => {
    const messages: WorkerResponse[] = [];
    await handleRequest(request, (message) => messages.push(message));
    return messages;
  };

  it('posts every stage, then the workbook as a Blob of its type and the summary', async () => {
    const messages = await collect({ type: 'run', file, options: BASE });
    expect(messages.slice(0, -1).map((m) => (m.type === 'progress' ? m.stage : m.type))).toEqual(['load', 'read', 'triage', 'write', 'preview']);
    const last = messages[messages.length - 1];
    expect(last.type).toBe('done');
    if (last.type !== 'done') return;
    expect(last.file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await last.file.arrayBuffer()).equals(Buffer.from(runJob(fixture('excel-everything.xlsx'), BASE).bytes))).toBe(true);
  });

  it('answers an inspection with the workbook info, and a failure with words', async () => {
    const inspected = await collect({ type: 'inspect', file, fileName: 'a.xlsx', language: 'zh' });
    expect(inspected[inspected.length - 1]).toMatchObject({ type: 'inspected', info: { sheet: '矛盾纠纷台账', headerRows: [3, 4] } });
    const failed = await collect({ type: 'inspect', file: new Blob([fixture('corrupt.xlsx')]), fileName: 'corrupt.xlsx', language: 'en' });
    expect(failed[failed.length - 1]).toEqual({
      type: 'failed',
      failure: {
        kind: 'workbook',
        code: 'file.truncated',
        params: { file: 'corrupt.xlsx' },
        message: expect.stringContaining('"corrupt.xlsx" is incomplete'),
      },
    });
  });
});

describe('runMeeting: several units’ ledgers, as tricolor meeting joins them', () => {
  // Three units of one township, with disputes passed between them; expected.json was worked out by hand.
  const MEETING = path.join(FIXTURES, 'meeting');
  const FILES = ['police.xlsx', 'justice.xlsx', 'court.xlsx'];
  const expected = JSON.parse(fs.readFileSync(path.join(MEETING, 'expected.json'), 'utf8')) as {
    units: { file: string; unit: string; sheet: string; disputes: number; registeredInPeriod: number; open: number }[];
    duplicates: unknown[][];
    combined: { disputes: number; registeredInPeriod: number; open: number };
    openByColour: { red: number; yellow: number; green: number };
  };
  const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(MEETING, file)));
  const files = FILES.map((fileName) => ({ bytes: bytesOf(fileName), fileName }));
  const OPTIONS: MeetingRunOptions = { language: 'zh', asOf: '2026-11-30', mask: true };

  /** What `tricolor meeting police.xlsx justice.xlsx court.xlsx --period 2026-11 --as-of 2026-11-30 --out X` writes. */
  function commandMeeting(): Uint8Array {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tricolor-web-meeting-'));
    try {
      for (const f of FILES) fs.copyFileSync(path.join(MEETING, f), path.join(dir, f));
      const out = path.join(dir, '联席会议汇总.tricolor.xlsx');
      const err: string[] = [];
      const io: Io = { stdout: () => undefined, stderr: (s) => err.push(s), today: () => '2026-11-30' };
      const code = main(['meeting', ...FILES.map((f) => path.join(dir, f)), '--period', '2026-11', '--as-of', '2026-11-30', '--out', out], io);
      if (code !== 0) throw new Error(`tricolor meeting failed: ${err.join('')}`);
      return new Uint8Array(fs.readFileSync(out));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('inspecting each ledger names its unit from its title or 填报单位 line', () => {
    expect(FILES.map((f) => [f, inspectWorkbook(bytesOf(f), { fileName: f, language: 'zh' })].map((x) => (typeof x === 'string' ? x : [x.unit, x.sheet])))).toEqual(
      expected.units.map((u) => [u.file, [u.unit, u.sheet]]),
    );
    // A ledger that names no unit is named by its file, as the meeting names it.
    const untitled = writeXlsx({
      sheets: [{ name: '台账', rows: [['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '化解情况'], [1, '2026-11-02', '张三、李四', '邻里纠纷', '排水沟堵塞', '正在化解']] }],
    });
    expect(inspectWorkbook(untitled, { fileName: '东岭村调委会台账.xlsx', language: 'zh' }).unit).toBe('东岭村调委会');
  });

  it('writes the same workbook, part for part, as the command', () => {
    const web = runMeeting(files, OPTIONS);
    const a = parts(web.bytes);
    const b = parts(commandMeeting());
    expect(a.map((p) => p.name)).toEqual(b.map((p) => p.name));
    expect(a.filter((p, i) => !p.content.equals(b[i].content)).map((p) => p.name)).toEqual([]);
    expect(web.summary.outputName).toBe('联席会议汇总.tricolor.xlsx');
  });

  it('sums up what the page shows: 67 disputes once each, every unit’s line, the seven held twice or thrice', () => {
    const { summary } = runMeeting(files, OPTIONS);
    expect(summary.disputes).toBe(expected.combined.disputes);
    expect(summary.meeting.registered).toBe(expected.combined.registeredInPeriod);
    expect(summary.meeting.open).toEqual({ ...expected.openByColour, total: expected.combined.open });
    expect(summary.units.map((u) => [u.unit, u.fileName, u.sheet, u.disputes, u.registered, u.open.total])).toEqual(
      expected.units.map((u) => [u.unit, u.file, u.sheet, u.disputes, u.registeredInPeriod, u.open]),
    );
    expect(summary.duplicates).toHaveLength(expected.duplicates.length);
    expect(summary.duplicates[0]).toEqual([
      { unit: '青山镇派出所', row: 12, serial: '9' },
      { unit: '青山镇司法所', row: 9, serial: '青司调〔2026〕36号' },
      { unit: '青山人民法庭', row: 7, serial: '5' },
    ]);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(structuredClone(summary)).toEqual(summary);
  });

  it('previews 回访清单 and 联席会议汇总 with the summary’s charts, whose cells are in the rows kept', () => {
    const { summary, job } = runMeeting(files, OPTIONS);
    expect(summary.reports.map((r) => r.name)).toEqual(['回访清单', '联席会议汇总']);
    const paper = summary.reports[1];
    expect(paper.charts).toEqual(job.plan.reports[1].charts);
    expect(paper.charts.map((c) => [c.kind, c.title])).toEqual([
      ['pie', '本期登记纠纷（按预警等级）'],
      ['bar', '本期登记纠纷（按单位）'],
    ]);
    const cells = (r: { top: number; left: number; bottom: number }) => paper.rows.slice(r.top, r.bottom + 1).map((row) => row[r.left].value);
    expect(cells(paper.charts[1].categories)).toEqual(['青山镇派出所', '青山镇司法所', '青山人民法庭']);
    expect(cells(paper.charts[1].series[0].values)).toEqual(expected.units.map((u) => u.registeredInPeriod));
  });

  it('a unit named by the user replaces the ledger’s; stages name each file as it is read', () => {
    const progress: string[] = [];
    const { summary } = runMeeting(
      files.map((f, i) => (i === 1 ? { ...f, unit: ' 青山镇人民调解委员会 ' } : f)),
      OPTIONS,
      (stage, file) => progress.push(file ? `${stage} ${file.name} ${file.index + 1}/${file.count}` : stage),
    );
    expect(summary.units.map((u) => u.unit)).toEqual(['青山镇派出所', '青山镇人民调解委员会', '青山人民法庭']);
    expect(progress).toEqual(['read police.xlsx 1/3', 'read justice.xlsx 2/3', 'read court.xlsx 3/3', 'triage', 'write', 'preview']);
  });

  it('a file that is not a ledger workbook fails with the engine’s words, naming it', () => {
    expect(() => runMeeting([files[0], { bytes: fixture('corrupt.xlsx'), fileName: '照片.xlsx' }], OPTIONS)).toThrow('“照片.xlsx”不完整');
    try {
      runMeeting([files[0], { bytes: fixture('not-a-ledger.xlsx'), fileName: '统计表.xlsx' }], { ...OPTIONS, language: 'en' });
    } catch (e) {
      expect(failureOf(e)).toMatchObject({ kind: 'workbook', code: 'ledger.noneInWorkbook', params: { file: '统计表.xlsx' } });
    }
  });

  it('the worker reads each file, says which, and hands the workbook over', async () => {
    const messages: WorkerResponse[] = [];
    await handleRequest({ type: 'meeting', files: FILES.map((fileName) => ({ file: new Blob([bytesOf(fileName)]), fileName })), options: OPTIONS }, (message) => messages.push(message));
    const steps = messages.slice(0, -1).map((m) => (m.type === 'progress' ? `${m.stage}${m.file ? ` ${m.file.name}` : ''}` : m.type));
    expect(steps).toEqual(['load police.xlsx', 'load justice.xlsx', 'load court.xlsx', 'read police.xlsx', 'read justice.xlsx', 'read court.xlsx', 'triage', 'write', 'preview']);
    const last = messages[messages.length - 1];
    expect(last.type).toBe('meetingDone');
    if (last.type !== 'meetingDone') return;
    expect(last.summary.disputes).toBe(67);
    expect(last.file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...new Uint8Array(await last.file.arrayBuffer()).slice(0, 4)]).toEqual([80, 75, 3, 4]);
  });
});
