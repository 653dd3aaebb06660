import { formatDay, parseIsoDay } from '../cells';
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
      text: { owner: '王警官', parties: '张三、李四', place: '东村', type: '宅基地纠纷', description: '张三（电话13812345678）与李四因宅基地争执' },
    }),
    item(5, { level: 'green', overdue: 0, status: 'resolved', text: { owner: '王警官', parties: '欧阳娜娜', description: '欧阳娜娜讨要工钱' } }),
  ];
  const render = (mask: boolean, language: 'zh' | 'en' = 'zh') => renderDueList(buildDueList(disputes, AS_OF), { asOf: AS_OF, language, mask, handling });
  const values = (rowIndex: number, mask = true) => render(mask).rows[rowIndex].map((c) => c.value);

  it('writes a title, the counts and the header', () => {
    const sheet = render(true);
    expect(sheet.name).toBe('回访清单');
    expect(sheet.rows[0][0].value).toBe('回访清单（截至 2021-03-17）');
    expect(sheet.rows[1][0].value).toBe('应回访 2 件，其中今日到期 1 件、逾期 1 件。红色每日、黄色每周、绿色定期回访。');
    expect(sheet.rows[2].map((c) => c.value)).toEqual(['序号', '台账行', '等级', '应回访日期', '逾期天数', '村(社区)', '纠纷类型', '当事人', '简要情况', '上次回访', '处置要求']);
    expect(sheet.rows[3][0].value).toBe('责任人/单位：王警官（2 件）');
  });

  it('masks names and phone numbers in the parties and the summary when mask is on', () => {
    const [n, row, level, due, overdue, place, type, parties, summary, last, todo] = values(4);
    expect([n, row, level, overdue, place, type, parties, summary]).toEqual([1, 4, '红', 2, '东村', '宅基地纠纷', '张某、李某', '张某（电话138****5678）与李某因宅基地争执']);
    expect([formatDay(due as number), formatDay(last as number)]).toEqual(['2021-03-15', '2021-03-14']);
    expect(todo).toBe(handling.red.zh);
  });

  it('masks a compound surname as 欧阳某 and gives a resolved dispute the resolved handling', () => {
    const [, row, level, , overdue, , , parties, summary, , todo] = values(5);
    expect([row, level, overdue, parties, summary, todo]).toEqual([5, '绿', 0, '欧阳某', '欧阳某讨要工钱', handling.resolved.zh]);
  });

  it('shows names in full when masking is switched off', () => {
    expect(values(4, false).slice(7, 9)).toEqual(['张三、李四', '张三（电话13812345678）与李四因宅基地争执']);
  });

  it('writes English labels', () => {
    const sheet = render(true, 'en');
    expect(sheet.rows[1][0].value).toBe('2 due: 1 due today, 1 overdue. Red daily, yellow weekly, green periodically.');
    expect(sheet.rows[4][2].value).toBe('Red');
    expect(sheet.rows[4][10].value).toBe(handling.red.en);
  });

  it('says so when nothing is due', () => {
    const sheet = renderDueList([], { asOf: AS_OF, language: 'zh', mask: true, handling });
    expect(sheet.rows[1][0].value).toBe('应回访 0 件，其中今日到期 0 件、逾期 0 件。红色每日、黄色每周、绿色定期回访。');
    expect(sheet.rows[3][0].value).toBe('截至该日没有到期的回访。');
  });
});
