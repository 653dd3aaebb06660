/// <reference types="office-js" />
import { DEFAULT_PRESET, markedFormula, parseIsoDay, unmarkedFormula } from '../../../src/core';
import { createOfficeAddinHost } from '../../../src/hosts/officejs';
import { processWorkbook, readEntry, readZip } from '../../../src/hosts/xlsx';
import { rangeRef } from '../../../src/core';
import { readSharedStrings, readSheetXml } from '../../../src/hosts/xlsx/sheet-reader';
import { createExcelHost, FakeWorkbook, type ExcelHost } from '../harness';
import { LEDGER_MERGES, LEDGER_VALUES, ledgerXlsx } from './ledger';

const TODAY = '2026-11-28';
let excel: ExcelHost | null = null;
afterEach(() => {
  excel?.dispose();
  excel = null;
});

function open(apiVersion = '1.17', workbook = FakeWorkbook.fromSheets([{ name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES }])) {
  excel = createExcelHost(workbook, { apiVersion, maxRequestBytes: 4 * 1024 * 1024 });
  return { workbook, host: createOfficeAddinHost({ today: () => TODAY, language: 'zh' }) };
}

/** What the file host writes for the same ledger and day: sheet name → values, read back from the package. */
function fileHostSheets(): Map<string, (string | number | boolean | null)[][]> {
  const { bytes } = processWorkbook(ledgerXlsx(), { fileName: 'x.xlsx', asOf: parseIsoDay(TODAY)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });
  const entries = new Map(readZip(bytes).map((e) => [e.name, e]));
  const text = (name: string) => new TextDecoder().decode(readEntry(entries.get(name)!));
  const sst = readSharedStrings(text('xl/sharedStrings.xml'));
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const out = new Map<string, (string | number | boolean | null)[][]>();
  for (const m of workbook.matchAll(/<sheet name="([^"]+)"[^>]*r:id="(rId\d+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    out.set(m[1], readSheetXml(text(`xl/${target}`), { name: m[1], sharedStrings: () => sst, formatOf: () => null, date1904: false }).values);
  }
  return out;
}

/** The fake sheet's values as a matrix from A1, '' for empty. */
function valuesOf(workbook: FakeWorkbook, sheet: string): (string | number | boolean)[][] {
  return workbook.sheet(sheet).values() as (string | number | boolean)[][];
}
const blankToNull = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === '' || v === undefined ? null : v)));
const trimRows = (rows: unknown[][]) => rows.map((r) => { const out = [...r]; while (out.length && (out[out.length - 1] === null)) out.pop(); return out; });

