import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook, type WorkbookJobOptions } from '../../src/hosts/xlsx';
import { LEVEL_FILLS } from '../../src/core';
import { partOf } from './preservation';
import { smallLedger } from './small-ledger';

const options: WorkbookJobOptions = {
  fileName: 'ledger.xlsx',
  asOf: parseIsoDay('2026-11-28')!,
  preset: DEFAULT_PRESET,
  language: 'zh',
  mask: true,
};

/** What a rule's format looks like: the level whose fill it has, and the overdue mark's dark red bold text. */
function looks(dxf: string): string {
  const fill = Object.entries(LEVEL_FILLS).find(([, rgb]) => dxf.includes(`<fgColor rgb="${rgb}"/>`))?.[0];
  const mark = /<font><b\/><color rgb="FFC00000"\/><\/font>/.test(dxf) ? 'overdue' : undefined;
  return [mark, fill].filter(Boolean).join('+');
}

/** Every cfRule of the ledger sheet in document order: [sqref, priority, stops, look] (x14 rules: look 'x14'). */
function rules(bytes: Uint8Array): [string, number, boolean, string][] {
  const sheet = partOf(bytes, 'xl/worksheets/sheet1.xml');
  const styles = partOf(bytes, 'xl/styles.xml');
  const dxfs = [...(/<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>[\s\S]*?<\/dxf>|<dxf\/>/g)].map((m) => m[0]);
  const out: [string, number, boolean, string][] = [];
  for (const block of sheet.matchAll(/<(x14:)?conditionalFormatting\b([^>]*)>([\s\S]*?)<\/\1conditionalFormatting>/g)) {
    const sqref = /sqref="([^"]+)"/.exec(block[2])?.[1] ?? /<xm:sqref>([^<]+)</.exec(block[3])?.[1] ?? '';
    for (const rule of block[3].matchAll(/<(?:x14:)?cfRule\b([^>]*)>/g)) {
      const dxfId = /dxfId="(\d+)"/.exec(rule[1])?.[1];
      out.push([sqref, Number(/priority="(\d+)"/.exec(rule[1])![1]), /stopIfTrue="1"/.test(rule[1]), block[1] ? 'x14' : dxfId === undefined ? 'none' : looks(dxfs[Number(dxfId)])]);
    }
  }
  return out;
}

/** The add-in's seven rules after `start`: the overdue mark on the revisit column first, each keeping its row's fill and stopping. */
const ownRules = (start: number): [string, number, boolean, string][] => [
  ['O5:O8', start + 1, true, 'overdue+red'],
  ['O5:O8', start + 2, true, 'overdue+yellow'],
  ['O5:O8', start + 3, true, 'overdue+green'],
  ['O5:O8', start + 4, true, 'overdue'],
  ['A5:P8', start + 5, false, 'red'],
  ['A5:P8', start + 6, false, 'yellow'],
  ['A5:P8', start + 7, false, 'green'],
];

function withSheetXml(edit: (sheet: string) => string): Uint8Array {
  const files = unzipSync(smallLedger());
  files['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(files['xl/worksheets/sheet1.xml'])));
  return zipSync(files);
}

const USER_CELL_IS =
  '<conditionalFormatting sqref="I5:I8"><cfRule type="cellIs" priority="1" operator="greaterThan"><formula>10000</formula></cfRule>' +
  '<cfRule type="cellIs" priority="2" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
const USER_DATA_BAR =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:cfRule type="dataBar" priority="5" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar minLength="0" maxLength="100">' +
  '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>H5:H8</xm:sqref></x14:conditionalFormatting>' +
  '</x14:conditionalFormattings></ext></extLst>';

const cases: [string, Uint8Array, [string, number, boolean, string][]][] = [
  ['a ledger with no conditional formats of its own', smallLedger(), ownRules(0)],
  [
    'a ledger with two rules of the user\'s (priorities 1 and 2), which keep their numbers and win',
    withSheetXml((s) => s.replace('</mergeCells>', `</mergeCells>${USER_CELL_IS}`)),
    [['I5:I8', 1, false, 'none'], ['I5:I8', 2, false, 'none'], ...ownRules(2)],
  ],
  [
    'a ledger with an Excel 2010 data bar of priority 5 in its extLst',
    withSheetXml((s) => s.replace('</worksheet>', `${USER_DATA_BAR}</worksheet>`)),
    [...ownRules(5), ['H5:H8', 5, false, 'x14']],
  ],
];

describe('the overdue mark takes priority over the row colours', () => {
  it.each(cases)('in %s', (_name, input, expected) => {
    expect(rules(processWorkbook(input, options).bytes)).toEqual(expected);
  });

  it.each(cases)('and a re-run on the output of %s numbers them the same', (_name, input, expected) => {
    const first = processWorkbook(input, options);
    expect(rules(processWorkbook(first.bytes, options).bytes)).toEqual(expected);
  });

  it('carries the overdue rules\' formulas: overdue and of the level whose fill it keeps', () => {
    const sheet = partOf(processWorkbook(smallLedger(), options).bytes, 'xl/worksheets/sheet1.xml');
    const overdue = /<conditionalFormatting sqref="O5:O8">([\s\S]*?)<\/conditionalFormatting>/.exec(sheet)![1];
    const formulas = [...overdue.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) => m[1]);
    expect(formulas).toHaveLength(4);
    for (const f of formulas.slice(0, 3)) expect(f.startsWith('AND(AND(ISNUMBER($O5),$O5&lt;TODAY()),')).toBe(true);
    expect(formulas[3]).toBe('AND(ISNUMBER($O5),$O5&lt;TODAY())');
  });
});

