import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PRESET, parseIsoDay, runLedgerJob, type JobOptions, WorkbookError } from '../../src/core';
import { processWorkbook, readLedgerWorkbook, readStateRows } from '../../src/hosts/xlsx';
import { smallLedger } from './small-ledger';

/**
 * The meeting command reads several ledgers and their earlier outputs without writing them: it must
 * see exactly what processWorkbook sees and fail the same way.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const fixture = (file: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
const jobOptions = (asOf: string): JobOptions => ({ asOf: parseIsoDay(asOf)!, preset: DEFAULT_PRESET, language: 'zh', mask: true });

/** Each ledger fixture and whether it counts dates from 1904. */
const ledgers: [string, boolean][] = [
  ['excel-everything.xlsx', false],
  ['excel-macros.xlsm', false],
  ['wps-ledger.xlsx', false],
  ['mac-1904.xlsx', true],
  ['libreoffice-saved.xlsx', false],
  ['header-not-row1.xlsx', false],
  ['aliases.xlsx', false],
];

describe.each(ledgers)('readLedgerWorkbook on %s', (file, date1904) => {
  const bytes = fixture(file);
  const before = Buffer.from(bytes);
  const read = readLedgerWorkbook(bytes, { fileName: file, language: 'zh' });
  const expectedSheet = (JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.xls[xm]$/, '.expected.json')), 'utf8')) as { sheet: string }).sheet;

  it('chooses the ledger sheet processWorkbook chooses, and reads its date system', () => {
    expect({ sheet: read.sheet, date1904: read.date1904 }).toEqual({ sheet: expectedSheet, date1904 });
  });

  it('gives the input on which the job triages every row as processWorkbook does', () => {
    const options = jobOptions('2020-06-30');
    const viaFile = processWorkbook(bytes, { ...options, fileName: file }).job;
    expect(runLedgerJob(read.input, options)).toEqual(viaFile);
  });

  it('leaves the bytes it was given as they were', () => {
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });
});

describe('reading an output of an earlier run', () => {
  const options = jobOptions('2026-11-28');
  const first = processWorkbook(smallLedger(), { ...options, fileName: 'ledger.xlsx' });

  it('readLedgerWorkbook brings the state sheet along, so the summary compares with the last meeting', () => {
    const read = readLedgerWorkbook(first.bytes, { fileName: 'ledger.tricolor.xlsx', language: 'zh' });
    expect(read.sheet).toBe('台账');
    expect(read.input.stateRows).toEqual(first.job.plan.state.rows.map((row) => row.map(String)));
    expect(read.input.revisitLog).toBeNull();
    expect(runLedgerJob(read.input, options)).toEqual(processWorkbook(first.bytes, { ...options, fileName: 'ledger.tricolor.xlsx' }).job);
  });

  it('readStateRows gives the hidden sheet\'s cells, as the text the add-in wrote', () => {
    expect(readStateRows(first.bytes, { fileName: 'ledger.tricolor.xlsx', language: 'zh' })).toEqual(first.job.plan.state.rows.map((row) => row.map(String)));
  });

  it('readStateRows gives null for a workbook the add-in never wrote to', () => {
    expect(readStateRows(smallLedger(), { fileName: 'ledger.xlsx', language: 'zh' })).toBeNull();
  });
});

describe('readLedgerWorkbook fails as processWorkbook does', () => {
  const cases: [string, Uint8Array, string | undefined][] = [
    ['a text file', new TextEncoder().encode('序号,登记日期\n1,2026-01-01'), undefined],
    ['an encrypted workbook', fixture('encrypted.xlsx'), undefined],
    ['a damaged zip', fixture('corrupt.xlsx'), undefined],
    ['a workbook with no ledger', fixture('not-a-ledger.xlsx'), undefined],
    ['an unknown sheet', smallLedger(), '台帐2'],
    ['a sheet that is not a ledger', smallLedger([{ name: '说明', rows: [['说明']] }]), '说明'],
  ];
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof WorkbookError ? { code: e.code, message: e.message } : e;
    }
    return 'no error';
  };
  it.each(cases)('on %s', (_name, bytes, sheet) => {
    const viaProcess = failure(() => processWorkbook(bytes, { ...jobOptions('2026-11-28'), fileName: 'x.xlsx', sheet }));
    expect(viaProcess).toEqual({ code: expect.any(String), message: expect.any(String) });
    expect(failure(() => readLedgerWorkbook(bytes, { fileName: 'x.xlsx', language: 'zh', sheet }))).toEqual(viaProcess);
  });

  it('and readStateRows fails on what is no workbook, naming the file', () => {
    expect(() => readStateRows(new TextEncoder().encode('not a zip'), { fileName: 'x.xlsx', language: 'zh' })).toThrow(/“x\.xlsx”不是 Excel 工作簿/);
  });
});
