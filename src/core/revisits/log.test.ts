import { parseIsoDay } from '../cells';
import { DEFAULT_PRESET } from '../rules';
import { runLedgerJob } from '../job';
import { REVISIT_LOG_HEADER, readRevisitLog, revisitLogRow } from './log';

const day = (iso: string) => parseIsoDay(iso)!;

describe('the revisit log', () => {
  it('reads back the rows it writes, skipping the header and blank rows', () => {
    const entry = { row: 5, key: 'h:0011aa22', date: day('2026-11-20'), method: '上门', result: '双方情绪稳定', by: '王警官' };
    expect(readRevisitLog([[...REVISIT_LOG_HEADER], revisitLogRow(entry), [null, '', '']])).toEqual([{ ...entry, logRow: 2 }]);
  });

  it.each([
    ['the 1900 date system', false, 46346],
    ['the 1904 date system (Excel for Mac): four years and a day fewer', true, 46346 - 1462],
  ])('reads a date typed in Excel (a serial) in %s, as the workbook counts', (_, date1904, serial) => {
    const [entry] = readRevisitLog([[...REVISIT_LOG_HEADER], [5, 'h:0011aa22', serial, '电话', '稳定', '王']], date1904);
    expect(entry.date).toBe(day('2026-11-20'));
  });

  const ledger = {
    name: '台账',
    values: [
      ['登记日期', '纠纷类型', '简要情况'],
      [day('2026-11-01') + 25569, '邻里纠纷', '张三扬言报复'],
    ],
    merges: [],
    date1904: false,
  };
  const options = { asOf: day('2026-11-30'), preset: DEFAULT_PRESET, language: 'zh' as const, mask: true };

  it('makes a logged revisit the last revisit, so the next one is due a cadence later', () => {
    const before = runLedgerJob({ ledger }, options);
    // Red: daily revisits from registration on 11-01, so 11-02 is due and 28 days overdue.
    expect(before.disputes[0].schedule).toEqual({ nextRevisit: day('2026-11-02'), overdueDays: 28, due: true });
    const key = before.disputes[0].record.key;
    const log = [[...REVISIT_LOG_HEADER], revisitLogRow({ row: 2, key, date: day('2026-11-29'), method: '电话', result: '稳定', by: '王' })];
    const after = runLedgerJob({ ledger, revisitLog: log }, options);
    expect(after.disputes[0].schedule).toEqual({ nextRevisit: day('2026-11-30'), overdueDays: 0, due: true });
  });

  it.each([
    ['after the as-of day (a planned date, a typo for next year)', '2027-01-10', 'date.revisitAfterAsOf', '回访记录!C3 的回访日期 2027-01-10 晚于截至日期 2026-11-30，未计为已回访；如果是计划回访的日期请另列一栏，如果是笔误请改正'],
    ['before 1990', '1900-03-01', 'date.implausible', '回访记录!C3 的日期 1900-03-01 不在 1990—2100 年之间，请核对'],
  ])('does not count a logged revisit dated %s, and says so on the dispute row', (_, iso, code, said) => {
    const key = runLedgerJob({ ledger }, options).disputes[0].record.key;
    const log = [[...REVISIT_LOG_HEADER], revisitLogRow({ row: 2, key, date: day('2026-11-20'), method: '电话', result: '稳定', by: '王' }), revisitLogRow({ row: 2, key, date: day(iso), method: '电话', result: '稳定', by: '王' })];
    const job = runLedgerJob({ ledger, revisitLog: log }, options);
    // The revisit of 11-20 counts; the other does not: red, due daily, 9 days overdue on 11-30.
    expect(job.disputes[0].schedule).toEqual({ nextRevisit: day('2026-11-21'), overdueDays: 9, due: true });
    expect(job.issues.filter((i) => i.code === code)).toEqual([{ code, row: 2, message: said }]);
  });
});

describe('the mapping the user confirmed', () => {
  it('moves a field to the column the user chose and drops a field marked as absent', () => {
    const ledger = { name: '台账', values: [['登记日期', '纠纷类型', '简要情况', '备注']], merges: [], date1904: false };
    const job = runLedgerJob({ ledger }, { asOf: day('2026-11-30'), preset: DEFAULT_PRESET, language: 'zh', mask: true, fieldColumns: { description: 3, type: null } });
    expect(job.layout.fields).toEqual({ registered: 0, description: 3 });
  });
});
