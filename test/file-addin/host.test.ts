/**
 * The add-in on a workbook file (src/hosts/file-addin): each operation of the pane on the bytes of a
 * real fixture, checked by what a user would check in the file it gives back — the written cells,
 * the sheets, the colours, the due-list — and against the file host's own job for the same file
 * and day. A second run of a job must change nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { DEFAULT_PRESET, excelSerialToDay, formatDay, LEVEL_FILLS, parseIsoDay, SheetProtectedError, WorkbookError } from '../../src/core';
import { parseStoredSettings, SETTINGS_SHEET } from '../../src/addin/settings';
import { localFileRunner, openFileAddinSession, type FileAddinSession } from '../../src/hosts/file-addin';
import { processWorkbook, readLedgerWorkbook } from '../../src/hosts/xlsx';
import { readSheetValues, validatePackage, validationSkipReason } from '../support/ooxml';
import { diffPackages, partOf } from '../xlsx/preservation';

const ROOT = path.resolve(__dirname, '../..');
const bytesOf = (p: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, p)));
const SAMPLE = 'assets/sample-ledger.xlsx';
const TODAY = '2026-11-30';

async function open(p: string, today = TODAY): Promise<FileAddinSession> {
  return openFileAddinSession(bytesOf(p), path.basename(p), { runner: localFileRunner(), language: 'zh', today: () => today });
}

/** The file as the session holds it now: sheet names, and one sheet's cells by address. */
function fileOf(session: FileAddinSession) {
  const { bytes } = session.workbook();
  return { bytes, sheets: readSheetValues(bytes).sheets, cells: (sheet: string) => readSheetValues(bytes, sheet).cells };
}

