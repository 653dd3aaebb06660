import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { DEFAULT_PRESET, parseIsoDay, runLedgerJob, type JobOptions } from '../../src/core';
import { processWorkbook } from '../../src/hosts/xlsx';
import { writeLedgerSheet } from '../../src/hosts/xlsx/ledger-writer';
import { spliceText } from '../../src/hosts/xlsx/part-splice';
import { readSheetXml } from '../../src/hosts/xlsx/sheet-reader';
import type { SheetDataLayout } from '../../src/hosts/xlsx/sheet-layout';

/**
 * The ledger sheet's writer splices the add-in's cells in at the rows' places as the reader found
 * them, instead of scanning the part again; it must write exactly what the scan writes, on the
 * sheets Excel, WPS and LibreOffice save and on a re-run, where the add-in's cells are replaced.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures');
const options: JobOptions = { asOf: parseIsoDay('2020-06-30')!, preset: DEFAULT_PRESET, language: 'zh', mask: true };
const STYLES = { text: 1, date: 2, dxf: () => 0 };
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The sheet written both ways: at the places the reader gave, and by scanning for them. */
function writtenBothWays(xml: string, sharedStrings: string[] = []): { placed: string; scanned: string; layout: SheetDataLayout } {
  let layout: SheetDataLayout | undefined;
  const grid = readSheetXml(xml, { name: '台账', sharedStrings: () => sharedStrings, formatOf: () => null, date1904: false, onSheetData: (l) => (layout = l) });
  const { plan } = runLedgerJob({ ledger: grid }, options);
  const written = (given?: SheetDataLayout) => [...spliceText(xml, writeLedgerSheet(xml, plan, STYLES, false, given))].join('');
  return { placed: written(layout), scanned: written(undefined), layout: layout! };
}

/** The worksheet part of the sheet named `sheet`, found as the workbook and its relationships say, and the shared strings read plainly (the texts only matter for triage). */
function ledgerSheetOf(bytes: Uint8Array, sheet: string): { xml: string; shared: string[] } {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? Buffer.from(files[name]).toString() : '');
  const sheetTag = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${sheet}"`))!;
  const rid = /r:id="([^"]+)"/.exec(sheetTag)![1];
  const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(text('xl/_rels/workbook.xml.rels'))![0].match(/Target="([^"]+)"/)![1];
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
  return { xml: text(part), shared };
}

describe.each(['excel-everything.xlsx', 'wps-ledger.xlsx', 'libreoffice-saved.xlsx', 'header-not-row1.xlsx'])('the ledger sheet of %s', (file) => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
  const sheet = (JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace('.xlsx', '.expected.json')), 'utf8')) as { sheet: string }).sheet;

  it('is written the same at the places the reader found as by scanning for them', () => {
    const { xml, shared } = ledgerSheetOf(bytes, sheet);
    const { placed, scanned, layout } = writtenBothWays(xml, shared);
    expect(layout.rows.length).toBeGreaterThan(3);
    expect(placed).toBe(scanned);
  });

  it('and so on a re-run, where the add-in’s cells of the first are replaced', () => {
    const first = processWorkbook(bytes, { ...options, fileName: file }).bytes;
    const { xml, shared } = ledgerSheetOf(first, sheet);
    const { placed, scanned } = writtenBothWays(xml, shared);
    expect(placed).toBe(scanned);
  });
});