describe('one-click triage through Microsoft\'s Excel library', () => {
  it('writes the same columns as the file host, right of the table', async () => {
    const { workbook, host } = open();
    const report = await host.triage();
    expect(report.counts.byLevel).toEqual({ red: 1, yellow: 2, green: 1 });
    expect(report.staticFills).toBe(false);
    const expected = fileHostSheets().get('台账')!;
    const got = valuesOf(workbook, '台账');
    const own = (row: unknown[] | undefined) => [12, 13, 14].map((c) => (row?.[c] === '' || row?.[c] === undefined ? null : row[c]));
    for (let r = 2; r < 8; r++) expect([r + 1, own(got[r])]).toEqual([r + 1, own(expected[r])]);
    expect(got[2].slice(12, 16)).toEqual(['建议等级', '判定依据', '下次回访日期', '人工定级']);
  });

  it('on a re-run keeps the look the user gave the manual-level header, and gives the headers the look of the user\'s last column left of them', async () => {
    const { workbook, host } = open();
    await host.triage();
    const sheet = workbook.sheet('台账');
    const firstFill = sheet.fills('M3')[0][0];
    // The user colours 人工定级 (P3) and adds 包案领导 right of the add-in's columns, coloured otherwise.
    sheet.cell('P3')!.fill = '#00B0F0';
    await Excel.run(async (context) => {
      const q3 = context.workbook.worksheets.getItem('台账').getRange('Q3');
      q3.values = [['包案领导']];
      q3.format.fill.color = '#FF0000';
      await context.sync();
    });
    await host.triage();
    expect(sheet.fills('M3:Q3')[0]).toEqual([firstFill, firstFill, firstFill, '#00B0F0', '#FF0000']);
    expect(sheet.values('P3:Q3')[0]).toEqual(['人工定级', '包案领导']);
  });

  it('says which other sheets hold disputes too, as the file host does', async () => {
    const { host } = open('1.17', FakeWorkbook.fromSheets([
      { name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES },
      { name: '二月台账', values: LEDGER_VALUES, merges: LEDGER_MERGES },
    ]));
    const report = await host.triage();
    expect(report.issues[0].message).toBe('本次只处理了工作表“台账”；“二月台账”也是台账，未处理。如需处理，请指定该工作表，或把它单独存为一个工作簿后再运行');
  });

  it('says why a ledger in a sheet named like one of the add-in’s own was passed over, as the file host does', async () => {
    const { host } = open('1.17', FakeWorkbook.fromSheets([
      { name: '说明', values: [['本工作簿的台账见“回访记录”']] },
      { name: '回访记录', values: LEDGER_VALUES, merges: LEDGER_MERGES },
    ]));
    const said = '工作簿中没有找到矛盾纠纷台账：工作表“回访记录”像是台账，但这个名称留给本工具自己的工作表；请把它改名（例如“台账”）后再试';
    await expect(host.detect()).rejects.toThrow(said);
    await expect(host.triage()).rejects.toThrow(said);
  });

  it('says only that there is no ledger when no sheet holds one', async () => {
    const { host } = open('1.17', FakeWorkbook.fromSheets([{ name: '回访记录', values: [['说明'], ['本表暂无内容']] }]));
    await expect(host.triage()).rejects.toThrow(/^工作簿中没有找到矛盾纠纷台账/);
    await expect(host.triage()).rejects.not.toThrow('像是台账');
  });

  it('colours rows with conditional formats over the table, the same formulas as the file host, and re-creates them on a re-run', async () => {
    const { workbook, host } = open();
    await host.triage();
    const first = workbook.sheet('台账').conditionalFormats.map((cf) => [cf.address, cf.formula]);
    // Three level rules over the table; on the revisit column the overdue mark, once per level (it
    // keeps the row's colour) and once alone.
    expect(first).toHaveLength(7);
    expect(first.map(([a]) => a).sort()).toEqual(['A5:P8', 'A5:P8', 'A5:P8', 'O5:O8', 'O5:O8', 'O5:O8', 'O5:O8']);
    const { job } = processWorkbook(ledgerXlsx(), { fileName: 'x.xlsx', asOf: parseIsoDay(TODAY)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });
    const fileFormulas = [...job.plan.levelFormat.rules, ...job.plan.overdueFormat.rules].map((r) => `=${r.formula}`);
    // The same rules, each marked as the add-in's (AND(rule, N("三色台账")=0) is the rule).
    expect(first.map(([, f]) => unmarkedFormula(f)).sort()).toEqual(fileFormulas.map((f) => f.slice(1)).sort());
    await host.triage();
    expect(workbook.sheet('台账').conditionalFormats.map((cf) => [cf.address, cf.formula]).sort()).toEqual([...first].sort());
  });

  it('gives the overdue mark priority over the level colours, with the plan\'s stops, read back through the library', async () => {
    const { workbook, host } = open();
    // A format of the user's on the table stays, below the add-in's.
    const own = { id: 'user-cf', address: 'A5:A8', type: 'Custom', formula: '=$A5>2', fill: '#0000FF', font: { color: null, bold: null, italic: null, strikethrough: null, underline: null }, numberFormat: null, priority: 0, stopIfTrue: false };
    workbook.sheet('台账').conditionalFormats.push(own);
    await host.triage();
    const read = () =>
      Excel.run(async (context) => {
        const cfs = context.workbook.worksheets.getItem('台账').getRange('A5:P8').conditionalFormats;
        cfs.load('items/id,items/priority,items/stopIfTrue,items/custom/rule/formula,items/custom/format/fill/color,items/custom/format/font/color,items/custom/format/font/bold');
        await context.sync();
        return cfs.items
          .map((cf) => ({ priority: cf.priority, stop: cf.stopIfTrue, formula: cf.custom.rule.formula, fill: cf.custom.format.fill.color, font: [cf.custom.format.font.color, cf.custom.format.font.bold] }))
          .sort((a, b) => a.priority - b.priority);
      });
    const { job } = processWorkbook(ledgerXlsx(), { fileName: 'x.xlsx', asOf: parseIsoDay(TODAY)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });
    const { overdueFormat, levelFormat } = job.plan;
    const FILL = { red: '#FFC7CE', yellow: '#FFEB9C', green: '#C6EFCE' };
    const expected = [
      ...overdueFormat.rules.map((r) => ({ formula: markedFormula(r.formula), stop: r.stopIfTrue === true, fill: r.fill ? FILL[r.fill] : null, font: ['#C00000', true] })),
      ...levelFormat.rules.map((r) => ({ formula: markedFormula(r.formula), stop: r.stopIfTrue === true, fill: FILL[r.style as keyof typeof FILL], font: [null, null] })),
    ];
    const first = await read();
    expect(first).toEqual([...expected.map((e, i) => ({ ...e, priority: i })), { priority: 7, stop: false, formula: '=$A5>2', fill: '#0000FF', font: [null, null] }]);
    // The overdue rules stop: a cell that is overdue shows one rule's format, its row's colour included.
    expect(overdueFormat.rules.every((r) => r.stopIfTrue)).toBe(true);
    // A re-run replaces exactly the add-in's formats, in the same order.
    await host.triage();
    const second = await read();
    expect(second).toEqual(first);
    // The user's own format is the same one, not a copy (the fake's own names, which Excel never shows).
    expect(workbook.sheet('台账').conditionalFormats.filter((cf) => cf.id === 'user-cf')).toEqual([own]);
  });

  it('puts a 红/黄/绿 dropdown on the new manual-level column', async () => {
    const { workbook, host } = open();
    await host.triage();
    const dv = workbook.sheet('台账').dataValidations.find((d) => d.address.includes('P5'));
    expect(JSON.stringify(dv?.rule)).toContain('红,黄,绿');
  });

  it('colours with static fills where Excel has no conditional formats (ExcelApi 1.1) and says so', async () => {
    const { workbook, host } = open('1.1');
    const report = await host.triage();
    expect(report.staticFills).toBe(true);
    const sheet = workbook.sheet('台账');
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.cell('A5')?.fill).toBe('#FFC7CE');
    expect(sheet.cell('G6')?.fill).toBe('#FFEB9C');
    expect(sheet.cell('B7')?.fill).toBe('#C6EFCE');
  });
});