/** The sheet names of the workbook part with their state (hidden or not). */
function sheetStates(bytes: Uint8Array): Record<string, string> {
  const xml = partOf(bytes, 'xl/workbook.xml');
  return Object.fromEntries([...xml.matchAll(/<sheet\b[^>]*\bname="([^"]+)"[^>]*>/g)].map((m) => [m[1], /state="(\w+)"/.exec(m[0])?.[1] ?? 'visible']));
}

/** What the file host (the tricolor command) counts for the same file and day. */
function commandCounts(p: string, today = TODAY) {
  return processWorkbook(bytesOf(p), { fileName: path.basename(p), asOf: parseIsoDay(today)!, preset: DEFAULT_PRESET, language: 'zh', mask: true }).job.counts;
}

describe('detect', () => {
  it('finds the ledger of excel-everything.xlsx as its expected.json says, and writes nothing', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/excel-everything.expected.json'), 'utf8'));
    const session = await open('test/fixtures/excel-everything.xlsx', expected.asOf);
    const info = await session.host.detect();
    expect(info.sheet).toBe(expected.sheet);
    expect(info.headerRows).toEqual(expected.headerRows);
    expect(Object.fromEntries(info.columns.filter((c) => c.field).map((c) => [c.field, c.column]))).toEqual(expected.fields);
    expect(info.sheets).toEqual(expect.arrayContaining(['矛盾纠纷台账', '统计', '责任人名单']));
    expect(session.workbook().changed).toBe(false);
  });

  it('says so, in the user’s language, when the workbook holds no ledger or is no workbook', async () => {
    const session = await open('test/fixtures/not-a-ledger.xlsx');
    await expect(session.host.detect()).rejects.toThrow('工作簿中没有找到矛盾纠纷台账');
    const notAWorkbook = openFileAddinSession(new Uint8Array([0x50, 0x4b, 1, 2]), 'notes.xlsx', { runner: localFileRunner(), language: 'zh', today: () => TODAY });
    await expect(notAWorkbook).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe('一键分级上色 (triage)', () => {
  it('writes the add-in’s columns and colours into the ledger sheet, and nothing else: the counts are the command’s', async () => {
    const session = await open(SAMPLE);
    const before = session.workbook().bytes;
    const report = await session.host.triage();
    expect(report.counts.byLevel).toEqual({ red: 15, yellow: 27, green: 258 });
    expect(report.counts).toEqual(commandCounts(SAMPLE));
    expect(report.sheet).toBe('矛盾纠纷台账');
    expect(report.issues.map((i) => i.cell)).toEqual(expect.arrayContaining(['B35', 'I65', 'R155']));

    const file = fileOf(session);
    expect(session.workbook().changed).toBe(true);
    // No report sheet: a triage writes the ledger's columns only, as in Excel.
    expect(file.sheets).toEqual(readSheetValues(before).sheets);
    const ledger = file.cells('矛盾纠纷台账');
    const headers = [...ledger].filter(([, v]) => v === '建议等级' || v === '判定依据' || v === '下次回访日期').map(([, v]) => v);
    expect(headers).toEqual(['建议等级', '判定依据', '下次回访日期']);
    // Rows are coloured by conditional formats whose fills are the three levels'.
    const diff = diffPackages(before, file.bytes);
    const sheetPart = diff.changed.find((p) => p.startsWith('xl/worksheets/'))!;
    expect(partOf(file.bytes, sheetPart)).toContain('<conditionalFormatting');
    const styles = partOf(file.bytes, 'xl/styles.xml');
    for (const fill of [LEVEL_FILLS.red, LEVEL_FILLS.yellow, LEVEL_FILLS.green]) expect(styles).toContain(fill);
    expect(diff.added).toEqual([]);
  });

  it('a second triage changes nothing', async () => {
    const session = await open(SAMPLE);
    await session.host.triage();
    const once = session.workbook().bytes;
    await session.host.triage();
    expect(Buffer.from(session.workbook().bytes).equals(Buffer.from(once))).toBe(true);
  });

  it('refuses a protected ledger sheet before writing anything, with the catalogue’s message', async () => {
    const parts = unzipSync(bytesOf(SAMPLE));
    const ledgerPart = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && strFromU8(parts[p]).includes('<sheetData'))!;
    parts[ledgerPart] = strToU8(strFromU8(parts[ledgerPart]).replace(/(<\/sheetData>)/, '$1<sheetProtection sheet="1" objects="1" scenarios="1"/>'));
    const session = await openFileAddinSession(zipSync(parts), 'protected.xlsx', { runner: localFileRunner(), language: 'zh', today: () => TODAY });
    const triage = session.host.triage();
    await expect(triage).rejects.toBeInstanceOf(SheetProtectedError);
    await expect(triage).rejects.toThrow('工作表“矛盾纠纷台账”受保护');
    expect(session.workbook().changed).toBe(false);
  });
});

describe('生成回访清单 (the due-list)', () => {
  it('writes the 回访清单 sheet for today: 2 due today, 126 overdue; again, the same bytes', async () => {
    const session = await open(SAMPLE);
    const report = await session.host.writeDueList();
    expect(report.sheet).toBe('回访清单');
    expect([report.counts.dueToday, report.counts.overdue]).toEqual([2, 126]);
    const due = fileOf(session).cells('回访清单');
    expect(String(due.get('A1'))).toContain('回访清单（截至');
    const once = session.workbook().bytes;
    await session.host.writeDueList();
    expect(Buffer.from(session.workbook().bytes).equals(Buffer.from(once))).toBe(true);
  });
});

describe('生成联席会议汇总 (the meeting summary)', () => {
  it('writes 56 registered, 14 resolved and 60 open for November, with the hidden state sheet; again, the same bytes', async () => {
    const session = await open(SAMPLE);
    const report = await session.host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true });
    expect(report.sheet).toBe('联席会议汇总');
    expect(report.meeting).toBeDefined();
    const paper = fileOf(session).cells('联席会议汇总');
    expect([paper.get('A1'), paper.get('A8'), paper.get('D8'), paper.get('A11'), paper.get('D11'), paper.get('A20'), paper.get('D20')]).toEqual([
      'XX镇派出所矛盾纠纷联席会议汇总表', '排查数（登记件数）', 56, '成功数（已化解）', 14, '合计', 60,
    ]);
    expect(sheetStates(session.workbook().bytes)).toMatchObject({ 联席会议汇总: 'visible', _tricolor: 'hidden' });
    const once = session.workbook().bytes;
    await session.host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true });
    expect(Buffer.from(session.workbook().bytes).equals(Buffer.from(once))).toBe(true);
  });

  it('joins the 司法所’s and the 法庭’s ledgers to the 派出所’s: 合计 67, the joint due-list, the shared disputes', async () => {
    const session = await open('test/fixtures/meeting/police.xlsx');
    const others = ['justice.xlsx', 'court.xlsx'].map((f) => ({ file: f, input: readLedgerWorkbook(bytesOf(`test/fixtures/meeting/${f}`), { fileName: f, language: 'zh' }).input }));
    const report = await session.host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true, others });
    expect(report.joint?.disputes).toBe(67);
    expect(report.joint?.units.map((u) => [u.unit, u.disputes])).toEqual([['青山镇派出所', 30], ['青山镇司法所', 25], ['青山人民法庭', 20]]);
    expect(report.joint?.duplicates).toHaveLength(7);
    expect(fileOf(session).sheets).toEqual(expect.arrayContaining(['回访清单', '联席会议汇总', '_tricolor']));
  });
});

