import { formatDay, parseIsoDay, parseLevel } from '../cells';
import { sheet } from '../ledger/fixtures';
import type { CellValue, Level, SheetGrid } from '../model';
import { DEFAULT_PRESET } from '../rules';
import { formulaHolds } from './fixtures';
import { levelFormulas } from './level-formulas';
import { runLedgerJob } from './run-job';
import { LedgerNotFoundError, LedgerWriteError } from '../errors';
import type { JobOptions, LedgerJob } from './types';

const AS_OF = parseIsoDay('2021-03-17')!;
const OPTIONS: JobOptions = { asOf: AS_OF, preset: DEFAULT_PRESET, language: 'zh', mask: true };
const iso = (s: string) => parseIsoDay(s)!;
const shown = (v: CellValue | undefined) => (typeof v === 'number' ? formatDay(v) : v);

// A ledger A–H under a merged title, with a note someone typed in J5, right of the table.
// What the core should make of each row, by hand (as of 2021-03-17; red daily, yellow weekly, green 30 days):
//   row 3  持刀: red.violence → red; registered 03-01, next revisit 03-02, 15 days overdue
//   row 4  土地纠纷 / 宅基地: yellow.sensitiveType → yellow; registered 03-10, next 03-17, due today
//   row 5  邻里纠纷: green; registered 03-16, next 04-15, not due
//   row 6  已化解: resolved → green; registered 01-05, next 02-04, 41 days overdue (24 in February + 17)
//   row 7  已销号: closed → green, no revisit
//   row 8  registration 去年 unreadable: green, no revisit, two issues on B8
function firstRunGrid(): SheetGrid {
  return sheet(
    [
      ['XX派出所矛盾纠纷排查化解工作台账'],
      ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '涉及人数', '化解情况', '责任人'],
      [1, '2021-03-01', '张三', '邻里纠纷', '一方持刀', 2, '调解中', '王警官'],
      [2, '2021-03-10', '李四、王五', '土地纠纷', '宅基地边界争议', null, '', '李主任'],
      [3, '2021-03-16', '赵六', '邻里纠纷', '噪音', null, '', '王警官', null, '备忘：待核实'],
      [4, '2021-01-05', '钱七', '婚姻家庭', '夫妻争吵', null, '已化解', ''],
      [5, '2021-01-05', '孙八', '邻里纠纷', '琐事', null, '已销号', ''],
      [6, '去年', '周九', '债务纠纷', '借款未还', null, '调解中', ''],
    ],
    ['A1:H1'],
  );
}

/** The grid as it looks after a host applied the plan: own headers and cells written in. */
function applied(grid: SheetGrid, job: LedgerJob): SheetGrid {
  const values = grid.values.map((r) => r.slice());
  for (const column of job.plan.columns) {
    (values[job.plan.headerBottom] ??= [])[column.col] = column.header;
    for (const cell of column.cells) {
      const row = (values[cell.row] ??= []);
      while (row.length < column.col) row.push(null);
      row[column.col] = cell.value;
    }
  }
  return { ...grid, values };
}

