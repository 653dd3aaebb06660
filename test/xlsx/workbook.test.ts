import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnIndex, columnLetter, DEFAULT_PRESET, parseIsoDay, REVISIT_LOG_HEADER, WorkbookError } from '../../src/core';
import { writeXlsx } from '../../scripts/lib/xlsx-writer';
import { processWorkbook, readLedgerWorkbook, type WorkbookJobOptions } from '../../src/hosts/xlsx';
import { validateParts, validationSkipReason } from '../support/ooxml';
import { ADDED_PARTS, cellsOf, diffPackages, EDITABLE_PARTS, partNames, partOf } from './preservation';
import { SMALL_LEDGER_MERGES, SMALL_LEDGER_ROWS, smallLedger } from './small-ledger';
import { withSheetSizes } from './sheet-sizes';

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

  it('rewrites only the ledger sheet, workbook, relationships, content types and styles, and adds its three sheets and their charts', () => {
    const diff = diffPackages(input, first.bytes);
    expect(diff.removed).toEqual([]);
    expect(diff.recompressed).toEqual([]);
    expect(diff.changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(diff.added.filter((p) => p.startsWith('xl/worksheets/sheet')).sort()).toEqual(['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
    // Beside the sheets: one chart part per chart the reports ask for, and the drawings that hold them.
    const charts = first.job.plan.reports.reduce((n, r) => n + (r.charts?.length ?? 0), 0);
    expect(diff.added.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(charts);
    expect(diff.added.filter((p) => !ADDED_PARTS.test(p))).toEqual([]);
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

  it("puts no dropdown on the user's own level column (高/中/低 would be warned against), and takes away one an earlier version put there", () => {
    const rows = [['序号', '登记日期', '当事人', '纠纷类型', '风险等级'], [1, '2026-11-01', '张三', '邻里纠纷', '高'], [2, '2026-11-02', '李四', '土地纠纷', '低']];
    const withLevel = writeXlsx({ sheets: [{ name: '台账', rows }] });
    const sheet = partOf(processWorkbook(withLevel, options).bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<dataValidation');
    const earlier = sheet.replace('</sheetData>', '</sheetData><dataValidations count="1"><dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="三色台账" prompt="人工定级：红、黄或绿" sqref="E2:E3"><formula1>"红,黄,绿"</formula1></dataValidation></dataValidations>');
    const input = zipSync({ ...unzipSync(processWorkbook(withLevel, options).bytes), 'xl/worksheets/sheet1.xml': strToU8(earlier) });
    expect(strFromU8(unzipSync(processWorkbook(input, options).bytes)['xl/worksheets/sheet1.xml'])).not.toContain('<dataValidation');
  });

  it.each(['5:8', 'P:P', 'A1:XFD1048576'])("adds no dropdown where the user's own validation covers the column, given as %s", (sqref) => {
    const sheet = partOf(input, 'xl/worksheets/sheet1.xml');
    const theirs = `<dataValidations count="1"><dataValidation type="whole" sqref="${sqref}"><formula1>1</formula1></dataValidation></dataValidations>`;
    const at = sheet.search(/<(printOptions|pageMargins|pageSetup|headerFooter|drawing|tableParts|extLst)[\s/>]|<\/worksheet>/);
    const withTheirs = zipSync({ ...unzipSync(input), 'xl/worksheets/sheet1.xml': strToU8(sheet.slice(0, at) + theirs + sheet.slice(at)) });
    const written = partOf(processWorkbook(withTheirs, options).bytes, 'xl/worksheets/sheet1.xml');
    expect(written.match(/<dataValidation /g)).toHaveLength(1);
    expect(written).toContain(`sqref="${sqref}"`);
  });

  it('gives the dropdown its hint in the user’s language, and knows it again after a run in the other', () => {
    const english = processWorkbook(input, { ...options, language: 'en' });
    expect(partOf(english.bytes, 'xl/worksheets/sheet1.xml')).toContain('prompt="Manual level: 红 (red), 黄 (yellow) or 绿 (green)"');
    const sheet = partOf(processWorkbook(english.bytes, options).bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet.match(/<dataValidation /g)).toHaveLength(1);
    expect(sheet).toContain('prompt="人工定级：红、黄或绿"');
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

  it("writes nothing into a column of the user's that happens to bear one of its names, and knows its own on the next run", () => {
    // A ledger that plans its revisits in its own 下次回访日期: the add-in's goes right of the table.
    const rows = [
      ['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '下次回访日期'],
      [1, '2026-11-01', '张三', '邻里纠纷', '扬言要砍死李四', '2026-12-20'],
      [2, '2026-11-02', '李四', '土地纠纷', '宅基地边界争议', '计划月底'],
    ];
    const input = writeXlsx({ sheets: [{ name: '台账', rows }] });
    const once = processWorkbook(input, options);
    const before = cellsOf(partOf(input, 'xl/worksheets/sheet1.xml'));
    const after = cellsOf(partOf(once.bytes, 'xl/worksheets/sheet1.xml'));
    for (const ref of ['F1', 'F2', 'F3']) expect([ref, after.get(ref)]).toEqual([ref, before.get(ref)]);
    expect(['G1', 'H1', 'I1'].map((ref) => after.get(ref))).toEqual([expect.stringContaining('建议等级'), expect.stringContaining('判定依据'), expect.stringContaining('下次回访日期')]);
    const twice = processWorkbook(once.bytes, options);
    expect(Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
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

describe('a template with formatted empty cells right of the table', () => {
  // A bordered but empty M5:N8 area, as ledger templates often have: Excel keeps <c r="M5" s="1"/>.
  const files = unzipSync(smallLedger());
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']).replace(/(<row r="([5-8])"[^>]*>[\s\S]*?)(<\/row>)/g, '$1<c r="M$2" s="1"/><c r="N$2" s="1"/>$3');
  const input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) });
  const result = processWorkbook(input, options);

  it('puts its columns right of them and leaves them as they were', () => {
    const cells = cellsOf(partOf(result.bytes, 'xl/worksheets/sheet1.xml'));
    expect(cells.get('M5')).toBe('<c r="M5" s="1"/>');
    expect(cells.get('N8')).toBe('<c r="N8" s="1"/>');
    expect(cells.get('O3')).toContain('<t>建议等级</t>');
  });
});

describe('rows whose last cells carry no reference (<c>, <c/>: each the column after the one before)', () => {
  const files = unzipSync(smallLedger());
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'])
    .replace(/(<row r="5"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="M5" s="1"/><c><v>7</v></c>$2')
    .replace(/(<row r="6"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="M6" s="1"/><c/>$2');
  const input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) });
  const result = processWorkbook(input, options);
  const written = partOf(result.bytes, 'xl/worksheets/sheet1.xml');

  it('keeps them where they were and puts its own cells right of them', () => {
    expect(written).toMatch(/<c r="M5" s="1"\/><c><v>7<\/v><\/c><c r="O5"/);
    expect(written).toMatch(/<c r="M6" s="1"\/><c\/><c r="O6"/);
    expect(cellsOf(written).get('O3')).toContain('<t>建议等级</t>');
  });

  it('writes rows a reader takes cell after cell, and the same again when run on its own output', () => {
    const again = processWorkbook(result.bytes, options);
    expect(partOf(again.bytes, 'xl/worksheets/sheet1.xml')).toBe(written);
  });

  it('on a re-run, replaces a <c/> that stands in its own column rather than writing a second cell there', () => {
    // Its cells of row 6 taken out and a second bare <c/> left after M6's: N6, then O6, the level column.
    const edited = written.replace(/(<c r="M6" s="1"\/><c\/>)(?:<c r="[OPQ]6"[^>]*?(?:\/>|>[\s\S]*?<\/c>))+/, '$1<c/>');
    expect(edited).toMatch(/<c r="M6" s="1"\/><c\/><c\/><\/row>/);
    const files = unzipSync(result.bytes);
    const rerun = processWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(edited) }), options);
    const row6 = /<row r="6"[\s\S]*?<\/row>/.exec(partOf(rerun.bytes, 'xl/worksheets/sheet1.xml'))![0];
    expect(row6.match(/r="O6"/g)).toHaveLength(1);
    // N6's bare cell stays; O6's is the level cell now.
    expect(row6).toContain('<c r="M6" s="1"/><c/><c r="O6" s="9" t="inlineStr"><is><t>黄</t></is></c>');
    // A reader refuses a row with two cells in one column: the output reads, and a third run changes nothing.
    expect(partOf(processWorkbook(rerun.bytes, options).bytes, 'xl/worksheets/sheet1.xml')).toBe(partOf(rerun.bytes, 'xl/worksheets/sheet1.xml'));
  });
});

describe('a ledger without a registration date column', () => {
  const input = writeXlsx({
    sheets: [{ name: '台账', rows: [['序号', '村(社区)', '纠纷类型', '简要情况', '化解情况'], [1, '红河村', '邻里纠纷', '口角', '化解中'], [2, '常沟村', '土地纠纷', '地界', '化解中']] }],
  });
  it('says once that no revisit can be scheduled, naming the sheet', () => {
    const { job } = processWorkbook(input, options);
    expect(job.issues.map((i) => i.message)).toEqual(['“台账”没有登记日期列，无法排定回访；请在表头增加“登记日期”列']);
    expect(job.disputes.map((d) => d.schedule.nextRevisit)).toEqual([null, null]);
  });
});

describe('a workbook with several ledger sheets', () => {
  it('processes the one most like a ledger and says which others hold disputes too (not an empty template)', () => {
    const input = writeXlsx({
      sheets: [
        { name: '一月台账', rows: SMALL_LEDGER_ROWS, merges: SMALL_LEDGER_MERGES },
        { name: '二月台账', rows: SMALL_LEDGER_ROWS.slice(0, 6), merges: SMALL_LEDGER_MERGES },
        { name: '模板', rows: SMALL_LEDGER_ROWS.slice(0, 4), merges: SMALL_LEDGER_MERGES },
      ],
    });
    const { job } = processWorkbook(input, options);
    expect(job.plan.sheet).toBe('一月台账');
    expect(job.issues[0]).toMatchObject({ code: 'ledger.otherSheets', message: '本次只处理了工作表“一月台账”；“二月台账”也是台账，未处理。如需处理，请指定该工作表，或把它单独存为一个工作簿后再运行' });
    // Named, the sheet is the one the user meant: nothing to say.
    expect(processWorkbook(input, { ...options, sheet: '二月台账' }).job.issues.map((i) => i.code)).not.toContain('ledger.otherSheets');
  });

  it('does not call a second listing of the ledger\'s own part "not processed" (it gets the columns with it)', () => {
    const files = unzipSync(smallLedger());
    const workbook = strFromU8(files['xl/workbook.xml']);
    const rid = /<sheet name="台账" sheetId="\d+" r:id="(rId\d+)"\/>/.exec(workbook)![1];
    files['xl/workbook.xml'] = strToU8(workbook.replace('</sheets>', `<sheet name="台账副本" sheetId="99" r:id="${rid}"/></sheets>`));
    const { job } = processWorkbook(zipSync(files), options);
    expect(job.plan.sheet).toBe('台账');
    expect(job.issues.map((i) => i.code)).not.toContain('ledger.otherSheets');
  });
});

describe('a sheet named that is no worksheet', () => {
  it('says a chart sheet named with --sheet is one, instead of that there is no such sheet', () => {
    const base = smallLedger();
    const files = unzipSync(base);
    const workbook = strFromU8(files['xl/workbook.xml']).replace('</sheets>', '<sheet name="图表" sheetId="9" r:id="rId99"/></sheets>');
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    const input = zipSync({ ...files, 'xl/workbook.xml': strToU8(workbook), 'xl/_rels/workbook.xml.rels': strToU8(rels), 'xl/chartsheets/sheet1.xml': strToU8('<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') });
    expect(() => processWorkbook(input, { ...options, sheet: '图表' })).toThrow(
      expect.objectContaining({ code: 'sheet.notWorksheet', message: '“ledger.xlsx”中的“图表”是图表工作表，不是台账；请指定台账所在的工作表' }),
    );
  });
});

describe('a sheet of the user’s named and titled as the add-in names and titles its own', () => {
  it('is kept, in a workbook the add-in never wrote: the add-in’s goes beside it, and a second run changes nothing', () => {
    const theirs = [['回访清单（截至6月30日）'], ['姓名', '回访日期', '备注'], ['张三', '2026-06-01', '情绪稳定']];
    const input = writeXlsx({ sheets: [{ name: '台账', rows: SMALL_LEDGER_ROWS, merges: SMALL_LEDGER_MERGES }, { name: '回访清单', rows: theirs }] });
    const once = processWorkbook(input, options).bytes;
    expect(partOf(once, 'xl/workbook.xml')).toMatch(/<sheet name="回访清单" [^>]*\/><sheet name="回访清单（三色台账）"/);
    expect(partOf(once, 'xl/worksheets/sheet2.xml')).toBe(partOf(input, 'xl/worksheets/sheet2.xml'));
    const twice = processWorkbook(once, options).bytes;
    expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
  });
});

describe('a re-run after the user has worked on the ledger', () => {
  it('keeps the look the user gave the manual-level header, and takes the headers\' look from the user\'s last column left of them, not one added right of them', () => {
    const first = processWorkbook(smallLedger(), options).bytes;
    const files = unzipSync(first);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    // The user styles 人工定级 (P3) their way, and adds a column Q right of the add-in's with a header of another look.
    const edited = sheet
      .replace('<c r="P3" t="inlineStr">', '<c r="P3" s="10" t="inlineStr">')
      .replace('<is><t>人工定级</t></is></c>', '<is><t>人工定级</t></is></c><c r="Q3" s="9" t="inlineStr"><is><t>包案领导</t></is></c>');
    expect(edited).toContain('<c r="Q3" s="9"');
    const second = processWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(edited) }), options).bytes;
    const header = (xml: string) => [...xml.matchAll(/<c r="([M-Q]3)"[^>]*>/g)].map((m) => m[0]);
    expect(header(partOf(second, 'xl/worksheets/sheet1.xml'))).toEqual([...header(sheet).slice(0, 3), '<c r="P3" s="10" t="inlineStr">', '<c r="Q3" s="9" t="inlineStr">']);
  });
});

describe('a protected ledger sheet', () => {
  it('is refused before anything is written, as the pane refuses it, and still read for a joint meeting', () => {
    const files = unzipSync(smallLedger());
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>');
    const input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    expect(() => processWorkbook(input, options)).toThrow('工作表“台账”受保护，无法写入“建议等级”等列，本次没有写入任何内容；请在“审阅 > 撤消工作表保护”后重试');
    const spaced = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet.replace('sheet="1"', 'sheet=" true "')) });
    expect(() => processWorkbook(spaced, options)).toThrow(expect.objectContaining({ code: 'ledger.sheetProtected' }));
    // Protection turned off (sheet="0") is no protection.
    expect(() => processWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet.replace('sheet="1"', 'sheet="0"')) }), options)).not.toThrow();
    expect(readLedgerWorkbook(input, { fileName: 'ledger.xlsx', language: 'zh' }).sheet).toBe('台账');
  });
});