describe('settings and column corrections', () => {
  it('keeps a correction in the hidden settings sheet, where the Office.js host keeps it, and the next triage uses it', async () => {
    const session = await open(SAMPLE);
    const info = await session.host.setFieldColumn('headcount', null);
    expect(info.columns.find((c) => c.column === 'I')?.field).toBeNull();
    expect(sheetStates(session.workbook().bytes)[SETTINGS_SHEET]).toBe('hidden');
    const stored = parseStoredSettings(readSheetValues(session.workbook().bytes, SETTINGS_SHEET).cells.get('A1'));
    expect(stored?.fieldColumns).toEqual({ headcount: null });
    expect((await session.host.loadSettings()).fieldColumns).toEqual({ headcount: null });

    // I65 (“若干” people) is no longer read: two unreadable rows, B35 and R155.
    const triage = await session.host.triage();
    expect(triage.counts.unreadableRows).toBe(2);
    expect(triage.issues.map((i) => i.cell)).not.toContain('I65');

    await session.host.setFieldColumn('headcount', 'I');
    expect((await session.host.triage()).counts.unreadableRows).toBe(3);
  });

  it('saves and loads the preset and masking; the defaults where the workbook has none', async () => {
    const session = await open(SAMPLE);
    const defaults = await session.host.loadSettings();
    expect(defaults).toMatchObject({ version: 1, mask: true, fieldColumns: {} });
    await session.host.saveSettings({ ...defaults, mask: false });
    expect((await session.host.loadSettings()).mask).toBe(false);
    expect(fileOf(session).sheets.filter((s) => s === SETTINGS_SHEET)).toHaveLength(1);
  });
});

