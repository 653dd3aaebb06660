import { parseIsoDay } from '../cells';
import { sheet } from '../ledger/fixtures';
import type { CellValue } from '../model';
import { DEFAULT_PRESET } from '../rules';
import { runMeetingJob } from './meeting-job';

const OPTIONS = { asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, language: 'zh' as const, mask: true };
const ledger = (file: string, rows: CellValue[][]) => ({ file, input: { ledger: sheet(rows) } });
const police = ledger('派出所.xlsx', [
  ['序号', '登记日期', '当事人', '纠纷类型', '简要情况'],
  [1, '2026-11-02', '刘某', '邻里纠纷', '因排水沟发生口角'],
]);

describe('a joint meeting of ledgers that cannot be matched', () => {
  it.each<[string, CellValue[], string[]]>([
    ['names the unit whose ledger has no party or phone column', ['序号', '登记日期', '纠纷类型', '简要情况'], ['“司法所”的台账没有当事人（或联系电话）列或登记日期列，它的纠纷无法与其他单位台账中的同一纠纷对应：同一纠纷若也记在别的单位，会被重复统计']],
    ['names the unit whose ledger has no registration date', ['序号', '当事人', '纠纷类型', '简要情况'], ['“司法所”的台账没有当事人（或联系电话）列或登记日期列，它的纠纷无法与其他单位台账中的同一纠纷对应：同一纠纷若也记在别的单位，会被重复统计']],
    ['says nothing of a ledger with a phone column in place of names', ['序号', '登记日期', '联系电话', '纠纷类型', '简要情况'], []],
  ])('%s', (_what, header, notices) => {
    const justice = ledger('司法所.xlsx', [header, [1, ...header.slice(1).map((h) => (h === '登记日期' ? '2026-11-03' : h === '联系电话' ? '13800000000' : '邻里纠纷'))]]);
    expect(runMeetingJob([police, justice], OPTIONS).notices).toEqual(notices);
  });
});
