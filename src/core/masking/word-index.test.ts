import { WordIndex, indexPerList } from './word-index';

/** What the index must find, by looking for every word at every position. */
function longestByHand(words: readonly string[], text: string, at: number): number {
  return Math.max(0, ...words.filter((w) => w.length > 0 && text.startsWith(w, at)).map((w) => w.length));
}

const LONG = '甲'.repeat(70);
const NINE_WANGS = ['王一', '王二', '王三', '王四', '王五', '王六', '王七', '王八', '王九', '王'];

describe('WordIndex', () => {
  it.each([
    // [case, words, text, position, longest word there]
    ['the longer of two', ['张三', '张三丰'], '张三丰来了', 0, 3],
    ['the shorter where the longer stops', ['张三', '张三丰'], '张三来了', 0, 2],
    ['none where none starts', ['张三'], '找张三', 0, 0],
    ['one where it starts', ['张三'], '找张三', 1, 2],
    ['none past the text', ['张三'], '张', 0, 0],
    ['none of no words', [], '张三', 0, 0],
    ['never the empty word', [''], '张三', 0, 0],
    ['nine of one start, split by their next character', NINE_WANGS, '王九来了', 0, 2],
    ['the start itself, once split', NINE_WANGS, '王十来了', 0, 1],
    ['a word over 64 characters, found whole', [LONG, '甲甲'], `乙${LONG}`, 1, 70],
    ['a short word inside a long one', [LONG, '甲甲'], `乙${LONG}`, 2, 2],
    ['a long word where it stands again', [LONG], `${LONG}${LONG}`, 70, 70],
  ] as [string, string[], string, number, number][])('%s', (_case, words, text, at, longest) => {
    expect(new WordIndex(words).longestAt(text, at)).toBe(longest);
  });

  it.each([
    ['a few words, in one text', ['张三', '李四', '王五'], ['李四打了张三'], ['张三', '李四']],
    ['in any of several texts', ['张三', '李四'], ['王五', '李四'], ['李四']],
    ['many words of one start', NINE_WANGS, ['王二与王九'], ['王', '王二', '王九']],
    ['a word over 64 characters', [LONG, '乙丙'], [`乙丙${LONG}`], ['乙丙', LONG]],
  ] as [string, string[], string[], string[]][])('occurring: %s', (_case, words, texts, found) => {
    expect(new WordIndex(words).occurring(...texts).sort()).toEqual([...found].sort());
  });

  it('finds what looking for every word finds, on random words and texts', () => {
    // Few characters, so that many words share starts and lists are split several levels deep.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const textOf = (length: number) => Array.from({ length }, () => '甲乙丙丁'[random(4)]).join('');
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + random(40) }, () => (random(10) === 0 ? textOf(65 + random(5)) : textOf(1 + random(6))));
      const index = new WordIndex(words);
      const text = textOf(random(200));
      for (let at = 0; at < text.length; at++) expect([round, at, index.longestAt(text, at)]).toEqual([round, at, longestByHand(words, text, at)]);
      const expected = [...new Set(words.filter((w) => w.length > 0 && text.includes(w)))].sort();
      expect(index.occurring(text).sort()).toEqual(expected);
    }
  });

  it('looks at positions out of order as in order', () => {
    const index = new WordIndex([LONG, '甲']);
    const text = `${LONG}乙${LONG}`;
    expect([index.longestAt(text, 71), index.longestAt(text, 0), index.longestAt(text, 5), index.longestAt('甲', 0)]).toEqual([70, 70, 1, 1]);
  });
});

describe('indexPerList', () => {
  it('makes one index per list, of the words made of its items', () => {
    const indexOf = indexPerList((item) => item.trim());
    const list = [' 张三 ', '李四'];
    expect(indexOf(list)).toBe(indexOf(list));
    expect(indexOf(list).occurring('张三')).toEqual(['张三']);
    expect(indexOf([...list])).not.toBe(indexOf(list));
  });
});
