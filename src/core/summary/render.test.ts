import type { ReportCell, ReportSheet } from '../report';
import { buildMeetingSummary } from './build';
import { day, dispute } from './fixtures';
import { renderMeetingSummary } from './render';
import type { MeetingSnapshot, MeetingSummary, Period } from './types';

const NOV: Period = { from: day(2026, 11, 1), to: day(2026, 11, 30) };
const AS_OF = day(2026, 11, 30);

const disputes = [
  dispute(2, {
    registered: day(2026, 11, 3),
    level: 'red',
    deadline: day(2026, 12, 15),
    text: {
      place: '北村',
      parties: '张三、李四',
      description: '张三与李四因债务纠纷，张三扬言报复，身份证号640422199001011234，电话13812345678',
      owner: '刘主任',
      ownerUnit: '镇综治办',
      status: '李四拒绝调解',
      supervision: '县督办',
    },
  }),
  dispute(3, { registered: day(2026, 11, 10), status: 'resolved', text: { place: '东村', channel: '人民调解', parties: '王五' } }),
  dispute(4, {
    registered: day(2026, 11, 20),
    level: 'yellow',
    overdueDays: 4,
    nextRevisit: day(2026, 11, 26),
    text: { place: '东村', parties: '赵六', title: '赵六与王五土地纠纷', owner: '孙警官' },
  }),
  dispute(5, { registered: day(2026, 11, 21), text: { status: '调解中' } }),
];
const PARTY_NAMES = ['张三', '李四', '王五', '赵六'];

const summary = buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous: null });
const zh = renderMeetingSummary(summary, { language: 'zh', mask: true });

/** The 0-based position of the first cell whose value is `value`. */
function find(sheet: ReportSheet, value: string | number): { r: number; c: number } {
  for (let r = 0; r < sheet.rows.length; r++) {
    const c = sheet.rows[r].findIndex((cell) => cell.value === value);
    if (c >= 0) return { r, c };
  }
  throw new Error(`no cell ${value}`);
}
const beside = (sheet: ReportSheet, value: string, offset = 1): ReportCell => {
  const { r, c } = find(sheet, value);
  return sheet.rows[r][c + offset];
};
const allText = (sheet: ReportSheet): string =>
  sheet.rows.flatMap((row) => row.map((cell) => String(cell.value ?? ''))).join('\n');