describe('a sheet of the user’s named _tricolor, as the add-in names its hidden state', () => {
  it('is kept as a chart sheet of that name, and the state goes beside it', () => {
    const files = unzipSync(smallLedger());
    const workbook = strFromU8(files['xl/workbook.xml']).replace('</sheets>', '<sheet name="_tricolor" sheetId="9" r:id="rId99"/></sheets>');
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    const input = zipSync({ ...files, 'xl/workbook.xml': strToU8(workbook), 'xl/_rels/workbook.xml.rels': strToU8(rels), 'xl/chartsheets/sheet1.xml': strToU8('<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') });
    const once = processWorkbook(input, options).bytes;
    expect(partOf(once, 'xl/workbook.xml')).toMatch(/<sheet name="_tricolor" sheetId="9" r:id="rId99"\/>.*<sheet name="_tricolor（三色台账）"/);
    expect(Buffer.from(processWorkbook(once, options).bytes).equals(Buffer.from(once))).toBe(true);
  });

  it.each(['_tricolor', '_TRICOLOR'])('is kept as %s, and the state written beside it is read back: the next meeting compares with the last', (name) => {
    const input = smallLedger([{ name, rows: [['我的备注'], ['不要删']] }]);
    const october = processWorkbook(input, { ...options, asOf: parseIsoDay('2026-10-31')! });
    expect(partOf(october.bytes, 'xl/workbook.xml')).toMatch(/<sheet name="_tricolor（三色台账）" sheetId="\d+" state="hidden" r:id="rId\d+"\/>/);
    const november = processWorkbook(october.bytes, options);
    expect(november.job.notices).toEqual([]);
    expect(november.job.summary.changes).toMatchObject({ previousPeriod: { from: parseIsoDay('2026-10-01'), to: parseIsoDay('2026-10-31') }, source: '本工作簿' });
    // The user's sheet is as it came, and no third sheet of state is added.
    expect(partOf(november.bytes, 'xl/worksheets/sheet2.xml')).toBe(partOf(input, 'xl/worksheets/sheet2.xml'));
    expect(partOf(november.bytes, 'xl/workbook.xml').match(/_tricolor/gi)).toHaveLength(2);
    expect(Buffer.from(processWorkbook(november.bytes, options).bytes).equals(Buffer.from(november.bytes))).toBe(true);
  });
});

