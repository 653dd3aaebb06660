import { readSharedStrings, readSheetXml } from '../../src/hosts/xlsx/sheet-reader';
import { XmlFormatError } from '../../src/hosts/xlsx/xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHARED = ['甲', '乙', '丙'];

/**
 * The second cell of a one-row sheet as the reader reads it: its value and number format, or the
 * error. Most cells go a quick way (the common spelling Excel writes), the rest the full way; a
 * cell must read the same whichever way it goes, with or without a namespace prefix.
 */
function secondCell(cell: string, prefix: '' | 'x:'): { value: unknown; format: unknown } | string {
  const tags = (xml: string) => (prefix ? xml.replace(/<(\/?)(worksheet|sheetData|row|c|v)(?=[\s/>])/g, `<$1${prefix}$2`) : xml);
  const root = prefix ? `<x:worksheet xmlns:x="${MAIN}">` : `<worksheet xmlns="${MAIN}">`;
  const xml = root + tags(`<sheetData><row r="1"><c r="A1"><v>0</v></c>${cell}</row></sheetData>`) + (prefix ? '</x:worksheet>' : '</worksheet>');
  try {
    const grid = readSheetXml(xml, { name: '台账', sharedStrings: () => SHARED, formatOf: (n) => `format ${n}`, date1904: false });
    return { value: grid.values[0][1], format: grid.numberFormats?.[0]?.[1] ?? null };
  } catch (e) {
    if (e instanceof XmlFormatError) return 'refused';
    throw e;
  }
}

