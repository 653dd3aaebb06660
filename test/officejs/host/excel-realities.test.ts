/// <reference types="office-js" />
import { DEFAULT_PRESET, parseIsoDay, unmarkedFormula } from '../../../src/core';
import { createOfficeAddinHost, FIRST_GUESS_BYTES_PER_CELL, READ_BUDGET_BYTES } from '../../../src/hosts/officejs';
import { processWorkbook } from '../../../src/hosts/xlsx';
import { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT, FakeWorkbook, type ExcelHost, type ExcelHostOptions } from '../harness';
import { bigLedger, LEDGER_MERGES, LEDGER_VALUES, ledgerXlsx, realisticLedger } from './ledger';

/**
 * The host against what the in-memory workbook models of Excel beyond the happy path: positional
 * conditional-format ids and reopens, the 512 merged-area limit and the 5 MB response, two add-in
 * runtimes, text Excel would convert, the 1904 date system, Excel tables, protected sheets, the
 * calculation mode and a user's own validation.
 */
const TODAY = '2026-11-28';
const FOUR_MB = 4 * 1024 * 1024;
let excel: ExcelHost | null = null;
afterEach(() => {
  excel?.dispose();
  excel = null;
});

/** Opens (or closes and reopens) the workbook in Excel and gives the add-in's host. */
function open(workbook: FakeWorkbook, options: ExcelHostOptions = {}) {
  excel?.dispose();
  excel = createExcelHost(workbook, { maxRequestBytes: FOUR_MB, maxResponseBytes: EXCEL_WEB_PAYLOAD_LIMIT, ...options });
  return createOfficeAddinHost({ today: () => TODAY, language: 'zh' });
}

const smallLedger = () => FakeWorkbook.fromSheets([{ name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES }]);

/** Every conditional format on the ledger sheet as Microsoft's library reads it, top priority first. */
function readFormats(sheet = '台账') {
  return Excel.run(async (context) => {
    const cfs = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
    cfs.load('items/priority,items/custom/rule/formula,items/custom/format/fill/color');
    await context.sync();
    return cfs.items.map((cf) => ({ priority: cf.priority, formula: cf.custom.rule.formula, fill: cf.custom.format.fill.color })).sort((a, b) => a.priority - b.priority);
  });
}

/** The plan's rules in the order the host puts them on top: the overdue mark, then the levels, red first. */
function planFormulas(): string[] {
  const { job } = processWorkbook(ledgerXlsx(), { fileName: 'x.xlsx', asOf: parseIsoDay(TODAY)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });
  return [...job.plan.overdueFormat.rules, ...job.plan.levelFormat.rules].map((r) => r.formula);
}

describe('conditional formats, whose ids are positions', () => {
  it('repeated triage with reopens keeps a user\'s own format and exactly the add-in\'s own, red on top', async () => {
    const workbook = smallLedger();
    const syncs: number[] = [];
    const triage = async (host: ReturnType<typeof open>) => {
      excel!.resetStats();
      await host.triage();
      syncs.push(excel!.stats.syncs);
    };
    await triage(open(workbook));
    let host = open(workbook);
    // The user adds a rule of their own: it goes on top, and every position below it moves.
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('台账').getRange('A5:L8').conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$H5="5人"';
      cf.custom.format.fill.color = '#0000FF';
      await context.sync();
    });
    await triage(host);
    host = open(workbook);
    await triage(host);
    await triage(host);
    // Finding the add-in's formats costs no round trip of its own: every run takes the same.
    expect(new Set(syncs).size).toBe(1);

    const formats = await readFormats();
    const ours = formats.filter((f) => unmarkedFormula(f.formula) !== null);
    expect(ours.map((f) => unmarkedFormula(f.formula))).toEqual(planFormulas());
    expect(ours.map((f) => f.priority)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Of the level colours, red is first.
    expect(ours.slice(4).map((f) => f.fill)).toEqual(['#FFC7CE', '#FFEB9C', '#C6EFCE']);
    // The user's rule is there once, below the add-in's, and nothing else is.
    expect(formats.filter((f) => unmarkedFormula(f.formula) === null)).toEqual([{ priority: 7, formula: '=$H5="5人"', fill: '#0000FF' }]);
  });

  it('keeps the user\'s rule when the user has put it on top, and an earlier version\'s unmarked formats are replaced', async () => {
    const workbook = smallLedger();
    const host = open(workbook);
    await host.triage();
    // An earlier version wrote the plan's formulas without the marker.
    const sheet = workbook.sheet('台账');
    for (const cf of sheet.conditionalFormats) cf.formula = `=${unmarkedFormula(cf.formula)}`;
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('台账').getRange('B5:B8').conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$B5<46000';
      cf.custom.format.fill.color = '#00FF00';
      await context.sync();
    });
    await host.triage();
    const formats = await readFormats();
    expect(formats).toHaveLength(8);
    expect(formats.slice(0, 7).map((f) => unmarkedFormula(f.formula))).toEqual(planFormulas());
    expect(formats[7]).toEqual({ priority: 7, formula: '=$B5<46000', fill: '#00FF00' });
  });
});