describe('runLedgerJob on a small ledger', () => {
  const grid = firstRunGrid();
  const before = JSON.parse(JSON.stringify(grid));
  const job = runLedgerJob({ ledger: grid }, OPTIONS);

  it('does not change the grid it was given', () => {
    expect(grid).toEqual(before);
  });

  it('finds the header under the title', () => {
    expect([job.plan.headerTop, job.plan.headerBottom, job.plan.firstDataRow, job.plan.lastDataRow]).toEqual([1, 1, 2, 7]);
  });

  it('gives every row its effective level and next revisit', () => {
    expect(job.disputes.map((d) => [d.record.row, d.triage.effective, d.record.status, shown(d.schedule.nextRevisit), d.schedule.overdueDays])).toEqual([
      [3, 'red', 'open', '2021-03-02', 15],
      [4, 'yellow', 'open', '2021-03-17', 0],
      [5, 'green', 'open', '2021-04-15', 0],
      [6, 'green', 'resolved', '2021-02-04', 41],
      [7, 'green', 'closed', null, 0],
      [8, 'green', 'open', null, 0],
    ]);
  });

  it('counts disputes, levels, revisits due today and overdue, and unreadable rows', () => {
    expect(job.counts).toEqual({
      disputes: 6,
      byLevel: { red: 1, yellow: 1, green: 4 },
      dueToday: 1,
      overdue: 2,
      unreadableRows: 1,
      needsReview: 0,
    });
  });

  it('reports the unreadable date and the row it leaves without a revisit, by cell', () => {
    expect(job.issues.map((i) => [i.code, i.row, i.cell])).toEqual([
      ['date.unreadable', 8, 'B8'],
      ['schedule.noDate', 8, 'B8'],
    ]);
  });

  it('places its columns right of the rightmost used cell, J5, with a manual column since the ledger has none', () => {
    expect(job.plan.columns.map((c) => [c.key, c.header, c.col, c.kind])).toEqual([
      ['suggested', '建议等级', 10, 'text'],
      ['reasons', '判定依据', 11, 'text'],
      ['nextRevisit', '下次回访日期', 12, 'date'],
      ['manual', '人工定级', 13, 'text'],
    ]);
  });

  // Rows 1–8 (0-based 0–7): the title, the header at 1, disputes 2–7.
  it.each<[string, number, { top: number; left: number; bottom: number; right: number }]>([
    ['an array formula on a dispute\'s row reaching to M', 13, { top: 3, left: 9, bottom: 3, right: 12 }],
    ['a table over the header and the disputes reaching to O', 15, { top: 1, left: 0, bottom: 7, right: 14 }],
    ['an array formula on the title row alone', 10, { top: 0, left: 9, bottom: 0, right: 20 }],
    ['a table below the ledger', 10, { top: 9, left: 0, bottom: 12, right: 20 }],
  ])('with %s, starts its columns at column %i: right of the area only where it reaches the rows written', (_name, first, area) => {
    const placed = runLedgerJob({ ledger: { ...firstRunGrid(), areasInUse: [area] } }, OPTIONS).plan.columns.map((c) => c.col);
    expect(placed).toEqual([first, first + 1, first + 2, first + 3]);
  });

  it('looks for the rows an area reaches without walking them: 5,000 array formulas over a million rows', () => {
    const grid = firstRunGrid();
    // One more dispute far down; the areas reach from the title to just above it.
    grid.values[999_999] = [7, '2021-03-01', '吴十', '邻里纠纷', '口角', null, '调解中', ''];
    const areas = Array.from({ length: 5_000 }, () => ({ top: 8, left: 20, bottom: 999_997, right: 30 }));
    const placed = runLedgerJob({ ledger: { ...grid, areasInUse: areas } }, OPTIONS).plan.columns.map((c) => c.col);
    expect(placed).toEqual([10, 11, 12, 13]);
  });

  it('takes the headers\' look from the user\'s last column left of the add-in\'s, a user\'s own 人工定级 left of the table not counted', () => {
    const grid = firstRunGrid();
    grid.values[1] = [...grid.values[1]];
    grid.values[1][2] = '人工定级';
    const { plan } = runLedgerJob({ ledger: grid }, OPTIONS);
    expect(plan.headerStyleFrom).toEqual({ row: 1, col: 7 });
  });

  it('writes the suggestion, the reasons and the next revisit of every dispute, and nothing in the manual column', () => {
    const [suggested, reasons, nextRevisit, manual] = job.plan.columns;
    expect(suggested.cells).toEqual([
      { row: 2, value: '红' },
      { row: 3, value: '黄' },
      { row: 4, value: '绿' },
      { row: 5, value: '绿（已化解）' },
      { row: 6, value: '绿（已销号）' },
      { row: 7, value: '绿' },
    ]);
    expect(reasons.cells.map((c) => c.value)).toEqual([
      '红：人身安全威胁：“一方持刀”',
      '黄：敏感类型：“土地纠纷”',
      '规则未触发预警',
      '已化解：转绿色定期回访',
      '已销号：不再回访',
      '规则未触发预警',
    ]);
    expect(nextRevisit.cells.map((c) => shown(c.value))).toEqual(['2021-03-02', '2021-03-17', '2021-04-15', '2021-02-04', null, null]);
    expect(manual.cells).toEqual([]);
  });

  it('colours the table from A to the manual column and puts the dropdown on the manual column', () => {
    expect(job.plan.levelFormat.range).toEqual({ top: 2, bottom: 7, left: 0, right: 13 });
    expect(job.plan.levelFormat.rules.map((r) => r.style)).toEqual(['red', 'yellow', 'green']);
    expect(job.plan.levelFormat.rules[0].formula).toBe(levelFormulas('$N3', '$K3').red);
    expect(job.plan.dropdown).toEqual({
      range: { top: 2, bottom: 7, left: 13, right: 13 },
      list: ['红', '黄', '绿'],
      title: '三色台账',
      prompt: '人工定级：红、黄或绿',
      error: '请填写 红、黄 或 绿',
    });
    expect(job.plan.overdueFormat.range).toEqual({ top: 2, bottom: 7, left: 12, right: 12 });
    // The overdue mark comes with the row's colour (LibreOffice shows one rule per cell), then alone.
    const overdue = 'AND(ISNUMBER($M3),$M3<TODAY())';
    const levels = levelFormulas('$N3', '$K3');
    expect(job.plan.overdueFormat.rules).toEqual([
      { formula: `AND(${overdue},${levels.red})`, style: 'overdue', fill: 'red', stopIfTrue: true },
      { formula: `AND(${overdue},${levels.yellow})`, style: 'overdue', fill: 'yellow', stopIfTrue: true },
      { formula: `AND(${overdue},${levels.green})`, style: 'overdue', fill: 'green', stopIfTrue: true },
      { formula: overdue, style: 'overdue', stopIfTrue: true },
    ]);
  });

  it('plans the due list and the meeting summary, and the state sheet', () => {
    expect(job.plan.reports.map((r) => r.name)).toEqual(['回访清单', '联席会议汇总']);
    expect(job.plan.state.sheet).toBe('_tricolor');
    expect(job.period).toEqual({ from: iso('2021-03-01'), to: AS_OF });
  });

  describe('run again on the sheet the first run wrote', () => {
    const second = applied(grid, job);
    // The user has since set row 3 to green by hand: below the suggested red.
    second.values[2][13] = '绿';
    const again = runLedgerJob({ ledger: second, stateRows: job.plan.state.rows }, OPTIONS);

    it('finds its own columns where it put them', () => {
      expect(again.layout.own).toEqual({ suggested: 10, reasons: 11, nextRevisit: 12, manual: 13 });
      expect(again.plan.columns.map((c) => [c.key, c.col])).toEqual([
        ['suggested', 10],
        ['reasons', 11],
        ['nextRevisit', 12],
        ['manual', 13],
      ]);
    });

    it('reads the manual level the user set in its manual column and flags it for review', () => {
      const d = again.disputes[0];
      expect([d.triage.suggested, d.triage.manual, d.triage.effective, d.triage.needsReview]).toEqual(['red', 'green', 'green', true]);
      expect(again.counts.needsReview).toBe(1);
      expect(again.counts.byLevel).toEqual({ red: 0, yellow: 1, green: 5 });
      expect(again.issues.map((i) => [i.code, i.row])).toEqual([
        ['level.manualBelowSuggested', 3],
        ['date.unreadable', 8],
        ['schedule.noDate', 8],
      ]);
      expect(again.issues[0].message).toBe('第 3 行人工定级为绿，低于建议的红，请复核');
    });

    it('moves the green revisit of row 3 to 30 days after registration', () => {
      expect(shown(again.disputes[0].schedule.nextRevisit)).toBe('2021-03-31');
    });

    it('still writes the suggestion, not the manual level, in 建议等级', () => {
      expect(again.plan.columns[0].cells[0]).toEqual({ row: 2, value: '红' });
    });
  });

  it('puts no manual column beside a ledger that has a level column, and points the formats at that column', () => {
    const withLevel = sheet([
      ['序号', '登记日期', '当事人', '纠纷类型', '风险等级'],
      [1, '2021-03-01', '张三', '邻里纠纷', '黄'],
    ]);
    const j = runLedgerJob({ ledger: withLevel }, OPTIONS);
    expect(j.plan.columns.map((c) => [c.key, c.col])).toEqual([
      ['suggested', 5],
      ['reasons', 6],
      ['nextRevisit', 7],
    ]);
    // The level column is the user's own, in their own words: no 红/黄/绿 dropdown is put on it.
    expect(j.plan.dropdown).toBeNull();
    expect(j.plan.levelFormat.rules[1].formula).toBe(levelFormulas('$E2', '$F2').yellow);
    expect(j.disputes[0].triage.effective).toBe('yellow');
  });

  it('refuses two ledgers side by side, naming the right one\'s column: its rows would take the left one\'s colours', () => {
    const values = [
      ['序号', '登记日期', '当事人', '纠纷类型', null, '序号', '登记日期', '当事人', '纠纷类型'],
      [1, '2021-03-01', '张三', '邻里纠纷', null, 1, '2021-03-02', '李四', '土地纠纷'],
    ];
    expect(() => runLedgerJob({ ledger: sheet(values) }, OPTIONS)).toThrow(
      '“Sheet1”的表头从 F 列起又出现了“序号”“登记日期”“当事人”等列名，像是并排放了两张台账：建议等级等列只能加在两张的最右边，整行上色也会把左边纠纷的颜色涂到右边那张上。请把右边的台账移到单独的工作表后再处理',
    );
  });

  it('reads a ledger whose 申请人 and 被申请人 each name 姓名, 身份证号, 联系电话, 住址 (their parents unmerged), saying the names repeat', () => {
    const values = [
      ['序号', '登记日期', '申请人', null, null, null, '被申请人', null, null, null, '纠纷类型', '简要情况'],
      [null, null, '姓名', '身份证号', '联系电话', '住址', '姓名', '身份证号', '联系电话', '住址', null, null],
      [1, '2021-03-01', '张三', '1', '2', '东村', '李四', '3', '4', '西村', '邻里纠纷', '口角'],
    ];
    const j = runLedgerJob({ ledger: sheet(values) }, OPTIONS);
    expect(j.disputes).toHaveLength(1);
    expect(j.issues.map((i) => i.code)).toContain('ledger.repeatedHeader');
  });

  it('reads a ledger with a second 备注 and a second 联系电话', () => {
    const values = [['序号', '登记日期', '当事人', '联系电话', '纠纷类型', '备注', '联系电话', '备注'], [1, '2021-03-01', '张三', '1', '邻里纠纷', '', '2', '']];
    expect(runLedgerJob({ ledger: sheet(values) }, OPTIONS).disputes).toHaveLength(1);
  });

  // [what, formula cells without value (0-based row, col), total the reader counted, language, what is said]
  it.each<[string, { row: number; col: number }[], number, 'zh' | 'en', string[]]>([
    [
      'cells of the disputes: named and counted, the first row pointed at',
      [
        { row: 3, col: 5 },
        { row: 4, col: 4 },
      ],
      2,
      'zh',
      ['“Sheet1”中有 2 个单元格是公式，但文件里没有公式的计算结果（如 F4、E5），这些单元格已按空白处理；保存这个文件的程序没有计算公式，请用 Excel、WPS 或 LibreOffice 打开它、保存后再处理'],
    ],
    ['one cell, in English', [{ row: 2, col: 1 }], 1, 'en', ['Formulas without a computed value in "Sheet1": 1 cell (e.g. B3), read as blank. The program that saved the file did not calculate its formulas: open it in Excel, WPS or LibreOffice, save it and process it again']],
    ['a total above the header, a note right of the table and a total below it: none the disputes’, nothing said', [{ row: 0, col: 2 }, { row: 2, col: 12 }, { row: 5, col: 5 }], 3, 'zh', []],
    [
      'more than the reader kept by address: said as at least',
      [{ row: 2, col: 1 }, { row: 3, col: 1 }],
      9000,
      'zh',
      ['“Sheet1”中至少有 2 个单元格是公式，但文件里没有公式的计算结果（如 B3、B4），这些单元格已按空白处理；保存这个文件的程序没有计算公式，请用 Excel、WPS 或 LibreOffice 打开它、保存后再处理'],
    ],
  ])('formulas without a value: %s', (_, cells, total, language, said) => {
    const ledger: SheetGrid = {
      ...sheet([['合计', null, null], ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '涉及人数'], [1, '2021-03-01', '张三', '邻里纠纷', '争吵', 2], [2, '2021-03-02', '李四', '土地纠纷', null, null], [3, '2021-03-03', '王五', '邻里纠纷', null, 1], ['合计', null, null, null, null, null]]),
      formulasWithoutValue: { cells, total },
    };
    const job = runLedgerJob({ ledger }, { ...OPTIONS, language });
    const issues = job.issues.filter((i) => i.code === 'ledger.formulaWithoutValue');
    expect(issues.map((i) => i.message)).toEqual(said);
    if (said.length) expect(issues[0]).toEqual({ code: 'ledger.formulaWithoutValue', row: cells[0].row + 1, message: said[0] });
    // Said of the sheet, not of a cell: no row counts as unreadable for it.
    expect(job.counts.unreadableRows).toBe(0);
  });

  it('says when the as-of date is before every registration (a year typed wrong), and not otherwise', () => {
    const ledger = sheet([['序号', '登记日期', '当事人', '纠纷类型'], [1, '2021-03-05', '张三', '邻里纠纷'], [2, '2021-03-09', '李四', '土地纠纷']]);
    const early = runLedgerJob({ ledger }, { ...OPTIONS, asOf: parseIsoDay('2020-03-10')! });
    expect(early.issues.filter((i) => i.code === 'schedule.asOfBeforeAll').map((i) => i.message)).toEqual([
      '截至日期 2020-03-10 早于台账中所有的登记日期（最早为 2021-03-05），统计与回访都无从算起；请检查截至日期或登记日期的年份',
    ]);
    expect(runLedgerJob({ ledger }, { ...OPTIONS, asOf: parseIsoDay('2021-03-06')! }).issues.map((i) => i.code)).not.toContain('schedule.asOfBeforeAll');
  });

  it('says which registration is after the as-of date when others are not, and schedules it from that day', () => {
    const ledger = sheet([['序号', '登记日期', '当事人', '纠纷类型'], [1, '2021-03-05', '张三', '邻里纠纷'], [2, '2022-03-05', '李四', '扬言报复邻居']]);
    const job = runLedgerJob({ ledger }, { ...OPTIONS, asOf: parseIsoDay('2021-03-10')! });
    expect(job.issues.filter((i) => i.code === 'date.registeredAfterAsOf').map((i) => [i.cell, i.message])).toEqual([
      ['B3', 'Sheet1!B3 的登记日期 2022-03-05 晚于截至日期 2021-03-10，已按截至日期当天登记排定回访；如果是笔误请改正'],
    ]);
    expect(job.disputes[1].schedule.nextRevisit).toBe(parseIsoDay('2021-03-10')! + DEFAULT_PRESET.cadenceDays[job.disputes[1].triage.effective]);
    const early = runLedgerJob({ ledger }, { ...OPTIONS, asOf: parseIsoDay('2021-03-01')! });
    expect(early.issues.map((i) => i.code)).not.toContain('date.registeredAfterAsOf');
  });

  it('throws LedgerNotFoundError on a sheet that is not a ledger, naming the sheet', () => {
    const notes = sheet([['会议记录'], ['时间：2021年3月1日']], [], { name: '备忘' });
    expect(() => runLedgerJob({ ledger: notes }, OPTIONS)).toThrow(LedgerNotFoundError);
    expect(() => runLedgerJob({ ledger: notes }, OPTIONS)).toThrow(/“备忘”/);
  });

  it('refuses a sheet whose rows already reach column XFD rather than write the columns past it', () => {
    const grid = firstRunGrid();
    grid.values[3][16383] = '备注到最后一列';
    expect(() => runLedgerJob({ ledger: grid }, OPTIONS)).toThrow(LedgerWriteError);
    expect(() => runLedgerJob({ ledger: grid }, OPTIONS)).toThrow('工作表“Sheet1”已用到 XFD 列，离最后一列（XFD）太近，右侧放不下“建议等级”等 4 列；请删除表格右侧不用的列后再试');
  });
});

