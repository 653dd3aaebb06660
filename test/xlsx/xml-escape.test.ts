import { escapeText, escapeXml, unescapeXml } from '../../src/hosts/xlsx/xml';

describe('text written into a part', () => {
  it.each([
    // what a cell holds, what the part gets, what a reader gets back
    ['双方因宅基地边界发生争执', '双方因宅基地边界发生争执', '双方因宅基地边界发生争执'],
    ['张某<李某> & 王某', '张某&lt;李某&gt; &amp; 王某', '张某<李某> & 王某'],
    ['他说"再来就动手"', '他说"再来就动手"', '他说"再来就动手"'],
    ['a\u0001b\u000Bc\u001Fd', 'abcd', 'abcd'],
    ['a\tb\nc\rd', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['x\uFFFEy\uFFFF', 'xy', 'xy'],
    ['&amp;', '&amp;amp;', '&amp;'],
  ])('%j is written as %j', (text, written, readBack) => {
    expect(escapeText(text)).toBe(written);
    expect(unescapeXml(written)).toBe(readBack);
  });

  it('escapes quotes in attribute values', () => {
    expect(escapeXml('say "hi" & <go>')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;');
  });
});