describe('the report sheets', () => {
  it('writes the same 回访清单 and 联席会议汇总 as the file host', async () => {
    const { workbook, host } = open();
    await host.writeDueList();
    const report = await host.writeSummary({ from: '2026-11-01', to: '2026-11-28', mask: true });
    const expected = fileHostSheets();
    // The headline the pane shows is what the sheet says: 排查数/调处数/成功数 for the period (the
    // row's first number), 在办 by level.
    const sheet = expected.get('联席会议汇总')!;
    // A label may carry a note in brackets: 排查数（登记件数）.
    const numberAfter = (name: string) => sheet.find((row) => String(row[0]).replace(/（[^（]*）$/, '') === name)?.find((v) => typeof v === 'number');
    expect(report.meeting).toEqual({
      from: '2026-11-01',
      to: '2026-11-28',
      registered: numberAfter('排查数'),
      handled: numberAfter('调处数'),
      resolved: numberAfter('成功数'),
      open: { red: numberAfter('红'), yellow: numberAfter('黄'), green: numberAfter('绿'), total: numberAfter('合计') },
    });
    for (const name of ['回访清单', '联席会议汇总']) expect([name, trimRows(blankToNull(valuesOf(workbook, name)))]).toEqual([name, trimRows(expected.get(name)!)]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['台账', '_tricolor_settings', '回访清单', '联席会议汇总', '_tricolor'].filter((n) => workbook.sheets.some((s) => s.name === n)));
    expect(workbook.sheet('_tricolor').visibility).toBe('Hidden');
    // The plan's charts, page breaks and row heights are on the sheets too.
    const { job } = processWorkbook(ledgerXlsx(), { fileName: 'x.xlsx', asOf: parseIsoDay(TODAY)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });
    const plans = job.plan.reports;
    expect(plans[1].charts?.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const written = workbook.sheet(plan.name);
      const charts = written.charts.map((c) => ({ title: c.title.text, series: c.series.map((x) => [x.name, x.values?.address, x.categories?.address]) }));
      expect([plan.name, charts]).toEqual([plan.name, (plan.charts ?? []).map((c) => ({ title: c.title, series: c.series.map((x) => [x.name, rangeRef(x.values), rangeRef(c.categories)]) }))]);
      expect([plan.name, written.rowBreaks]).toEqual([plan.name, (plan.rowBreaks ?? []).filter((r) => r > 0)]);
      const heights = Object.fromEntries(Object.entries(written.rowHeights).map(([row, h]) => [Number(row) - 1, h]));
      expect([plan.name, heights]).toEqual([plan.name, plan.rowHeights ?? {}]);
    }
  });

  it('keeps a user\'s sheet named _TRICOLOR, which Excel takes for _tricolor, and writes its state beside it', async () => {
    const workbook = FakeWorkbook.fromSheets([
      { name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES },
      { name: '_TRICOLOR', values: [['我的备注']], merges: [] },
    ]);
    excel?.dispose();
    excel = createExcelHost(workbook);
    const host = createOfficeAddinHost({ today: () => TODAY, language: 'zh' });
    await host.writeSummary({ from: '2026-10-01', to: '2026-10-31', mask: true });
    const names = workbook.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain('_tricolor（三色台账）');
    expect(trimRows(blankToNull(valuesOf(workbook, '_TRICOLOR')))).toEqual([['我的备注']]);
    // The next meeting reads the state back from beside the user's sheet, and writes it there again.
    await host.writeSummary({ from: '2026-11-01', to: '2026-11-28', mask: true });
    expect(workbook.sheets.map((s) => s.name)).toEqual(names);
    expect(valuesOf(workbook, '联席会议汇总').flat()).toContain('与上次会议数据比较：上次会议期间2026年10月1日至10月31日（来自本工作簿）。');
    expect(trimRows(blankToNull(valuesOf(workbook, '_TRICOLOR')))).toEqual([['我的备注']]);
  });

  it('leaves no half-written sheet when a write fails', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES }]);
    excel = createExcelHost(workbook, { maxRequestBytes: 600 });
    const host = createOfficeAddinHost({ today: () => TODAY, language: 'zh' });
    await expect(host.writeDueList()).rejects.toThrow();
    excel.dispose();
    excel = createExcelHost(workbook);
    expect(workbook.sheets.map((s) => s.name).filter((n) => n.includes('临时') || n === '回访清单')).toEqual([]);
  });
});

