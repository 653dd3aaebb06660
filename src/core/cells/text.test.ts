import { cellText, fitCellText, foldForMatching, MAX_CELL_CHARS, normalizeHeader, normalizeValueText, toHalfWidth } from './text';

describe('toHalfWidth', () => {
  it.each([
    ['turns full-width letters and digits into ASCII', 'ＡＢＣ１２３', 'ABC123'],
    ['turns full-width brackets into ASCII brackets', '（必填）', '(必填)'],
    ['turns the ideographic space into a space', '张三\u3000李四', '张三 李四'],
    ['turns the full-width tilde, the last of the range, into ~', '２０～３０', '20~30'],
    ['turns the full-width exclamation mark, the first of the range, into !', '！', '!'],
    ['keeps Chinese punctuation that has no ASCII twin', '张三、李四。', '张三、李四。'],
    ['turns the full-width comma into a comma', 'ｈｅｌｌｏ，世界', 'hello,世界'],
    ['leaves ASCII alone', 'abc 123', 'abc 123'],
    ['converts full-width characters side by side, first and last', '（１）', '(1)'],
    ['converts a long cell of nothing else', '（'.repeat(32_767), '('.repeat(32_767)],
  ])('%s', (_name, input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('gives each long text its own answer when long texts alternate (the last one is remembered)', () => {
    const a = '甲（一）'.repeat(100);
    const b = '乙（二）'.repeat(100);
    const c = `${a.slice(0, -1)}）`; // equal to a but built anew
    for (const [input, expected] of [[a, '甲(一)'.repeat(100)], [a, '甲(一)'.repeat(100)], [b, '乙(二)'.repeat(100)], [c, '甲(一)'.repeat(100)], ['丙'.repeat(300), '丙'.repeat(300)], [a, '甲(一)'.repeat(100)]])
      expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('foldForMatching', () => {
  it.each([
    ['reads traditional characters as simplified', '張某揚言要殺了李某', '张某扬言要杀了李某'],
    ['reads a threat of revenge in traditional characters', '血債血償', '血债血偿'],
    ['reads traditional numerals and units', '三十餘人，拾貳萬元', '三十余人,拾贰万元'],
    ["reads Taiwan's and Hong Kong's variant forms", '爲了綫', '为了线'],
    ['turns full-width letters and digits into ASCII, as toHalfWidth does', 'ＡＢＣ１２３　（必填）', 'ABC123 (必填)'],
    ['leaves simplified text and ASCII as they are', '刘某拿菜刀追砍邻居 abc', '刘某拿菜刀追砍邻居 abc'],
    ['leaves a character outside the Basic Multilingual Plane whole', '𠮷野家𡘙', '𠮷野家𡘙'],
    ['keeps 覆 and 藉, whose usual reading is themselves', '覆盖，慰藉', '覆盖,慰藉'],
  ])('%s', (_name, input, expected) => {
    expect(foldForMatching(input)).toBe(expected);
  });

  it('keeps every position, so the words quoted are the ones written', () => {
    const written = '經調解三次未成，雙方仍各執一詞'.repeat(30);
    expect(foldForMatching(written)).toHaveLength(written.length);
  });

  it('gives back the very string when nothing folds', () => {
    const text = '双方因宅基地边界发生争执'.repeat(40);
    expect(foldForMatching(text)).toBe(text);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['removes a line break inside the header', '当事人\n姓名', '当事人姓名'],
    ['removes a Windows line break', '化解\r\n日期', '化解日期'],
    ['removes surrounding spaces', ' 发生日期 ', '发生日期'],
    ['removes ideographic spaces, tabs and non-breaking spaces', '姓\u3000名\t（\u00a0必填）', '姓名'],
    ['drops a leading required-field star', '*当事人', '当事人'],
    ['drops a leading full-width star', '＊联系电话', '联系电话'],
    ['drops a trailing star', '当事人*', '当事人'],
    ['drops the unit hint 元', '涉及金额（元）', '涉及金额'],
    ['drops the unit hint 人', '涉及人数(人)', '涉及人数'],
    ['drops the unit hint 万元', '争议标的（万元）', '争议标的'],
    ['drops a 单位：元 hint', '涉及金额（单位：元）', '涉及金额'],
    ['drops a date format hint', '登记日期（yyyy-mm-dd）', '登记日期'],
    ['drops a hint and then a star', '当事人（必填）*', '当事人'],
    ['drops stacked hints behind a star', '*涉及金额(万元)(选填)', '涉及金额'],
    ['keeps a meaningful bracket group and makes it ASCII', '村（社区）', '村(社区)'],
    ['keeps 所属村(社区)', '所属村(社区)', '所属村(社区)'],
    ['keeps a bracket group that is not a known hint', '化解是否成功（是/否）', '化解是否成功(是/否)'],
    ['keeps a header that is only a hint', '(必填)', '(必填)'],
    ['lower-cases Latin letters', 'ID  Number', 'idnumber'],
    ['turns full-width Latin letters into lower-case ASCII', 'ＩＤ号', 'id号'],
    ['returns an empty header as empty', '  ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe('normalizeValueText', () => {
  it.each([
    ['trims surrounding spaces', '  张三  ', '张三'],
    ['collapses a run of spaces to one', '张三   李四', '张三 李四'],
    ['turns a Windows line break into \\n', '张三\r\n李四', '张三\n李四'],
    ['turns an old Mac line break into \\n', '张三\r李四', '张三\n李四'],
    ['collapses blank lines and the spaces around them into one line break', '张三 \n\n 李四', '张三\n李四'],
    ['turns full-width digits into ASCII', '２０２０年', '2020年'],
    ['collapses tabs with spaces', '\t a \t b ', 'a b'],
    ['turns an ideographic space into a space', '张三\u3000\u3000李四', '张三 李四'],
    ['drops leading and trailing line breaks', '\n张三\n', '张三'],
    ['leaves a text with nothing to change as it is', '张三、李四因宅基地界址发生纠纷。2026年调解。', '张三、李四因宅基地界址发生纠纷。2026年调解。'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeValueText(input)).toBe(expected);
  });

  // The quick check that lets most cells through unchanged must see every character the two
  // steps would change: each kind of whitespace `\s` knows, the byte-order mark, full-width ASCII.
  it.each([
    ['no-break space', '\u00a0', ' '],
    ['ogham space mark', '\u1680', ' '],
    ['en quad', '\u2000', ' '],
    ['hair space', '\u200a', ' '],
    ['line separator', '\u2028', ' '],
    ['paragraph separator', '\u2029', ' '],
    ['narrow no-break space', '\u202f', ' '],
    ['medium mathematical space', '\u205f', ' '],
    ['ideographic space', '\u3000', ' '],
    ['byte-order mark', '\ufeff', ' '],
    ['vertical tab', '\v', ' '],
    ['form feed', '\f', ' '],
    ['full-width exclamation mark, the first of the block', '\uff01', '!'],
    ['full-width tilde, the last of the block', '\uff5e', '~'],
    // Characters that show nothing, pasted in from a chat or a web page, read as the space they look like.
    ['zero-width space', '\u200b', ' '],
    ['zero-width joiner', '\u200d', ' '],
    ['soft hyphen', '\u00ad', ' '],
    ['word joiner', '\u2060', ' '],
    ['right-to-left override', '\u202e', ' '],
    ['variation selector', '\ufe0f', ' '],
    ['Hangul filler', '\u3164', ' '],
  ])('changes a %s inside a text', (_name, character, becomes) => {
    expect(normalizeValueText(`张三${character}${character}李四`)).toBe(becomes === ' ' ? '张三 李四' : `张三${becomes}${becomes}李四`);
  });

  it.each([
    ['the character after the full-width block (U+FF5F)', '\uff5f'],
    ['the character after the invisible formatting block (U+2070, superscript zero)', '\u2070'],
    ['a Han character of extension A (U+3400)', '\u3400'],
    ['a full-width comma-like ideographic comma (U+3001)', '\u3001'],
  ])('keeps %s', (_name, character) => {
    const text = `张三${character}李四`;
    expect(normalizeValueText(text)).toBe(text);
  });
});

describe('cellText', () => {
  it.each<[string, string | number | boolean | null, string]>([
    ['gives empty text for null', null, ''],
    ['gives empty text for an empty string', '', ''],
    ['writes an integer as it is', 42, '42'],
    ['writes a negative integer', -7, '-7'],
    ['writes a decimal as it is', 3.5, '3.5'],
    ['writes a tiny number without an exponent', 1e-7, '0.0000001'],
    ['writes a tiny number with several digits without an exponent', 1.5e-7, '0.00000015'],
    ['writes a tiny negative number without an exponent', -2.5e-8, '-0.000000025'],
    ['writes a huge number without an exponent', 1e21, '1000000000000000000000'],
    ['writes a huge number with a fraction in its mantissa without an exponent', 1.25e22, '12500000000000000000000'],
    ['writes true as Excel shows it', true, 'TRUE'],
    ['writes false as Excel shows it', false, 'FALSE'],
    ['normalises text', ' ＡＢ  cd ', 'AB cd'],
  ])('%s', (_name, input, expected) => {
    expect(cellText(input)).toBe(expected);
  });
});

describe('fitCellText: what one Excel cell holds', () => {
  it.each<[string, string, string]>([
    ['keeps text as long as a cell holds', 'a'.repeat(32767), 'a'.repeat(32767)],
    ['cuts a longer text to the limit, ending in …', 'a'.repeat(40000), `${'a'.repeat(32766)}…`],
    ['never cuts a character in half', `${'a'.repeat(32765)}😀${'a'.repeat(10)}`, `${'a'.repeat(32765)}…`],
  ])('%s', (_, text, expected) => {
    const fitted = fitCellText(text);
    expect(fitted).toBe(expected);
    expect(fitted.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });
});
