import type { CellValue, Level } from '../model';
import { LEVEL_TOKENS, parseLevel } from './levels';

describe('parseLevel', () => {
  it.each<[string, CellValue, Level | null]>([
    ['reads 红', '红', 'red'],
    ['reads 红色', '红色', 'red'],
    ['reads 高', '高', 'red'],
    ['reads 重大', '重大', 'red'],
    ['reads 一级', '一级', 'red'],
    ['reads the Roman numeral Ⅰ', 'Ⅰ级', 'red'],
    ['reads red in capitals', 'RED', 'red'],
    ['reads 黄色预警', '黄色预警', 'yellow'],
    ['reads 中', '中', 'yellow'],
    ['reads 较大', '较大', 'yellow'],
    ['reads 二级', '二级', 'yellow'],
    ['reads the Roman numeral Ⅱ', 'Ⅱ', 'yellow'],
    ['reads yellow in mixed case', 'Yellow', 'yellow'],
    ['reads 绿', '绿', 'green'],
    ['reads 低风险', '低风险', 'green'],
    ['reads 一般', '一般', 'green'],
    ['reads 三级', '三级', 'green'],
    ['reads the Roman numeral Ⅲ', 'Ⅲ级', 'green'],
    ['reads green', 'green', 'green'],
    ['reads a cell with red and green tokens as red, by order alone', '红转绿', 'red'],
    ['reads a cell with yellow and green tokens as yellow, by order alone', '绿转黄', 'yellow'],
    ['reads 中高 as red, by order alone', '中高', 'red'],
    ['reads 较高 as red', '较高', 'red'],
    ['gives null for null', null, null],
    ['gives null for empty text', '', null],
    ['gives null for unknown text', '无', null],
    ['gives null for a number', 1, null],
  ])('%s', (_name, input, expected) => {
    expect(parseLevel(input)).toBe(expected);
  });

  it.each<[Level, string]>([
    ['red', '红'],
    ['yellow', '黄'],
    ['green', '绿'],
  ])('lists the colour name of %s among its tokens', (level, token) => {
    expect(LEVEL_TOKENS[level]).toContain(token);
  });
});