describe('a ledger in a sheet named like one of the add-in\'s', () => {
  it.each(['回访记录', '回访清单'])('says the name %s is why no ledger was found, and to rename the sheet', (name) => {
    const input = writeXlsx({ sheets: [{ name, rows: SMALL_LEDGER_ROWS, merges: SMALL_LEDGER_MERGES }] });
    expect(() => processWorkbook(input, options)).toThrow(
      expect.objectContaining({ code: 'ledger.underOwnName', message: `工作簿中没有找到矛盾纠纷台账：工作表“${name}”像是台账，但这个名称留给本工具自己的工作表；请把它改名（例如“台账”）后再试` }),
    );
  });

  it('still says no ledger when the sheet of that name is the add-in\'s own', () => {
    const first = processWorkbook(smallLedger(), options).bytes;
    const withoutLedger = zipSync({ ...unzipSync(first), 'xl/worksheets/sheet1.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>') });
    expect(() => processWorkbook(withoutLedger, options)).toThrow(expect.objectContaining({ code: 'ledger.noneInWorkbook' }));
    // Nor the pane's own 回访记录, whatever its columns.
    const log = writeXlsx({ sheets: [{ name: '回访记录', rows: [[...REVISIT_LOG_HEADER, '当事人', '纠纷类型', '简要情况'], [5, 'h:0011aa22', '2026-11-20', '上门', '稳定', '王', '张三', '邻里纠纷', '口角']] }] });
    expect(() => processWorkbook(log, options)).toThrow(expect.objectContaining({ code: 'ledger.noneInWorkbook' }));
  });
});

