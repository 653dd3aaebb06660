import { HEADER_SEARCH_ROWS, type CellValue, type FieldName } from '../model';
import { message } from '../messages';
import { detectLedger } from './detect';
import { sheet } from './fixtures';

/** The layout's fields as 'field → column letter', so expectations read like the sheet. */
function fieldLetters(fields: Partial<Record<FieldName, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, col] of Object.entries(fields)) out[field] = String.fromCharCode(65 + (col as number));
  return out;
}

const DATA_ROW: CellValue[] = [1, '2020-05-21', '张三', '邻里纠纷', '因排水问题发生口角', '调解中'];

describe('detectLedger finds the header block', () => {
  const HEADER: CellValue[] = ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '化解情况'];
  const headerOnRow = (row: number) => sheet([...Array.from({ length: row - 1 }, () => ['说明'] as CellValue[]), HEADER, DATA_ROW]);
  // [sheet row of the header, found]: as far down as the messages for a ledger not found say.
  it.each([
    [HEADER_SEARCH_ROWS, true],
    [HEADER_SEARCH_ROWS + 1, false],
  ])('a header on row %i is found: %s', (row, found) => {
    expect(detectLedger(headerOnRow(row))?.headerTop ?? null).toBe(found ? row - 1 : null);
  });
  it('the messages for a ledger not found name that row count', () => {
    expect(message('ledger.notFound', 'zh', { sheet: 'Sheet1' })).toContain(`前 ${HEADER_SEARCH_ROWS} 行内`);
    expect(message('ledger.noneInWorkbook', 'en')).toContain(`first ${HEADER_SEARCH_ROWS} rows`);
  });

  it.each<[string, CellValue[], number]>([
    ['the first of two blocks, though the second names one column more', [...HEADER, '回访日期'], 0],
    ['the first of two blocks whose headers are alike', HEADER, 0],
  ])('finds %s', (_what, second, top) => {
    expect(detectLedger(sheet([HEADER, DATA_ROW, DATA_ROW, ['下半年'], second, DATA_ROW]))?.headerTop).toBe(top);
  });

  it('finds the fuller of two header rows with no dispute between them (a template left above)', () => {
    expect(detectLedger(sheet([HEADER, [], [...HEADER, '回访日期', '涉及人数'], DATA_ROW]))?.headerTop).toBe(2);
  });

  it('finds the ledger below another table (a key-case list) whose names it shares only in part', () => {
    const keyCases = ['序号', '单位', '简要情况', '风险等级', '包案领导', '化解时限', '化解情况', '督办情况'];
    const ledger = ['序号', '登记日期', '当事人', '联系电话', '纠纷类型', '简要情况', '涉及人数', '风险等级', '化解情况', '回访日期', '责任人', '销号情况'];
    const values = [keyCases, [1, '派出所', '扬言报复', '红', '张书记', '2026-12-01', '调解中', '已督办'], [], ledger, [1, '2026-11-02', '刘某', '13800000000', '邻里纠纷', '口角', 2, null, '调解中', null, '王某', null]];
    expect(detectLedger(sheet(values))?.headerTop).toBe(3);
  });

  it('finds a header on row 1', () => {
    const layout = detectLedger(sheet([['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '化解情况'], DATA_ROW]));
    expect(layout).not.toBeNull();
    expect([layout!.headerTop, layout!.headerBottom, layout!.firstCol, layout!.lastCol]).toEqual([0, 0, 0, 5]);
    expect(fieldLetters(layout!.fields)).toEqual({
      serial: 'A', registered: 'B', parties: 'C', type: 'D', description: 'E', status: 'F',
    });
    expect(layout!.score).toBe(6);
  });

  it('finds a header on row 3 below a merged title and a 填报单位 / 填报日期 line', () => {
    const layout = detectLedger(
      sheet(
        [
          ['XX派出所矛盾纠纷排查化解工作台账'],
          ['填报单位：XX派出所', null, null, '填报日期：2020年6月1日'],
          ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '化解情况'],
          DATA_ROW,
        ],
        ['A1:F1', 'A2:C2', 'D2:F2'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([2, 2]);
    expect(fieldLetters(layout!.fields)).toEqual({
      serial: 'A', registered: 'B', parties: 'C', type: 'D', description: 'E', status: 'F',
    });
  });

  it('reads a 2-row header with 当事人 merged over 姓名 and 联系电话 and the other columns merged down', () => {
    const layout = detectLedger(
      sheet(
        [
          ['序号', '登记日期', '当事人', null, '纠纷类型', '简要情况'],
          [null, null, '姓名', '联系电话', null, null],
          [1, '2020-05-21', '张三', '13812345678', '邻里纠纷', '因排水问题发生口角'],
        ],
        ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:F2'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 1]);
    expect(fieldLetters(layout!.fields)).toEqual({
      serial: 'A', registered: 'B', parties: 'C', phone: 'D', type: 'E', description: 'F',
    });
    expect(layout!.labels.get(2)).toBe('当事人/姓名');
    expect(layout!.labels.get(3)).toBe('当事人/联系电话');
    expect(layout!.labels.get(0)).toBe('序号');
  });

  it('reads a 2-row header whose parent row has no vertical merges, the leaves all on the second row', () => {
    const layout = detectLedger(
      sheet(
        [
          ['基本信息', null, null, '化解工作', null],
          ['登记日期', '当事人', '纠纷类型', '化解情况', '责任人'],
          ['2020-05-21', '张三', '邻里纠纷', '调解中', '王警官'],
        ],
        ['A1:C1', 'D1:E1'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 1]);
    expect(fieldLetters(layout!.fields)).toEqual({ registered: 'A', parties: 'B', type: 'C', status: 'D', owner: 'E' });
    expect(layout!.labels.get(3)).toBe('化解工作/化解情况');
  });

  it.each<[string, CellValue[][], [number, number], Record<string, string>]>([
    [
      'read as merged when the merges were undone (当事人 in C1, D1 blank; 序号 in A1, A2 blank)',
      [['序号', '登记日期', '当事人', null, '纠纷类型', '化解结果', null, '回访'], [null, null, '姓名', '联系电话', null, '化解情况', '化解日期', '回访日期'], [1, '2020-05-21', '张三', '13812345678', '邻里纠纷', '已化解', '2020-06-01', '2020-06-10']],
      [0, 1],
      { serial: 'A', registered: 'B', parties: 'C', phone: 'D', type: 'E', status: 'F', resolvedOn: 'G', lastRevisit: 'H' },
    ],
    [
      'not when no cell of the row stands under a blank beside a heading (no group was merged there)',
      [['序号', '登记日期', '当事人', '纠纷类型'], [null, '化解日期', '姓名', null]],
      [0, 0],
      { parties: 'C', type: 'D' },
    ],
    [
      'not when a cell names no field (names of people)',
      [['序号', '登记日期', '当事人', null, '纠纷类型'], [null, null, '张三', '李四', null]],
      [0, 0],
      { parties: 'C', type: 'E' },
    ],
    [
      'not when the row holds data (a number)',
      [['序号', '登记日期', '当事人', null, '纠纷类型'], [null, null, '姓名', 13812345678, null]],
      [0, 0],
      { parties: 'C', type: 'E' },
    ],
  ])('reads a 2-row header without merges: %s', (_, rows, block, fields) => {
    const layout = detectLedger(sheet(rows));
    expect([layout!.headerTop, layout!.headerBottom]).toEqual(block);
    expect(fieldLetters(layout!.fields)).toMatchObject(fields);
  });

  it('tells 当事人/姓名 from 责任人/姓名 by their parents', () => {
    const layout = detectLedger(
      sheet(
        [
          ['序号', '当事人', null, null, '纠纷类型', '责任人', null],
          [null, '姓名', '身份证号', '联系电话', null, '姓名', '联系电话'],
          [1, '张三', '640422199001011234', '13812345678', '邻里纠纷', '王警官', '13900001111'],
        ],
        ['A1:A2', 'B1:D1', 'E1:E2', 'F1:G1'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 1]);
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', parties: 'B', idNumber: 'C', phone: 'D', type: 'E', owner: 'F' });
    expect(layout!.labels.get(5)).toBe('责任人/姓名');
    expect(layout!.unmapped).toEqual([6]);
  });

  it('reads a 3-row header: a group row, a field row and a leaf row', () => {
    const layout = detectLedger(
      sheet(
        [
          ['序号', '纠纷信息', null, null, null, '化解工作', null],
          [null, '登记日期', '当事人', null, '纠纷类型', '化解情况', '责任人'],
          [null, null, '姓名', '联系电话', null, null, null],
          [1, '2020-05-21', '张三', '13812345678', '邻里纠纷', '调解中', '王警官'],
        ],
        ['A1:A3', 'B1:E1', 'F1:G1', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 2]);
    expect(fieldLetters(layout!.fields)).toEqual({
      serial: 'A', registered: 'B', parties: 'C', phone: 'D', type: 'E', status: 'F', owner: 'G',
    });
    expect(layout!.labels.get(2)).toBe('纠纷信息/当事人/姓名');
  });

  it('does not take a title merged across the table right above the header as a parent row', () => {
    // A title without 台账 or 填报 in it: only its width tells it from a group heading.
    const layout = detectLedger(
      sheet(
        [
          ['2020年矛盾纠纷排查化解情况一览表'],
          ['序号', '登记日期', '当事人', '纠纷类型', '说明事项'],
          [1, '2020-05-21', '张三', '邻里纠纷', '无'],
        ],
        ['A1:E1'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([1, 1]);
    expect(layout!.labels.get(4)).toBe('说明事项');
    // The title's 化解情况 must not make an unknown column the status column.
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', registered: 'B', parties: 'C', type: 'D' });
    expect(layout!.unmapped).toEqual([4]);
  });

  it('finds a header on row 6 after five blank rows', () => {
    const layout = detectLedger(
      sheet([[], [null, null], [''], [], ['  '], ['序号', '登记日期', '当事人', '纠纷类型'], [1, '2020-05-21', '张三', '邻里纠纷']]),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([5, 5]);
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', registered: 'B', parties: 'C', type: 'D' });
  });

  it('does not take a first data row of short text under a 2-row header as a third header row', () => {
    // No serial number and a year-less date: every cell of the first dispute is short text.
    const layout = detectLedger(
      sheet(
        [
          ['登记日期', '当事人', null, '纠纷类型', '化解情况'],
          [null, '姓名', '联系电话', null, null],
          ['5月21日', '张三', '王五', '邻里纠纷', '调解中'],
        ],
        ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2'],
      ),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 1]);
  });

  it.each<[string, CellValue[][], string[], Record<string, string>]>([
    [
      'a group heading centred across its columns, not merged (当事人 over 姓名 and 联系电话)',
      [['序号', '登记日期', '当事人', null, '纠纷类型'], [null, null, '姓名', '联系电话', null], [1, '2020-05-21', '张三', '13812345678', '邻里纠纷']],
      ['A1:A2', 'B1:B2', 'E1:E2'],
      { parties: 'C', phone: 'D' },
    ],
    [
      'a unit under a column name ((万元) under 涉及金额)',
      [['序号', '登记日期', '当事人', '纠纷类型', '涉及金额'], [null, null, null, null, '（万元）'], [1, '2020-05-21', '张三', '邻里纠纷', 3.5]],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2'],
      { amount: 'E' },
    ],
    [
      'leaves with a hint after a colon (化解日期（格式：年-月-日）)',
      [['序号', '登记日期', '当事人', '纠纷类型', '化解情况', null], [null, null, null, null, '是否化解', '化解日期（格式：年-月-日）'], [1, '2020-05-21', '张三', '邻里纠纷', '是', '2020-06-01']],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1'],
      { resolvedFlag: 'E', resolvedOn: 'F' },
    ],
  ])('reads a 2-row header whose other columns are merged down, with %s', (_, rows, merges, fields) => {
    const layout = detectLedger(sheet(rows, merges));
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 1]);
    expect(fieldLetters(layout!.fields)).toMatchObject(fields);
  });

  it('reads a merged header alike when a damaged file repeats its merged areas and adds overlapping ones', () => {
    const rows: CellValue[][] = [
      ['序号', '登记日期', '当事人', null, '纠纷类型', '化解情况', null],
      [null, null, '姓名', '联系电话', null, '是否化解', '化解日期'],
      [1, '2020-05-21', '张三', '13812345678', '邻里纠纷', '是', '2020-06-01'],
    ];
    const merges = ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:G1'];
    const clean = detectLedger(sheet(rows, merges));
    expect(fieldLetters(clean!.fields)).toMatchObject({ parties: 'C', phone: 'D', resolvedFlag: 'F', resolvedOn: 'G' });
    // Areas that repeat change nothing; past sixteen in a row, its columns are indexed, and each
    // column still takes the first area that covers it, as a search in turn does (B1:C1 and
    // A1:C2 cover C2 first, not C1:D1, which covers row 1 only).
    expect(detectLedger(sheet(rows, [...merges, ...Array.from({ length: 20 }, () => merges).flat()]))).toEqual(clean);
    const overlapping = [...merges, 'B1:C1', 'A1:C2'];
    expect(detectLedger(sheet(rows, [...overlapping, ...Array.from({ length: 20 }, () => overlapping).flat()]))).toEqual(detectLedger(sheet(rows, overlapping)));
  });

  it.each<[string, CellValue[]]>([
    ['a serial number and a date', [1, '2020-05-21', '东湾村', '邻里纠纷', '因排水问题发生口角，调解未果', null]],
    ['short text only, under named columns', [null, '5月21日', '东湾村', '邻里纠纷', '口角', null]],
  ])('does not take the first dispute as a header row when a header cell is merged down into it (%s)', (_, firstDispute) => {
    const layout = detectLedger(
      sheet([['序号', '登记日期', '所属村', '纠纷类型', '简要情况', '回访日期'], firstDispute, [2, '2020-05-22', '西岭村', '土地纠纷', '地界', null]], ['F1:F2']),
    );
    expect([layout!.headerTop, layout!.headerBottom]).toEqual([0, 0]);
    expect(fieldLetters(layout!.fields)).toMatchObject({ serial: 'A', registered: 'B', type: 'D', description: 'E' });
  });
});

describe('detectLedger normalises header text', () => {
  it.each<[string, string, FieldName]>([
    ['ignores spaces inside a header', '登 记 日 期', 'registered'],
    ['reads a header in traditional characters', '登記日期', 'registered'],
    ['reads 聯繫電話 in traditional characters', '聯繫電話', 'phone'],
    ['reads 化解狀態 in traditional characters', '化解狀態', 'status'],
    ['ignores a line break inside a header', '登记\n日期', 'registered'],
    ['ignores a Windows line break inside a header', '登记\r\n日期', 'registered'],
    ['reads full-width brackets as half-width', '村（社区）', 'place'],
    ['ignores a trailing required-field star', '当事人*', 'parties'],
    ['ignores a leading required-field star', '*当事人', 'parties'],
    ['ignores a unit hint in brackets', '涉及金额（元）', 'amount'],
    ['ignores full-width spaces around a header', '　涉及人数　', 'headcount'],
  ])('%s', (_name, header, field) => {
    const layout = detectLedger(sheet([['序号', '纠纷类型', '简要情况', header], [1, '邻里纠纷', '口角', 'x']]));
    expect(layout!.fields[field]).toBe(3);
  });
});

// Every alias domain.md lists, and the usual name of the fields it gives no alias for (serial,
// address, counts, key person). Each header sits in a small ledger of three other fields;
// the context avoids the field under test so that only the header itself can give it.
const CONTEXT_A = ['序号', '纠纷类型', '当事人'];
const CONTEXT_B = ['登记日期', '简要情况', '备注'];

describe('detectLedger maps every alias of domain.md to its canonical field', () => {
  it.each<[string, FieldName]>([
    ['序号', 'serial'],
    ['事件名称', 'title'],
    ['案件标题', 'title'],
    ['事件简述', 'description'],
    ['纠纷简要情况', 'description'],
    ['矛盾纠纷简要情况', 'description'],
    ['简要情况', 'description'],
    ['基本情况', 'description'],
    ['事件类别', 'type'],
    ['纠纷类型', 'type'],
    ['纠纷类别', 'type'],
    ['矛盾纠纷类型', 'type'],
    ['调解类别', 'type'],
    ['发生日期', 'registered'],
    ['排查日期', 'registered'],
    ['登记日期', 'registered'],
    ['受理日期', 'registered'],
    ['受理时间', 'registered'],
    ['所属区域', 'place'],
    ['村(社区)', 'place'],
    ['所属村', 'place'],
    ['发生地', 'place'],
    ['所属网格', 'place'],
    ['单位', 'place'],
    ['当事人', 'parties'],
    ['主要当事人姓名', 'parties'],
    ['证件号码', 'idNumber'],
    ['身份证号', 'idNumber'],
    ['联系电话', 'phone'],
    ['联系方式', 'phone'],
    ['住址', 'address'],
    ['涉及人数', 'headcount'],
    ['涉及金额', 'amount'],
    ['争议标的', 'amount'],
    ['风险等级', 'manualLevel'],
    ['预警等级', 'manualLevel'],
    ['纠纷等级', 'manualLevel'],
    ['化解责任人', 'owner'],
    ['责任人', 'owner'],
    ['包案领导', 'owner'],
    ['化解方式', 'channel'],
    ['调解方式', 'channel'],
    ['化解是否成功', 'resolvedFlag'],
    ['化解状态', 'status'],
    ['状态', 'status'],
    ['化解情况', 'status'],
    // Names seen in other offices' ledgers (a sweep's): the text the rules read, and the status.
    ['纠纷内容', 'description'],
    ['矛盾纠纷内容', 'description'],
    ['纠纷概况', 'description'],
    ['具体情况', 'description'],
    ['情况简介', 'description'],
    ['事件概述', 'description'],
    ['主要矛盾', 'description'],
    ['警情摘要', 'description'],
    ['处警情况', 'description'],
    ['纠纷基本概况', 'description'],
    ['处理结果', 'status'],
    ['处理情况', 'status'],
    ['办理结果', 'status'],
    ['办结情况', 'status'],
    ['化解进展情况', 'status'],
    ['化解日期', 'resolvedOn'],
    ['化解时间', 'resolvedOn'],
    ['化解时限', 'deadline'],
    ['回访日期', 'lastRevisit'],
    ['回访时间', 'lastRevisit'],
    ['最近回访', 'lastRevisit'],
    ['回访情况', 'revisitNotes'],
    ['督办情况', 'supervision'],
    ['销号情况', 'closure'],
    ['调解次数', 'mediationCount'],
    ['报警次数', 'policeCalls'],
    ['重点人员', 'keyPerson'],
    ['备注', 'remarks'],
  ])('maps %s to %s', (header, field) => {
    const context = ['serial', 'type', 'parties'].includes(field) ? CONTEXT_B : CONTEXT_A;
    const layout = detectLedger(sheet([[...context, header]]));
    expect(layout!.fields[field]).toBe(3);
    expect(layout!.unmapped).toEqual([]);
  });

  it.each<[string, string[], Partial<Record<FieldName, number>>]>([
    ['案由 alone is the type', ['登记日期', '当事人', '案由', '简要情况'], { type: 2, description: 3 }],
    ['案由 beside a type column is the description', ['登记日期', '当事人', '纠纷类型', '案由'], { type: 2, description: 3 }],
    ['调解情况 beside 调解结果 is the description', ['登记日期', '当事人', '案由', '调解情况', '调解结果'], { type: 2, description: 3, status: 4 }],
    ['调解情况 beside a description is the status', ['登记日期', '当事人', '简要情况', '调解情况'], { description: 2, status: 3 }],
    ['当事人概况 is no description', ['登记日期', '当事人', '纠纷类型', '当事人概况'], { type: 2 }],
    ['稳控措施及进展 is no status', ['登记日期', '当事人', '纠纷类型', '稳控措施及进展'], { type: 2 }],
  ])('%s', (_case, header, expected) => {
    const layout = detectLedger(sheet([header]));
    expect(layout!.fields).toMatchObject(expected);
    if (_case.includes(' is no ')) expect(layout!.fields.description === 3 || layout!.fields.status === 3).toBe(false);
  });

  // A ledger with a person column keeps its unit column apart.
  it.each<[string]>([['责任单位'], ['化解组织'], ['受理机构']])('maps %s to ownerUnit beside a 责任人 column', (header) => {
    const layout = detectLedger(sheet([['序号', '纠纷类型', '责任人', header]]));
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', type: 'B', owner: 'C', ownerUnit: 'D' });
  });

  it('maps 责任单位 to owner when the ledger has no responsible person', () => {
    const layout = detectLedger(sheet([['序号', '纠纷类型', '当事人', '责任单位']]));
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', type: 'B', parties: 'C', owner: 'D' });
  });
});

describe('detectLedger rejects sheets that are not ledgers', () => {
  it.each<[string, CellValue[][]]>([
    ['an empty sheet', []],
    ['a sheet of blank rows', [[], [null, ''], []]],
    ['meeting notes', [['联席会议记录'], ['时间：2020年5月21日'], ['参会人员：张三、李四、王五'], ['会议议定：加强排查']]],
    ['a contact list with two field names', [['姓名', '联系电话'], ['张三', '13812345678']]],
    ['a table of numbers', [[1, 2, 3], [4, 5, 6]]],
    ['a contact list naming four fields but no dispute', [['姓名', '单位', '联系电话', '备注'], ['张三', '红河村', '13812345678', '']]],
    ['a purchase list with a date, an amount and a status', [['日期', '品名', '金额', '状态'], [43961, '纸', 500, '已付']]],
  ])('gives null for %s', (_name, values) => {
    expect(detectLedger(sheet(values))).toBeNull();
  });
});

describe("detectLedger recognises the add-in's own columns from an earlier run", () => {
  const ownHeaders = ['建议等级', '判定依据', '下次回访日期', '人工定级'];

  it('finds them in own and maps 人工定级 to manualLevel when the ledger has no level column', () => {
    const layout = detectLedger(sheet([['序号', '登记日期', '当事人', '纠纷类型', ...ownHeaders]]));
    expect(layout!.own).toEqual({ suggested: 4, reasons: 5, nextRevisit: 6, manual: 7 });
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', registered: 'B', parties: 'C', type: 'D', manualLevel: 'H' });
    expect(layout!.unmapped).toEqual([]);
    // Our own columns do not make a sheet look more like a ledger.
    expect(layout!.score).toBe(4);
  });

  it('keeps the ledger’s own level column as manualLevel and 人工定级 out of the fields', () => {
    const layout = detectLedger(sheet([['序号', '登记日期', '风险等级', '当事人', '纠纷类型', ...ownHeaders]]));
    expect(layout!.own).toEqual({ suggested: 5, reasons: 6, nextRevisit: 7, manual: 8 });
    expect(fieldLetters(layout!.fields)).toEqual({ serial: 'A', registered: 'B', manualLevel: 'C', parties: 'D', type: 'E' });
  });

  it('keeps the ledger’s level column even when 人工定级 stands left of it', () => {
    const layout = detectLedger(sheet([['序号', '人工定级', '登记日期', '当事人', '纠纷类型', '预警等级']]));
    expect(layout!.own).toEqual({ manual: 1 });
    expect(layout!.fields.manualLevel).toBe(5);
  });

  // The add-in writes 建议等级, 判定依据 and 下次回访日期 together: one of those names alone is the user's column.
  it.each<[string, CellValue[], Record<string, number>]>([
    ['a planned 下次回访日期 of the user’s', ['序号', '登记日期', '当事人', '纠纷类型', '下次回访日期'], {}],
    ['a 判定依据 of the user’s (a 司法所’s legal basis)', ['序号', '登记日期', '当事人', '纠纷类型', '判定依据', '简要情况'], {}],
    ['a 建议等级 of the user’s', ['序号', '建议等级', '登记日期', '当事人', '纠纷类型'], {}],
    ['two of them: the add-in’s, from an earlier run', ['序号', '登记日期', '当事人', '纠纷类型', '判定依据', '下次回访日期'], { reasons: 4, nextRevisit: 5 }],
    ['the user’s 下次回访日期 and the add-in’s three right of the table', ['序号', '下次回访日期', '当事人', '纠纷类型', '建议等级', '判定依据', '下次回访日期'], { suggested: 4, reasons: 5, nextRevisit: 6 }],
    ['a 建议等级 of the user’s right of the add-in’s four', ['序号', '登记日期', '当事人', '纠纷类型', ...ownHeaders, '建议等级'], { suggested: 4, reasons: 5, nextRevisit: 6, manual: 7 }],
    ['a 人工定级 of the user’s right of the add-in’s four', ['序号', '登记日期', '当事人', '纠纷类型', ...ownHeaders, '备注', '人工定级'], { suggested: 4, reasons: 5, nextRevisit: 6, manual: 7 }],
    ['the add-in’s four with a column the user put between them', ['序号', '登记日期', '当事人', '纠纷类型', '建议等级', '包案领导', '判定依据', '下次回访日期', '人工定级'], { suggested: 4, reasons: 6, nextRevisit: 7, manual: 8 }],
  ])('with %s', (_name, header, own) => {
    const layout = detectLedger(sheet([header]))!;
    expect(layout.own).toEqual(own);
    // Neither a field (a planned date is no revisit) nor written over: left as the user's, unmapped.
    const userOnes = header.flatMap((h, c) => (typeof h === 'string' && ['建议等级', '判定依据', '下次回访日期'].includes(h) && !Object.values(own).includes(c) ? [c] : []));
    for (const c of userOnes) {
      expect(Object.values(layout.fields)).not.toContain(c);
      expect(layout.unmapped).toContain(c);
    }
  });

  it('does not read 下次回访日期 as the last revisit, nor 建议等级 as a manual level', () => {
    const layout = detectLedger(sheet([['序号', '登记日期', '当事人', '回访日期', '建议等级', '下次回访日期', '纠纷类型']]));
    expect(layout!.fields.lastRevisit).toBe(3);
    expect(layout!.fields.manualLevel).toBeUndefined();
    expect(layout!.own).toEqual({ suggested: 4, nextRevisit: 5 });
  });

  it('finds own columns below a 2-row header', () => {
    const layout = detectLedger(
      sheet(
        [
          ['序号', '当事人', null, '纠纷类型', '建议等级', '判定依据'],
          [null, '姓名', '联系电话', null, null, null],
        ],
        ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2'],
      ),
    );
    expect(layout!.own).toEqual({ suggested: 4, reasons: 5 });
  });
});
