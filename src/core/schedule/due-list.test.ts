import { parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeStatus, FieldName, Level, TriagedDispute } from '../model';
import { DEFAULT_PRESET } from '../rules';
import { buildDueList, UNASSIGNED_OWNER } from './due-list';
import { renderDueList } from './render-due-list';
import { scheduleRevisit } from './schedule';

const AS_OF = parseIsoDay('2021-03-17')!;
const CADENCE = DEFAULT_PRESET.cadenceDays;

interface Spec {
  level: Level;
  /** Days past due on AS_OF; negative when not yet due. */
  overdue: number;
  status?: DisputeStatus;
  text?: Partial<Record<FieldName, string>>;
}

/** A dispute on sheet row `row` whose revisit falls `overdue` days before AS_OF, through the real schedule. */
function item(row: number, spec: Spec): TriagedDispute {
  const lastRevisit = AS_OF - CADENCE[spec.level] - spec.overdue;
  const r = record({ row, registered: lastRevisit - 3, lastRevisit, status: spec.status ?? 'open', text: spec.text ?? {} });
  const effective: Level = r.status === 'open' ? spec.level : 'green';
  return {
    record: r,
    triage: { suggested: effective, reasons: [], manual: null, effective, needsReview: false },
    schedule: scheduleRevisit(r, effective, CADENCE, AS_OF),
  };
}

const WANG = { owner: '王警官' };
const LI = { owner: '李主任' };
const LEDGER: TriagedDispute[] = [
  item(2, { level: 'yellow', overdue: 3, text: WANG }),
  item(3, { level: 'red', overdue: 0, text: LI }),
  item(4, { level: 'red', overdue: 1, text: WANG }),
  item(5, { level: 'green', overdue: 10, text: WANG }),
  item(6, { level: 'yellow', overdue: 2, text: { ownerUnit: '司法所' } }),
  item(7, { level: 'green', overdue: 5 }),
  item(8, { level: 'red', overdue: -1, text: WANG }), // due tomorrow
  item(9, { level: 'green', overdue: 40, status: 'closed', text: WANG }), // closed: never due
  item(10, { level: 'red', overdue: 4, text: { ...LI, ownerUnit: '综治办' } }),
  item(11, { level: 'green', overdue: 1, status: 'resolved', text: { ownerUnit: '司法所' } }),
];

describe('buildDueList', () => {
  it('groups revisits due by owner, red first and most overdue first, groups by their most urgent item', () => {
    const groups = buildDueList(LEDGER, AS_OF);
    expect(groups.map((g) => [g.owner, g.items.map((d) => d.record.row)])).toEqual([
      ['李主任', [10, 3]],
      ['王警官', [4, 2, 5]],
      ['司法所', [6, 11]],
      [UNASSIGNED_OWNER, [7]],
    ]);
  });

  it('names the group of a dispute without owner or unit 未指定', () => {
    expect(UNASSIGNED_OWNER).toBe('未指定');
  });

  it('keeps ledger order between equally urgent disputes', () => {
    const groups = buildDueList([item(5, { level: 'red', overdue: 2, text: WANG }), item(3, { level: 'red', overdue: 2, text: WANG })], AS_OF);
    expect(groups[0].items.map((d) => d.record.row)).toEqual([3, 5]);
  });

  it('holds a revisit due today and not one due tomorrow', () => {
    const rows = buildDueList([item(2, { level: 'red', overdue: 0 }), item(3, { level: 'red', overdue: -1 })], AS_OF)
      .flatMap((g) => g.items.map((d) => d.record.row));
    expect(rows).toEqual([2]);
  });

  it('gives no groups when nothing is due', () => {
    expect(buildDueList([item(2, { level: 'green', overdue: -5 })], AS_OF)).toEqual([]);
  });

  it('does not reorder the disputes it is given', () => {
    const rows = LEDGER.map((d) => d.record.row);
    buildDueList(LEDGER, AS_OF);
    expect(LEDGER.map((d) => d.record.row)).toEqual(rows);
  });
});

