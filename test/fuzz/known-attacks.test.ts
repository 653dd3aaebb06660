/**
 * Input that once ran for a minute or more, from small files built to do so (the sweeps of
 * 2026-12-06): each scan it reaches is called on it in a worker thread and must end within the
 * budget. The sizes are those at which the old scans ran for 15 s to several minutes; the scans
 * now take milliseconds. What each reads is checked beside its scan (the readers' own tests).
 */
import * as path from 'path';
import { callWithinBudget, type BudgetedCall } from '../support/within-budget';

const SRC = path.resolve(__dirname, '../../src');
const BUDGET_MS = 5000;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET_CONTEXT = `{ name: '台账', sharedStrings: () => ['甲'], formatOf: () => null, date1904: false }`;

const textNumbers = `${SRC}/core/rules/text-numbers.ts`;
/** In a worker: `run(edit)` processes the small test ledger with its sheet's XML edited so, as the command would. */
const SMALL_LEDGER_RUN = `const { smallLedger } = require('${path.resolve(__dirname, '../xlsx/small-ledger.ts')}');
  const { editPart } = require('${path.resolve(__dirname, 'zip-tools.ts')}');
  const core = require('${SRC}/core/index.ts');
  const options = { fileName: 'ledger.xlsx', asOf: core.parseIsoDay('2026-11-28'), preset: core.DEFAULT_PRESET, language: 'zh', mask: true };
  const run = (edit) => mod.processWorkbook(editPart(smallLedger(), 'xl/worksheets/sheet1.xml', edit), options);
  const { partsOf, writeRawZip } = require('${path.resolve(__dirname, 'zip-tools.ts')}');
  // withSheets(count, xml, sst, before): the small ledger, and count more sheets (after it, or before) listed over one part of xml, with the shared strings sst added.
  const withSheets = (count, xml, sst = [], before = false) => {
    const parts = partsOf(smallLedger());
    const edit = (name, change) => { const part = parts.find((p) => p.name === name); part.data = new TextEncoder().encode(change(new TextDecoder().decode(part.data))); };
    parts.push({ name: 'xl/worksheets/more.xml', data: new TextEncoder().encode(xml) });
    const ids = Array.from({ length: count }, (_, i) => i);
    const listed = ids.map((i) => '<sheet name="W' + i + '" sheetId="' + (100 + i) + '" r:id="rIdW' + i + '"/>').join('');
    edit('xl/workbook.xml', (x) => (before ? x.replace('<sheets>', '<sheets>' + listed) : x.replace('</sheets>', listed + '</sheets>')));
    edit('xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', ids.map((i) => '<Relationship Id="rIdW' + i + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/more.xml"/>').join('') + '</Relationships>'));
    edit('[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/xl/worksheets/more.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    edit('xl/sharedStrings.xml', (x) => x.replace('</sst>', sst.map((t) => '<si><t>' + t + '</t></si>').join('') + '</sst>'));
    return mod.processWorkbook(writeRawZip(parts), options);
  };
  const sheetOf = (rows) => '<worksheet xmlns="${MAIN}"><sheetData>' + rows.map((cells, r) => '<row r="' + (r + 1) + '">' + cells + '</row>').join('') + '</sheetData></worksheet>';`;
