import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { columnLetter, DEFAULT_PRESET, parseIsoDay } from '../core';
import { main, type Io } from '../cli/main';
import { processWorkbook, readEntry, readZip, WorkbookError } from '../hosts/xlsx';
import type { RunOptions, WorkerResponse } from './protocol';
import { correctedColumns, failureOf, inspectWorkbook, runJob, PREVIEW_ROWS, WebPresetError } from './run-job';
import { handleRequest } from './worker';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';

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
    ['corrupt.xlsx', 'file.notWorkbook'],
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
    expect(() => runJob(fixture('excel-everything.xlsx'), { ...BASE, presetJson: { version: 3 } })).toThrow(WebPresetError);
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
    const messages: { message: WorkerResponse; transfer?: Transferable[] }[] = [];
    await handleRequest(request, (message, transfer) => messages.push({ message, transfer }));
    return messages;
  };

  it('posts every stage, then the bytes as a transferable buffer and the summary', async () => {
    const messages = await collect({ type: 'run', file, options: BASE });
    expect(messages.slice(0, -1).map((m) => (m.message.type === 'progress' ? m.message.stage : m.message.type))).toEqual(['load', 'read', 'triage', 'write', 'preview']);
    const last = messages[messages.length - 1];
    expect(last.message.type).toBe('done');
    if (last.message.type !== 'done') return;
    expect(last.transfer).toEqual([last.message.bytes]);
    expect(last.message.bytes).toBeInstanceOf(ArrayBuffer);
    expect(Buffer.from(last.message.bytes).equals(Buffer.from(runJob(fixture('excel-everything.xlsx'), BASE).bytes))).toBe(true);
  });

  it('answers an inspection with the workbook info, and a failure with words', async () => {
    const inspected = await collect({ type: 'inspect', file, fileName: 'a.xlsx', language: 'zh' });
    expect(inspected[inspected.length - 1].message).toMatchObject({ type: 'inspected', info: { sheet: '矛盾纠纷台账', headerRows: [3, 4] } });
    const failed = await collect({ type: 'inspect', file: new Blob([fixture('corrupt.xlsx')]), fileName: 'corrupt.xlsx', language: 'en' });
    expect(failed[failed.length - 1].message).toEqual({
      type: 'failed',
      failure: {
        kind: 'workbook',
        code: 'file.notWorkbook',
        params: { file: 'corrupt.xlsx' },
        message: expect.stringContaining('"corrupt.xlsx" is not an Excel workbook'),
      },
    });
  });
});