describe('renderMeetingSummary', () => {
  it('names the sheet, merges the title across the nine columns and repeats the two title rows when printing', () => {
    expect(zh.name).toBe('联席会议汇总');
    expect(zh.rows[0]).toEqual([{ value: '联席会议矛盾纠纷汇总（2026-11-01 至 2026-11-30）', style: 'title' }]);
    expect(zh.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    expect(zh.rows[1]).toEqual([{ value: '截至 2026-11-30　　小事不出村、大事不出镇、矛盾不上交', style: 'subtitle' }]);
    expect(zh.printTitleRows).toEqual([1, 2]);
    expect(zh.print).toEqual({ landscape: true, fitToWidth: true });
    expect(zh.columnWidths).toHaveLength(9);
  });

  it('puts the unit name before the title', () => {
    const sheet = renderMeetingSummary(summary, { language: 'zh', mask: true, unitName: '城关镇' });
    expect(sheet.rows[0][0].value).toBe('城关镇联席会议矛盾纠纷汇总（2026-11-01 至 2026-11-30）');
  });

  it.each<[string, number, number]>([
    ['排查数', 4, 4],
    ['调处数', 3, 3],
    ['成功数', 1, 1],
  ])('shows %s for the period beside its label, then the year to date', (labelText, period, ytd) => {
    expect(beside(zh, labelText)).toEqual({ value: period, style: 'number' });
    expect(beside(zh, labelText, 2)).toEqual({ value: ytd, style: 'number' });
  });

  it('shows rates as fractions styled as percentages', () => {
    expect(beside(zh, '调处率')).toEqual({ value: 0.75, style: 'percent' });
    expect(beside(zh, '成功率')).toEqual({ value: 1 / 3, style: 'percent' });
  });

  it('shows a dash where a rate would divide by zero', () => {
    const empty = renderMeetingSummary(buildMeetingSummary([], { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    expect(beside(empty, '调处率')).toEqual({ value: '—', style: 'text' });
    expect(beside(empty, '成功率')).toEqual({ value: '—', style: 'text' });
  });

  it('gives each section a title, then a header row', () => {
    const { r } = find(zh, '三、按纠纷类型');
    expect(zh.rows[r][0].style).toBe('subtitle');
    expect(zh.rows[r + 1].map((c) => [c.value, c.style])).toEqual([
      ['纠纷类型', 'header'],
      ['件数', 'header'],
      ['成功数', 'header'],
      ['在办红', 'header'],
      ['在办黄', 'header'],
      ['在办绿', 'header'],
    ]);
  });

  it('lays out the key-case list as the 突出矛盾纠纷台账, with a styled level, a date deadline and masked text', () => {
    const { r } = find(zh, '责任单位/责任人（包案）');
    expect(zh.rows[r].map((c) => c.value)).toEqual(['序号', '单位/村', '简要情况', '等级', '责任单位/责任人（包案）', '化解时限', '化解情况', '督办情况', '销号情况']);
    expect(zh.rows[r + 1]).toEqual([
      { value: 1, style: 'number' },
      { value: '北村', style: 'wrap' },
      { value: '张某与李某因债务纠纷，张某扬言报复，身份证号640422********1234，电话138****5678', style: 'wrap' },
      { value: '红', style: 'red' },
      { value: '镇综治办/刘主任', style: 'wrap' },
      { value: day(2026, 12, 15), style: 'date' },
      { value: '李某拒绝调解', style: 'wrap' },
      { value: '县督办', style: 'wrap' },
      { value: '', style: 'wrap' },
    ]);
    expect(zh.rows[r + 2][2]).toEqual({ value: '赵某与王某土地纠纷', style: 'wrap' });
    expect(zh.rows[r + 2][3]).toEqual({ value: '黄', style: 'yellow' });
  });

  it('lists overdue revisits with the due date as a date', () => {
    expect(beside(zh, '逾期件数')).toEqual({ value: 1, style: 'number' });
    const { r } = find(zh, '应回访日期');
    expect(zh.rows[r + 1]).toEqual([
      { value: 4, style: 'number' },
      { value: '东村', style: 'text' },
      { value: '黄', style: 'yellow' },
      { value: '孙警官', style: 'text' },
      { value: day(2026, 11, 26), style: 'date' },
      { value: 4, style: 'number' },
    ]);
  });

  it('says so when there is no previous meeting snapshot', () => {
    expect(allText(zh)).toContain('无上次会议快照');
  });

  it('shows the change counts when there is a previous meeting', () => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    const s: MeetingSummary = buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous });
    const sheet = renderMeetingSummary(s, { language: 'zh', mask: true });
    expect(beside(sheet, '新增红色')).toEqual({ value: 1, style: 'number' });
    expect(allText(sheet)).toContain('上次会议期间：2026-10-01 至 2026-10-31');
  });

  it('never shows a party name when masking', () => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    for (const language of ['zh', 'en'] as const) {
      const sheet = renderMeetingSummary(buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous }), { language, mask: true });
      const text = allText(sheet);
      for (const name of PARTY_NAMES) expect(text).not.toContain(name);
      expect(text).not.toContain('640422199001011234');
      expect(text).not.toContain('13812345678');
    }
  });

  it('masks by default', () => {
    expect(renderMeetingSummary(summary, { language: 'zh' })).toEqual(zh);
  });

  it('shows the text as it is without masking', () => {
    const plain = renderMeetingSummary(summary, { language: 'zh', mask: false });
    expect(allText(plain)).toContain('张三与李四因债务纠纷，张三扬言报复，身份证号640422199001011234');
  });

  it('prints English labels in English', () => {
    const en = renderMeetingSummary(summary, { language: 'en', mask: true });
    expect(en.rows[0][0].value).toBe('Joint meeting dispute summary (2026-11-01 to 2026-11-30)');
    expect(beside(en, 'Registered')).toEqual({ value: 4, style: 'number' });
    expect(find(en, 'Red')).toBeDefined();
  });
});

