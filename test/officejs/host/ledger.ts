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
