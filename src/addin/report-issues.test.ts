import type { LedgerJob } from '../core';
import { ledgerReportIssues } from './report-issues';

describe('the issues the pane lists after a run', () => {
  it('puts the notices about the workbook first, pointing at no cell, then the rows’ issues in the ledger sheet', () => {
    const job = {
      layout: { sheet: '台账' },
      notices: ['上次会议数据（本工作簿）有 2 处损坏，已跳过'],
      issues: [{ code: 'date.unreadable', row: 5, cell: 'B5', message: 'B5 的日期无法识别' }],
    } as unknown as LedgerJob;
    expect(ledgerReportIssues(job)).toEqual([
      { message: '上次会议数据（本工作簿）有 2 处损坏，已跳过', sheet: '', cell: null },
      { message: 'B5 的日期无法识别', sheet: '台账', cell: 'B5' },
    ]);
  });
});