describe('rows the reader places', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>登记日期</t></is></c><c r="C1" t="inlineStr"><is><t>当事人</t></is></c><c r="D1" t="inlineStr"><is><t>简要情况</t></is></c></row>';
  const dispute = (r: number, text: string) =>
    `<c r="A${r}"><v>${r - 1}</v></c><c r="B${r}"><v>46000</v></c><c r="C${r}" t="inlineStr"><is><t>张三</t></is></c><c r="D${r}" t="inlineStr"><is><t>${text}</t></is></c>`;
  it.each([
    ['the usual row', `<row r="2">${dispute(2, '张三扬言要砍死李四')}</row>`],
    ['a row with spans', `<row r="2" spans="1:4">${dispute(2, '邻里吵架')}</row>`],
    ['a row whose last cell has no reference', `<row r="2">${dispute(2, '邻里吵架').replace('<c r="D2"', '<c')}</row>`],
    ['a row with an empty formatted cell last', `<row r="2">${dispute(2, '邻里吵架')}<c r="E2" s="1"/></row>`],
    ['an empty row between disputes', `<row r="2">${dispute(2, '邻里吵架')}</row><row r="3"/><row r="4">${dispute(4, '土地纠纷')}</row>`],
    ['a row spaced oddly', `<row r="2" >${dispute(2, '邻里吵架')}</row >`],
    ['a row whose one attribute is its spans', `<row spans="1:4">${dispute(2, '邻里吵架')}</row>`],
    ['a row with an extension list after its cells', `<row r="2">${dispute(2, '邻里吵架')}<extLst><ext uri="{x}"><c r="ZZ2"/></ext></extLst></row>`],
  ])('%s is written as the scan writes it', (_name, rows) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${header}${rows}</sheetData></worksheet>`;
    const { placed, scanned } = writtenBothWays(xml);
    expect(placed).toContain('红');
    expect(placed).toBe(scanned);
  });

  it.each([
    ['with its number', '<row r="2" spans="1:4">', '<row r="2" spans="1:'],
    ['as its only attribute (the shortest start tag that has one)', '<row spans="1:4">', '<row spans="1:'],
  ])('widens a row’s spans to the add-in’s columns: %s', (_name, tag, widened) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${header}${tag}${dispute(2, '邻里吵架')}</row></sheetData></worksheet>`;
    const { placed } = writtenBothWays(xml);
    const at = placed.indexOf(widened);
    expect(at).toBeGreaterThan(0);
    const last = Number(/^(\d+)"/.exec(placed.slice(at + widened.length))![1]);
    // The add-in's cells follow the user's four: the span reaches the last of them.
    const cells = [...placed.slice(at, placed.indexOf('</row>', at)).matchAll(/<c r="([A-Z]+)2"/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(4);
    expect(last).toBe(cells[cells.length - 1].charCodeAt(0) - 64);
  });

  it.each(['<row spans=":">', '<row spans="1:">', '<row r="2" spans=":4">'])('leaves a spans with a side left empty as written: %s', (tag) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${header}${tag}${dispute(2, '邻里吵架')}</row></sheetData></worksheet>`;
    const { placed, scanned } = writtenBothWays(xml);
    expect(placed).toBe(scanned);
    expect(placed).toContain(`${tag}${dispute(2, '邻里吵架')}<c r="E2"`);
  });

  /** The references of the cells inside row `r` of the written sheet, in order; the row must be written once. */
  const cellsOfRow = (xml: string, r: number) => {
    expect(xml.split(`<row r="${r}"`).length - 1).toBe(1);
    const start = xml.indexOf(`<row r="${r}"`);
    const body = xml.slice(start, xml.indexOf('<row ', start + 1) >>> 0);
    return [...body.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
  };

  it('puts the add-in’s cells before a row’s extension list, as the schema orders them, on a first run and a re-run', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${header}<row r="2">${dispute(2, '张三扬言要砍死李四')}<extLst><ext uri="{x}"><c r="ZZ2"/></ext></extLst></row></sheetData></worksheet>`;
    const first = writtenBothWays(xml).placed;
    const again = writtenBothWays(first);
    for (const written of [first, again.placed, again.scanned]) {
      const row = written.slice(written.indexOf('<row r="2"'), written.indexOf('</row>', written.indexOf('<row r="2"')));
      expect(row.lastIndexOf('<c r="E2"')).toBeLessThan(row.indexOf('<extLst>'));
      expect(row.split('<c r="E2"').length - 1).toBe(1);
      expect(row.endsWith('</extLst>')).toBe(true);
    }
  });

  it.each([
    ['an end tag spaced before a later plain one', (x: string) => x.replace('</row>', '</row >'), false],
    ['end tags spaced, read the careful way (a comment in the sheet data)', (x: string) => x.replace('</row>', '</row\n>').replace('<row r="3">', '<!-- 三月 --><row r="3">'), false],
    ['every cell’s end tag spaced, on a re-run', (x: string) => x.replace(/<\/c>/g, '</c >'), true],
  ])('puts the add-in’s cells in their own rows, in column order: %s', (_name, edit, rerun) => {
    const rows = `<row r="2">${dispute(2, '张三扬言要砍死李四')}</row><row r="3">${dispute(3, '邻里吵架')}</row>`;
    let xml = edit(`<worksheet xmlns="${MAIN}"><sheetData>${header}${rows}</sheetData></worksheet>`);
    // On a re-run the add-in’s own cells (plain `</c>`) stand among the user’s (spaced).
    if (rerun) xml = writtenBothWays(xml).placed;
    const { placed, scanned } = writtenBothWays(xml);
    for (const written of [placed, scanned]) {
      for (const r of [1, 2, 3]) {
        const cells = cellsOfRow(written, r);
        expect(cells.slice(0, 4)).toEqual(['A', 'B', 'C', 'D'].map((c) => `${c}${r}`));
        expect(cells.length).toBeGreaterThan(4);
        // Every cell of the row is the row's, each once, left to right.
        expect(cells.every((ref) => ref.endsWith(String(r)) && /^[A-Z]+\d+$/.test(ref))).toBe(true);
        expect([...cells].sort((a, b) => a.length - b.length || a.localeCompare(b))).toEqual(cells);
        expect(new Set(cells).size).toBe(cells.length);
      }
    }
  });
});