describe('sheets the user already has', () => {
  it.each(['我的回访记录', '回访清单（截至11月底）'])('keeps a user\'s own 回访清单 titled %s and writes the due-list beside it under another name', (title) => {
    const input = smallLedger([{ name: '回访清单', rows: [[title], ['2026-11-01', '张三', '已电话回访']] }]);
    const first = processWorkbook(input, options);
    expect(partOf(first.bytes, 'xl/worksheets/sheet2.xml')).toBe(partOf(input, 'xl/worksheets/sheet2.xml'));
    const workbook = partOf(first.bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/<sheet name="回访清单（三色台账）" sheetId="\d+" r:id="rId\d+"\/>/);
    // And a second run replaces its own sheet, not the user's.
    const second = processWorkbook(first.bytes, options);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it.each(['回访清单', '联席会议汇总'])("refuses the add-in's own %s named as the ledger (it was triaged as one, then replaced by its own output)", (sheet) => {
    const first = processWorkbook(smallLedger(), options).bytes;
    expect(() => processWorkbook(first, { ...options, sheet })).toThrow(
      expect.objectContaining({ code: 'sheet.isOwnReport', message: `“ledger.xlsx”中的工作表“${sheet}”是本工具写出的报表，不是台账；请指定台账所在的工作表` }),
    );
  });

  it('keeps a user\'s sheet whose name is one of the add-in\'s in other letter case (Excel calls them one name)', () => {
    const input = smallLedger([{ name: '_TRICOLOR', rows: [['我的备注'], ['不要删']] }]);
    const output = processWorkbook(input, options).bytes;
    expect(partOf(output, 'xl/worksheets/sheet2.xml')).toBe(partOf(input, 'xl/worksheets/sheet2.xml'));
    const names = [...partOf(output, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toContain('_TRICOLOR');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('chooses the visible ledger with disputes over a hidden empty template', () => {
    const files = unzipSync(
      writeXlsx({
        sheets: [
          { name: '模板', rows: [['序号', '登记日期', '纠纷类型', '简要情况']] },
          { name: '台账', rows: [['序号', '登记日期', '纠纷类型', '简要情况'], [1, { date: '2026-11-01' }, '邻里纠纷', '口角']] },
        ],
      }),
    );
    const workbook = strFromU8(files['xl/workbook.xml']).replace('<sheet name="模板"', '<sheet name="模板" state="hidden"');
    const { job } = processWorkbook(zipSync({ ...files, 'xl/workbook.xml': strToU8(workbook) }), options);
    expect(job.layout.sheet).toBe('台账');
  });
});

describe('unusual but valid packages', () => {
  // openpyxl and other generators write formulas without a calculated value; so does Excel with
  // calculation set to manual. Such a cell reads as blank, but it is there.
  it.each([
    ['a formula never calculated', (ref: string) => `<c r="${ref}"><f>IF(A1="","未化解","已化解")</f></c>`],
    ['a text formula with an empty value', (ref: string) => `<c r="${ref}" t="str"><f>A1&amp;"x"</f><v></v></c>`],
    ['an empty value', (ref: string) => `<c r="${ref}" s="1"><v></v></c>`],
  ])('writes its columns right of %s in the column after the table, never over it', (_name, cellXml) => {
    const files = unzipSync(smallLedger());
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const widest = Math.max(...[...sheet.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => columnIndex(m[1])));
    const column = columnLetter(widest + 1);
    let added = 0;
    const withFormulas = sheet.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (row, r: string, attrs: string, body: string) =>
      Number(r) >= 5 ? (added++, `<row r="${r}"${attrs}>${body}${cellXml(`${column}${r}`)}</row>`) : row,
    );
    expect(added).toBeGreaterThan(3);
    const input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(withFormulas) });
    const result = processWorkbook(input, options);
    const before = cellsOf(withFormulas);
    const after = cellsOf(partOf(result.bytes, 'xl/worksheets/sheet1.xml'));
    const userCells = [...before].filter(([ref]) => ref.startsWith(column) && /^\d/.test(ref.slice(column.length)));
    expect(userCells).toHaveLength(added);
    for (const [ref, xml] of userCells) expect([ref, after.get(ref)]).toEqual([ref, xml]);
    expect(result.job.plan.columns.map((c) => c.col).filter((c) => c <= widest + 1)).toEqual([]);
  });

  // An array formula's range and a table may cover columns that hold no cell of the sheet.
  it.each([
    ['an array formula over three columns, only its first cell written', 'array'],
    ['an array formula whose range is written with spaces around its =', 'array spaced'],
    ['a table without a header row, over columns with no cells', 'table'],
  ])('writes its columns right of %s, never into it, read whole or in pieces', (_name, kind) => {
    const files = unzipSync(smallLedger());
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    // The table ends at L; the user's area reaches to O on the disputes' rows.
    let input: Uint8Array;
    if (kind.startsWith('array')) {
      const ref = kind === 'array' ? 'ref="M6:O6"' : 'ref = "M6:O6"';
      const withArray = sheet.replace(/(<row r="6"[^>]*>[\s\S]*?)<\/row>/, `$1<c r="M6"><f t="array" ${ref}>A6:C6*2</f><v>4</v></c></row>`);
      expect(withArray).toContain(ref);
      input = zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(withArray) });
    } else {
      // A comment before the root may name any range: it is not the table's.
      const table =
        '<?xml version="1.0" encoding="UTF-8"?><!-- <table ref="A1:XFD8"> --><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="A5:O8" headerRowCount="0" totalsRowShown="0">' +
        `<tableColumns count="15">${Array.from({ length: 15 }, (_, i) => `<tableColumn id="${i + 1}" name="列${i + 1}"/>`).join('')}</tableColumns></table>`;
      input = zipSync({
        ...files,
        'xl/worksheets/sheet1.xml': strToU8(sheet.replace('</worksheet>', '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>')),
        'xl/worksheets/_rels/sheet1.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>'),
        'xl/tables/table1.xml': strToU8(table),
        '[Content_Types].xml': strToU8(strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>')),
      });
    }
    for (const sizes of [{ minBytes: Infinity }, { minBytes: 0 }]) {
      const { job } = withSheetSizes(sizes, () => processWorkbook(input, options));
      expect(job.plan.columns.map((c) => columnLetter(c.col))).toEqual(['P', 'Q', 'R', 'S']);
    }
  });

  it('adds a styles part when the workbook has none', () => {
    const files = unzipSync(smallLedger());
    delete files['xl/styles.xml'];
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']).replace(/<Relationship [^>]*styles"[^>]*\/>/, '');
    const types = strFromU8(files['[Content_Types].xml']).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, '');
    const input = zipSync({ ...files, 'xl/_rels/workbook.xml.rels': strToU8(rels), '[Content_Types].xml': strToU8(types) });
    const result = processWorkbook(input, options);
    expect(partOf(result.bytes, 'xl/_rels/workbook.xml.rels')).toContain('relationships/styles" Target="styles.xml"');
    expect(partOf(result.bytes, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    // The three level fills, and the overdue mark alone and on each of them.
    expect(partOf(result.bytes, 'xl/styles.xml')).toContain('<dxfs count="7">');
  });

  it('keeps a cell that names a format past the end of the styles as readers show it, not as one of the formats it adds', () => {
    const files = unzipSync(smallLedger());
    const styles = strFromU8(files['xl/styles.xml']);
    const formats = (xml: string) => [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const before = formats(styles);
    const dangling = before.length + 2;
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    // The first number of the data rows, given a format the list does not have.
    const cell = /<c r="([A-Z]+[5-9])"( s="\d+")?><v>\d+<\/v><\/c>/.exec(sheet)!;
    const damaged = sheet.replace(cell[0], `<c r="${cell[1]}" s="${dangling}"><v>26000</v></c>`);
    const result = processWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(damaged) }), options);
    const after = formats(partOf(result.bytes, 'xl/styles.xml'));
    // Every format up to the one named is the default one; the add-in's own come after it.
    expect(after.slice(0, before.length)).toEqual(before);
    for (const xf of after.slice(before.length, dangling + 1)) expect(xf).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(after.length).toBeGreaterThan(dangling + 1);
    expect(cellsOf(partOf(result.bytes, 'xl/worksheets/sheet1.xml')).get(cell[1])).toBe(`<c r="${cell[1]}" s="${dangling}"><v>26000</v></c>`);
  });

  it('reads and writes a content-types stream spelled in another case, as ZIP item names are compared', () => {
    const { '[Content_Types].xml': types, ...files } = unzipSync(smallLedger());
    const input = zipSync({ '[content_types].xml': types, ...files });
    const result = processWorkbook(input, options);
    expect(result.job.disputes.length).toBe(processWorkbook(smallLedger(), options).job.disputes.length);
    const names = partNames(result.bytes);
    // Rewritten in place under its own spelling, not doubled under the usual one.
    expect(names.filter((n) => n.toLowerCase() === '[content_types].xml')).toEqual(['[content_types].xml']);
    expect(partOf(result.bytes, '[content_types].xml')).toContain('<Override PartName="/xl/worksheets/sheet3.xml"');
  });

  it('asks for a re-save when the parts use a namespace prefix', () => {
    const files = unzipSync(smallLedger());
    const prefixed = strFromU8(files['xl/workbook.xml']).replace(/<(\/?)workbook\b/g, '<$1x:workbook').replace('xmlns=', 'xmlns:x=');
    expect(() => processWorkbook(zipSync({ ...files, 'xl/workbook.xml': strToU8(prefixed) }), options)).toThrow(/另存为 \.xlsx 后再试/);
  });

  it.each([
    ['declared on the element', '<x:dataValidations xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">', ''],
    ['declared on the worksheet', '<x:dataValidations count="1">', ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'],
  ])('asks for a re-save when a child of the ledger sheet names SpreadsheetML by a prefix %s, rather than write its dropdown beside it', (_name, open, rootDeclaration) => {
    const files = unzipSync(smallLedger());
    const list = `${open}<x:dataValidation type="list" sqref="A5:A8"><x:formula1>"甲,乙"</x:formula1></x:dataValidation></x:dataValidations>`;
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']).replace('</mergeCells>', `</mergeCells>${list}`).replace('<worksheet ', `<worksheet${rootDeclaration} `);
    expect(sheet).toContain(list);
    expect(() => processWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) }), options)).toThrow(expect.objectContaining({ code: 'file.prefixedXml' }));
    // Read for a joint meeting, it is no trouble.
    expect(readLedgerWorkbook(zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheet) }), { fileName: 'ledger.xlsx', language: 'zh' }).sheet).toBe('台账');
  });
});

