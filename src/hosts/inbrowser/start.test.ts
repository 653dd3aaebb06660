/// <reference types="office-js" />
/**
 * The task pane's host outside Excel, in jest: the same start-up as in the page, except that
 * Microsoft's library (the minified build the page ships) is loaded by the harness's node loader.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../core';
import { processWorkbook } from '../xlsx';
import { loadLibraryInNode } from '../../../test/officejs/harness/node-library';
import { startInBrowserExcel, type InBrowserExcel } from './index';

const file = (p: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../../..', p)));
let session: InBrowserExcel | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

async function start(p: string, today: string) {
  session = await startInBrowserExcel(file(p), path.basename(p), { language: 'zh', today: () => today, loadLibrary: loadLibraryInNode });
  return session;
}

/** What the file host (the tricolor command) counts for the same file and day. */
function fileHostCounts(p: string, today: string) {
  return processWorkbook(file(p), { fileName: path.basename(p), asOf: parseIsoDay(today)!, preset: DEFAULT_PRESET, language: 'zh', mask: true }).job.counts;
}

describe('startInBrowserExcel: the Office.js host over a loaded .xlsx', () => {
  it('finds the ledger of test/fixtures/excel-everything.xlsx as its expected.json says', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/excel-everything.expected.json'), 'utf8'));
    const { host } = await start('test/fixtures/excel-everything.xlsx', expected.asOf);
    const info = await host.detect();
    expect(info.sheet).toBe(expected.sheet);
    expect(info.headerRows).toEqual(expected.headerRows);
    const fields = Object.fromEntries(info.columns.filter((c) => c.field).map((c) => [c.field, c.column]));
    expect(fields).toEqual(expected.fields);
    expect(info.sheets).toEqual(expect.arrayContaining(['矛盾纠纷台账', '统计', '责任人名单']));
  });

  it('triages it through Microsoft’s library: the same counts as the file host, columns and colours in the in-memory workbook', async () => {
    const { host, workbook, excel } = await start('test/fixtures/excel-everything.xlsx', '2020-06-30');
    const report = await host.triage();
    expect(report.counts).toEqual(fileHostCounts('test/fixtures/excel-everything.xlsx', '2020-06-30'));
    expect(report.staticFills).toBe(false);
    const header = workbook.sheet('矛盾纠纷台账').values('R3:T3')[0];
    expect(header).toEqual(['建议等级', '判定依据', '下次回访日期']);
    expect(workbook.sheet('矛盾纠纷台账').conditionalFormats.length).toBeGreaterThan(0);
    expect(excel.notEmulated).toEqual([]);
  });

  it('runs the sample ledger’s triage, due-list and summary as the README shows (15 red, 27 yellow, 258 green)', async () => {
    const { host, workbook, excel } = await start('assets/sample-ledger.xlsx', '2026-11-30');
    const triage = await host.triage();
    expect(triage.counts.byLevel).toEqual({ red: 15, yellow: 27, green: 258 });
    expect(triage.counts).toEqual(fileHostCounts('assets/sample-ledger.xlsx', '2026-11-30'));
    const due = await host.writeDueList();
    const summary = await host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true });
    expect(workbook.sheetNames).toEqual(expect.arrayContaining([due.sheet, summary.sheet]));
    expect(excel.notEmulated).toEqual([]);
  });

  it('opens another file in the same page: the previous session ends', async () => {
    const first = await start('test/fixtures/excel-everything.xlsx', '2020-06-30');
    const second = await startInBrowserExcel(file('assets/sample-ledger.xlsx'), 'sample-ledger.xlsx', { language: 'zh', loadLibrary: loadLibraryInNode });
    session = second;
    expect((await second.host.detect()).sheet).toBe('矛盾纠纷台账');
    expect(first.workbook).not.toBe(second.workbook);
    expect(second.download()).toBeNull();
  });
});
