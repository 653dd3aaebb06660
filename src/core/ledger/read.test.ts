import { columnIndex, formatDay, parseIsoDay } from '../cells';
import type { CellValue, DisputeRecord, DisputeStatus, Level, SheetGrid } from '../model';
import { detectLedger } from './detect';
import { sheet } from './fixtures';
import { MAX_LEDGER_TEXT_CHARS, readRecords, type LedgerRead } from './read';

// One header for most tests; the letters are the columns RowIssues name.
//   A 序号  B 登记日期  C 当事人  D 纠纷类型  E 简要情况  F 涉及人数  G 涉及金额  H 风险等级
//   I 化解是否成功  J 化解情况  K 回访日期  L 化解日期  M 销号情况  N 调解次数  O 报警次数
const HEADER: CellValue[] = [
  '序号', '登记日期', '当事人', '纠纷类型', '简要情况', '涉及人数', '涉及金额', '风险等级',
  '化解是否成功', '化解情况', '回访日期', '化解日期', '销号情况', '调解次数', '报警次数',
];

/** A data row from cells named by column letter: line({ B: '2020-05-21', C: '张三' }). */
function line(cells: Record<string, CellValue>): CellValue[] {
  const row: CellValue[] = [];
  for (const [letter, value] of Object.entries(cells)) row[columnIndex(letter)] = value;
  for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return row;
}

const AS_OF = parseIsoDay('2021-03-01')!;

function read(grid: SheetGrid, asOf = AS_OF): LedgerRead {
  const layout = detectLedger(grid);
  if (!layout) throw new Error('no ledger');
  return readRecords(grid, layout, { asOf, language: 'zh' });
}

/** Reads one dispute written below HEADER on row 2 (plus any rows above the header). */
function one(cells: Record<string, CellValue>, options: { above?: CellValue[][]; date1904?: boolean; asOf?: number } = {}): DisputeRecord {
  const above = options.above ?? [];
  const result = read(sheet([...above, HEADER, line({ A: 1, C: '张三', ...cells })], [], { date1904: options.date1904 }), options.asOf);
  expect(result.records).toHaveLength(1);
  return result.records[0];
}

const shown = (day: number | null) => (day === null ? null : formatDay(day));

describe('readRecords reads registration dates', () => {
  it.each<[string, CellValue, boolean, string | null]>([
    ['reads a serial in the 1900 system', 43972, false, '2020-05-21'],
    ['reads a serial with a time of day', 43972.625, false, '2020-05-21'],
    ['reads a serial in the 1904 system', 42510, true, '2020-05-21'],
    ['reads 2020-05-21', '2020-05-21', false, '2020-05-21'],
    ['reads 2020/5/21', '2020/5/21', false, '2020-05-21'],
    ['reads 2020.5.21', '2020.5.21', false, '2020-05-21'],
    ['reads 2020年5月21日', '2020年5月21日', false, '2020-05-21'],
    ['reads full-width digits with a trailing space', '２０２０年５月２１日 ', false, '2020-05-21'],
    ['reads a blank as no date', '', false, null],
  ])('%s', (_name, value, date1904, expected) => {
    expect(shown(one({ B: value }, { date1904 }).registered)).toBe(expected);
  });

  it.each<[string, CellValue[][], string]>([
    ['takes the year of a title line for a year-less registration', [['2020年XX派出所矛盾纠纷排查化解工作台账']], '2020-05-21'],
    ['takes the year of a 填报日期 line', [['XX派出所矛盾纠纷排查化解工作台账'], ['填报单位：XX派出所', '填报日期：2020年6月1日']], '2020-05-21'],
    ['takes the year of a date serial above the header', [['填报日期', 43983]], '2020-05-21'],
  ])('%s', (_name, above, expected) => {
    expect(shown(one({ B: '5月21日' }, { above }).registered)).toBe(expected);
  });

  it.each<[string, CellValue[][], string, string]>([
    // A yearly ledger handed in early the next January.
    ['prefers the title year to the year of a later 填报日期', [['2020年矛盾纠纷排查化解工作台账'], ['填报日期：2021年1月5日']], '12月20日', '2020-12-20'],
    ['puts a date after the 填报日期 into the year before', [['矛盾纠纷排查化解工作台账'], ['填报日期：2021年1月5日']], '12月20日', '2020-12-20'],
    ['keeps a date before the 填报日期 in its year', [['矛盾纠纷排查化解工作台账'], ['填报日期：2021年1月5日']], '1月3日', '2021-01-03'],
    ['puts a date after a 填报日期 serial into the year before', [['填报日期', 44201]], '12月20日', '2020-12-20'],
  ])('%s', (_name, above, value, expected) => {
    expect(shown(one({ B: value }, { above }).registered)).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    // As of 2021-03-01, with no year above the header.
    ['takes the as-of year when the date has passed in it', '2月1日', '2021-03-01', '2021-02-01'],
    ['takes the as-of date itself', '3月1日', '2021-03-01', '2021-03-01'],
    // A registration cannot lie in the future: 5月21日 read on 1 March 2021 was last May.
    ['takes the year before when the as-of year would put it in the future', '5月21日', '2021-03-01', '2020-05-21'],
    ['reads 12月20日 in January as last December', '12月20日', '2021-01-10', '2020-12-20'],
  ])('%s', (_name, value, asOf, expected) => {
    expect(shown(one({ B: value }, { asOf: parseIsoDay(asOf)! }).registered)).toBe(expected);
  });

  it('prefers a full date in the cell over the year above the header', () => {
    expect(shown(one({ B: '2019-12-30' }, { above: [['2020年矛盾纠纷工作台账']] }).registered)).toBe('2019-12-30');
  });
});

