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
const CASES: [string, BudgetedCall][] = [
  // A cell of numerals after a unit of people: every start and split of the run was tried.
  ['a run of 十 after 人 (a headcount in the text)', { module: textNumbers, exportName: 'headcountInText', args: `['人' + '十'.repeat(4000)]` }],
  ['32,767 characters of 一 after 人', { module: textNumbers, exportName: 'headcountInText', args: `['人' + '一'.repeat(32766)]`, times: 3 }],
  ['32,767 characters of 一 after 调 (failed mediations)', { module: textNumbers, exportName: 'mediationFailuresInText', args: `['调' + '一'.repeat(32766)]`, times: 4 }],
  ['32,767 characters of 一 after 报警 (police calls)', { module: textNumbers, exportName: 'policeCallsInText', args: `['报警' + '一'.repeat(32765)]`, times: 4 }],
  // A header cell of stacked hints, matched again from its start for each one peeled.
  ['a header of 8,190 hints (必填)', { module: `${SRC}/core/cells/text.ts`, exportName: 'normalizeHeader', args: `['a' + '(必填)'.repeat(8190)]`, times: 60 }],
  // A tag whose quote never ends: every split of its 200,000-character name.
  ['a tag with a 200,000-character name and an open quote', { module: `${SRC}/hosts/xlsx/xml.ts`, exportName: 'checkElementsNested', args: `['<a><x' + 'a'.repeat(200000) + '"/></a>']` }],
  // ]]> in an attribute value, the tag read again for each.
  ['100,000 ]]> in one attribute value', { module: `${SRC}/hosts/xlsx/xml.ts`, exportName: 'checkReferences', args: `['<a b="' + ']]>'.repeat(100000) + '"/>']` }],
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
];

describe('input that once ran for minutes ends in milliseconds', () => {
  it.each(CASES)('%s', async (_name, call) => {
    const ended = await callWithinBudget(call, BUDGET_MS);
    // Refused where it stands (not well-formed), or read.
    if (call.exportName === 'checkElementsNested') expect(ended).toMatch(/^threw: XML at 3: malformed <xaaa/);
    else expect(ended).toBe('returned');
  }, 60_000);
});