describe('a 10,000-row ledger with 300-character descriptions and 600 vertical merges', () => {
  it('is read in requests Excel on the web answers, and every merge is found', async () => {
    const { values, merges } = realisticLedger(10_000, 300);
    expect(merges).toHaveLength(600);
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values, merges }]);
    const host = open(workbook);
    const report = await host.triage();
    expect(report.counts.disputes).toBe(10_000);
    const requests = excel!.stats.requests;
    // 10,000 rows × 15 cells are ~10 MB of JSON: cut by bytes, no response reaches 5 MB, none was
    // refused, and no merged-area query met the 512 limit (the whole used range holds 600).
    expect(requests.filter((r) => r.error)).toEqual([]);
    expect(Math.max(...requests.map((r) => r.responseBytes))).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    // Rows take about 1 KB of JSON: the first block is 2,184 rows (2 MB at a guessed 64 bytes a
    // cell), the others 1,380 (2 MB at the 1.5 KB a row the first one measured, with room to spare):
    // 7 reads of the ledger, none over 2.2 MB.
    const reads = requests.filter((r) => r.responseBytes > 100_000);
    expect(reads).toHaveLength(7);
    expect(Math.max(...reads.map((r) => r.responseBytes))).toBeLessThan(2.2 * 1024 * 1024);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(FOUR_MB);

    // The village merged down each group is every row's village: the due list shows it on each.
    await host.writeDueList();
    const due = workbook.sheet('回访清单').values();
    const header = due.findIndex((r) => r.includes('村(社区)'));
    const villageCol = due[header].indexOf('村(社区)');
    const rows = due.slice(header + 1).filter((r) => typeof r[0] === 'number');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => /^第\d+村$/.test(String(r[villageCol])))).toBe(true);
  }, 120_000);
});

describe('the task pane and the ribbon, two runtimes on one workbook', () => {
  it('cannot roll back each other\'s settings or duplicate formats', async () => {
    const workbook = smallLedger();
    const pane = open(workbook);
    await pane.loadSettings();
    // The ribbon's function file starts: its own copy of the document settings.
    excel!.useRuntime('commands');
    const ribbon = createOfficeAddinHost({ today: () => TODAY, language: 'zh' });
    await ribbon.triage();
    await ribbon.setFieldColumn('remarks', 'K');
    excel!.useRuntime('taskpane');
    // The pane's copy was taken before the ribbon's save.
    await pane.setFieldColumn('owner', 'L');
    await pane.triage();
    excel!.useRuntime('commands');
    await ribbon.triage();
    const fromRibbon = await ribbon.loadSettings();
    excel!.useRuntime('taskpane');
    const settings = await pane.saveSettings({ ...(await pane.loadSettings()), mask: false }).then(() => pane.loadSettings());
    expect(fromRibbon.fieldColumns).toEqual({ remarks: 'K', owner: 'L' });
    expect(settings).toMatchObject({ mask: false, fieldColumns: { remarks: 'K', owner: 'L' } });
    expect(workbook.sheet('台账').conditionalFormats).toHaveLength(7);
    // The workbook reopened reads the same.
    expect(await open(workbook).loadSettings()).toMatchObject({ mask: false, fieldColumns: { remarks: 'K', owner: 'L' } });
  });
});

describe('text Excel would convert', () => {
  const tricky = ['=HYPERLINK("http://x")', '+86 13800001234 多次来电', '2026-01-05', '001', '110101199001011234', "'引号开头", '3/4'];

  it('stays text in the report sheets and the reasons column', async () => {
    const values: (string | number)[][] = [['序号', '登记日期', '村(社区)', '当事人', '纠纷类型', '简要情况', '化解情况', '责任人']];
    tricky.forEach((text, i) => values.push([i + 1, 46300, i === 3 ? '001' : '红河村', `张${i}`, '邻里纠纷', text, '未化解', '王警官']));
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values }]);
    const host = open(workbook);
    // Unmasked, so the texts reach the sheets as written; a rule label that looks like a formula.
    const settings = await host.loadSettings();
    const preset = { ...settings.preset, rules: settings.preset.rules.map((r, i) => (i === 0 ? { ...r, label: { zh: '=持刀威胁', en: '=Knife' } } : r)) };
    await host.saveSettings({ ...settings, mask: false, preset });
    await host.triage();
    await host.writeDueList();
    const due = workbook.sheet('回访清单').values().flat();
    for (const text of tricky) expect([text, due.includes(text)]).toEqual([text, true]);
    expect(due).toContain('001');
    // The reasons column (判定依据) holds text only, as text.
    const ledger = workbook.sheet('台账');
    const reasonsCol = ledger.values('A1:Z1')[0].indexOf('判定依据');
    const reasons = ledger.values().slice(1).map((r) => r[reasonsCol]);
    expect(reasons.every((r) => typeof r === 'string')).toBe(true);
    expect(ledger.numberFormats().slice(1, 1 + tricky.length).map((r) => r[reasonsCol])).toEqual(tricky.map(() => '@'));
  });
});

