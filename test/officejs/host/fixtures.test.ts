/// <reference types="office-js" />
/**
 * The Office.js host on real workbooks: a fixture read into the emulator (readXlsxWorkbook, through
 * the file host's package reader), Microsoft's minified library (the build Excel on the web loads)
 * in front of it, and the same counts as the file host gives for the same file and day.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay } from '../../../src/core';
import { createOfficeAddinHost } from '../../../src/hosts/officejs';
import { processWorkbook } from '../../../src/hosts/xlsx';
import { EXCEL_WEB_PAYLOAD_LIMIT, hostPerTest, readXlsxWorkbook } from '../harness';

const ROOT = path.resolve(__dirname, '../../..');
const file = (p: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, p)));
const openHost = hostPerTest();

/** The fixture in the emulator, as Excel on the web would serve it, and the Office.js host over it. */
function open(p: string, today: string) {
  const workbook = readXlsxWorkbook(file(p), { fileName: path.basename(p), language: 'zh' });
  const excel = openHost(workbook, { build: 'release', apiVersion: '1.17', maxRequestBytes: EXCEL_WEB_PAYLOAD_LIMIT });
  return { workbook, excel, host: createOfficeAddinHost({ language: 'zh', today: () => today }) };
}

/** What the file host (the tricolor command) counts for the same file and day. */
function fileHostCounts(p: string, today: string) {
  return processWorkbook(file(p), { fileName: path.basename(p), asOf: parseIsoDay(today)!, preset: DEFAULT_PRESET, language: 'zh', mask: true }).job.counts;
}

describe('the Office.js host on fixture workbooks', () => {
  it('finds the ledger of test/fixtures/excel-everything.xlsx as its expected.json says', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/excel-everything.expected.json'), 'utf8'));
    const { host } = open('test/fixtures/excel-everything.xlsx', expected.asOf);
    const info = await host.detect();
    expect(info.sheet).toBe(expected.sheet);
    expect(info.headerRows).toEqual(expected.headerRows);
    const fields = Object.fromEntries(info.columns.filter((c) => c.field).map((c) => [c.field, c.column]));
    expect(fields).toEqual(expected.fields);
    expect(info.sheets).toEqual(expect.arrayContaining(['矛盾纠纷台账', '统计', '责任人名单']));
  });

  it('triages it: the same counts as the file host, columns and colours in the workbook', async () => {
    const { host, workbook, excel } = open('test/fixtures/excel-everything.xlsx', '2020-06-30');
    const report = await host.triage();
    expect(report.counts).toEqual(fileHostCounts('test/fixtures/excel-everything.xlsx', '2020-06-30'));
    expect(report.staticFills).toBe(false);
    expect(workbook.sheet('矛盾纠纷台账').values('R3:T3')[0]).toEqual(['建议等级', '判定依据', '下次回访日期']);
    expect(workbook.sheet('矛盾纠纷台账').conditionalFormats.length).toBeGreaterThan(0);
    expect(excel.notEmulated).toEqual([]);
  });

  it('runs the sample ledger’s triage, due-list and summary as the README shows (15 red, 27 yellow, 258 green)', async () => {
    const { host, workbook, excel } = open('assets/sample-ledger.xlsx', '2026-11-30');
    const triage = await host.triage();
    expect(triage.counts.byLevel).toEqual({ red: 15, yellow: 27, green: 258 });
    expect(triage.counts).toEqual(fileHostCounts('assets/sample-ledger.xlsx', '2026-11-30'));
    const due = await host.writeDueList();
    const summary = await host.writeSummary({ from: '2026-11-01', to: '2026-11-30', mask: true });
    expect(workbook.sheetNames).toEqual(expect.arrayContaining([due.sheet, summary.sheet]));
    expect(excel.notEmulated).toEqual([]);
  });
});