describe('readRecords reads revisit and resolution dates', () => {
  it.each<[string, CellValue, CellValue, string | null]>([
    ['takes the latest of several revisit dates in one cell', '2020-05-21', '2020-06-01、2020-05-25', '2020-06-01'],
    ['takes the latest of revisits on separate lines', '2020-05-21', '2020.5.25\n2020.6.1\n2020.5.28', '2020-06-01'],
    ['gives a year-less revisit the registration year', '2020-05-21', '5月25日', '2020-05-25'],
    ['takes the latest of year-less revisits', '2020-05-21', '6月1日、5月25日回访', '2020-06-01'],
    ['moves a year-less revisit before registration into the next year', '2020-12-20', '1月5日', '2021-01-05'],
    ['reads year-less revisits across the new year', '2020-12-20', '12月28日、1月5日', '2021-01-05'],
    ['reads a revisit serial', '2020-05-21', 43983, '2020-06-01'],
    ['reads 未回访 as no revisit', '2020-05-21', '未回访', null],
  ])('%s', (_name, registered, revisits, expected) => {
    expect(shown(one({ B: registered, K: revisits }).lastRevisit)).toBe(expected);
  });

  it('takes the latest of more revisit dates than a call takes arguments (rows joined under one 序号), past the as-of date left out', () => {
    const many = `${Array(150_000).fill('2020-06-01').join('、')}、2020-07-01、2099-01-01`;
    const record = one({ B: '2020-05-21', K: many });
    expect(shown(record.lastRevisit)).toBe('2020-07-01');
  });

  it('gives a year-less revisit the title year when registration is year-less too', () => {
    const record = one({ B: '12月20日', K: '1月5日' }, { above: [['2020年矛盾纠纷排查化解工作台账']] });
    expect([shown(record.registered), shown(record.lastRevisit)]).toEqual(['2020-12-20', '2021-01-05']);
  });

  it('moves a year-less resolution date before registration into the next year', () => {
    expect(shown(one({ B: '2020-12-20', L: '1月5日' }).resolvedOn)).toBe('2021-01-05');
  });
});

describe('readRecords reads numbers', () => {
  it.each<[string, CellValue, number | null]>([
    ['reads 45人', '45人', 45],
    ['passes a number through', 45, 45],
    ['reads 三十余人', '三十余人', 30],
    ['reads 不详 as unknown', '不详', null],
    ['counts the people in 8户30人, not the households', '8户30人', 30],
    ['reads 约50余人', '约50余人', 50],
  ])('headcount: %s', (_name, value, expected) => {
    expect(one({ F: value }).headcount).toBe(expected);
  });

  it.each<[string, CellValue, number | null]>([
    ['reads 3万', '3万', 30000],
    ['reads 3.5万元', '3.5万元', 35000],
    ['reads 30,000元', '30,000元', 30000],
    ['reads 30000元', '30000元', 30000],
    ['passes a number through', 29999, 29999],
  ])('amount: %s', (_name, value, expected) => {
    expect(one({ G: value }).amount).toBe(expected);
  });
});

describe('readRecords reads the manual level', () => {
  it.each<[string, CellValue, Level | null]>([
    ['reads 红', '红', 'red'],
    ['reads 黄色', '黄色', 'yellow'],
    ['reads 绿', '绿', 'green'],
    ['reads 一般 as green', '一般', 'green'],
    ['reads 重大 as red', '重大', 'red'],
    ['reads a blank as no level', '', null],
  ])('%s', (_name, value, expected) => {
    expect(one({ H: value }).manualLevel).toBe(expected);
  });
});

describe('readRecords reads the status', () => {
  it.each<[string, Record<string, CellValue>, DisputeStatus]>([
    ['reads 调解中 as open', { J: '调解中' }, 'open'],
    ['reads 已化解 as resolved', { J: '已化解' }, 'resolved'],
    ['reads 已销号 as closed', { J: '已销号' }, 'closed'],
    ['reads a blank status as open', {}, 'open'],
    ['reads 是 in 化解是否成功 as resolved', { I: '是' }, 'resolved'],
    ['reads 否 in 化解是否成功 as open', { I: '否' }, 'open'],
    ['reads 是 with 已销号 as closed', { I: '是', J: '已销号' }, 'closed'],
    ['reads 是 with 已化解，待回访 as resolved', { I: '是', J: '已化解，待回访' }, 'resolved'],
    ['reads 否 with 调解中 as open', { I: '否', J: '调解中' }, 'open'],
    ['reads 是 with 已销号 in 销号情况 as closed', { I: '是', M: '已销号' }, 'closed'],
    ['reads 未销号 in 销号情况 as not closed', { I: '是', M: '未销号' }, 'resolved'],
    // The yes/no column says whether it was resolved; the text only adds 已销号 (domain.md).
    ['trusts 是 over a status text that sounds ongoing', { I: '是', J: '正在履行协议' }, 'resolved'],
    ['trusts 否 over a status text that sounds settled', { I: '否', J: '已化解' }, 'open'],
    ['reads 是 beside 未化解 as open (a contradiction: the reading that cannot miss a red)', { I: '是', J: '未化解' }, 'open'],
    ['reads 是 beside 部分化解 as open', { I: '是', J: '部分化解' }, 'open'],
    ['reads 是 beside 调解未果，已销号 as closed', { I: '是', J: '调解未果，已销号' }, 'closed'],
    ['reads a template\'s 是/否 left in the yes/no column by the text', { I: '是/否', J: '调解中' }, 'open'],
    ['falls back to the text when the yes/no cell is unreadable', { I: '不详', J: '已化解' }, 'resolved'],
    ['reads a 化解日期 with nothing else filled in as resolved', { L: '2020-06-01' }, 'resolved'],
  ])('%s', (_name, cells, expected) => {
    expect(one({ B: '2020-05-21', ...cells }).status).toBe(expected);
  });

  // A one-column ledger keeps the status in its description (cells/status.ts, statusStatedIn): the
  // reader notes it; the job takes it as the status only when no red rule fires (run-job.test.ts).
  it.each<[string, Record<string, CellValue>, DisputeStatus | undefined]>([
    ['a description closing with 已销号, no status filled in', { E: '两家因排水沟争执，经调解达成协议，已销号' }, 'closed'],
    ['a description closing with 纠纷已化解', { E: '双方曾因口角推搡，经调解握手言和，纠纷已化解' }, 'resolved'],
    ['no status when a status cell says something (it wins)', { E: '两家因排水沟争执，纠纷已化解', J: '调解中' }, undefined],
    ['no status from 已化解 in the middle of the story (history)', { E: '调解已化解后张某又反悔，扬言报复' }, undefined],
    ['no status from the start of a description (what follows may be new)', { E: '已化解。次日张某持刀到李某家中将李某砍伤' }, undefined],
  ])('notes the status stated in %s, leaving the status open', (_name, cells, stated) => {
    const record = one({ B: '2020-05-21', ...cells });
    expect({ stated: record.statedStatus, status: record.status }).toEqual({ stated, status: 'open' });
  });
});

