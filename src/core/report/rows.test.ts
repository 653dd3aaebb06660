import { ReportRows, reportRows, sheetWithRows } from './rows';
import type { ReportCell } from './types';

const SHEET = { name: 'Report', columnWidths: [10, 10], merges: [], print: { landscape: true, fitToWidth: true } };
const text = (value: string): ReportCell => ({ value, style: 'text' });

/** A title row, three list lines made on demand (counting how often), and a footer with a set height. */
function listSheet() {
  const made: number[] = [];
  const rows = new ReportRows();
  rows.add([text('标题')]);
  rows.addMade(3, (i) => {
    made.push(i);
    return { cells: [text(`第${i + 1}件`), { value: i + 1, style: 'number' }], height: i === 1 ? 45 : undefined };
  });
  const footer = rows.add([text('制表人：')]);
  rows.heights[footer] = 24;
  rows.heights[6] = 30; // a line to write on, below the last row
  return { sheet: sheetWithRows(SHEET, rows), made };
}

describe('report rows made when read', () => {
  it('makes no list line until a writer asks, then only the one asked for', () => {
    const { sheet, made } = listSheet();
    expect(made).toEqual([]);
    const rows = reportRows(sheet);
    expect(rows.length).toBe(5);
    expect(rows.at(2)).toEqual({ cells: [text('第2件'), { value: 2, style: 'number' }], height: 45 });
    expect(made).toEqual([1]);
  });

  it('gives a writer every row in order, with heights set on rows and rows below the last', () => {
    const { sheet } = listSheet();
    const rows = reportRows(sheet);
    expect(Array.from({ length: rows.length }, (_, r) => rows.at(r).cells[0].value)).toEqual(['标题', '第1件', '第2件', '第3件', '制表人：']);
    expect(rows.at(4).height).toBe(24);
    expect(rows.heights).toEqual({ 4: 24, 6: 30 });
    expect(rows.width).toBe(1);
  });

  it('reads as an ordinary sheet: rows and heights made once and kept', () => {
    const { sheet, made } = listSheet();
    expect(sheet.rows.map((r) => r.length)).toEqual([1, 2, 2, 2, 1]);
    expect(sheet.rowHeights).toEqual({ 2: 45, 4: 24, 6: 30 });
    expect(sheet.rows).toBe(sheet.rows);
    expect(made).toEqual([0, 1, 2]);
    // Once read whole, a writer takes the kept rows rather than making them again.
    reportRows(sheet).at(1);
    expect(made).toEqual([0, 1, 2]);
    expect(reportRows(sheet).width).toBe(2);
  });

  it('survives a copy to another thread (the web page gets its reports from a worker)', () => {
    const { sheet } = listSheet();
    const copy = structuredClone(sheet);
    expect(copy.rows[3]).toEqual([text('第3件'), { value: 3, style: 'number' }]);
    expect(copy.rowHeights).toEqual({ 2: 45, 4: 24, 6: 30 });
  });
});
