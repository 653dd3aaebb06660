import * as fs from 'fs';
import * as path from 'path';
import { buildXlsxParts, zipParts } from '../../../scripts/lib/xlsx-writer';
import { WorkbookError } from '../../../src/core';

import { readXlsxWorkbook } from './xlsx-workbook';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../test/fixtures', name)));

describe('an .xlsx read into the in-memory workbook', () => {
  const wb = readXlsxWorkbook(fixture('excel-everything.xlsx'), { fileName: 'excel-everything.xlsx' });
  const ledger = wb.sheet('矛盾纠纷台账');

  it('keeps the sheets in tab order, the active sheet and their visibility', () => {
    expect(wb.sheetNames).toEqual(['矛盾纠纷台账', '统计', '责任人名单', '透视']);
    expect(wb.activeSheet?.name).toBe('矛盾纠纷台账');
    expect(wb.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Visible', 'Visible', 'Visible']);
  });

  it('keeps values (shared strings, numbers, serial dates) where they were', () => {
    expect(ledger.values('A1:A3')).toEqual([['XX派出所矛盾纠纷排查化解工作台账'], ['填报单位：XX派出所（盖章）'], ['序号']]);
    expect(ledger.values('A5:D5')).toEqual([[1, 43895, '东湾村', '邻里纠纷']]);
    expect(ledger.cell('F4')?.value).toBe('姓名');
    expect(ledger.cell('B4')).toBeUndefined(); // covered by the merge B3:B4
    expect(wb.sheet('统计').values('A1:B2')).toEqual([['纠纷类型', '件数'], ['邻里纠纷', 10]]);
  });

  it('keeps merged areas and the number formats of numbers', () => {
    expect(ledger.merges).toEqual(expect.arrayContaining(['A1:Q1', 'A3:A4', 'F3:H3', 'Q3:Q4']));
    expect(ledger.merges).toHaveLength(18); // every <mergeCell> of the sheet
    expect(ledger.numberFormats('B5:B6')).toEqual([['yyyy-mm-dd'], ['yyyy\\-mm\\-dd;@']]);
    expect(ledger.numberFormats('A5:A5')).toEqual([['General']]);
  });

  it('reads hidden and very hidden sheets as such, and opens on the active tab', () => {
    const parts = buildXlsxParts({ sheets: [{ name: 'A', rows: [['a']] }, { name: 'B', rows: [['b']] }, { name: 'C', rows: [['c']] }] });
    let i = 0;
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']
      .replace(/<sheet /g, (m) => (++i === 2 ? '<sheet state="hidden" ' : i === 3 ? '<sheet state="veryHidden" ' : m))
      .replace(/<workbookView\b/, '<workbookView activeTab="0"');
    const read = readXlsxWorkbook(zipParts(parts), { fileName: 'x.xlsx' });
    expect(read.sheets.map((s) => [s.name, s.visibility, s.values()])).toEqual([
      ['A', 'Visible', [['a']]],
      ['B', 'Hidden', [['b']]],
      ['C', 'VeryHidden', [['c']]],
    ]);
  });

  it('keeps the serials of a 1904 workbook, as Excel does, and marks the workbook 1904', () => {
    const workbook = readXlsxWorkbook(fixture('mac-1904.xlsx'), { fileName: 'mac-1904.xlsx' });
    expect(workbook.date1904).toBe(true);
    // 2020-03-05: 43895 in the 1900 system (as in excel-everything.xlsx), 1,462 days less in 1904.
    expect(workbook.sheet('矛盾纠纷台账').cell('B5')?.value).toBe(43895 - 1462);
  });

  it('refuses what is not a workbook with the file host’s messages', () => {
    const error = (name: string) => {
      try {
        readXlsxWorkbook(fixture(name), { fileName: name, language: 'en' });
      } catch (e) {
        return e;
      }
      return null;
    };
    expect(error('corrupt.xlsx')).toBeInstanceOf(WorkbookError);
    expect(error('encrypted.xlsx')).toMatchObject({ code: 'file.encrypted' });
    expect(String((error('corrupt.xlsx') as Error).message)).toContain('corrupt.xlsx');
  });
});
