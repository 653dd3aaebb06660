import { richText } from '../../src/hosts/xlsx/sheet-reader';
import { escapeText, escapeXml, inlineStringCell, setAttr, unescapeXml } from '../../src/hosts/xlsx/xml';

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

describe('text written into a cell', () => {
  it.each([
    // what a cell holds, what the cell's <t> gets
    ['双方因宅基地边界发生争执', '双方因宅基地边界发生争执'],
    // A literal escape the user typed (Excel stores it as _x005F_x000B_) stays a literal.
    ['字面量 _x000B_ 与 _x4E2D_', '字面量 _x005F_x000B_ 与 _x005F_x4E2D_'],
    ['_x12_ 与 _xZZZZ_ 不是转义', '_x12_ 与 _xZZZZ_ 不是转义'],
    // Characters XML cannot hold are kept as OOXML escapes, not dropped.
    ['a\u000Bb\u0001c\uFFFF', 'a_x000B_b_x0001_c_xFFFF_'],
    ['张某<李某> & 王某', '张某&lt;李某&gt; &amp; 王某'],
  ])('%j is written as %j and read back as it was', (text, written) => {
    const cell = inlineStringCell('A1', '', text);
    expect(cell).toBe(`<c r="A1" t="inlineStr"><is><t>${written}</t></is></c>`);
    expect(richText(cell.slice(cell.indexOf('<is>') + 4, cell.indexOf('</is>')))).toBe(text);
  });
});

describe('an attribute set on a start tag', () => {
  it.each([
    ['replaced where it is', '<row r="5" spans="1:20" ht="18">', 'spans', '1:25', '<row r="5" spans="1:25" ht="18">'],
    ['in single quotes', "<row r='5' spans='1:20'>", 'spans', '1:25', '<row r=\'5\' spans="1:25">'],
    ['spaced around =', '<row spans = "1:20">', 'spans', '1:25', '<row spans = "1:25">'],
    ['added when absent', '<row r="5">', 'spans', '1:25', '<row r="5" spans="1:25">'],
    ['added to an empty element', '<row r="5"/>', 'spans', '1:25', '<row r="5" spans="1:25"/>'],
    ['not in a longer name that ends the same', '<c xspans="1" spans="2">', 'spans', '9', '<c xspans="1" spans="9">'],
    ['only the first of a name given twice', '<c a="1" a="2">', 'a', '3', '<c a="3" a="2">'],
    ['escaped', '<a b="1">', 'b', 'x"&<', '<a b="x&quot;&amp;&lt;">'],
    ['with a prefix', '<x:row r="5" x:spans="1:2">', 'x:spans', '1:3', '<x:row r="5" x:spans="1:3">'],
  ])('%s', (_what, tag, name, value, expected) => {
    // Twice: the expression kept for the name must not carry anything from one tag to the next.
    expect(setAttr(tag, name, value)).toBe(expected);
    expect(setAttr(tag, name, value)).toBe(expected);
  });
});
