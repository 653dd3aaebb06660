import { displayWidth, linesNeeded, wrappedLines } from './width';

describe('linesNeeded', () => {
  it.each([
    ['', 10, 1],
    ['abc', 10, 1],
    ['一二三四', 10, 1], // 8 wide, 9 to a line
    ['一二三四五', 10, 2], // 10 wide
    ['abcdefghij', 5, 3], // 4 to a line at the least
    ['ab\ncd', 10, 2],
    ['\n', 10, 2],
    ['😀😀', 4, 1], // a surrogate pair is one character, two wide
    ['😀😀😀', 4, 2],
    ['一'.repeat(30), 31, 2],
    ['一'.repeat(15), 31, 1],
  ])('%j in a cell %i wide needs %i line(s)', (text, width, lines) => {
    expect(linesNeeded(text, width)).toBe(lines);
  });

  it('agrees with measuring every line, for short and long texts alike', () => {
    const reference = (text: string, width: number) => {
      const perLine = Math.max(4, width - 1);
      return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    };
    const alphabet = ['a', '1', ' ', '一', '，', '😀', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      const width = 2 + (next() % 40);
      expect([text, width, linesNeeded(text, width)]).toEqual([text, width, reference(text, width)]);
    }
  });
});

describe('wrappedLines', () => {
  it('is the most lines any wrapping cell of the row needs, at least one', () => {
    const cells = [
      { value: '一'.repeat(20), style: 'text' as const }, // not wrapping: not counted
      { value: '一'.repeat(20), style: 'wrap' as const }, // 40 wide in 10: 5 lines
      { value: 'ab', style: 'header' as const },
      { value: 12, style: 'wrap' as const },
    ];
    expect(wrappedLines(cells, [10, 10, 10, 10])).toBe(5);
    expect(wrappedLines([], [])).toBe(1);
  });
});