describe('a template given as the ledger', () => {
  const asTemplate = (bytes: Uint8Array, from: string, to: string) => {
    const files = unzipSync(bytes);
    const types = strFromU8(files['[Content_Types].xml']);
    expect(types).toContain(from);
    files['[Content_Types].xml'] = strToU8(types.replace(from, to));
    return zipSync(files);
  };
  const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

  it.each([
    ['an .xltx', 'ledger.xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', SHEET_MAIN],
    ['an .xltm', 'ledger.xltm', 'application/vnd.ms-excel.template.macroEnabled.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
  ])('is written out as the workbook Excel saves from %s (a main part declared a template is refused under .xlsx/.xlsm)', (_name, fileName, template, workbook) => {
    const input = asTemplate(smallLedger(), SHEET_MAIN, template);
    const output = processWorkbook(input, { ...options, fileName }).bytes;
    const types = partOf(output, '[Content_Types].xml');
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${workbook}"/>`);
    expect(types).not.toContain('template');
    // Only the type changed: the same workbook otherwise, cell for cell.
    const sheet = (bytes: Uint8Array) => cellsOf(partOf(bytes, 'xl/worksheets/sheet1.xml'));
    expect(sheet(output)).toEqual(sheet(processWorkbook(smallLedger(), options).bytes));
  });
});

describe('a workbook whose type and extension disagree', () => {
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const withMainType = (type: string) => {
    const files = unzipSync(smallLedger());
    files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace(SHEET_MAIN, type));
    return zipSync(files);
  };
  const refusal = (input: Uint8Array, fileName: string) => {
    try {
      processWorkbook(input, { ...options, fileName });
      return 'processed';
    } catch (e) {
      return e instanceof WorkbookError ? e.message : e;
    }
  };

  it.each([
    // A macro workbook renamed .xlsx (to pass a mail filter), and a plain one renamed .xlsm: Excel opens neither, nor would it open the output.
    [MACRO_MAIN, 'ledger.xlsx', '“ledger.xlsx”的内容是启用宏的工作簿，扩展名却是 .xlsx，Excel 不会打开这样的文件；请把它改名为 .xlsm 后再试'],
    [SHEET_MAIN, 'ledger.xlsm', '“ledger.xlsm”的内容是不含宏的工作簿，扩展名却是 .xlsm，Excel 不会打开这样的文件；请把它改名为 .xlsx 后再试'],
    [MACRO_MAIN, 'ledger.xlsm', 'processed'],
    [SHEET_MAIN, 'ledger.xlsx', 'processed'],
  ])('%s named %s: %s', (type, fileName, expected) => {
    expect(refusal(withMainType(type), fileName)).toBe(expected);
  });
});