describe('a 1904 workbook', () => {
  /** 2026-10-01 as a serial of each date system. */
  const SERIAL_1900 = 46296;
  const ledger1904 = (date1904: boolean) =>
    FakeWorkbook.fromSheets(
      [
        {
          name: '台账',
          values: [
            ['序号', '登记日期', '村(社区)', '当事人', '纠纷类型', '简要情况', '化解情况', '回访日期'],
            [1, SERIAL_1900 - (date1904 ? 1462 : 0), '红河村', '张三', '邻里纠纷', '张三扬言要砍死李四', '化解中', ''],
            [2, SERIAL_1900 - (date1904 ? 1462 : 0), '红河村', '李四', '土地纠纷', '宅基地边界争议', '化解中', ''],
          ],
          numberFormats: [[], [null, 'yyyy-mm-dd'], [null, 'yyyy-mm-dd']],
        },
      ],
      { date1904 },
    );

  // ExcelApi 1.2 asks DATE(1904,1,1); before it, a dated cell's text is read against its value.
  it.each(['1.17', '1.1'])('is detected (ExcelApi %s): its dates read as the same days, and dates are written in its own serials', async (apiVersion) => {
    const mac = ledger1904(true);
    const pc = ledger1904(false);
    const macHost = open(mac, { apiVersion });
    const macReport = await macHost.triage();
    mac.sheet('台账').selection = 'F2';
    const macDispute = await macHost.selectedDispute();
    const pcHost = open(pc, { apiVersion });
    const pcReport = await pcHost.triage();
    pc.sheet('台账').selection = 'F2';
    expect(macReport.counts).toEqual(pcReport.counts);
    expect(macDispute).toEqual(await pcHost.selectedDispute());
    const nextRevisit = (wb: FakeWorkbook) => {
      const col = wb.sheet('台账').values('A1:Z1')[0].indexOf('下次回访日期');
      return wb.sheet('台账').values().slice(1).map((r) => r[col]);
    };
    const pcDates = nextRevisit(pc) as number[];
    expect(pcDates.every((v) => typeof v === 'number')).toBe(true);
    expect(nextRevisit(mac)).toEqual(pcDates.map((v) => v - 1462));
  });
});

describe('a ledger that is an Excel table', () => {
  it('is written beside the table, which Excel extends over the add-in\'s columns, and the report says so', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values: bigLedger(20), tables: [{ name: '纠纷台账表', address: 'A1:J21' }] }]);
    const report = await open(workbook).triage();
    const sheet = workbook.sheet('台账');
    expect(sheet.values('K1:N1')).toEqual([['建议等级', '判定依据', '下次回访日期', '人工定级']]);
    expect(sheet.tables.map((t) => t.address)).toEqual(['A1:N21']);
    expect(report.issues[0].message).toContain('纠纷台账表');
    expect(sheet.conditionalFormats).toHaveLength(7);
  });
});

describe('a ledger in an Excel table with a column of notes right of it', () => {
  it('gets the add-in\'s columns right of everything used, outside the table, and the report says so', async () => {
    const values = bigLedger(5).map((r, i) => [...r, i === 0 ? '' : '', i === 1 ? '另记' : '']);
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values, tables: [{ name: '纠纷台账表', address: 'A1:J6' }] }]);
    const report = await open(workbook).triage();
    const sheet = workbook.sheet('台账');
    expect(sheet.values('M1:P1')).toEqual([['建议等级', '判定依据', '下次回访日期', '人工定级']]);
    expect(sheet.tables.map((t) => t.address)).toEqual(['A1:J6']);
    expect(report.issues[0].message).toContain('不在该表格内');
  });
});