/** Each case: its name, the call, the refusal it ends with (else it returns), and its budget when not BUDGET_MS. */
const CASES: [string, BudgetedCall, RegExp?, number?][] = [
  // A preset's pattern that JavaScript's engine backtracks on for hours (40 characters) or minutes
  // (a ledger of long cells): each runs on the linear engine (core/rules/pattern-engine.ts).
  ...[
    ['(?:\\x51|\\x51)+!', `'Q'.repeat(40)`, 1],
    ['(?:[\\u9f00-\\u9fa5]|\\u9f50)+!', `'齐'.repeat(40)`, 1],
    ['(?:\\p{Nd}|[\\u0660-\\u0669])+!', `'٠'.repeat(40)`, 1],
    ['[^。]*扬言[^。]*砍', `'齐'.repeat(32767)`, 30],
    ['.*.*=', `'a'.repeat(5000)`, 30],
  ].map(([pattern, text, rows]): [string, BudgetedCall] => [
    `a preset's pattern ${pattern} on ${rows} cell(s) of ${text}`,
    {
      module: `${SRC}/core/rules/pattern-engine.ts`,
      work: `const text = ${text}; const compiled = mod.compilePattern(${JSON.stringify(pattern)});
        for (let row = 0; row < ${rows}; row++) for (const m of compiled.matches(text)) void m;`,
    },
  ]),
  // A cell of numerals after a unit of people: every start and split of the run was tried.
  ['a run of 十 after 人 (a headcount in the text)', { module: textNumbers, exportName: 'headcountInText', args: `['人' + '十'.repeat(4000)]` }],
  ['32,767 characters of 一 after 人', { module: textNumbers, exportName: 'headcountInText', args: `['人' + '一'.repeat(32766)]`, times: 3 }],
  ['32,767 characters of 一 after 调 (failed mediations)', { module: textNumbers, exportName: 'mediationFailuresInText', args: `['调' + '一'.repeat(32766)]`, times: 4 }],
  ['32,767 characters of 一 after 报警 (police calls)', { module: textNumbers, exportName: 'policeCallsInText', args: `['报警' + '一'.repeat(32765)]`, times: 4 }],
  // A header cell of stacked hints, matched again from its start for each one peeled.
  ['a header of 8,190 hints (必填)', { module: `${SRC}/core/cells/text.ts`, exportName: 'normalizeHeader', args: `['a' + '(必填)'.repeat(8190)]`, times: 60 }],
  // A tag whose quote never ends: every split of its 200,000-character name.
  [
    'a tag with a 200,000-character name and an open quote',
    { module: `${SRC}/hosts/xlsx/xml.ts`, exportName: 'checkElementsNested', args: `['<a><x' + 'a'.repeat(200000) + '"/></a>']` },
    /^threw: XML at 3: malformed <xaaa/,
  ],
  // ]]> in an attribute value, the tag read again for each.
  ['100,000 ]]> in one attribute value', { module: `${SRC}/hosts/xlsx/xml.ts`, exportName: 'checkReferences', args: `['<a b="' + ']]>'.repeat(100000) + '"/>']` }],
  // Comments by the hundred thousand before a reference (the add-in's own &lt; in a rule it wrote
  // after them): the rest of the part searched for the next <? once per comment.
  ['300,000 comments before an &lt;', { module: `${SRC}/hosts/xlsx/xml.ts`, exportName: 'checkReferences', args: `['<a>' + '<!---->'.repeat(300000) + '&lt;</a>']` }],
  // A quoted > in a tag that closes where it opens: each searched for an end tag to the end.
  ['100,000 phonetic runs <rPh a=">"/> in a string item', { module: `${SRC}/hosts/xlsx/sheet-reader.ts`, exportName: 'readSharedStrings', args: `['<sst xmlns="${MAIN}"><si><t>甲</t>' + '<rPh a=">"/>'.repeat(100000) + '</si></sst>']` }],
  ['100,000 runs <r><t a=">"/></r> in a string item', { module: `${SRC}/hosts/xlsx/sheet-reader.ts`, exportName: 'readSharedStrings', args: `['<sst xmlns="${MAIN}"><si>' + '<r><t a=">"/></r>'.repeat(100000) + '</si></sst>']` }],
  [
    '100,000 values <v a=">"/> in one cell',
    {
      module: `${SRC}/hosts/xlsx/sheet-reader.ts`,
      exportName: 'readSheetXml',
      args: `['<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1">' + '<v a=">"/>'.repeat(100000) + '</c></row></sheetData></worksheet>', ${SHEET_CONTEXT}]`,
    },
  ],
  // Validations in the worksheet's extensions closed where they open.
  [
    '100,000 x14:dataValidation closed where they open',
    {
      module: `${SRC}/hosts/xlsx/ledger-writer.ts`,
      exportName: 'extensionValidationRanges',
      args: `['<worksheet xmlns="${MAIN}"><sheetData/><extLst><ext uri="x" xmlns:x14="y"><x14:dataValidations>' + '<x14:dataValidation a="" />'.repeat(100000) + '</x14:dataValidations></ext></extLst></worksheet>']`,
    },
  ],
  // A one-sentence cell of words, 但 and retractions: every retraction, and every 但 for each, looked at for every word.
  [
    'a sentence of 6,000 但, 6,000 踹 and 2,000 系谣言',
    {
      module: `${SRC}/core/index.ts`,
      work: `const record = require('${SRC}/../scripts/eval/corpus.ts').recordOf('但'.repeat(6000) + '踹'.repeat(6000) + '但' + '系谣言'.repeat(2000), 2);
        mod.triageRecord(mod.compilePreset(mod.DEFAULT_PRESET), record, record.registered);`,
    },
  ],
  // Words of two classes that must stand together, every hit compared with every other.
  [
    'a cell of 16,000 要杀 (a threat and a killing together), in 20 rows',
    {
      module: `${SRC}/core/index.ts`,
      work: `const preset = mod.compilePreset(mod.DEFAULT_PRESET);
        const record = require('${SRC}/../scripts/eval/corpus.ts').recordOf('要杀'.repeat(16000), 2);
        for (let row = 0; row < 20; row++) mod.triageRecord(preset, { ...record, row: row + 2 }, record.registered);`,
    },
  ],
  // A row naming 10,000 parties and 6,400 address parts: each looked for in the text in turn (100
  // such rows ran 73 s). Forty rows: indexing each row's 16,400 words is linear, and took 5 s for
  // 100 rows on the slower of the machines CI runs on, the whole budget.
  [
    'the place and the brief of a row with 10,000 parties and 6,400 address parts, in 40 rows',
    {
      module: `${SRC}/core/masking/index.ts`,
      work: `const han = (i) => String.fromCharCode(0x4e00 + i);
        for (let row = 0; row < 40; row++) {
          const names = Array.from({ length: 10000 }, (_, i) => '甲' + han(i));
          const address = Array.from({ length: 6400 }, (_, i) => '乙丙丁' + han(i)).join('、');
          mod.maskPlaceForHandout('甲'.repeat(1000), { names, address });
          mod.maskForHandout('乙丙丁'.repeat(333), { names, address });
        }`,
    },
  ],
  // One name or address part of 16,000 characters among others, in a text that repeats its start: a trie walked as far as it goes at each position.
  [
    'a 16,000-character name and address part in texts of 32,000 characters repeating their start, in 20 rows',
    {
      module: `${SRC}/core/masking/index.ts`,
      work: `const names = ['张'.repeat(16000) + '甲', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一'];
        const address = ['路'.repeat(16000) + '甲', '东村三组五号', '西村一组', '南村五组', '北村四组', '中村五组', '上村六组', '下村七组', '前村八组'].join('、');
        for (let row = 0; row < 20; row++) { mod.maskText('张'.repeat(32000), [...names]); mod.maskForHandout('路'.repeat(32000), { names: [...names], address }); }`,
    },
  ],
  // Thousands of digit groups with no unit of people after them: the grouped reading tried again from each group.
  ['a number of 8,000 thousands groups before 。人, 20 times', { module: textNumbers, exportName: 'headcountInText', args: `['1' + ',111'.repeat(8000) + '。人']`, times: 20 }],
  // Two ledgers whose lines share 1,500 names: each pair compared again under each name.
  [
    'a meeting of two ledgers of 50 lines sharing 1,500 names and a 16,000-character type',
    {
      module: `${SRC}/core/meeting/duplicates.ts`,
      work: `const names = Array.from({ length: 1500 }, (_, i) => '甲' + String.fromCharCode(0x4e00 + i)).join('、');
        const type = '乙'.repeat(16000);
        const line = (unit, i) => ({ unit, dispute: { record: { row: i + 2, registered: 20000 + (i % 5), text: { parties: names, type, place: '丙村' } } } });
        mod.findSharedDisputes([...Array.from({ length: 50 }, (_, i) => line(0, i)), ...Array.from({ length: 50 }, (_, i) => line(1, i))]);`,
    },
  ],
  // The ledger's names by their first two characters, every name of a bucket compared at each position.
  [
    "a meeting paper's name lookup: 60 rows of 5,000 names sharing two characters",
    {
      module: `${SRC}/core/summary/names.ts`,
      work: `const index = new mod.NameIndex();
        for (let row = 0; row < 60; row++) for (let i = 0; i < 5000; i++) index.add('甲乙' + String.fromCharCode(0x4e00 + row) + String.fromCharCode(0x4e00 + i) + '丙');
        for (let row = 0; row < 60; row++) index.find('甲乙'.repeat(500));`,
    },
  ],
  // Names over 64 characters that occur in the text, each compared at every position of it.
  [
    'a text naming 196 parties of 66 to 261 characters, masked in 200 rows',
    {
      module: `${SRC}/core/masking/index.ts`,
      work: `const names = []; for (let k = 65; k <= 260; k++) names.push('张'.repeat(k) + '李');
        const text = '张'.repeat(730) + '王' + '张'.repeat(260) + '李';
        for (let row = 0; row < 200; row++) mod.maskForHandout(text, { names: [...names], address: '' });`,
    },
  ],
  // The sweep of 2026-12-07: merged areas and conditional formats repeated in a small workbook.
  [
    "20,000 conditional formats that look like the add-in's own",
    {
      module: `${SRC}/hosts/xlsx/index.ts`,
      work: `${SMALL_LEDGER_RUN}
        const block = '<conditionalFormatting sqref="M5"><cfRule type="expression" dxfId="0" priority="1"><formula>$M5="绿（已化解）"</formula></cfRule></conditionalFormatting>';
        run((xml) => xml.replace('</mergeCells>', '</mergeCells>' + block.repeat(20000)));`,
    },
  ],
  [
    'a header reaching XFD with 100,000 copies of one merged area',
    {
      module: `${SRC}/hosts/xlsx/index.ts`,
      work: `${SMALL_LEDGER_RUN}
        run((xml) => xml
          .replace('</row><row r="4"', '<c r="XFD3" t="inlineStr"><is><t>备注</t></is></c></row><row r="4"')
          .replace('</sheetData>', '<row r="45"><c r="A45" t="inlineStr"><is><t>注：</t></is></c></row></sheetData>')
          .replace('</mergeCells>', '<mergeCell ref="XFD3:XFD4"/>'.repeat(100000) + '</mergeCells>'));`,
    },
    /^threw: .*XFD/,
  ],
  [
    'a serial number merged 1,000 times over 1,000 rows of 10,000 cells',
    {
      module: `${SRC}/hosts/xlsx/index.ts`,
      work: `${SMALL_LEDGER_RUN}
        let rows = '';
        for (let r = 9; r <= 1000; r++) rows += '<row r="' + r + '"><c r="B' + r + '" t="inlineStr"><is><t>2026/10/5</t></is></c><c r="NTP' + r + '" t="inlineStr"><is><t>甲</t></is></c></row>';
        run((xml) => xml.replace('</sheetData>', rows + '</sheetData>').replace('</mergeCells>', '<mergeCell ref="A5:A1000"/>'.repeat(1000) + '</mergeCells>'));`,
    },
  ],
  [
    '400 copies of a merged area down 1,000,000 rows of a sheet reaching XFD',
    {
      module: `${SRC}/hosts/xlsx/index.ts`,
      work: `${SMALL_LEDGER_RUN}
        run((xml) => xml
          .replace('</sheetData>', '<row r="1000000"><c r="XFD1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
          .replace('</mergeCells>', '<mergeCell ref="A9:B1000000"/>'.repeat(400) + '</mergeCells>'));`,
    },
    /^threw: .*XFD/,
    // The four below build a workbook of megabytes and run the whole job in the budget (2–4 s now;
    // 25 s, 39 s for 200 of the 1,000 sheets, and 84 s on the code before).
    15_000,
  ],
  [
    'a ledger beside 1,000 sheets of 45 rows of 16,384 empty cells',
    { module: `${SRC}/hosts/xlsx/index.ts`, work: `${SMALL_LEDGER_RUN} withSheets(1000, sheetOf(Array(45).fill('<c/>'.repeat(16384))));` },
    undefined,
    15_000,
  ],
  [
    'a ledger after 30 sheets whose 45 top rows reach XFD: the search stops, and says so',
    { module: `${SRC}/hosts/xlsx/index.ts`, work: `${SMALL_LEDGER_RUN} withSheets(30, sheetOf(Array(45).fill('<c/>'.repeat(16384))), [], true);` },
    /^threw: .*查看了前 22 张（共 31 张）.*--sheet/,
    15_000,
  ],
  [
    'a ledger beside a sheet of 45 rows of 16,384 cells of one 32,000-character string',
    {
      module: `${SRC}/hosts/xlsx/index.ts`,
      work: `${SMALL_LEDGER_RUN}
        const index = (new TextDecoder().decode(partsOf(smallLedger()).find((p) => p.name === 'xl/sharedStrings.xml').data).match(/<si>/g) || []).length;
        withSheets(1, sheetOf(Array(45).fill(('<c t="s"><v>' + index + '</v></c>').repeat(16384))), ['纠'.repeat(32000)]);`,
    },
    undefined,
    15_000,
  ],
];

describe('input that once ran for minutes ends in milliseconds', () => {
  // Each case's refusal beside its call: a row shorter than the test's parameters would make jest pass a callback.
  it.each(CASES.map(([name, call, refusal, budget]) => [name, { call, refusal, budget }] as const))('%s', async (_name, { call, refusal, budget }) => {
    const ended = await callWithinBudget(call, budget ?? BUDGET_MS);
    // Refused where it stands, or read.
    if (refusal) expect(ended).toMatch(refusal);
    else expect(ended).toBe('returned');
  }, 60_000);
});