describe('a re-run tells the add-in\'s formats from the user\'s by their whole formula', () => {
  /** The output with `edit` made to its ledger sheet, as a user (or another program) would. */
  function editedOutput(edit: (sheet: string) => string): Uint8Array {
    const files = unzipSync(processWorkbook(smallLedger(), options).bytes);
    files['xl/worksheets/sheet1.xml'] = strToU8(edit(strFromU8(files['xl/worksheets/sheet1.xml'])));
    return zipSync(files);
  }

  it('keeps a user\'s rule on the add-in\'s suggestion column that greys the settled, and replaces only its own', () => {
    const grey = '<conditionalFormatting sqref="M5:M8"><cfRule type="expression" priority="99" dxfId="0"><formula>$M5="绿（已化解）"</formula></cfRule></conditionalFormatting>';
    const input = editedOutput((s) => s.replace('<conditionalFormatting', `${grey}<conditionalFormatting`));
    const sheet = partOf(processWorkbook(input, options).bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(grey);
    expect(rules(processWorkbook(input, options).bytes).filter(([sqref]) => sqref !== 'M5:M8')).toEqual(ownRules(99));
  });

  it('keeps a user\'s copy of the add-in\'s overdue rule onto a column of their own', () => {
    const copy = '<conditionalFormatting sqref="A5:A8"><cfRule type="expression" priority="99" dxfId="0"><formula>AND(ISNUMBER($O5),$O5&lt;TODAY())</formula></cfRule></conditionalFormatting>';
    const input = editedOutput((s) => s.replace('<conditionalFormatting', `${copy}<conditionalFormatting`));
    expect(partOf(processWorkbook(input, options).bytes, 'xl/worksheets/sheet1.xml')).toContain(copy);
  });

  it.each([
    ['its $ written &#36;', (f: string) => f.replace(/\$/g, '&#36;')],
    ['its functions in lower case', (f: string) => f.replace(/[A-Z]+\(/g, (name) => name.toLowerCase())],
    ['its formula in a CDATA section', (f: string) => `<![CDATA[${f.replace(/&lt;/g, '<').replace(/&gt;/g, '>')}]]>`],
    ['the mark the pane writes its rules with', (f: string) => `AND(${f},N(&quot;三色台账&quot;)=0)`],
  ])('still knows its own formats with %s', (_name, edit) => {
    const input = editedOutput((s) => s.replace(/<formula>([^<]*)<\/formula>/g, (_, f: string) => `<formula>${edit(f)}</formula>`));
    expect(rules(processWorkbook(input, options).bytes)).toEqual(ownRules(0));
  });

  it('still knows its own formats in a file LibreOffice saved again, with its quotes written &quot;', () => {
    const input = editedOutput((s) => s.replace(/<formula>([^<]*)<\/formula>/g, (_, f: string) => `<formula>${f.replace(/"/g, '&quot;')}</formula>`));
    expect(partOf(input, 'xl/worksheets/sheet1.xml')).toContain('&quot;绿（&quot;');
    expect(rules(processWorkbook(input, options).bytes)).toEqual(ownRules(0));
  });
});

describe('a copy of the add-in\'s dropdown on a column of the user\'s', () => {
  const validations = (bytes: Uint8Array) => [...partOf(bytes, 'xl/worksheets/sheet1.xml').matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);

  it.each([
    ['copied with the cells to Q', (v: string) => `${v}${v.replace('sqref="P5:P8"', 'sqref="Q5:Q8"')}`, ['Q5:Q8', 'P5:P8']],
    ['stretched over P and Q', (v: string) => v.replace('sqref="P5:P8"', 'sqref="P5:Q8"'), ['Q5:Q8', 'P5:P8']],
    ['stretched down P below the ledger (rows made ready for new disputes) and on to Q and R', (v: string) => v.replace('sqref="P5:P8"', 'sqref="P5:P20 Q5:R8"'), ['P9:P20 Q5:R8', 'P5:P8']],
    ['copied to the whole of column R, as written', (v: string) => `${v}${v.replace('sqref="P5:P8"', 'sqref="R:R"')}`, ['R:R', 'P5:P8']],
  ])('%s is the user\'s: kept there on a re-run, beside the add-in\'s own, which is written afresh', (_name, edit, expected) => {
    const first = processWorkbook(smallLedger(), options).bytes;
    expect(validations(first)).toEqual(['P5:P8']);
    const files = unzipSync(first);
    const edited = strFromU8(files['xl/worksheets/sheet1.xml']).replace(/<dataValidation\b[\s\S]*?<\/dataValidation>/, edit);
    const count = (edited.match(/<dataValidation /g) ?? []).length;
    const input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(edited.replace(/<dataValidations count="\d+">/, `<dataValidations count="${count}">`)) });
    const once = processWorkbook(input, options).bytes;
    expect(validations(once)).toEqual(expected);
    expect(Buffer.from(processWorkbook(once, options).bytes).equals(Buffer.from(once))).toBe(true);
  });
});