describe('the overdue list in the handout', () => {
  it('prints the 50 most overdue revisits and says how many more are on the 回访清单 sheet', () => {
    const many = Array.from({ length: 53 }, (_, i) =>
      dispute(10 + i, { registered: day(2026, 10, 1), level: 'green', overdueDays: 100 - i, nextRevisit: day(2026, 10, 31), text: { place: '西村' } }),
    );
    const sheet = renderMeetingSummary(buildMeetingSummary(many, { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    const rowsListed = sheet.rows.filter((row) => row[1]?.value === '西村' && row[5]?.style === 'number');
    expect(rowsListed.map((row) => row[5].value)).toEqual(Array.from({ length: 50 }, (_, i) => 100 - i));
    expect(allText(sheet)).toContain('另有 3 件逾期回访未列出，完整名单见“回访清单”工作表');
  });
});

describe('handout masking of ledger text in the summary', () => {
  const REPRODUCTION = '张三系精神障碍患者(肇事肇祸),长期家暴,其未成年女儿王小花(12岁)受伤,住东村3组5号';
  const REPRODUCTION_MASKED = '张某系（敏感信息略）,长期（敏感信息略）,其（敏感信息略）女儿王某（年龄略）受伤,住（地址略）';
  const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
  const sheetOf = (place: string, mask: boolean) =>
    renderMeetingSummary(
      buildMeetingSummary(
        [
          dispute(2, {
            registered: day(2026, 11, 5),
            level: 'red',
            overdueDays: 2,
            nextRevisit: day(2026, 11, 28),
            text: { place, parties: '张三', address: '东村3组5号', description: REPRODUCTION, owner: '刘主任', status: '调解中，王小花已送医', supervision: '县督办' },
          }),
        ],
        { period: NOV, asOf: AS_OF, previous },
      ),
      { language: 'zh', mask },
    );
  /** 单位/村, 简要情况 and 化解情况 of the first key case. */
  const keyCase = (sheet: ReportSheet): unknown[] => {
    const row = sheet.rows[find(sheet, '责任单位/责任人（包案）').r + 1];
    return [row[1].value, row[2].value, row[6].value];
  };

  it.each<[string, string, boolean, unknown[]]>([
    [
      'leaves the address, sensitive labels, the child’s name and age out of the reviewer’s example, and masks the child in the status too',
      '东村',
      true,
      ['东村', REPRODUCTION_MASKED, '调解中，王某已送医'],
    ],
    ['shows the reviewer’s example as it is when masking is off', '东村', false, ['东村', REPRODUCTION, '调解中，王小花已送医']],
    ['keeps a villager group in the 单位/村 column', '东村3组', true, ['东村3组', REPRODUCTION_MASKED, '调解中，王某已送医']],
  ])('%s', (_name, place, mask, expected) => {
    expect(keyCase(sheetOf(place, mask))).toEqual(expected);
  });

  it('prints none of the reviewer’s example’s sensitive words anywhere', () => {
    const text = allText(sheetOf('东村', true));
    for (const word of ['张三', '王小花', '精神障碍', '肇事肇祸', '家暴', '未成年', '12岁', '东村3组5号']) expect(text).not.toContain(word);
  });

  it('leaves a house address in the place column out of the place breakdown, the key cases, the overdue list and the changes', () => {
    const sheet = sheetOf('东村3组5号', true);
    const omitted = sheet.rows.flatMap((row, r) => row.flatMap((cell, c) => (cell.value === '（地址略）' ? [[r, c]] : [])));
    expect(omitted.map(([, c]) => c)).toEqual([0, 1, 1, 2]);
    expect(allText(sheet)).not.toContain('东村3组5号');
  });
});

describe('the row\'s own address in the handout', () => {
  it('is left out of the key-case text even where no address pattern would find it', () => {
    const withAddress = [
      dispute(9, { registered: day(2026, 11, 20), level: 'red', text: { place: '北村', parties: '钱七', address: '老街粮站宿舍', description: '钱七住老街粮站宿舍，扬言报复' } }),
    ];
    const sheet = renderMeetingSummary(buildMeetingSummary(withAddress, { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    expect(allText(sheet)).not.toContain('老街粮站宿舍');
    expect(allText(sheet)).toContain('钱某住（地址略），扬言报复');
  });
});
