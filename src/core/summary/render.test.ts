import { HANDOUT_TEXT_CHARS } from '../report';
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

/** The cells of the list row `offset` rows under the list header whose first cells are 序号 and then `second`, by header. */
function listRow(sheet: ReportSheet, header: string, offset = 1, occurrence = 0): Record<string, ReportCell> {
  const heads = sheet.rows.map((row, r) => ({ row, r })).filter(({ row }) => row[0]?.value === '序号' && row.some((c) => c.value === header));
  const { row, r } = heads[occurrence];
  return Object.fromEntries(row.map((cell, c) => [String(cell.value), sheet.rows[r + offset][c]]));
}

describe('renderMeetingSummary', () => {
  const unitSummary = buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous: null, units: ['城关镇派出所'] });
  const paper = renderMeetingSummary(unitSummary, { language: 'zh', mask: true });

  it('titles the paper with the unit and the period in Chinese dates, A4 landscape, title rows repeated', () => {
    expect(paper.name).toBe('联席会议汇总');
    expect(paper.rows[0]).toEqual([{ value: '城关镇派出所矛盾纠纷联席会议汇总表', style: 'title' }]);
    expect(paper.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: paper.columnWidths.length - 1 });
    expect(paper.rows[1][0].value).toBe('（2026年11月1日至11月30日，截至2026年11月30日）　小事不出村、大事不出镇、矛盾不上交');
    expect(paper.printTitleRows).toEqual([1, 2]);
    expect(paper.print).toEqual({ landscape: true, fitToWidth: true });
  });

  it('leaves blanks for the meeting’s time, place, chair and units, a 下步工作 block and the signatures', () => {
    const text = allText(paper);
    for (const blank of ['会议时间：', '会议地点：', '主持人：', '参会单位：城关镇派出所、', '下步工作', '制表人：', '审核人：', '日期：']) expect(text).toContain(blank);
    // The numbers call for steps: one open red, one yellow revisit overdue.
    expect(text).toContain('1件在办红色纠纷：');
    expect(text).toContain('1件红色、黄色纠纷逾期未回访');
  });

  it.each<[string, number, number]>([
    ['排查数（登记件数）', 4, 4],
    ['调处数', 3, 3],
    ['成功数（已化解）', 1, 1],
  ])('shows %s for the period beside its label, then the year to date', (labelText, period, ytd) => {
    expect(beside(zh, labelText, 3)).toEqual({ value: period, style: 'number' });
    expect(beside(zh, labelText, 4)).toEqual({ value: ytd, style: 'number' });
  });

  it('shows rates as fractions styled as percentages, a dash where a rate would divide by zero', () => {
    expect(beside(zh, '调处率', 3)).toEqual({ value: 0.75, style: 'percent' });
    expect(beside(zh, '成功率', 3)).toEqual({ value: 1 / 3, style: 'percent' });
    const empty = renderMeetingSummary(buildMeetingSummary([], { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    expect(beside(empty, '调处率', 3)).toEqual({ value: '—', style: 'number' });
  });

  it('says what each count counts: open disputes of any date, of which registered in the period, and the period by level', () => {
    const { r } = find(zh, '在办件数（全部）');
    expect(zh.rows[r].slice(3).map((c) => c.value)).toEqual(['在办件数（全部）', '其中本期登记', '本期登记件数（含已化解）']);
    expect(zh.rows[r + 1].map((c) => c.value)).toEqual(['红', '', '', 1, 1, 1]);
    expect(zh.rows[r + 4].map((c) => c.value)).toEqual(['合计', '', '', 3, 3, 4]);
  });

  it('gives each breakdown what the period registered and resolved and what is open now, with totals that agree with 一 and 二', () => {
    const { r } = find(zh, '四、按纠纷类型');
    expect(zh.rows[r + 1].map((c) => c.value)).toEqual(['纠纷类型', '', '', '本期登记', '本期已化解', '化解率', '在办红', '在办黄', '在办绿', '在办合计']);
    const total = zh.rows.slice(r).find((row) => row[0].value === '合计')!;
    expect(total.slice(3).map((c) => c.value)).toEqual([4, 1, 0.25, 1, 1, 1, 3]);
    for (const title of ['五、按村（社区）/单位', '六、按责任单位/责任人', '七、按化解方式（三调联动：人民调解、司法调解、行政调解）']) expect(find(zh, title)).toBeDefined();
  });

  it('draws a pie of the period by level and a bar chart by type over blank rows, fed by the sheet’s own cells', () => {
    expect(zh.charts?.map((c) => [c.kind, c.title])).toEqual([
      ['pie', '本期登记纠纷（按预警等级）'],
      ['bar', '本期登记纠纷（按类型）'],
    ]);
    const cells = (range: { top: number; left: number; bottom: number; right: number }) =>
      zh.rows.slice(range.top, range.bottom + 1).map((row) => row[range.left]?.value);
    const [pie, bar] = zh.charts!;
    expect(cells(pie.categories)).toEqual(['红', '黄', '绿']);
    expect(cells(pie.series[0].values)).toEqual([1, 1, 2]);
    expect(cells(bar.categories)).toEqual(['未填']);
    for (const chart of zh.charts!)
      for (let r = chart.anchor.top; r <= chart.anchor.bottom; r++) expect(zh.rows[r]).toEqual([]);
  });

  it('adds a chart of open reds and yellows over the meetings when earlier ones are known', () => {
    const s = buildMeetingSummary(disputes, {
      period: NOV,
      asOf: AS_OF,
      previous: null,
      history: [{ period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, red: 3, yellow: 5 }],
    });
    const sheet = renderMeetingSummary(s, { language: 'zh', mask: true });
    const trend = sheet.charts!.find((c) => c.title === '历次会议在办红色、黄色纠纷')!;
    expect(trend.series.map((x) => x.name)).toEqual(['在办红', '在办黄']);
    const values = trend.series.map((x) => sheet.rows.slice(x.values.top, x.values.bottom + 1).map((row) => row[x.values.left].value));
    expect(values).toEqual([
      [3, 1],
      [5, 1],
    ]);
  });

  it("masks the ledger's words quoted in a reason, not the rule's own name (严重或反复的家庭暴力 was cut to 严重或反复的（敏感信息略）)", () => {
    const reasons = [{ rule: 'yellow.familyViolence', level: 'yellow' as const, text: '黄：严重或反复的家庭暴力：“张三长期家暴”' }];
    const withFamily = [dispute(2, { registered: day(2026, 11, 3), level: 'yellow', reasons, text: disputes[0].record.text }), ...disputes.slice(1)];
    const sheet = renderMeetingSummary(buildMeetingSummary(withFamily, { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    expect(listRow(sheet, '判定依据')['判定依据'].value).toBe('黄：严重或反复的家庭暴力：“张某长期（敏感信息略）”');
  });

  it('lists each open red and yellow dispute by the ledger’s 序号, with days open, masked text and the reasons', () => {
    const reasons = [{ rule: 'red.threat', level: 'red' as const, text: '红：人身安全威胁：“张三扬言报复”' }];
    const withSerial = [dispute(2, { ...{ registered: day(2026, 11, 3), level: 'red' }, reasons, text: { ...disputes[0].record.text, serial: '249' } }), ...disputes.slice(1)];
    const sheet = renderMeetingSummary(buildMeetingSummary(withSerial, { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
    const row = listRow(sheet, '判定依据');
    expect(Object.fromEntries(Object.entries(row).map(([k, c]) => [k, c.value]))).toEqual({
      序号: '249',
      '村（社区）': '北村',
      预警等级: '红',
      登记日期: '2026年11月3日',
      在办天数: 27,
      简要情况: '张某与李某因债务纠纷，张某扬言报复，身份证号640422********1234，电话138****5678',
      判定依据: '红：人身安全威胁：“张某扬言报复”',
      '责任单位/责任人': '镇综治办/刘主任',
      应回访日期: '—',
      逾期天数: '',
      化解情况: '李某拒绝调解',
    });
    expect(row['预警等级'].style).toBe('red');
    // A ledger without a 序号 is referred to by row.
    expect(listRow(sheet, '判定依据', 2)['序号'].value).toBe('第4行');
  });

  it('lists every overdue red and yellow revisit, however many resolved greens are overdue', () => {
    const greens = Array.from({ length: 80 }, (_, i) =>
      dispute(10 + i, { registered: day(2026, 1, 1), status: 'resolved', overdueDays: 300 - i, nextRevisit: day(2026, 2, 1) }),
    );
    const reds = Array.from({ length: 14 }, (_, i) =>
      dispute(100 + i, { registered: day(2026, 11, 1), level: 'red', overdueDays: 1 + i, nextRevisit: day(2026, 11, 29 - i), text: { serial: `R${i}` } }),
    );
    const sheet = renderMeetingSummary(buildMeetingSummary([...greens, ...reds], { period: NOV, asOf: AS_OF, previous: null }), {
      language: 'zh',
      mask: true,
    });
    expect(allText(sheet)).toContain('逾期未回访共94件：红色14件、黄色0件（以下全部列出），绿色80件（见“回访清单”）。');
    const serials = Array.from({ length: 14 }, (_, i) => listRow(sheet, '逾期天数', i + 1, 1)['序号'].value);
    expect(new Set(serials)).toEqual(new Set(reds.map((d) => d.record.text.serial)));
  });

  it('says so when no previous meeting’s data was found, calling it 上次会议数据', () => {
    expect(allText(zh)).toContain('未找到上次会议数据');
    expect(allText(zh)).not.toContain('快照');
  });

  it('says which meeting it compared with and where that came from, and lists each change with its reason', () => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    const s: MeetingSummary = buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous, previousSource: '台账.tricolor.xlsx' });
    const sheet = renderMeetingSummary(s, { language: 'zh', mask: true });
    expect(beside(sheet, '新增红色', 3)).toEqual({ value: 1, style: 'number' });
    expect(allText(sheet)).toContain('与上次会议数据比较：上次会议期间2026年10月1日至10月31日（来自台账.tricolor.xlsx）。');
    const change = listRow(sheet, '变化原因');
    expect([change['类别'].value, change['原等级'].value, change['现等级'].value]).toEqual(['新增红色', '（新登记）', '红']);
  });

  it.each<[string, number, string]>([
    ['new, when registered after the last meeting', day(2026, 11, 3), '（新登记）'],
    ['not found, when registered before it (its party or type corrected since)', day(2026, 6, 20), '（上次未找到）'],
  ])('calls a red missing from the last meeting’s data %s', (_what, registered, was) => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    const red = dispute(5, { registered, level: 'red' });
    const sheet = renderMeetingSummary(buildMeetingSummary([red], { period: NOV, asOf: AS_OF, previous }), { language: 'zh', mask: true });
    expect(listRow(sheet, '变化原因')['原等级'].value).toBe(was);
  });

  it('never shows a party name, an ID or a phone number when masking', () => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    for (const language of ['zh', 'en'] as const) {
      const sheet = renderMeetingSummary(buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous }), { language, mask: true });
      const text = allText(sheet);
      for (const name of PARTY_NAMES) expect(text).not.toContain(name);
      expect(text).not.toContain('640422199001011234');
      expect(text).not.toContain('13812345678');
    }
  });

  it('writes no English in the Chinese paper', () => {
    const previous: MeetingSnapshot = { period: { from: day(2026, 10, 1), to: day(2026, 10, 31) }, entries: [] };
    const sheet = renderMeetingSummary(buildMeetingSummary(disputes, { period: NOV, asOf: AS_OF, previous }), { language: 'zh', mask: true });
    expect(allText(sheet)).not.toMatch(/[A-Za-z]/);
    expect(sheet.charts!.map((c) => c.title + c.series.map((x) => x.name).join(''))).not.toContainEqual(expect.stringMatching(/[A-Za-z]/));
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
    expect(en.rows[0][0].value).toBe('Joint meeting dispute summary');
    expect(beside(en, 'Registered', 3)).toEqual({ value: 4, style: 'number' });
    expect(find(en, 'Red')).toBeDefined();
  });
});