describe('settings', () => {
  it('survive closing and reopening the workbook, and fall back to the hidden sheet copy', async () => {
    const { workbook, host } = open();
    const settings = await host.loadSettings();
    await host.saveSettings({ ...settings, mask: false, fieldColumns: { remarks: 'K' } });
    excel!.dispose();
    excel = createExcelHost(workbook);
    const reopened = createOfficeAddinHost({ today: () => TODAY, language: 'zh' });
    expect(await reopened.loadSettings()).toMatchObject({ mask: false, fieldColumns: { remarks: 'K' } });
    excel.dispose();
    workbook.settings = {};
    excel = createExcelHost(workbook);
    expect(await createOfficeAddinHost({ today: () => TODAY, language: 'zh' }).loadSettings()).toMatchObject({ mask: false });
  });
});

describe('recording a revisit', () => {
  it('adds it to 回访记录 and the next due date follows from it', async () => {
    const { workbook, host } = open();
    // Row 5 is red (扬言要砍): daily revisits, so a revisit today makes tomorrow the next.
    expect(await host.recordRevisit({ row: 5, date: TODAY, method: '上门', result: '情绪稳定', by: '王警官' })).toEqual({ nextRevisit: '2026-11-29' });
    const log = valuesOf(workbook, '回访记录');
    expect(log[0]).toEqual(['台账行', '纠纷标识', '回访日期', '方式', '回访结果', '回访人']);
    expect(log[1][0]).toBe('5');
    expect(log[1].slice(2)).toEqual([TODAY, '上门', '情绪稳定', '王警官']);
  });
});

describe('the selected dispute', () => {
  it('is the ledger row under the selection, with its level, next revisit and a masked label', async () => {
    const { workbook, host } = open();
    workbook.sheet('台账').selection = 'G5';
    expect(await host.selectedDispute()).toEqual({ row: 5, label: '红河村 张某扬言要砍死李某', level: 'red', nextRevisit: '2026-11-21' });
  });

  it('is nothing when the selection is in the header', async () => {
    const { workbook, host } = open();
    workbook.sheet('台账').selection = 'B3';
    expect(await host.selectedDispute()).toBeNull();
  });
});