// The conditional format must colour a row as the core levels it. For each manual text, a ledger
// row of each kind (red, yellow, green by the rules; resolved; closed) is run through the job, and
// the first level formula that holds for the written row (red, yellow, green: their priority) must
// be the dispute's effective level.
describe('the level formulas agree with the levels the core computes', () => {
  const MANUAL_TEXTS: CellValue[] = [
    '红', '黄', '绿', '红色', '黄色预警', '绿色', '高', '中', '低', '高风险', '中风险', '低风险', '重大', '较大', '一般',
    '一级', '二级', '三级', 'Ⅰ级', 'Ⅱ', 'Ⅲ级', 'RED', 'Yellow', 'green', '红转绿', '绿转黄', '中高', '较高',
    '', null, '无', '待定', '？', 1,
  ];
  const KINDS: [string, CellValue[]][] = [
    ['red by the rules', ['2021-03-10', '张三', '邻里纠纷', '一方持刀', '调解中']],
    ['yellow by the rules', ['2021-03-10', '李四', '土地纠纷', '地界争议', '调解中']],
    ['green by the rules', ['2021-03-10', '王五', '邻里纠纷', '噪音', '调解中']],
    ['resolved', ['2021-03-10', '赵六', '邻里纠纷', '一方持刀', '已化解']],
    ['closed', ['2021-03-10', '钱七', '邻里纠纷', '一方持刀', '已销号']],
  ];
  const rows: CellValue[][] = [['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '化解情况', '风险等级']];
  for (const manual of MANUAL_TEXTS) for (const [, cells] of KINDS) rows.push([rows.length, ...cells, manual]);
  const job = runLedgerJob({ ledger: sheet(rows) }, OPTIONS);
  const written = applied(sheet(rows), job).values;
  const [red, yellow, green] = job.plan.levelFormat.rules;

  it('lists the formulas red first, then yellow, then green', () => {
    expect([red.style, yellow.style, green.style]).toEqual(['red', 'yellow', 'green']);
  });

  const colourOf = (row: CellValue[]): Level | null =>
    formulaHolds(red.formula, row) ? 'red' : formulaHolds(yellow.formula, row) ? 'yellow' : formulaHolds(green.formula, row) ? 'green' : null;

  const cases = MANUAL_TEXTS.flatMap((manual, m) =>
    KINDS.map(([kind], k) => [`${JSON.stringify(manual)} on a dispute ${kind}`, job.disputes[m * KINDS.length + k]] as const),
  );
  it.each(cases)('colours %s as the core levels it', (_name, d) => {
    expect(colourOf(written[d.record.row - 1])).toBe(d.triage.effective);
  });

  it('reads each manual text as parseLevel does on open disputes', () => {
    const open = job.disputes.filter((d) => d.record.status === 'open');
    for (const d of open) expect(d.triage.manual).toBe(parseLevel(written[d.record.row - 1][6]));
  });

  it('leaves a row without a suggestion uncoloured', () => {
    expect(colourOf([null, null, null, null, null, null, '红', ''])).toBeNull();
  });
});

describe('previous meeting data that is damaged or not ours', () => {
  const header = ['tricolor-meeting-snapshots', 2];
  it.each<[string, CellValue[][], string[]]>([
    ['says nothing of data read whole', [header, ['kind', 'from', 'to', 'entries', 'data'], ['period', '2021-02-01', '2021-02-28', 1, 'id:X\t3\tr\to']], []],
    [
      'says how many places were damaged and skipped',
      [header, ['kind', 'from', 'to', 'entries', 'data'], ['period', '2021-02-01', '2021-02-28', 2, 'id:Y\t3\tpurple\to\nid:X\t4\tr\to'], ['tally', '2021-01-01', '2021-01-31', -7, 3]],
      ['上次会议数据（旧汇总.xlsx）有 2 处损坏，已跳过；汇总中“较上次会议变化”可能不全'],
    ],
    [
      'says data it cannot read was ignored',
      [['tricolor-meeting-snapshots', 3]],
      ['上次会议数据（旧汇总.xlsx）无法读取（不是本工具写出的格式或版本，或条目多得不像台账），已忽略，本次未与上次会议比较'],
    ],
    [
      'says nothing of damage in a meeting of this period or later, which is replaced and never compared with',
      [header, ['kind', 'from', 'to', 'entries', 'data'], ['period', '2021-03-01', '2021-03-31', 9, 'id:X\t3\tpurple\to']],
      [],
    ],
  ])('%s', (_, rows, notices) => {
    // id:X stands for a dispute of the ledger: data sharing none with it is another ledger's (below).
    const key = runLedgerJob({ ledger: firstRunGrid() }, OPTIONS).disputes[0].record.key;
    const ours = rows.map((row) => row.map((v) => (typeof v === 'string' ? v.replace('id:X', key) : v)));
    const job = runLedgerJob({ ledger: firstRunGrid(), previous: { rows: ours, source: '旧汇总.xlsx' } }, OPTIONS);
    expect(job.notices).toEqual(notices);
  });

  const foreign = (n: number): CellValue[][] => [
    header,
    ['kind', 'from', 'to', 'entries', 'data'],
    ['period', '2021-02-01', '2021-02-28', n, Array.from({ length: n }, (_, i) => `h:0000bee${i}\t${i + 3}\tr\to`).join('\n')],
    ['tally', '2021-01-01', '2021-01-31', 7, 3],
  ];

  it("is another ledger's when not one of its five disputes or more is this ledger's: neither compared with nor taken into the history", () => {
    const job = runLedgerJob({ ledger: firstRunGrid(), previous: { rows: foreign(5), source: '结果.xlsx' } }, OPTIONS);
    expect(job.notices).toEqual([
      '上次会议数据（结果.xlsx）中没有一件纠纷与本台账对得上，像是另一份台账的结果（或本台账的序号、当事人等已大改），本次未与它比较，也未沿用它的历次统计',
    ]);
    expect(job.previousIgnored).toBe(true);
    expect(job.summary.changes).toBeNull();
    expect(job.plan.state.rows.filter((r) => r[0] === 'tally').map((r) => r[1])).toEqual(['2021-03-01']);
  });

  it('is matched through the key an earlier version gave a 序号 written 2026-001', () => {
    const rows = [['序号', '登记日期', '当事人', '纠纷类型', '简要情况'], ...[1, 2, 3, 4, 5].map((n) => [`2026-00${n}`, '2021-02-0' + n, `张${n}`, '邻里纠纷', '口角'])];
    const stored = [1, 2, 3, 4, 5].map((n) => `id:2026-00${n}\t${n + 1}\tr\to`).join('\n');
    const previous = { rows: [header, ['kind', 'from', 'to', 'entries', 'data'], ['period', '2021-02-01', '2021-02-28', 5, stored]], source: '上月.xlsx' };
    const job = runLedgerJob({ ledger: sheet(rows), previous }, OPTIONS);
    expect(job.disputes[0].record.key).toMatch(/^h:/);
    expect([job.notices, job.summary.changes?.shared, job.summary.changes?.counts.deEscalated]).toEqual([[], 5, 5]);
  });

  it('keeps each of two disputes alike but for their texts with its own history when the table is sorted', () => {
    const header = ['序号', '登记日期', '当事人', '纠纷类型', '简要情况'];
    const threat = ['2021-001', '2021-02-03', '张三', '家庭纠纷', '张三扬言要砍死妻子'];
    const quarrel = ['2021-002', '2021-02-03', '张三', '家庭纠纷', '夫妻口角'];
    const february = runLedgerJob({ ledger: sheet([header, threat, quarrel]) }, { ...OPTIONS, asOf: iso('2021-02-26') });
    const march = runLedgerJob({ ledger: sheet([header, quarrel, threat]), stateRows: february.plan.state.rows }, { ...OPTIONS, asOf: iso('2021-03-01') });
    expect(march.summary.changes?.counts).toEqual({ newRed: 0, escalated: 0, deEscalated: 0, resolved: 0 });
    expect(march.summary.changes?.shared).toBe(2);
  });

  it('is compared with when its few disputes may all have gone from the ledger since', () => {
    const job = runLedgerJob({ ledger: firstRunGrid(), previous: { rows: foreign(4), source: '结果.xlsx' } }, OPTIONS);
    expect([job.notices, job.previousIgnored, job.summary.changes?.source]).toEqual([[], false, '结果.xlsx']);
  });
});

describe("the unit's name", () => {
  it('is cut to 60 characters when given longer, so no title or key outgrows a cell', () => {
    const job = runLedgerJob({ ledger: firstRunGrid() }, { ...OPTIONS, unit: '镇'.repeat(40_000) });
    expect(job.unit).toBe(`${'镇'.repeat(59)}…`);
  });
});

describe('a status the description states (a ledger with no status column)', () => {
  const grid = (description: string): SheetGrid =>
    sheet([
      ['登记日期', '纠纷类型', '简要情况'],
      ['2021-03-01', '邻里纠纷', description],
    ]);
  it.each<[string, string, string, Level]>([
    ['is the status when no red rule fires', '两家因排水沟争执，经村调委会调解，纠纷已化解', 'resolved', 'green'],
    ['closes a dispute', '两家因排水沟争执，经调解达成协议，已销号', 'closed', 'green'],
    ['yields to a red signal before it', '经调解双方达成协议，但王某事后仍扬言要砍死李某，纠纷已化解', 'open', 'red'],
  ])('%s', (_, description, status, level) => {
    const [dispute] = runLedgerJob({ ledger: grid(description) }, OPTIONS).disputes;
    expect({ status: dispute.record.status, level: dispute.triage.effective }).toEqual({ status, level });
  });
});

describe('a ledger whose header names no text or no status column says so once', () => {
  const row = ['2021-03-01', '张三', '邻里纠纷', '扬言要砍人', '已化解'];
  it.each<[string, string[], string[]]>([
    ['both found', ['登记日期', '当事人', '纠纷类型', '简要情况', '化解情况'], []],
    ['a title instead of a description', ['登记日期', '当事人', '纠纷类型', '事件名称', '化解情况'], []],
    ['a resolved flag instead of a status', ['登记日期', '当事人', '纠纷类型', '简要情况', '化解是否成功'], []],
    ['a resolution date instead of a status', ['登记日期', '当事人', '纠纷类型', '简要情况', '化解日期'], []],
    ['the text under a name no alias gives', ['登记日期', '当事人', '纠纷类型', '事情经过原委', '化解情况'], ['ledger.noTextColumn']],
    ['the status under a name no alias gives', ['登记日期', '当事人', '纠纷类型', '简要情况', '最终怎样了'], ['ledger.noStatusColumn']],
    ['neither', ['登记日期', '当事人', '纠纷类型', '事情经过原委', '最终怎样了'], ['ledger.noTextColumn', 'ledger.noStatusColumn']],
  ])('%s', (_case, header, codes) => {
    const job = runLedgerJob({ ledger: sheet([header, row, row.map((v) => (v === '张三' ? '李四' : v))], [], { name: '台账' }) }, OPTIONS);
    const said = job.issues.filter((i) => i.code === 'ledger.noTextColumn' || i.code === 'ledger.noStatusColumn');
    expect(said.map((i) => i.code)).toEqual(codes);
    for (const issue of said) {
      expect(issue.row).toBe(1);
      expect(issue.message).toContain('“台账”的表头中没有找到');
    }
  });
});