describe('the selection and 回访', () => {
  it('selects a cell, a row or a cell of another sheet, and says what the cell holds', async () => {
    const session = await open(SAMPLE);
    expect(session.selection()).toEqual({ sheet: '矛盾纠纷台账', address: 'A1', value: expect.stringContaining('矛盾纠纷') });
    expect(await session.select('13')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: '13:13', value: null } });
    expect(await session.select('ｂ３５')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: 'B35', value: '2026-02-30' } });
    expect(await session.select('联席会议汇总!A1')).toEqual({ ok: false, problem: { kind: 'sheet', sheet: '联席会议汇总' } });
    expect(await session.select('第二行')).toEqual({ ok: false, problem: { kind: 'address', text: '第二行' } });
    await session.host.setFieldColumn('headcount', 'I');
    expect(await session.select(`${SETTINGS_SHEET}!A1`)).toEqual({ ok: false, problem: { kind: 'hidden', sheet: SETTINGS_SHEET } });
  });

  it('reads the selected dispute, records a revisit in 回访记录, and the due-list follows: 126 overdue, then 125', async () => {
    const session = await open(SAMPLE);
    expect((await session.host.writeDueList()).counts.overdue).toBe(126);
    await session.select('矛盾纠纷台账!13');
    const dispute = await session.host.selectedDispute();
    expect(dispute).toMatchObject({ row: 13, level: 'yellow', nextRevisit: '2026-01-16' });
    expect(dispute?.label).toContain('北岔村 顾客与商户因衣物质量问题发生争执');

    const recorded = await session.host.recordRevisit({ row: 13, date: TODAY, method: '上门', result: '入户回访，商户已同意退换，双方无异议', by: '赵志强' });
    expect(recorded).toEqual({ nextRevisit: '2026-12-07' });
    const log = fileOf(session).cells('回访记录');
    expect([log.get('A1'), log.get('A2'), log.get('C2'), log.get('D2'), log.get('F2')]).toEqual(['台账行', '13', TODAY, '上门', '赵志强']);
    expect((await session.host.selectedDispute())?.nextRevisit).toBe('2026-12-07');
    expect((await session.host.writeDueList()).counts.overdue).toBe(125);

    // A second revisit goes below the first.
    await session.host.recordRevisit({ row: 13, date: TODAY, method: '电话', result: '电话回访', by: '赵志强' });
    expect(fileOf(session).cells('回访记录').get('D3')).toBe('电话');
    await expect(session.host.recordRevisit({ row: 2, date: TODAY, method: '电话', result: '', by: '' })).rejects.toThrow('第 2 行不是台账中的纠纷');
  });

  it('shows a date of a 1904 workbook (Mac Excel) as the same day the ledger reads', async () => {
    const file = 'test/fixtures/mac-1904.xlsx';
    const { input } = readLedgerWorkbook(bytesOf(file), { fileName: 'mac-1904.xlsx', language: 'zh' });
    // Column B is 排查日期: its first number is a date (a whole sheet is read for values, without formats).
    const row = input.ledger.values.findIndex((r) => typeof r[1] === 'number');
    expect(input.ledger.values.slice(0, row).map((r) => r[1])).toContain('排查日期');
    const day = formatDay(excelSerialToDay(input.ledger.values[row][1] as number, true)!);
    const session = await open(file, '2020-06-30');
    expect(await session.select(`B${row + 1}`)).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: `B${row + 1}`, value: day } });
  });

  it('a link of the result card selects its cell; the page is told', async () => {
    const session = await open(SAMPLE);
    const seen: string[] = [];
    session.subscribe(() => seen.push(`${session.selection()?.sheet}!${session.selection()?.address}=${session.selection()?.value}`));
    await session.host.selectCell('矛盾纠纷台账', 'B35');
    expect(seen).toEqual(['矛盾纠纷台账!B35=2026-02-30']);
  });
});

describe('the file after every operation', () => {
  const skip = validationSkipReason();
  (skip ? it.skip : it)(`validates against the ISO schemas${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const session = await open(SAMPLE);
    await session.host.setFieldColumn('headcount', 'I');
    await session.host.triage();
    await session.host.writeDueList();
    await session.host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true });
    await session.host.recordRevisit({ row: 13, date: TODAY, method: '上门', result: '入户回访', by: '赵志强' });
    const { bytes } = session.workbook();
    const written = new Set([...diffPackages(bytesOf(SAMPLE), bytes).changed, ...diffPackages(bytesOf(SAMPLE), bytes).added]);
    expect(validatePackage(bytes).filter((r) => written.has(r.path) && !r.ok)).toEqual([]);
  });
});