describe('the widths of the add-in’s columns', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>登记日期</t></is></c><c r="C1" t="inlineStr"><is><t>当事人</t></is></c><c r="D1" t="inlineStr"><is><t>简要情况</t></is></c></row>';
  const dispute = '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>46000</v></c><c r="C2" t="inlineStr"><is><t>张三</t></is></c><c r="D2" t="inlineStr"><is><t>邻里吵架</t></is></c></row>';
  const sheet = (cols: string) => `<worksheet xmlns="${MAIN}">${cols}<sheetData>${header}${dispute}</sheetData></worksheet>`;
  const colsOf = (xml: string) => [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);

  it('are their own inside a range of columns given one width (xlsxwriter writes one to column 301); the rest keep it', () => {
    const { placed } = writtenBothWays(sheet('<cols><col min="1" max="301" width="9" customWidth="1"/></cols>'));
    const cols = colsOf(placed);
    const own = cols.filter(([min, max, width]) => min === max && width !== 9);
    expect(own.length).toBeGreaterThanOrEqual(3);
    // Every column from 1 to 301 is still covered once, the user's width where the add-in has none.
    const covered = cols.flatMap(([min, max]) => Array.from({ length: max - min + 1 }, (_, i) => min + i));
    expect(covered).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    expect(cols.filter(([min, max]) => !own.some(([o]) => o >= min && o <= max)).every(([, , width]) => width === 9)).toBe(true);
  });

  it('stay as set on the column itself, by an earlier run or by the user', () => {
    const { placed: first } = writtenBothWays(sheet('<cols><col min="1" max="301" width="9" customWidth="1"/></cols>'));
    const { placed: again } = writtenBothWays(first);
    expect(colsOf(again)).toEqual(colsOf(first));
    const [ownColumn] = colsOf(first).filter(([min, max, width]) => min === max && width !== 9)[0];
    const resized = first.replace(new RegExp(`<col min="${ownColumn}" max="${ownColumn}" width="[\\d.]+"`), `<col min="${ownColumn}" max="${ownColumn}" width="33"`);
    expect(colsOf(writtenBothWays(resized).placed)).toContainEqual([ownColumn, ownColumn, 33]);
  });

  it('are written among the user\'s ranges as elements of their own when a range is written with an end tag', () => {
    const { placed } = writtenBothWays(sheet('<cols><col min="2" max="2" width="20" customWidth="1"></col><col min="5" max="12" width="9" customWidth="1"></col></cols>'));
    const cols = /<cols>[\s\S]*?<\/cols>/.exec(placed)![0];
    expect(cols).not.toContain('</col>');
    expect(colsOf(cols)[0]).toEqual([2, 2, 20]);
    expect(colsOf(cols).at(-1)).toEqual([9, 12, 9]);
    expect(cols.match(/<col /g)).toHaveLength(cols.match(/\/>/g)!.length);
  });

  it('are written into an empty list of ranges written <cols/>, and keep a comment among the ranges', () => {
    const { placed } = writtenBothWays(sheet('<cols/>'));
    expect(placed).toMatch(/<cols><col min="5" max="5" [^>]*\/>(<col [^>]*\/>){3}<\/cols>/);
    const noted = writtenBothWays(sheet('<cols><!-- 宽度按打印设置 --><col min="2" max="2" width="20" customWidth="1"/></cols>')).placed;
    expect(noted).toContain('<!-- 宽度按打印设置 -->');
    expect(colsOf(noted)[0]).toEqual([2, 2, 20]);
  });

  it('ask for a re-save when the list of column ranges holds anything but ranges (a prefixed <x:col>), rather than lose it', () => {
    const prefixed = sheet('<cols><x:col xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" min="5" max="12" width="25" customWidth="1"/></cols>');
    expect(() => writtenBothWays(prefixed)).toThrow(expect.objectContaining({ kind: 'prefixed' }));
  });

  it('keep the grouping and column style of a range they fall in, shown even where the user hid the range', () => {
    const { placed } = writtenBothWays(sheet('<cols><col min="5" max="12" width="9" style="3" hidden="1" outlineLevel="1" customWidth="1"/></cols>'));
    const tags = [...placed.matchAll(/<col [^>]*\/>/g)].map((m) => m[0]);
    // The add-in's four columns E–H, then the rest of the user's range as it was.
    expect(tags).toEqual([
      '<col min="5" max="5" width="12" style="3" outlineLevel="1" customWidth="1"/>',
      '<col min="6" max="6" width="60" style="3" outlineLevel="1" customWidth="1"/>',
      '<col min="7" max="7" width="14" style="3" outlineLevel="1" customWidth="1"/>',
      '<col min="8" max="8" width="10" style="3" outlineLevel="1" customWidth="1"/>',
      '<col min="9" max="12" width="9" style="3" hidden="1" outlineLevel="1" customWidth="1"/>',
    ]);
  });
});
