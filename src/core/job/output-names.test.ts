import { macrosByName, outputNameFor } from './output-names';

describe('outputNameFor', () => {
  it.each([
    ['台账.xlsx', '台账.tricolor.xlsx'],
    ['台账.XLSX', '台账.tricolor.xlsx'],
    ['宏台账.xlsm', '宏台账.tricolor.xlsm'],
    // A template's output is the workbook saved from it: .xltx → .xlsx, .xltm (macros) → .xlsm.
    ['模板.xltx', '模板.tricolor.xlsx'],
    ['宏模板.XLTM', '宏模板.tricolor.xlsm'],
    ['2026.11.台账.xlsx', '2026.11.台账.tricolor.xlsx'],
    ['无扩展名', '无扩展名.tricolor.xlsx'],
    ['.xlsx', '.xlsx.tricolor.xlsx'],
  ])('%s → %s', (input, expected) => {
    expect(outputNameFor(input)).toBe(expected);
  });
});

describe('macrosByName', () => {
  it.each([
    ['台账.xlsx', false],
    ['模板.XLTX', false],
    ['宏台账.xlsm', true],
    ['宏模板.xltm', true],
    // A name that says no workbook type says nothing of macros (the job's own re-reads pass '').
    ['', undefined],
    ['台账', undefined],
    ['台账.xls', undefined],
    ['台账.xlsx.bak', undefined],
  ])('%j: %s', (fileName, expected) => {
    expect(macrosByName(fileName)).toBe(expected);
  });
});