describe('a joint meeting of several units', () => {
  const held = [
    { ...disputes[0], heldBy: [{ unit: '青山镇派出所', row: 2, serial: '7' }, { unit: '青山镇司法所', row: 9, serial: '青司调〔2026〕45号' }] },
    { ...disputes[2], heldBy: [{ unit: '青山人民法庭', row: 4, serial: '（2026）X0123民诉前调12号' }] },
  ];
  const unitRows = [
    { unit: '青山镇派出所', disputes: 1, registered: 1, resolved: 0, resolvedRate: 0, open: { red: 1, yellow: 0, green: 0, total: 1 }, overdue: 0, shared: 1 },
    { unit: '青山镇司法所', disputes: 1, registered: 1, resolved: 0, resolvedRate: 0, open: { red: 1, yellow: 0, green: 0, total: 1 }, overdue: 0, shared: 1 },
    { unit: '青山人民法庭', disputes: 1, registered: 1, resolved: 0, resolvedRate: 0, open: { red: 0, yellow: 1, green: 0, total: 1 }, overdue: 1, shared: 0 },
  ];
  const units = unitRows.map((u) => u.unit);
  const sheet = renderMeetingSummary(buildMeetingSummary(held, { period: NOV, asOf: AS_OF, previous: null, units, unitRows }), { language: 'zh', mask: true });

  it('names every unit in the title and among the units present', () => {
    expect(sheet.rows[0][0].value).toBe('青山镇派出所、青山镇司法所、青山人民法庭三调联动联席会议矛盾纠纷汇总表');
    expect(allText(sheet)).toContain('参会单位：青山镇派出所、青山镇司法所、青山人民法庭、');
  });

  it('lists a dispute held by two units once, with both units and both numbers', () => {
    const row = listRow(sheet, '判定依据');
    expect([row['序号'].value, row['单位'].value]).toEqual(['7、青司调〔2026〕45号', '青山镇派出所、青山镇司法所']);
  });

  it('has a per-unit table whose total counts the shared dispute once, and charts the period by unit', () => {
    const { r } = find(sheet, '台账件数');
    const total = sheet.rows.slice(r).find((row) => row[0].value === '合计')!;
    expect(total.slice(3).map((c) => c.value)).toEqual([2, 2, 0, 0, 1, 1, 0, 1, 1]);
    expect(allText(sheet)).toContain('各单位台账共3件，其中1件纠纷同时记在两个以上单位的台账上，按一件统计');
    expect(sheet.charts!.map((c) => c.title)).toContain('本期登记纠纷（按单位）');
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
  /** 村（社区）, 简要情况 and 化解情况 of the first key case. */
  const keyCase = (sheet: ReportSheet): unknown[] => {
    const row = listRow(sheet, '判定依据');
    return [row['村（社区）'].value, row['简要情况'].value, row['化解情况'].value];
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
    // Column A of the place breakdown, then the 村（社区） column of the key cases, the overdue list and the changes.
    expect(omitted.map(([, c]) => c)).toEqual([0, 1, 1, 1]);
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

describe('renderMeetingSummary with a long ledger text', () => {
  // Cut before masking, the ID the cut falls in would have shown its first half as written.
  it('masks a long 简要情况 whole before cutting it to HANDOUT_TEXT_CHARS', () => {
    // Written in groups: no one run of digits for the cut to leave out whole.
    const id = '640422 19900101 1234';
    for (let shift = 1; shift < id.length; shift++) {
      const description = `${'纠'.repeat(HANDOUT_TEXT_CHARS - shift)}${id}后来又有争执`;
      const long = [dispute(2, { registered: day(2026, 11, 3), level: 'red', text: { place: '北村', parties: '张三', description } })];
      const paper = renderMeetingSummary(buildMeetingSummary(long, { period: NOV, asOf: AS_OF, previous: null }), { language: 'zh', mask: true });
      const brief = String(listRow(paper, '简要情况')['简要情况'].value);
      expect(brief).not.toMatch(/1990/);
      expect(brief.length).toBeLessThanOrEqual(HANDOUT_TEXT_CHARS + 1);
      expect(brief.endsWith('…')).toBe(true);
    }
  });
});