describe.each([
  ['unprefixed', ''],
  ['prefixed x:', 'x:'],
] as const)('a cell as the reader reads it (%s)', (_name, prefix) => {
  it.each([
    ['a shared string', '<c r="B1" t="s"><v>1</v></c>', { value: '乙', format: null }],
    ['shared string 0', '<c r="B1" s="4" t="s"><v>0</v></c>', { value: '甲', format: null }],
    ['a shared string past the list', '<c r="B1" t="s"><v>3</v></c>', 'refused'],
    ['a shared string number with a leading zero', '<c r="B1" t="s"><v>01</v></c>', 'refused'],
    ['a shared string number with spaces', '<c r="B1" t="s"><v> 2 </v></c>', { value: '丙', format: null }],
    ['an integer with a style', '<c r="B1" s="3"><v>46000</v></c>', { value: 46000, format: 'format 3' }],
    ['style 0', '<c r="B1" s="0"><v>7</v></c>', { value: 7, format: 'format 0' }],
    ['a style number with a leading zero', '<c r="B1" s="03"><v>5</v></c>', { value: 5, format: 'format 3' }],
    ['t="n" said', '<c r="B1" t="n"><v>3</v></c>', { value: 3, format: null }],
    ['a negative decimal', '<c r="B1"><v>-2.5</v></c>', { value: -2.5, format: null }],
    ['an exponent', '<c r="B1"><v>1E3</v></c>', { value: 1000, format: null }],
    ['an integer of 18 digits (past exact)', '<c r="B1"><v>123456789012345678</v></c>', { value: Number('123456789012345678'), format: null }],
    ['an integer with leading zeros', '<c r="B1"><v>007</v></c>', { value: 7, format: null }],
    ['a number with spaces around it', '<c r="B1"><v> 7 </v></c>', { value: 7, format: null }],
    // XML allows a character reference anywhere in text; a value so written reads as its characters.
    ['a shared string number as a character reference', '<c r="B1" t="s"><v>&#49;</v></c>', { value: '乙', format: null }],
    ['a shared string number as a hexadecimal reference', '<c r="B1" t="s"><v>&#x32;</v></c>', { value: '丙', format: null }],
    ['a shared string number of two references past the list', '<c r="B1" t="s"><v>&#49;&#48;</v></c>', 'refused'],
    ['a number with a reference inside, styled', '<c r="B1" s="3"><v>4&#54;000</v></c>', { value: 46000, format: 'format 3' }],
    ['a boolean as a reference', '<c r="B1" t="b"><v>&#49;</v></c>', { value: true, format: null }],
    ['an escaped ampersand before a number', '<c r="B1"><v>&amp;1</v></c>', 'refused'],
    ['hexadecimal', '<c r="B1"><v>0x10</v></c>', 'refused'],
    ['Infinity', '<c r="B1"><v>Infinity</v></c>', 'refused'],
    // A value of nothing is no value, but the cell is there: the row reaches it (blank), as it reaches
    // a formatted empty cell, so the add-in never writes its columns over it.
    ['an empty value', '<c r="B1"><v></v></c>', { value: null, format: null }],
    ['a formula never calculated', '<c r="B1"><f>SUM(A1:A9)</f></c>', { value: null, format: null }],
    ['an empty formatted cell', '<c r="B1" s="2"/>', { value: null, format: null }],
    ['an empty cell whose attribute is never closed (a flipped byte)', '<c r="B1" s="4*/>', 'refused'],
    ['a column past XFD', '<c r="XFE1"><v>1</v></c>', 'refused'],
    ['four letters', '<c r="AAAA1"><v>1</v></c>', 'refused'],
    ['another row’s address', '<c r="B2"><v>1</v></c>', 'refused'],
    ['a row number with a leading zero', '<c r="B01"><v>1</v></c>', 'refused'],
    ['a column left of the cell before', '<c r="A1"><v>1</v></c>', 'refused'],
    ['a value never closed', '<c r="B1"><v>1</c>', 'refused'],
    ['a cell never closed', '<c r="B1"><v>1</v>', 'refused'],
  ])('%s', (_case, cell, expected) => {
    expect(secondCell(cell, prefix)).toEqual(expected);
  });

describe('a whole sheet read for its values (numberFormats: false)', () => {
  // The job reads the ledger for values only; the quick and the full way both leave formats out then.
  it.each([
    ['the quick way', '<c r="B1" s="3"><v>46000</v></c>'],
    ['the full way (attributes in another order)', '<c s="3" r="B1"><v>46000</v></c>'],
  ])('%s: the same value, no format', (_name, cell) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>0</v></c>${cell}</row></sheetData></worksheet>`;
    const ctx = { name: '台账', sharedStrings: () => SHARED, formatOf: (n: number) => `format ${n}`, date1904: false };
    expect(readSheetXml(xml, ctx).numberFormats?.[0]?.[1]).toBe('format 3');
    const valuesOnly = readSheetXml(xml, { ...ctx, numberFormats: false });
    expect(valuesOnly.values[0][1]).toBe(46000);
    expect(valuesOnly.numberFormats?.[0]?.[1]).toBeUndefined();
  });
});

  it('reads the last column’s value where it is', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="XFD1"><v>9</v></c></row></sheetData></worksheet>`;
    const grid = readSheetXml(prefix ? xml.replace(/<(\/?)(worksheet|sheetData|row|c|v)(?=[\s/>])/g, `<$1x:$2`).replace('xmlns=', 'xmlns:x=') : xml, {
      name: '台账',
      sharedStrings: () => SHARED,
      formatOf: () => null,
      date1904: false,
    });
    expect(grid.values[0].length).toBe(16384);
    expect(grid.values[0][16383]).toBe(9);
  });
});

describe('the shared strings as the reader reads them', () => {
  const sst = (items: string) => readSharedStrings(`<sst xmlns="${MAIN}">${items}</sst>`);
  // The plain item is read without a parser; every other goes the full way, and both must agree.
  it.each([
    ['a plain item', '<si><t>张三</t></si>', ['张三']],
    ['xml:space="preserve"', '<si><t xml:space="preserve"> 李四 </t></si>', [' 李四 ']],
    ['an OOXML escape in a plain item', '<si><t>第一行_x000D_</t></si>', ['第一行\r']],
    ['a character reference', '<si><t>A&amp;B</t></si>', ['A&B']],
    ['rich text runs', '<si><r><t>持</t></r><r><rPr><b/></rPr><t>刀</t></r></si>', ['持刀']],
    ['a phonetic run left out', '<si><t>王五</t><rPh sb="0" eb="1"><t>wang</t></rPh></si>', ['王五']],
    ['a > in a closed-where-it-opens tag’s attribute', '<si><t>甲</t><rPh a=">"/><r><t b=">"/></r><r><t>乙</t></r></si>', ['甲乙']],
    ['a phonetic run closed where it opens, and the text after it', '<si><t>甲</t><rPh/><t>乙</t><rPh sb="0" eb="1"><t>yi</t></rPh></si>', ['甲乙']],
    ['an empty item', '<si/><si><t/></si>', ['', '']],
    ['spaces around the text element', '<si>\n  <t>赵六</t>\n</si>', ['赵六']],
    ['a start tag with a space before >', '<si ><t>钱七</t></si>', ['钱七']],
    ['an item the list has several of', '<si><t>甲</t></si><si><t>乙</t></si><si><t>丙</t></si>', ['甲', '乙', '丙']],
    ['an empty text element', '<si><t></t></si>', ['']],
    ['plain items beside a rich one', '<si><t>甲</t></si><si><r><t>乙</t></r></si><si><t xml:space="preserve">丙 </t></si>', ['甲', '乙', '丙 ']],
    ['a space before an end tag’s >', '<si><t>丁</t></si ><si><t>戊</t ></si>', ['丁', '戊']],
  ])('%s', (_name, items, expected) => {
    expect(sst(items)).toEqual(expected);
  });

  it.each([
    ['an item never closed', '<si><t>甲</t><si><t>乙</t></si>'],
    ['markup out of place inside <t>', '<si><t>甲<b>乙</t></si>'],
    ['an item whose end tag runs into the next', '<si><t>甲</t></si<si><t>乙</t></si>'],
  ])('refuses %s', (_name, items) => {
    expect(() => sst(items)).toThrow(XmlFormatError);
  });
});

describe('formula cells without a computed value', () => {
  const read = (cells: string, prefix: '' | 'x:' = '') => {
    const tags = (xml: string) => (prefix ? xml.replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t)(?=[\s/>])/g, `<$1${prefix}$2`) : xml);
    const root = prefix ? `<x:worksheet xmlns:x="${MAIN}">` : `<worksheet xmlns="${MAIN}">`;
    const xml = root + tags(`<sheetData>${cells}</sheetData>`) + (prefix ? '</x:worksheet>' : '</worksheet>');
    return readSheetXml(xml, { name: '台账', sharedStrings: () => SHARED, formatOf: () => null, date1904: false });
  };

  // [cell, listed as a formula without value]
  it.each<[string, boolean]>([
    ['<c r="B1"><f>20+15</f></c>', true],
    ['<c r="B1" t="str"><f>CONCATENATE("a","b")</f></c>', true],
    ['<c r="B1"><f t="shared" si="0"/></c>', true],
    ['<c r="B1"><f>20+15</f><v></v></c>', true],
    ['<c r="B1"><f>20+15</f><v>35</v></c>', false],
    ['<c r="B1" t="inlineStr"><is><t>fast</t></is></c>', false],
    ['<c r="B1" s="3"/>', false],
  ])('%s: %s', (cell, listed) => {
    for (const prefix of ['', 'x:'] as const) {
      const grid = read(`<row r="1"><c r="A1"><v>1</v></c>${cell}</row>`, prefix);
      expect(grid.formulasWithoutValue).toEqual(listed ? { cells: [{ row: 0, col: 1 }], total: 1 } : undefined);
      // Read as blank, as before: the message about them is the core's (formulasWithoutValueIssue).
      if (listed) expect(grid.values[0][1] ?? null).toBeNull();
    }
  });

  it('lists them in sheet order, and counts past the ones it keeps by address', () => {
    const rows = Array.from({ length: 5003 }, (_, r) => `<row r="${r + 1}"><c r="C${r + 1}"><f>1+1</f></c></row>`).join('');
    const grid = read(rows);
    expect(grid.formulasWithoutValue!.total).toBe(5003);
    expect(grid.formulasWithoutValue!.cells).toHaveLength(5000);
    expect(grid.formulasWithoutValue!.cells.slice(0, 2)).toEqual([
      { row: 0, col: 2 },
      { row: 1, col: 2 },
    ]);
  });
});
