import type { CellValue } from '../model';
import { isColumnLabelRow } from './column-labels';

const row = (cells: CellValue[]) => isColumnLabelRow(cells, 0, cells.length - 1);
const counted = (n: number, write: (i: number) => CellValue) => Array.from({ length: n }, (_, i) => write(i + 1));

describe('a row of column numbers or units under the header', () => {
  it.each<[string, CellValue[]]>([
    ['numbers', counted(20, (i) => i)],
    ['numbers as text', counted(12, (i) => String(i))],
    ['numbers in full-width brackets', counted(20, (i) => `（${i}）`)],
    ['numbers in brackets', counted(20, (i) => `(${i})`)],
    ['counted from 0', counted(20, (i) => i - 1)],
    ['with blanks under a merged column', counted(20, (i) => (i >= 6 && i <= 8 ? null : i))],
    ['in Chinese numerals', counted(20, (i) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'][i - 1])],
    ['栏1 栏2 …', counted(20, (i) => `栏${i}`)],
    ['第1栏 第2栏 …', counted(8, (i) => `第${i}栏`)],
    ['circled numbers', counted(20, (i) => String.fromCharCode(0x245f + i))],
    ['Roman numerals', counted(8, (i) => String.fromCharCode(0x215f + i))],
    ['column letters', counted(20, (i) => String.fromCharCode(64 + i))],
    ['甲 乙 then numbers (the standard 栏次 row)', ['甲', '乙', ...counted(18, (i) => i)]],
    ['栏次 then numbers', ['栏次', ...counted(19, (i) => i)]],
    ['units of the counted columns', [null, '年月日', null, null, '（人）', '（元）', '（次）']],
  ])('is one: %s', (_what, cells) => {
    expect(row(cells)).toBe(true);
  });

  it.each<[string, CellValue[]]>([
    ['a dispute', [1, 46000, '张三、李四', '邻里纠纷', '因排水沟发生口角', 2, 3000]],
    ['a dispute with only numbers, a date among them', [1, 46000, 50000]],
    ['numbers that do not rise', [1, 2, 3, 5, 4]],
    ['two numbers', [1, 2, null, null]],
    ['a unit and a word', ['（人）', '口角']],
    ['one unit', [null, '（元）', null]],
    ['a totals line', ['合计', null, 12, 30000]],
    ['a section heading and counts', ['一、', 1, 2, 3]],
  ])('is not one: %s', (_what, cells) => {
    expect(row(cells)).toBe(false);
  });

  it('looks only within the table', () => {
    expect(isColumnLabelRow(['口角', 1, 2, 3], 1, 3)).toBe(true);
    expect(isColumnLabelRow(['口角', 1, 2, 3], 0, 3)).toBe(false);
  });
});