describe('renderDueList', () => {
  const handling = DEFAULT_PRESET.handling;
  const disputes = [
    item(4, {
      level: 'red',
      overdue: 2,
      text: {
        owner: '王警官',
        parties: '张三、李四',
        place: '东村',
        phone: '13812345678',
        description: '张三（电话13812345678）与李四因宅基地争执',
      },
    }),
    item(5, { level: 'green', overdue: 0, status: 'resolved', text: { serial: '2021-07', owner: '王警官', parties: '欧阳娜娜', description: '欧阳娜娜讨要工钱' } }),
    item(6, { level: 'yellow', overdue: 1, text: { owner: '李调解员', parties: '赵六', description: '赵六讨要工钱' } }),
  ];
  const render = (mask: boolean, language: 'zh' | 'en' = 'zh') => renderDueList(buildDueList(disputes, AS_OF), { asOf: AS_OF, language, mask, handling });
  /** The cells of one sheet row by header, so a test reads what a person reads. */
  const byHeader = (sheetRow: number, mask = true, language: 'zh' | 'en' = 'zh') => {
    const sheet = render(mask, language);
    const headers = sheet.rows[2].map((c) => String(c.value));
    return Object.fromEntries(headers.map((h, i) => [h, sheet.rows[sheetRow][i]?.value]));
  };

  it('writes a title with the date as a Chinese paper writes it, the counts and the header', () => {
    const sheet = render(true);
    expect(sheet.name).toBe('回访清单');
    expect(sheet.rows[0][0].value).toBe('回访清单（截至2021年3月17日）');
    expect(sheet.rows[1][0].value).toBe('应回访3件，其中今日到期1件、逾期2件。红色每日、黄色每周、绿色定期回访；回访后请填写回访情况并签字，交回录入台账。');
    expect(sheet.rows[2].map((c) => c.value)).toEqual([
      '序号', '台账序号', '等级', '应回访日期', '逾期天数', '村(社区)', '当事人', '联系电话', '简要情况', '处置要求', '回访情况', '回访人签字', '回访日期',
    ]);
    expect(sheet.rows[3][0].value).toBe('责任人/单位：王警官（2件）');
  });

  it('masks names and phone numbers when mask is on, and leaves the columns to fill in by hand blank', () => {
    expect(byHeader(4)).toEqual({
      序号: 1, 台账序号: '第4行', 等级: '红', 应回访日期: '2021年3月15日', 逾期天数: 2, '村(社区)': '东村', 当事人: '张某、李某',
      联系电话: '138****5678', 简要情况: '张某（电话138****5678）与李某因宅基地争执', 处置要求: handling.red.zh, 回访情况: '', 回访人签字: '', 回访日期: '',
    });
  });

  it('refers to a dispute by the ledger’s own 序号, masks a compound surname and gives a resolved dispute the resolved handling', () => {
    expect(byHeader(5)).toMatchObject({ 台账序号: '2021-07', 等级: '绿', 逾期天数: '', 当事人: '欧阳某', 简要情况: '欧阳某讨要工钱', 处置要求: handling.resolved.zh });
  });

  it('starts each responsible person’s list on a new page, with a heading, and leaves room to write', () => {
    const sheet = render(true);
    expect(sheet.rows[6][0].value).toBe('责任人/单位：李调解员（1件）');
    expect(sheet.rowBreaks).toEqual([6]);
    expect(sheet.rowHeights?.[4]).toBeGreaterThanOrEqual(30);
  });

  it('shows names and numbers in full when masking is switched off', () => {
    expect(byHeader(4, false)).toMatchObject({ 当事人: '张三、李四', 联系电话: '13812345678', 简要情况: '张三（电话13812345678）与李四因宅基地争执' });
  });

  it('writes English labels', () => {
    const sheet = render(true, 'en');
    expect(sheet.rows[1][0].value).toBe('3 due: 1 due today, 2 overdue. Red daily, yellow weekly, green periodically; write what was found and sign.');
    expect(byHeader(4, true, 'en')).toMatchObject({ Level: 'Red', 'Due on': '2021-03-15', 'What to do': handling.red.en });
  });

  it('names the unit in each heading and adds a unit column when several units’ ledgers meet', () => {
    const unitOf = (d: (typeof disputes)[number]) => (d.record.row === 6 ? '青山镇司法所' : '青山镇派出所');
    const sheet = renderDueList(buildDueList(disputes, AS_OF, unitOf), { asOf: AS_OF, language: 'zh', mask: true, handling });
    expect(sheet.rows[2].map((c) => c.value)).toContain('单位');
    expect(sheet.rows[3][0].value).toBe('青山镇派出所　责任人/单位：王警官（2件）');
    expect(sheet.rows[6][0].value).toBe('青山镇司法所　责任人/单位：李调解员（1件）');
  });

  it('says so when nothing is due', () => {
    const sheet = renderDueList([], { asOf: AS_OF, language: 'zh', mask: true, handling });
    expect(sheet.rows[1][0].value).toBe('应回访0件，其中今日到期0件、逾期0件。红色每日、黄色每周、绿色定期回访；回访后请填写回访情况并签字，交回录入台账。');
    expect(sheet.rows[3][0].value).toBe('截至该日没有到期的回访。');
    expect(sheet.rowBreaks).toEqual([]);
  });
});