describe('readRecords reads count columns', () => {
  // Counts written in the text (三次调解未果, 报警5次) are the rules' to read (text-numbers.ts): the
  // record holds what the columns say, so that a column always wins over the text.
  it.each<[string, Record<string, CellValue>, number | null, number | null]>([
    ['reads the count columns', { E: '三次调解未果，报警5次', N: 4, O: '2次' }, 4, 2],
    ['leaves a count written only in the text to the rules', { E: '邻里纠纷，三次调解未果，报警5次' }, null, null],
  ])('%s', (_name, cells, mediation, police) => {
    const record = one(cells);
    expect([record.mediationFailures, record.policeCalls]).toEqual([mediation, police]);
  });

  it('says whether the mediation column counts mediations held (调解次数) or failures (调解未果次数)', () => {
    expect(one({ N: 3 }).mediationColumn).toBe('attempts');
    const failures = read(sheet([HEADER.map((h) => (h === '调解次数' ? '调解未果次数' : h)), line({ A: 1, E: '邻里纠纷', N: 3 })]));
    expect(failures.records[0].mediationColumn).toBe('failures');
  });
});

describe('readRecords reads the rows of a table', () => {
  it('fills vertically merged data cells down to every row they cover', () => {
    const result = read(
      sheet(
        [
          HEADER,
          line({ A: 1, B: 43972, C: '张三', D: '土地纠纷' }),
          line({ A: 2, C: '李四' }),
          line({ A: 3, B: '2020-06-01', C: '王五' }),
        ],
        ['B2:B3', 'D2:D4'],
      ),
    );
    expect(result.records.map((r) => [r.row, shown(r.registered), r.text.type])).toEqual([
      [2, '2020-05-21', '土地纠纷'],
      [3, '2020-05-21', '土地纠纷'],
      [4, '2020-06-01', '土地纠纷'],
    ]);
  });

  it('reads a dispute written over several rows, its 序号 merged down over them, as one, its parties joined', () => {
    const result = read(
      sheet(
        [
          HEADER,
          line({ A: 1, B: '2020-05-21', C: '张三', D: '土地纠纷', E: '宅基地边界争议' }),
          line({ C: '李四' }),
          line({ C: '王五' }),
          line({ A: 2, B: '2020-06-01', C: '赵六', D: '邻里纠纷', E: '噪音' }),
          line({ C: '钱七' }),
          line({ A: 3, B: '2020-06-02', C: '孙八', D: '合同纠纷', E: '欠款' }),
        ],
        ['A2:A4', 'B2:B4', 'D2:D4', 'E2:E4', 'A5:A6', 'B5:B6', 'D5:D6', 'E5:E6'],
      ),
    );
    expect(result.records.map((r) => [r.row, r.text.parties, r.text.type])).toEqual([
      [2, '张三、李四、王五', '土地纠纷'],
      [5, '赵六、钱七', '邻里纠纷'],
      [7, '孙八', '合同纠纷'],
    ]);
    expect(result.lastDataRow).toBe(6);
  });

  it('reads such a dispute alike when a damaged file repeats its merged areas, each row joined once', () => {
    const rows = [
      HEADER,
      line({ A: 1, B: '2020-05-21', C: '张三', D: '土地纠纷', E: '宅基地边界争议' }),
      line({ C: '李四' }),
      line({ C: '王五' }),
      line({ A: 2, B: '2020-06-01', C: '赵六', D: '邻里纠纷', E: '噪音' }),
      line({ A: '合计' }),
    ];
    const merges = ['A2:A4', 'B2:B4', 'D2:D4', 'E2:E4', 'A6:O6'];
    const result = read(sheet(rows, [...merges, ...merges, ...merges]));
    expect(result).toEqual(read(sheet(rows, merges)));
    expect(result.records.map((r) => [r.row, r.text.parties])).toEqual([
      [2, '张三、李四、王五'],
      [5, '赵六'],
    ]);
  });

  it('counts the rows a serial merged past the last row with cells covers as the dispute\'s (a host may give merges past its rows)', () => {
    const result = read(sheet([HEADER, line({ A: 1, B: '2020-05-21', C: '张三', D: '土地纠纷' }), line({ C: '李四' })], ['A2:A5', 'D2:D5']));
    expect(result.records.map((r) => [r.row, r.text.parties, r.text.type])).toEqual([[2, '张三、李四', '土地纠纷']]);
    expect(result.lastDataRow).toBe(4);
  });

  it('skips totals, notes and signature lines below the table', () => {
    const result = read(
      sheet(
        [
          HEADER,
          line({ A: 1, B: '2020-05-21', C: '张三', F: 10 }),
          line({ A: 2, B: '2020-06-01', C: '李四', F: 20 }),
          line({ A: '合计', F: 30, G: '5万' }),
          line({ A: '注：红色为重大复杂纠纷，黄色为敏感纠纷' }),
          line({ A: '填报人：赵六        审核人：钱七' }),
        ],
        ['A5:O5', 'A6:O6'],
      ),
    );
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(result.lastDataRow).toBe(2);
    expect(result.issues).toEqual([]);
  });

  it('skips a totals row whose other cells hold words (共6件, 各类纠纷), by the 合计 in its 序号', () => {
    const result = read(
      sheet([
        HEADER,
        line({ A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷', E: '争吵' }),
        line({ A: 2, B: '2020-06-01', C: '李四', D: '土地纠纷', E: '边界' }),
        line({ A: '合计', C: '共2户', D: '各类纠纷', E: '共2件', F: 30 }),
      ]),
    );
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(result.issues).toEqual([]);
  });

  // [what the line is, the line]: each follows two disputes and must not become a third.
  it.each<[string, CellValue[]]>([
    ['合　计 with an ideographic space, and 共2件 and people where a dispute has them', line({ A: '合　计', E: '共2件', F: 900 })],
    ['总 计 with a space', line({ A: '总 计', E: '共2件', F: 900 })],
    ['本页小计', line({ A: '本页小计', E: '共2件', F: 900 })],
    ['本月合计', line({ A: '本月合计', F: 900 })],
    ['汇总, an Excel table’s totals row', line({ A: '汇总', D: 2, F: 64 })],
    ['累计', line({ A: '累计', E: '共2件', F: 900 })],
    ['合计： with the count run on', line({ A: '合计：共2件', F: 900 })],
    ['小计(件)', line({ A: '小计(件)', D: 2 })],
    ['Total', line({ A: 'Total', E: '2 disputes', F: 900 })],
    ['a totals label in the first filled column when 序号 is empty', line({ B: '合计', E: '共2件', F: 900 })],
    ['以下空白 in the first column', line({ A: '以下空白' })],
    ['（以下空白） in 简要情况', line({ E: '（以下空白）' })],
    ['a signer named after a space, not a colon', line({ A: '填表人 张三' })],
    ['a numbered remark', line({ A: '备注1.红色为重大纠纷' })],
    ['a section’s heading in 简要情况', line({ E: '二、已化解纠纷（共12件）' })],
    ['a section’s heading in the first column', line({ A: '（一）在办纠纷' })],
  ])('skips a line that is %s', (_, extra) => {
    const result = read(
      sheet([
        HEADER,
        line({ A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷', E: '争吵', F: 2 }),
        line({ A: 2, B: '2020-06-01', C: '李四', D: '土地纠纷', E: '边界', F: 3 }),
        extra,
      ]),
    );
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(result.issues).toEqual([]);
  });

  // [what follows the table, its rows, what is said]
  it.each<[string, CellValue[][], string[]]>([
    [
      'a list of key people under 附：',
      [line({ A: '附：重点人员名单' }), line({ C: '姓名', G: '联系电话' }), line({ C: '魏梅', G: '13800008153' }), line({ C: '姚国', G: '13800005538' })],
      ['“Sheet1”第 4 行“附：重点人员名单”起是附表，不是台账，其下 3 行未读取；如果其中有纠纷，请把它们移到该行上方'],
    ],
    [
      'a statistics block under 本月统计',
      [line({ A: '本月统计' }), line({ A: '红色', B: 15 }), line({ A: '黄色', B: 27 })],
      ['“Sheet1”第 4 行“本月统计”起是附表，不是台账，其下 2 行未读取；如果其中有纠纷，请把它们移到该行上方'],
    ],
    ['a heading with nothing a dispute would take below it: nothing said', [line({ A: '附件：' }), line({ A: '填报人：赵六' })], []],
  ])('ends the table at %s', (_, below, said) => {
    const result = read(
      sheet([HEADER, line({ A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷', E: '争吵' }), line({ A: 2, B: '2020-06-01', C: '李四', D: '土地纠纷', E: '边界' }), ...below]),
    );
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(result.issues.map((i) => i.message)).toEqual(said);
    expect(result.lastDataRow).toBe(2);
  });

  it('reads a dispute whose first filled cell begins 附 but that names its party, and the rows after it', () => {
    const result = read(sheet([HEADER, line({ A: '附：补录', B: '2020-05-21', C: '张三', E: '争吵' }), line({ A: 2, B: '2020-06-01', C: '李四', E: '边界' })]));
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(result.issues.filter((i) => i.code === 'ledger.appendixBelow')).toEqual([]);
  });

  // [what the line is, the line]: each is a dispute, however it begins.
  it.each<[string, CellValue[]]>([
    ['one whose account begins with 累计', line({ A: 3, B: '2020-06-02', C: '王五', E: '累计拖欠工资3万元' })],
    ['one with no 序号 whose account begins with 累计', line({ B: '2020-06-02', C: '王五', E: '累计拖欠工资3万元' })],
    ['one that says 以下空白 inside its account', line({ A: 3, B: '2020-06-02', C: '王五', E: '协议第三条以下空白处被涂改' })],
    ['one whose party, its first cell, is named 汇总… (a company)', line({ C: '汇总物流公司', E: '运费纠纷' })],
    ['one whose party, its first cell, is 汇总（中国）物流有限公司', line({ C: '汇总（中国）物流有限公司', E: '运费纠纷' })],
    ['one whose account, its first cell, begins 累计3次', line({ E: '累计3次到镇政府上访', F: 40 })],
    ['the last dispute, with 以下空白 written in its 备注', line({ A: 3, B: '2020-06-02', C: '王五', E: '欠款', O: '以下空白' })],
    ['one whose account, alone in its row, is written as a numbered point', line({ E: '一、王五与赵六因宅基地争执', F: 4 })],
  ])('reads %s', (_, extra) => {
    const result = read(sheet([HEADER, line({ A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷', E: '争吵' }), extra]));
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
  });

  it.each<[string, CellValue[]]>([
    ['as written', HEADER],
    ['with spaces around some names and its own columns beside', [...HEADER.slice(0, 3).map((h) => ` ${h} `), ...HEADER.slice(3), '建议等级', '判定依据']],
    ['in part (the block pasted from a narrower sheet)', ['序号', '登记日期', '当事人', '纠纷类型']],
  ])('skips the header pasted again inside the table (%s), and only that row', (_, copy) => {
    const result = read(
      sheet([
        HEADER,
        line({ A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷', E: '争吵' }),
        copy,
        line({ A: 2, B: '2020-06-01', C: '李四', D: '土地纠纷', E: '边界' }),
        // A dispute that names a column in one cell is still a dispute.
        line({ A: 3, B: '2020-06-02', C: '当事人', D: '纠纷类型', E: '王五称对方未按约定' }),
      ]),
    );
    expect(result.records.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(result.issues).toEqual([]);
  });

  it('skips a 合计 row and a signature line when the first column is the village', () => {
    const result = read(
      sheet(
        [
          ['村(社区)', '登记日期', '当事人', '纠纷类型', '涉及人数'],
          ['东村', '2020-05-21', '张三', '邻里纠纷', 3],
          ['合计', null, null, null, 3],
          ['填报人：赵六        审核人：钱七        填报日期：2020年6月30日'],
        ],
        ['A4:E4'],
      ),
    );
    expect(result.records.map((r) => r.row)).toEqual([2]);
  });

  it('reports a bad cell by its address and reads the rest of the row and of the ledger', () => {
    const result = read(
      sheet([
        ['XX派出所矛盾纠纷排查化解工作台账'],
        [],
        HEADER,
        line({ A: 1, B: '2020-05-21', C: '张三' }),
        line({ A: 2, B: '2020-05-22', C: '李四' }),
        line({ A: 3, B: '2020-05-23', C: '王五' }),
        line({ A: 4, B: '2020-05-24', C: '赵六' }),
        line({ A: 5, B: '去年夏天', C: '钱七', D: '邻里纠纷', F: '8人', H: '红' }),
        line({ A: 6, B: '2020-05-26', C: '孙八' }),
      ]),
    );
    expect(result.records.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'date.unreadable', row: 8, cell: 'B8' });
    expect(result.issues[0].message).toContain('Sheet1!B8');
    expect(result.issues[0].message).toContain('去年夏天');
    const bad = result.records[4];
    expect([bad.registered, bad.text.parties, bad.text.type, bad.headcount, bad.manualLevel]).toEqual([null, '钱七', '邻里纠纷', 8, 'red']);
    expect(shown(result.records[5].registered)).toBe('2020-05-26');
  });

  it.each<[string, Record<string, CellValue>, string, string]>([
    ['an unreadable amount', { G: '若干' }, 'number.unreadable', 'G2'],
    ['an unreadable level', { H: '待定' }, 'level.unreadable', 'H2'],
    ['an unreadable revisit cell', { K: '电话回访' }, 'date.unreadable', 'K2'],
    ['a date outside 1990–2100', { B: '2202-05-21' }, 'date.implausible', 'B2'],
    ['a revisit date outside 1990–2100, said once (not also as unreadable)', { K: 1 }, 'date.implausible', 'K2'],
    ['a revisit date after the as-of date (a planned date, or a typo)', { K: '2021-03-25' }, 'date.revisitAfterAsOf', 'K2'],
    ['a registration date that does not exist', { B: '2026-02-30' }, 'date.nonexistent', 'B2'],
    ['a revisit date that does not exist', { K: '2026年4月31日' }, 'date.nonexistent', 'K2'],
  ])('reports %s with the cell', (_name, cells, code, cell) => {
    const result = read(sheet([HEADER, line({ A: 1, B: '2020-05-21', C: '张三', ...cells })]));
    expect(result.records).toHaveLength(1);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([[code, cell]]);
  });

  it('does not count a revisit dated after the as-of date as made, and says so naming the cell', () => {
    const result = read(sheet([HEADER, line({ A: 1, B: '2021-02-01', C: '张三', K: '2021-02-20、2021-03-25' })]));
    expect(shown(result.records[0].lastRevisit)).toBe('2021-02-20');
    expect(result.issues.map((i) => i.message)).toEqual(['Sheet1!K2 的回访日期 2021-03-25 晚于截至日期 2021-03-01，未计为已回访；如果是计划回访的日期请另列一栏，如果是笔误请改正']);
  });

  it.each<[string, string, string]>([
    ['zh', '2026-02-30', 'Sheet1!B2 的日期“2026-02-30”不存在（2026年2月没有30日），请核对后改正'],
    ['zh', '2025/2/29', 'Sheet1!B2 的日期“2025/2/29”不存在（2025年2月没有29日），请核对后改正'],
    ['en', '2026-02-30', 'The date "2026-02-30" in Sheet1!B2 does not exist (February 2026 has no day 30); please check and correct it'],
  ])('says a date does not exist, not that it cannot be read (%s, %s)', (language, date, expected) => {
    const grid = sheet([HEADER, line({ A: 1, B: date, C: '张三' })]);
    const result = readRecords(grid, detectLedger(grid)!, { asOf: parseIsoDay('2026-11-30')!, language: language as 'zh' | 'en' });
    expect(result.issues.map((i) => i.message)).toEqual([expected]);
  });

  it('quotes no more than forty characters of a long cell in a message', () => {
    const long = '下周'.repeat(16_000);
    const grid = sheet([HEADER, line({ A: 1, B: long, C: '张三' })]);
    const result = readRecords(grid, detectLedger(grid)!, { asOf: parseIsoDay('2026-11-30')!, language: 'zh' });
    expect(result.issues.map((i) => i.message)).toEqual([`Sheet1!B2 的日期“${'下周'.repeat(20)}…”无法识别，请改为 2026-05-21 或 2026年5月21日 的写法`]);
  });

  it.each([
    ['cuts after forty characters, a character outside the Basic Multilingual Plane counted once', '𠮷'.repeat(50), `${'𠮷'.repeat(40)}…`],
    ['quotes forty such characters whole, with no mark of a cut', '𠮷'.repeat(40), '𠮷'.repeat(40)],
    ['never cuts a character in two', `${'下'.repeat(39)}${'𠮷'.repeat(5)}`, `${'下'.repeat(39)}𠮷…`],
  ])('%s', (_name, cell, quote) => {
    const grid = sheet([HEADER, line({ A: 1, B: cell, C: '张三' })]);
    const result = readRecords(grid, detectLedger(grid)!, { asOf: parseIsoDay('2026-11-30')!, language: 'zh' });
    expect(result.issues.map((i) => i.message)).toEqual([`Sheet1!B2 的日期“${quote}”无法识别，请改为 2026-05-21 或 2026年5月21日 的写法`]);
  });

  it('keeps cell text trimmed and half-width by field', () => {
    const record = one({ D: ' 婚姻家庭　', E: '双方因琐事争吵\n已调解' });
    expect(record.text).toMatchObject({ serial: '1', parties: '张三', type: '婚姻家庭', description: '双方因琐事争吵\n已调解' });
  });

  it.each<[string, string, string, string | RegExp]>([
    ['a 编号 with a dash', '编号', '2020-001', 'id:2020-001'],
    ['a 案件编号 with letters', '案件编号', 'TJ2020001', 'id:TJ2020001'],
    ['a case number written under 序号', '序号', '青司调〔2026〕31号', 'id:青司调〔2026〕31号'],
    ['a 序号 with letters', '序号', 'A-0012', 'id:A-0012'],
    // A place in the list, numbered again when a row is inserted or the table sorted.
    ['not a 序号 of digits and dashes', '序号', '2020-001', /^h:[0-9a-f]{8}$/],
    ['not a plain number', '编号', '2020001', /^h:[0-9a-f]{8}$/],
  ])('keys a dispute by its serial: %s', (_what, header, serial, key) => {
    const grid = sheet([[header, ...HEADER.slice(1)], line({ A: serial, B: 44228, C: '张三' })]);
    const [record] = read(grid).records;
    if (typeof key === 'string') expect(record.key).toBe(key);
    else expect(record.key).toMatch(key);
  });

  it('hashes a serial longer than any case number, so no key outgrows a cell of the state sheet', () => {
    expect(one({ A: `A${'1'.repeat(63)}` }).key).toBe(`id:A${'1'.repeat(63)}`);
    const long = one({ A: `A${'1'.repeat(32766)}` }).key;
    expect(long).toMatch(/^h:[0-9a-f]+$/);
    // …and still tells two rows apart by it.
    expect(one({ A: `B${'1'.repeat(32766)}` }).key).not.toBe(long);
  });

  it('gives the same key to a dispute that moved down a row', () => {
    const cells = { A: 1, B: '2020-05-21', C: '张三', D: '邻里纠纷' };
    const before = read(sheet([HEADER, line(cells)])).records[0];
    const after = read(sheet([HEADER, line({ A: 1, C: '李四' }), line({ ...cells, A: 2 })])).records[1];
    expect(after.key).toBe(before.key);
  });

  it('does not change the grid it reads', () => {
    const grid = sheet([HEADER, line({ A: 1, B: 43972, C: '张三', D: '土地纠纷' }), line({ A: 2, C: '李四' })], ['B2:B3', 'D2:D3']);
    const copy = JSON.parse(JSON.stringify(grid));
    read(grid);
    expect(grid).toEqual(copy);
  });
});

describe('readRecords reads closure', () => {
  const grid = (header: string[], row: CellValue[]) => ({ name: '台账', values: [header, row], merges: [], date1904: false });
  it.each<[string, string[], CellValue[], string]>([
    ['a 是 in a 是否销号 column closes it', ['登记日期', '纠纷类型', '化解是否成功', '是否销号'], [46000, '邻里纠纷', '是', '是'], 'closed'],
    ['a √ in a 销号情况 column closes it', ['登记日期', '纠纷类型', '化解是否成功', '销号情况'], [46000, '邻里纠纷', '是', '√'], 'closed'],
    ['a 否 in a 是否销号 column leaves it resolved', ['登记日期', '纠纷类型', '化解是否成功', '是否销号'], [46000, '邻里纠纷', '是', '否'], 'resolved'],
    ['已销号 written in the yes/no column closes it', ['登记日期', '纠纷类型', '化解是否成功'], [46000, '邻里纠纷', '已销号'], 'closed'],
  ])('%s', (_name, header, row, expected) => {
    const g = grid(header, row);
    const layout = detectLedger(g)!;
    expect(readRecords(g, layout, { asOf: 47000, language: 'zh' }).records[0].status).toBe(expected);
  });
});

describe('readRecords reads a unit in the amount header', () => {
  it.each<[string, string, CellValue, number]>([
    ['3.5 in 涉及金额（万元） is 35,000 yuan', '涉及金额（万元）', 3.5, 35000],
    ['"3.5" as text in 涉及金额(万元) is 35,000 yuan', '涉及金额(万元)', '3.5', 35000],
    ['3.5万 in 涉及金额（万元） keeps its own unit', '涉及金额（万元）', '3.5万', 35000],
    ['3500 in 涉及金额（元） is 3,500 yuan', '涉及金额（元）', 3500, 3500],
  ])('%s', (_name, header, value, expected) => {
    const g = { name: '台账', values: [['登记日期', '纠纷类型', header], [46000, '合同纠纷', value]], merges: [], date1904: false };
    expect(readRecords(g, detectLedger(g)!, { asOf: 47000, language: 'zh' }).records[0].amount).toBe(expected);
  });
});

describe('readRecords skips rows that are not disputes', () => {
  const header = ['村(社区)', '登记日期', '纠纷类型', '简要情况'];
  it.each<[string, CellValue[][], { top: number; left: number; bottom: number; right: number }[], number[]]>([
    ['a 共计 line', [header, ['东村', 46000, '邻里纠纷', '口角'], ['共计4件', null, null, null]], [], [2]],
    ['a note merged across the table', [header, ['东村', 46000, '邻里纠纷', '口角'], ['本表由村调委会按月报送，不含已移交案件', null, null, null]], [{ top: 2, left: 0, bottom: 2, right: 3 }], [2]],
    ['the column numbers printed under the header', [header, [1, 2, 3, 4], ['东村', 46000, '邻里纠纷', '口角']], [], [3]],
    ['column numbers written （1）（2）…', [header, ['（1）', '（2）', '（3）', '（4）'], ['东村', 46000, '邻里纠纷', '口角']], [], [3]],
    ['a 栏次 row: 甲 乙 1 2', [header, ['甲', '乙', 1, 2], ['东村', 46000, '邻里纠纷', '口角']], [], [3]],
    ['a row of units', [header, [null, '年月日', '（人）', '（次）'], ['东村', 46000, '邻里纠纷', '口角']], [], [3]],
    ['a units row, then the column numbers', [header, [null, '年月日', '（人）', '（次）'], ['一', '二', '三', '四'], ['东村', 46000, '邻里纠纷', '口角']], [], [4]],
    ['a line on how to fill the form in', [header, ['XX村', '填写格式：2026-01-01', '按类别填写', '简要写明起因、经过'], ['东村', 46000, '邻里纠纷', '口角']], [], [3]],
    ['the template\'s example line', [['序号', ...header], [1, '东村', 46000, '邻里纠纷', '口角'], ['例', 'XX村', '2026-01-01', '邻里纠纷', '张某与李某因宅基地边界发生争执']], [], [2]],
    ['the example line of a ledger with no 序号', [header, ['东村', 46000, '邻里纠纷', '口角'], ['示例：', '2026-01-01', '邻里纠纷', '张某与李某因宅基地边界发生争执']], [], [2]],
  ])('%s', (_name, values, merges, rows) => {
    const g = { name: '台账', values, merges, date1904: false };
    const read = readRecords(g, detectLedger(g)!, { asOf: 47000, language: 'zh' });
    expect(read.records.map((r) => r.row)).toEqual(rows);
    expect(read.issues).toEqual([]);
  });
});

describe('readRecords and the volume of a ledger\'s text', () => {
  // One 32,000-character text behind many cells, as a shared string can be: a few kilobytes of file.
  const long = '扬言要砍死'.repeat(6_400);
  const rows = (n: number) => Array.from({ length: n }, (_, i) => line({ A: i + 1, B: 44228, C: '张三', E: long }));

  it('reads a ledger whose text cells hold up to MAX_LEDGER_TEXT_CHARS', () => {
    const n = Math.floor(MAX_LEDGER_TEXT_CHARS / (long.length + 2));
    expect(read(sheet([HEADER, ...rows(n)])).records).toHaveLength(n);
  });

  it('counts a text merged down the column in every row it covers (one cell in the file, read into each)', () => {
    const n = Math.floor(MAX_LEDGER_TEXT_CHARS / (long.length + 2)) + 1;
    const merged = Array.from({ length: n }, (_, i) => line({ A: i + 1, B: 44228, C: '张三', E: i === 0 ? long : null }));
    expect(() => read(sheet([HEADER, ...merged], [`E2:E${n + 1}`]))).toThrow(expect.objectContaining({ code: 'ledger.tooMuchText' }));
  });

  it('refuses one that holds more, by the sheet\'s name, saying what to do', () => {
    const n = Math.floor(MAX_LEDGER_TEXT_CHARS / (long.length + 2)) + 1;
    expect(() => read(sheet([HEADER, ...rows(n)]))).toThrow(
      expect.objectContaining({ code: 'ledger.tooMuchText', message: expect.stringMatching(/^工作表“.*”的台账文字超过了本工具能处理的 100,000,000 个字符.*请按年度或按单位拆成几个文件/) }),
    );
  });
});

describe('a dispute written over many rows under one merged 序号', () => {
  it('joins each row\'s own text once, a name written twice joined once', () => {
    const n = 20_000;
    const rows = Array.from({ length: n }, (_, i) => line({ A: i === 0 ? 1 : null, B: i === 0 ? 44228 : null, C: `甲${i % (n / 2)}`, E: i === 0 ? '争执' : null }));
    const { records } = read(sheet([HEADER, ...rows], [`A2:A${n + 1}`]));
    expect(records).toHaveLength(1);
    // Each name once, though each is written twice.
    expect(records[0].text.parties!.split('、')).toHaveLength(n / 2);
  });
});

describe('a header met again below the first', () => {
  const dispute = (n: number) => line({ A: n, B: 44228, C: '张三', D: '邻里纠纷', E: '口角', F: 3, G: 8000 });
  const swap = (row: CellValue[], a: number, b: number) => row.map((v, i) => (i === a ? row[b] : i === b ? row[a] : v));
  const moved = (second: CellValue[]) => () => read(sheet([HEADER, dispute(1), dispute(2), second, dispute(3)]));

  it('is passed over when its columns are the first header\'s', () => {
    expect(read(sheet([HEADER, dispute(1), HEADER, dispute(2)])).records.map((r) => r.row)).toEqual([2, 4]);
  });

  it.each<[string, CellValue[]]>([
    ['涉及人数 and 涉及金额 swapped', swap(HEADER, 5, 6)],
    ['a column inserted', [...HEADER.slice(0, 4), '所属村', ...HEADER.slice(4)]],
    ['written from the second column', [null, ...HEADER]],
  ])('is refused, by its row and a column that moved, when its columns are not: %s', (_what, second) => {
    expect(moved(second)).toThrow(expect.objectContaining({ code: 'ledger.headerMoved' }));
  });

  it('says where, what moved and what to do', () => {
    expect(moved(swap(HEADER, 5, 6))).toThrow(
      '工作表“Sheet1”第 4 行又是一行表头，但列的位置与第 1 行的表头不同（如“涉及金额”在 G 列，这一行写在 F 列）：两段台账的列不一致，按上面的表头读下面的纠纷会读错。请把两段台账分到两个工作表，或把下面一段的列调成与上面一致，再处理',
    );
  });

  it.each<[string, CellValue[]]>([
    ['a small table below the ledger', ['所属村', '纠纷类型', '件数']],
    ['a signing line', ['责任人', null, '联系电话', null, '日期']],
  ])('is not seen in %s, which names too few of the header\'s columns', (_what, row) => {
    const header = ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '所属村', '责任人', '联系电话'];
    expect(() => read(sheet([header, line({ A: 1, B: 44228, C: '张三', D: '邻里纠纷', E: '口角' }), [], row]))).not.toThrow();
  });

  it('is passed over when a two-row header with one name under two parents (纠纷/日期, 调处/日期) comes again as it was', () => {
    const top = ['序号', '当事人', '纠纷', null, '调处', null, '简要情况'];
    const leaves = [null, null, '日期', '情况', '日期', '情况', null];
    const merges = ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:G2', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:F4', 'G4:G5'];
    const row = [1, '张三', 44228, '争吵', 44230, '调解中', '口角'];
    expect(read(sheet([top, leaves, row, top, leaves, row], merges)).records).toHaveLength(2);
  });

  it('is not seen in an appendix\'s own table below the ledger (附：重点人员名单)', () => {
    const appendix = ['序号', '当事人', '纠纷类型', '简要情况', '涉及人数', '涉及金额', '登记日期', '风险等级', '化解是否成功'];
    const result = read(sheet([HEADER, dispute(1), [], ['附：重点人员名单'], appendix, [1, '张三', '邻里纠纷', '扬言报复']]));
    expect(result.records.map((r) => r.row)).toEqual([2]);
  });

  it('is not seen in a dispute whose cells happen to hold two header names', () => {
    const odd = line({ A: 3, B: 44228, C: '张三', D: '涉及金额', E: '涉及人数', F: 3, G: 8000 });
    expect(read(sheet([HEADER, dispute(1), odd])).records).toHaveLength(2);
  });
});

describe('a dispute written over two rows with nothing merged', () => {
  // HEADER with the other side's 身份证号 and 联系电话 beside 当事人: P and Q.
  const header = [...HEADER, '身份证号', '联系电话'];
  const first = (n: number, text = '口角') => line({ A: n, B: 44228, C: '张三', D: '邻里纠纷', E: text, P: '330106199001010011', Q: '13900000000' });
  const otherSide = line({ C: '李四', P: '330106199202020022', Q: '13800000000' });

  it('takes a row of only the other party\'s details as part of the dispute above, and says so once', () => {
    const { records, issues } = read(sheet([header, first(1), otherSide, first(2), otherSide]));
    expect(issues.map((i) => i.message)).toEqual([
      '“Sheet1”有 2 行没有序号，只写了另一方当事人或“（续）”的文字，已各自并入上面一行的纠纷（第 3、5 行）；如果其中有单独的纠纷，请补上序号后再处理',
    ]);
    expect(records.map((r) => [r.row, r.text.parties])).toEqual([
      [2, '张三、李四'],
      [4, '张三、李四'],
    ]);
  });

  it('takes a row whose text says it goes on (（续）) as part of the dispute above, and reads its words there', () => {
    const { records } = read(sheet([header, first(1), line({ E: '（续）双方情绪激动，一方扬言要砍人' }), first(2)]));
    expect(records.map((r) => r.row)).toEqual([2, 4]);
    expect(records[0].text.description).toBe('口角、(续)双方情绪激动,一方扬言要砍人');
  });

  it.each<[string, CellValue[]]>([
    ['a row with a date of its own', line({ B: 44230, C: '王五', E: '争吵' })],
    ['a row with a text of its own', line({ C: '王五', E: '争吵' })],
    ['a row with a type of its own', line({ C: '王五', D: '合同纠纷' })],
    ['a row not yet numbered whose text begins 接上级交办', line({ B: 44230, C: '王五', D: '家庭纠纷', E: '接上级交办：王五扬言要杀死妻子' })],
    ['a row whose text begins 接上访人反映', line({ E: '接上访人反映，两户因宅基地争执' })],
    ['a （续） row with a date of its own', line({ B: 44230, E: '（续）双方再次发生争执' })],
  ])('reads %s as a dispute of its own', (_what, row) => {
    expect(read(sheet([header, first(1), row])).records).toHaveLength(2);
  });

  it('joins nothing across a note merged across the table', () => {
    const note = line({ A: '注：以下为转办纠纷' });
    const { records } = read(sheet([header, first(1), note, otherSide], [`A3:Q3`]));
    expect(records.map((r) => r.row)).toEqual([2, 4]);
  });

  it('joins nothing across a blank row, nor in a ledger with no 序号 column', () => {
    expect(read(sheet([header, first(1), [], otherSide])).records).toHaveLength(2);
    const noSerial = sheet([header.slice(1), first(1).slice(1), otherSide.slice(1)]);
    expect(read(noSerial).records).toHaveLength(2);
  });
});

describe('风险等级 kept as ticks in 红 | 黄 | 绿 columns under it', () => {
  const top = ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '风险等级', null, null];
  const leaves = [null, null, null, null, null, '红', '黄', '绿'];
  const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:H1'];
  const dispute = (ticks: CellValue[]) => [1, 44228, '张三', '邻里纠纷', '口角', ...ticks];

  it.each<[string, CellValue[], Level | null]>([
    ['a tick under 红', ['√', null, null], 'red'],
    ['a tick under 黄', [null, '√', null], 'yellow'],
    ['a tick under 绿', [null, null, '✓'], 'green'],
    ['a 1 under 黄', [null, 1, null], 'yellow'],
    ['two ticks: the higher, so none is missed', [null, '√', '√'], 'yellow'],
    ['no tick', [null, null, null], null],
  ])('reads %s', (_what, ticks, level) => {
    const result = read(sheet([top, leaves, dispute(ticks)], merges));
    expect(result.records[0].manualLevel).toBe(level);
    expect(result.issues).toEqual([]);
  });

  it('reads the highest of two ticks whatever the columns\' order', () => {
    const result = read(sheet([top, [null, null, null, null, null, '绿', '黄', '红'], dispute(['√', null, '√'])], merges));
    expect(result.records[0].manualLevel).toBe('red');
  });

  it.each<[string, CellValue[], Level]>([
    ['高 | 中 | 低: a tick under 中', [null, '√', null], 'yellow'],
    ['高 | 中 | 低: a tick under 高', ['√', null, null], 'red'],
  ])('reads %s', (_what, ticks, level) => {
    const result = read(sheet([top, [null, null, null, null, null, '高', '中', '低'], dispute(ticks)], merges));
    expect(result.records[0].manualLevel).toBe(level);
    expect(result.issues).toEqual([]);
  });
});

describe('a column for each revisit', () => {
  const header = ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '第一次回访日期', '第一次回访情况', '第二次回访日期', '第二次回访情况', '下次回访日期'];
  const dispute = (first: CellValue, second: CellValue, planned: CellValue = null) => [1, '2021-01-05', '张三', '邻里纠纷', '口角', first, '稳定', second, '稳定', planned];

  it.each<[string, CellValue[], string | null]>([
    ['the later of two revisits', dispute('2021-01-07', '2021-02-10'), '2021-02-10'],
    ['the first when there was no second', dispute('2021-01-07', null), '2021-01-07'],
    ['the second alone', dispute(null, '2021-02-10'), '2021-02-10'],
    ['not a planned date', dispute('2021-01-07', null, '2021-02-20'), '2021-01-07'],
  ])('counts %s', (_what, row, last) => {
    const { records } = read(sheet([header, row]));
    expect(shown(records[0].lastRevisit)).toBe(last);
  });

  it.each(['下步回访日期', '预定回访日期', '约定回访时间', '到期回访日期', '最迟回访日期', '应回访日期'])('counts no date planned under %s', (planned) => {
    const { records } = read(sheet([[...header.slice(0, 9), planned], dispute('2021-01-07', null, '2021-02-20')]));
    expect(shown(records[0].lastRevisit)).toBe('2021-01-07');
  });

  it('says a revisit dated after the as-of day in whichever column it is', () => {
    const { issues } = read(sheet([header, dispute('2021-01-07', '2021-05-10')]));
    expect(issues.map((i) => i.cell)).toEqual(['H2']);
  });
});
