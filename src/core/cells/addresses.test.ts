import { absoluteRef, areaRef, cellAddress, columnIndex, columnLetter, columnOfLetters, parseAreaRef, parseCellAddress, parseRangeRef, rangeRef } from './addresses';

// Columns are bijective base 26: AB = 1·26 + 2 = 28th column, ZZ = 26·26 + 26 = 702nd,
// XFD = 24·676 + 6·26 + 4 = 16384th.

describe('columnLetter', () => {
  it.each([
    ['gives A for 0', 0, 'A'],
    ['gives B for 1', 1, 'B'],
    ['gives Z for 25', 25, 'Z'],
    ['gives AA for 26', 26, 'AA'],
    ['gives AB for 27', 27, 'AB'],
    ['gives AZ for 51', 51, 'AZ'],
    ['gives BA for 52', 52, 'BA'],
    ['gives ZZ for 701', 701, 'ZZ'],
    ['gives AAA for 702', 702, 'AAA'],
    ['gives XFD for 16383', 16383, 'XFD'],
  ])('%s', (_name, input, expected) => {
    expect(columnLetter(input)).toBe(expected);
  });

  it.each([
    ['throws on a negative index', -1],
    ['throws on a fractional index', 1.5],
  ])('%s', (_name, input) => {
    expect(() => columnLetter(input)).toThrow(RangeError);
  });

  it('names every column of Excel so that reading the name back gives the column', () => {
    const wrong = Array.from({ length: 16384 }, (_, col) => col).filter((col) => columnIndex(columnLetter(col)) !== col);
    expect(wrong).toEqual([]);
  });
});

describe('columnIndex', () => {
  it.each([
    ['gives 0 for A', 'A', 0],
    ['gives 25 for Z', 'Z', 25],
    ['gives 26 for AA', 'AA', 26],
    ['gives 27 for AB', 'AB', 27],
    ['ignores case', 'ab', 27],
    ['ignores a dollar sign', '$AB', 27],
    ['gives 16383 for XFD', 'XFD', 16383],
    ['gives -1 past XFD', 'XFE', -1],
    ['gives -1 for four letters', 'AAAA', -1],
    ['gives -1 for empty text', '', -1],
    ['gives -1 for a cell address', 'A1', -1],
  ])('%s', (_name, input, expected) => {
    expect(columnIndex(input)).toBe(expected);
  });

  it.each([
    ['A', 0],
    ['Z', 25],
    ['AA', 26],
    ['XFD', 16383],
    ['XFE', -1],
    ['ZZZ', -1],
  ])('columnOfLetters, for letters a reader has matched: %s → %i', (letters, expected) => {
    expect(columnOfLetters(letters)).toBe(expected);
  });
});

describe('cellAddress', () => {
  it.each([
    ['gives A1 for the origin', 0, 0, 'A1'],
    ['gives E12 for row 11, column 4', 11, 4, 'E12'],
    ['gives the last cell of a sheet', 1048575, 16383, 'XFD1048576'],
  ])('%s', (_name, row, col, expected) => {
    expect(cellAddress(row, col)).toBe(expected);
  });

  it('throws on a negative row', () => {
    expect(() => cellAddress(-1, 0)).toThrow(RangeError);
  });
});

describe('parseCellAddress', () => {
  it.each([
    ['reads E12', 'E12', { row: 11, col: 4 }],
    ['reads an absolute address', '$E$12', { row: 11, col: 4 }],
    ['reads a half-absolute address', 'E$12', { row: 11, col: 4 }],
    ['reads lower case', 'e12', { row: 11, col: 4 }],
    ['reads A1', 'A1', { row: 0, col: 0 }],
    ['reads the last cell of a sheet', 'XFD1048576', { row: 1048575, col: 16383 }],
    ['rejects a row past the sheet', 'XFD1048577', null],
    ['rejects a column past the sheet', 'XFE1', null],
    ['rejects row 0', 'A0', null],
    ['rejects a column alone', 'E', null],
    ['rejects a row alone', '12', null],
    ['rejects a range', 'E12:F13', null],
    ['rejects empty text', '', null],
    ['reads an address with space around it', ' E12 ', { row: 11, col: 4 }],
    ['rejects space inside', 'A 1', null],
    ['rejects a leading zero in the row', 'A01', null],
    ['rejects an exponent', 'A1e3', null],
    ['rejects four letters', 'AAAA1', null],
  ])('%s', (_name, input, expected) => {
    expect(parseCellAddress(input)).toEqual(expected);
  });
});

describe('ranges', () => {
  it.each([
    ['A1:P3', { top: 0, left: 0, bottom: 2, right: 15 }],
    ['P3:A1', { top: 0, left: 0, bottom: 2, right: 15 }],
    ['B2', { top: 1, left: 1, bottom: 1, right: 1 }],
    ['A1:B2:C3', null],
  ])('reads %s', (ref, expected) => {
    expect(parseRangeRef(ref)).toEqual(expected);
  });

  it('writes a range, a single cell without a colon, and absolute references with the sheet quoted', () => {
    expect(rangeRef({ top: 0, left: 0, bottom: 2, right: 15 })).toBe('A1:P3');
    expect(rangeRef({ top: 1, left: 1, bottom: 1, right: 1 })).toBe('B2');
    expect(absoluteRef("张三's 台账", { top: 4, left: 0, bottom: 8, right: 0 })).toBe("'张三''s 台账'!$A$5:$A$9");
  });
});

describe('areas as the name box takes them', () => {
  it.each([
    ['B3', { top: 2, left: 1, bottom: 2, right: 1 }, 'B3'],
    ['b3:c4', { top: 2, left: 1, bottom: 3, right: 2 }, 'B3:C4'],
    ['$C$4:$A$1', { top: 0, left: 0, bottom: 3, right: 2 }, 'A1:C4'],
    [' A:C ', { top: 0, left: 0, bottom: 1048575, right: 2 }, 'A:C'],
    ['$c:a', { top: 0, left: 0, bottom: 1048575, right: 2 }, 'A:C'],
    ['5:2', { top: 1, left: 0, bottom: 4, right: 16383 }, '2:5'],
    ['35:35', { top: 34, left: 0, bottom: 34, right: 16383 }, '35:35'],
    ['XFD1048576', { top: 1048575, left: 16383, bottom: 1048575, right: 16383 }, 'XFD1048576'],
  ])('%s is %j, answered as %s', (text, range, answer) => {
    expect(parseAreaRef(text)).toEqual(range);
    expect(areaRef(parseAreaRef(text)!)).toBe(answer);
  });

  it.each(['', 'A', '35', 'A1:B2:C3', 'A1:', ':B2', 'XFE1', 'A1048577', 'A:1', '1:A', 'AAAA:B', '0:3', 'A0', 'A1B2', '表1'])('%j is no area', (text) => {
    expect(parseAreaRef(text)).toBeNull();
  });
});