describe('a response Excel refuses all the same', () => {
  it('is read again in smaller blocks: rows far longer than those before cost a few extra round trips, no failure', async () => {
    // The first block (3,276 rows: 2 MB at a guessed 64 bytes a cell × 10 columns) is all short
    // rows; from there on each row has 1,500 Chinese characters (4.5 KB of JSON).
    const firstBlock = Math.floor(READ_BUDGET_BYTES / (10 * FIRST_GUESS_BYTES_PER_CELL));
    const values = bigLedger(6_000).map((r, i) => (i >= firstBlock ? r.map((v, c) => (c === 5 ? `${'宅基地边界争议'.repeat(214)}${i}` : v)) : r));
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values }]);
    const report = await open(workbook).triage();
    expect(report.counts.disputes).toBe(6_000);
    // Sized by the short rows, the second block (3,333 rows, 15 MB) is refused, and half of it
    // (7.5 MB) again; a quarter (3.7 MB) passes, and the blocks after are sized by the long rows.
    const refused = excel!.stats.requests.filter((r) => r.error);
    expect(refused.map((r) => r.error)).toEqual(['ResponsePayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
    expect(Math.max(...excel!.stats.requests.filter((r) => !r.error).map((r) => r.responseBytes))).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
  });
});

describe('a protected ledger sheet', () => {
  it.each(['1.17', '1.1'])('gives a clear message before anything is written (ExcelApi %s)', async (apiVersion) => {
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES, protected: true }]);
    const before = JSON.stringify(workbook.sheet('台账'));
    await expect(open(workbook, { apiVersion }).triage()).rejects.toThrow('工作表“台账”受保护');
    expect(JSON.stringify(workbook.sheet('台账'))).toBe(before);
    expect(workbook.sheetNames).toEqual(['台账']);
  });
});

describe('another protected sheet the add-in writes to', () => {
  it('gives a clear message instead of Excel\'s AccessDenied', async () => {
    const workbook = FakeWorkbook.fromSheets([
      { name: '台账', values: LEDGER_VALUES, merges: LEDGER_MERGES },
      { name: '回访记录', values: [['台账行', '纠纷标识', '回访日期', '方式', '回访结果', '回访人']], protected: true },
    ]);
    const host = open(workbook);
    await expect(host.recordRevisit({ row: 5, date: TODAY, method: '上门', result: '情绪稳定', by: '王警官' })).rejects.toThrow('要写入的工作表受保护');
    expect(workbook.sheet('回访记录').values()).toHaveLength(1);
  });
});

describe('the user\'s application-wide settings', () => {
  it('are never set: calculation is suspended per write request instead', async () => {
    const workbook = smallLedger();
    workbook.calculationMode = 'AutomaticExceptTables';
    await open(workbook, { recordBodies: true }).triage();
    const actions = excel!.stats.requests.flatMap((r) => (r.body as { Actions: { ActionType: number; Name: string }[] }).Actions);
    expect(actions.filter((a) => a.ActionType === 4 && a.Name === 'CalculationMode')).toEqual([]);
    expect(workbook.calculationMode).toBe('AutomaticExceptTables');
    expect(excel!.stats.events.suspendApiCalculationUntilNextSync).toBeGreaterThan(0);
  });
});

describe('a user\'s own validation on the manual-level column', () => {
  it('is kept; the add-in\'s own dropdown is extended over new rows', async () => {
    const values = bigLedger(6).map((r, i) => [...r, i === 0 ? '人工定级' : '']);
    const workbook = FakeWorkbook.fromSheets([{ name: '台账', values }]);
    const sheet = workbook.sheet('台账');
    sheet.dataValidations.push({
      address: 'K2:K7',
      rule: { list: { inCellDropDown: true, source: '红,黄,绿,待定' } },
      ignoreBlanks: true,
      prompt: { showPrompt: false, title: '', message: '' },
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
    });
    const own = JSON.parse(JSON.stringify(sheet.dataValidations));
    await open(workbook).triage();
    expect(sheet.dataValidations).toEqual(own);

    // Without a validation of the user's, the add-in's goes on the column and follows new rows.
    const plain = FakeWorkbook.fromSheets([{ name: '台账', values: bigLedger(4) }]);
    const host = open(plain);
    await host.triage();
    const manual = plain.sheet('台账').values('A1:Z1')[0].indexOf('人工定级');
    expect(plain.sheet('台账').dataValidations.map((d) => d.address)).toEqual([`${String.fromCharCode(65 + manual)}2:${String.fromCharCode(65 + manual)}5`]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('A6:J7').values = bigLedger(6).slice(5);
      await context.sync();
    });
    await host.triage();
    const dv = plain.sheet('台账').dataValidations;
    expect(dv.map((d) => d.address)).toEqual([`${String.fromCharCode(65 + manual)}2:${String.fromCharCode(65 + manual)}7`]);
    expect(JSON.stringify(dv[0].rule)).toContain('红,黄,绿');
  });
});
