import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook, WorkbookError, type WorkbookJobOptions } from '../../src/hosts/xlsx';
import { validateParts, validationSkipReason } from '../support/ooxml';
import { cellsOf, diffPackages, EDITABLE_PARTS, partNames, partOf } from './preservation';
import { smallLedger } from './small-ledger';

const options: WorkbookJobOptions = {
  fileName: 'ledger.xlsx',
  asOf: parseIsoDay('2026-11-28')!,
  preset: DEFAULT_PRESET,
  language: 'zh',
  mask: true,
};

describe('processing a small ledger workbook', () => {
  const input = smallLedger([{ name: '说明', rows: [['本表由派出所填写'], ['联系人', '王警官']] }]);
  const first = processWorkbook(input, options);

  it('rewrites only the ledger sheet, workbook, relationships, content types and styles, and adds its three sheets', () => {
    const diff = diffPackages(input, first.bytes);
    expect(diff.removed).toEqual([]);
    expect(diff.recompressed).toEqual([]);
    expect(diff.changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(diff.added.sort()).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
    expect(diff.changed.every((p) => EDITABLE_PARTS.test(p))).toBe(true);
  });

  it('keeps every one of the user\'s cells exactly as it was, value and style', () => {
    const before = cellsOf(partOf(input, 'xl/worksheets/sheet1.xml'));
    const after = cellsOf(partOf(first.bytes, 'xl/worksheets/sheet1.xml'));
    for (const [ref, xml] of before) expect([ref, after.get(ref)]).toEqual([ref, xml]);
  });

  it('writes its header cells right of the table on the first header row', () => {
    const sheet = partOf(first.bytes, 'xl/worksheets/sheet1.xml');
    const cells = cellsOf(sheet);
    expect(cells.get('M3')).toContain('<t>建议等级</t>');
    expect(cells.get('N3')).toContain('<t>判定依据</t>');
    expect(cells.get('O3')).toContain('<t>下次回访日期</t>');
    expect(cells.get('P3')).toContain('<t>人工定级</t>');
    expect(sheet).toContain('<mergeCell ref="M3:M4"/>');
  });

  it('colours rows through conditional formats over the table and adds a 红/黄/绿 dropdown', () => {
    const sheet = partOf(first.bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<conditionalFormatting sqref="A5:P8">(<cfRule type="expression"[^>]*>[\s\S]*?<\/cfRule>){3}<\/conditionalFormatting>/);
    expect(sheet).toContain('<conditionalFormatting sqref="O5:O8">');
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="P5:P8"><formula1>"红,黄,绿"<\/formula1>/);
  });

  it('names its sheets 回访清单 and 联席会议汇总, with a hidden state sheet', () => {
    const workbook = partOf(first.bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet name="回访清单" sheetId="3" r:id="rId\d+"\/>/);
    expect(workbook).toMatch(/<sheet name="联席会议汇总" sheetId="4" r:id="rId\d+"\/>/);
    expect(workbook).toMatch(/<sheet name="_tricolor" sheetId="5" state="hidden" r:id="rId\d+"\/>/);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">'联席会议汇总'!$1:$2</definedName>`);
  });

  it('prints the meeting summary on A4 landscape, fitted to the page width', () => {
    const summary = partOf(first.bytes, 'xl/worksheets/sheet4.xml');
    expect(summary).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(summary).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });

  it('gives the same bytes when run again on its own output', () => {
    const second = processWorkbook(first.bytes, options);
    expect(diffPackages(first.bytes, second.bytes)).toEqual({ changed: [], added: [], removed: [], recompressed: [] });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  const skip = validationSkipReason();
  (skip ? it.skip : it)(`writes parts that validate against the ISO schemas${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const written = partNames(first.bytes).filter((p) => first.writtenParts.includes(p));
    const results = validateParts(written.map((path) => ({ path, xml: partOf(first.bytes, path) })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});

describe('bad workbooks get a message naming the file or sheet', () => {
  const cases: [string, Uint8Array, Partial<WorkbookJobOptions>, RegExp][] = [
    ['a text file', new TextEncoder().encode('序号,登记日期\n1,2026-01-01'), {}, /“ledger\.xlsx”不是 Excel 工作簿/],
    ['an encrypted workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), {}, /“ledger\.xlsx”已加密/],
    ['an unknown --sheet', smallLedger(), { sheet: '台帐2' }, /没有名为“台帐2”的工作表；现有工作表：台账/],
    ['a sheet that is not a ledger', smallLedger([{ name: '说明', rows: [['说明']] }]), { sheet: '说明' }, /在“说明”中找不到台账表头/],
  ];
  it.each(cases)('%s', (_name, bytes, extra, expected) => {
    expect(() => processWorkbook(bytes, { ...options, ...extra })).toThrow(WorkbookError);
    expect(() => processWorkbook(bytes, { ...options, ...extra })).toThrow(expected);
  });
});
