import { writeXlsx } from '../../../scripts/lib/xlsx-writer';

/** The same small ledger for both hosts: a title, a 填报 line, a two-row merged header, four disputes. */
export const LEDGER_VALUES: (string | number | null)[][] = [
  ['红河派出所矛盾纠纷排查化解工作台账'],
  ['填报单位：红河派出所', null, null, null, '填报日期：2026年11月28日'],
  ['序号', '登记日期', '村(社区)', '当事人', null, '纠纷类型', '简要情况', '涉及人数', '涉及金额', '化解情况', '责任人', '回访日期'],
  [null, null, null, '姓名', '联系电话'],
  [1, 46327, '红河村', '张三、李四', '13800001234', '邻里纠纷', '张三扬言要砍死李四', '2人', '', '化解中', '王警官', '11月20日'],
  [2, '2026/10/5', '红河村', '赵六', '13800005678', '土地纠纷', '宅基地边界争议', '5人', '3.5万元', '未化解', '王警官', ''],
  [3, '2026年11月27日', '常沟村', '钱七', '', '婚姻家庭', '夫妻吵架', '', '', '已化解', '李所长', ''],
  [4, '2026.2.30', '常沟村', '孙八', '', '合同纠纷', '欠款', '若干', '3万', '', '李所长', ''],
];
export const LEDGER_MERGES = ['A1:L1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4', 'L3:L4'];

export function ledgerXlsx(): Uint8Array {
  return writeXlsx({ sheets: [{ name: '台账', rows: LEDGER_VALUES, merges: LEDGER_MERGES }] });
}

/** A ledger of `n` disputes in one header row, for round-trip and request-size counts. */
export function bigLedger(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [['序号', '登记日期', '村(社区)', '当事人', '纠纷类型', '简要情况', '涉及人数', '化解情况', '责任人', '回访日期']];
  const types = ['邻里纠纷', '土地纠纷', '婚姻家庭', '合同纠纷', '劳资纠纷'];
  const text = ['因琐事发生口角', '宅基地边界争议', '夫妻吵架，丈夫殴打妻子', '欠款未还', '拖欠工资，工人聚集'];
  const status = ['化解中', '已化解', '已销号', '未化解', ''];
  for (let i = 1; i <= n; i++)
    rows.push([i, 46000 + (i % 330), `村${i % 40}`, `张${i}`, types[i % 5], `${text[i % 5]}${i}`, i % 50, status[i % 5], `王警官${i % 20}`, '']);
  return rows;
}

/**
 * A ledger as a police station keeps it: 15 columns, a description of about 300 Chinese characters
 * per row, and the village (村) and the 责任人 merged down each group of rows — `groups` groups,
 * so 2 × groups vertical merges. Merged cells hold their value in the top cell only, as in Excel.
 */
export function realisticLedger(rows: number, groups: number): { values: (string | number)[][]; merges: string[] } {
  const header = ['序号', '登记日期', '村(社区)', '当事人', '联系电话', '纠纷类型', '简要情况', '涉及人数', '涉及金额', '化解情况', '责任人', '回访日期', '来源', '登记人', '备注'];
  const types = ['邻里纠纷', '土地纠纷', '婚姻家庭', '合同纠纷', '劳资纠纷', '山林权属'];
  const status = ['化解中', '已化解', '未化解', '调解中', ''];
  const story = [
    '双方因宅基地边界问题多次发生争执，经村委会两次调解未果，一方称对方私自移动界桩并在争议地块上堆放建筑材料，',
    '另一方认为界桩系多年前由老人口头约定，现已无据可查，双方情绪较为激动，曾在村口发生推搡，围观群众十余人，',
    '民警到场后将双方带离现场分别做工作，当事人表示愿意接受司法所组织的调解，但要求先由国土所重新测量确权，',
    '目前已联系镇司法所、国土所及村两委，约定下周三在村委会会议室进行联合调处，责任人将于调处前再次上门走访。',
  ].join('');
  const values: (string | number)[][] = [header];
  const merges: string[] = [];
  const groupOf = (i: number) => Math.floor(((i - 1) * groups) / rows);
  for (let i = 1; i <= rows; i++) {
    const group = groupOf(i);
    const first = i === 1 || groupOf(i - 1) !== group;
    const description = `${story.repeat(2).slice(0, 300 - String(i).length - 1)}${i}。`;
    if ([...description].length !== 300) throw new Error('descriptions are 300 characters');
    values.push([
      i,
      46000 + (i % 330),
      first ? `第${group + 1}村` : '',
      `张${i}、李${i}`,
      `1380000${String(i).padStart(4, '0')}`,
      types[i % types.length],
      description,
      `${(i % 9) + 2}人`,
      i % 7 === 0 ? `${i % 50}万元` : '',
      status[i % status.length],
      first ? `民警${group % 25}` : '',
      '',
      '排查',
      '王警官',
      '',
    ]);
    if (first) {
      let last = i;
      while (last < rows && groupOf(last + 1) === group) last++;
      if (last > i) merges.push(`C${i + 1}:C${last + 1}`, `K${i + 1}:K${last + 1}`);
    }
  }
  return { values, merges };
}
