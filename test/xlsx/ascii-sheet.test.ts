import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook, readLedgerWorkbook } from '../../src/hosts/xlsx';
import { AsciiSheet } from '../../src/hosts/xlsx/ascii-sheet';
import { withSheetSizes } from './sheet-sizes';
import { Package } from '../../src/hosts/xlsx/package';
import { readSheetXml, type SheetContext } from '../../src/hosts/xlsx/sheet-reader';
import * as xml from '../../src/hosts/xlsx/xml';
import * as zip from '../../src/hosts/xlsx/zip';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';

/**
 * A large ASCII worksheet part is kept as its bytes and read in pieces (AsciiSheet). Whatever the
 * workbook, that must change nothing a user sees: the same cells read, the same file written, byte
 * for byte, as when the part is decoded and read whole. (The fuzz suite checks the same of every
 * damaged mutant.)
 */

const FIXTURES = path.join(__dirname, '../fixtures');
const asOf = parseIsoDay('2020-06-30')!;

const WHOLE = { minBytes: Infinity };
const SAVED_BY_EXCEL_WPS_LIBREOFFICE = ['excel-everything.xlsx', 'wps-ledger.xlsx', 'libreoffice-saved.xlsx'];

/** What a user gets from a workbook: the output file, or the message it was refused with. */
function outcome(bytes: Uint8Array, fileName: string): string | Buffer {
  try {
    return Buffer.from(processWorkbook(bytes, { fileName, language: 'zh', asOf, preset: DEFAULT_PRESET, mask: true }).bytes);
  } catch (e) {
    return String((e as Error).message);
  }
}

/**
 * How many worksheet parts were kept as bytes while `job` ran, and how many of those were then
 * decoded whole after all (the reader falls back to the whole part when the pieces will not do).
 */
function keptAsBytes(job: () => void): { kept: number; decodedWhole: number } {
  const source = jest.spyOn(Package.prototype, 'sheetSource');
  const text = jest.spyOn(Package.prototype, 'text');
  try {
    job();
    const kept = new Set(source.mock.calls.filter((_, i) => source.mock.results[i].value instanceof AsciiSheet).map(([name]) => name));
    return { kept: kept.size, decodedWhole: text.mock.calls.filter(([name]) => kept.has(name)).length };
  } finally {
    source.mockRestore();
    text.mockRestore();
  }
}

describe('a worksheet part read in pieces', () => {
  const workbooks = [
    ...fs.readdirSync(FIXTURES).filter((f) => /\.xls[xm]$/.test(f)),
    ...fs.readdirSync(path.join(FIXTURES, 'meeting')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('meeting', f)),
  ];

  it('has the Excel, WPS and LibreOffice fixtures to read', () => {
    expect(workbooks).toEqual(expect.arrayContaining(SAVED_BY_EXCEL_WPS_LIBREOFFICE));
  });

  it.each(workbooks)('%s: the same file (or refusal) as read whole, in pieces of a row or of 64 KB', (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)));
    const whole = withSheetSizes(WHOLE, () => outcome(bytes, path.basename(file)));
    for (const pieceBytes of [1, 64, 1 << 16]) {
      let inPieces: string | Buffer = '';
      const kept = keptAsBytes(() => (inPieces = withSheetSizes({ minBytes: 0, pieceBytes }, () => outcome(bytes, path.basename(file)))));
      expect(inPieces).toEqual(whole);
      // The three writers' ledgers are ASCII, their text in the shared strings (a sheet with text
      // inline is read whole), and are read in pieces to the end, never decoded whole.
      if (SAVED_BY_EXCEL_WPS_LIBREOFFICE.includes(file)) {
        expect(kept.kept).toBeGreaterThan(0);
        expect(kept.decodedWhole).toBe(0);
      }
    }
  });

  it('is how a ledger sheet of 4 MB and more is read, to the same cells and the same file', () => {
    const bytes = makeBigLedger(6_000); // a ledger sheet of about 4.5 MB
    const read = () => readLedgerWorkbook(bytes, { fileName: 'big.xlsx', language: 'zh' }).input.ledger.values;
    const whole = withSheetSizes(WHOLE, () => ({ values: read(), file: outcome(bytes, 'big.xlsx') }));
    let values: unknown;
    let file: unknown;
    const kept = keptAsBytes(() => {
      values = read();
      file = outcome(bytes, 'big.xlsx');
    });
    expect(kept).toEqual({ kept: 1, decodedWhole: 0 }); // the ledger sheet, read and written from its bytes
    expect(values).toEqual(whole.values);
    expect((values as unknown[]).length).toBeGreaterThan(6_000);
    expect(Buffer.isBuffer(file)).toBe(true);
    expect(file).toEqual(whole.file);
  });

  it('is inflated once, however much larger the shared strings read while it is scanned', () => {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'wps-ledger.xlsx'))));
    // An item no cell names, making the shared strings ten times the ledger sheet.
    const sst = strFromU8(parts['xl/sharedStrings.xml']);
    parts['xl/sharedStrings.xml'] = strToU8(sst.replace(/<\/sst>\s*$/, `<si><t>${'长'.repeat(80_000)}</t></si></sst>`));
    expect(parts['xl/sharedStrings.xml'].length).toBeGreaterThan(10 * parts['xl/worksheets/sheet1.xml'].length);
    const padded = zipSync(parts);
    const inflate = jest.spyOn(zip, 'readEntry');
    try {
      const file = withSheetSizes({ minBytes: 0 }, () => outcome(padded, 'wps-ledger.xlsx'));
      expect(Buffer.isBuffer(file)).toBe(true);
      expect(inflate.mock.calls.filter(([entry]) => entry.name === 'xl/worksheets/sheet1.xml')).toHaveLength(1);
    } finally {
      inflate.mockRestore();
    }
  });

  it('is checked as it is read: a ledger as the writers save it is not gone over in a pass of its own', () => {
    const bytes = makeBigLedger(6_000);
    const sheetSize = unzipSync(bytes)['xl/worksheets/sheet1.xml'].length;
    /** Characters whose tags a pass of checkTagsClosed went over while the workbook was processed. */
    const charactersChecked = () => {
      const checks = jest.spyOn(xml, 'checkTagsClosed');
      try {
        expect(Buffer.isBuffer(outcome(bytes, 'big.xlsx'))).toBe(true);
        return checks.mock.calls.reduce((n, [text, from]) => n + text.length - (from ?? 0), 0);
      } finally {
        checks.mockRestore();
      }
    };
    const whole = withSheetSizes(WHOLE, charactersChecked);
    expect(sheetSize).toBeGreaterThan(4 << 20);
    expect(whole).toBeGreaterThan(sheetSize);
    // In pieces only the first and the part's end are (the shared strings and the small parts are, either way).
    expect(charactersChecked()).toBeLessThan(whole - 0.9 * sheetSize);
  });

  describe('damage below the rows header detection reads', () => {
    const bigLedger = unzipSync(makeBigLedger(6_000));
    const ledgerSheet = strFromU8(bigLedger['xl/worksheets/sheet1.xml']);
    const lateRow = ledgerSheet.lastIndexOf('<row r="5900"');
    const damaged = (edit: (sheet: string) => string) => zipSync({ ...bigLedger, 'xl/worksheets/sheet1.xml': strToU8(edit(ledgerSheet)) });
    const excel = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'excel-everything.xlsx'))));
    /** A sheet of numbers beside the ledger, larger than it (so it is the part the package keeps), damaged in row 2,900. */
    const largerSheetBeside = (damage: string) => {
      const rows = Array.from({ length: 3_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c>${i === 2_899 ? damage : ''}</row>`).join('');
      const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
      expect(sheet.length).toBeGreaterThan(excel['xl/worksheets/sheet1.xml'].length);
      return zipSync({ ...excel, 'xl/worksheets/sheet2.xml': strToU8(sheet) });
    };
    it.each([
      ['a tag left open in the ledger', () => damaged((x) => x.slice(0, lateRow) + x.slice(lateRow).replace('"><v>', '"<v>'))],
      ['a comment in the ledger', () => damaged((x) => x.slice(0, lateRow) + '<!-- 备注 -->' + x.slice(lateRow))],
      ['a processing instruction in the ledger', () => damaged((x) => x.slice(0, lateRow) + '<?pi x?>' + x.slice(lateRow))],
      ['rows out of order in the ledger', () => damaged((x) => x.slice(0, lateRow) + x.slice(lateRow).replace('<row r="5900"', '<row r="3"'))],
      ['a tag left open in a larger sheet beside the ledger', () => largerSheetBeside('<c r="B2900"<v>1</v></c>')],
      ['a comment in a larger sheet beside the ledger', () => largerSheetBeside('<!-- x -->')],
    ])('%s: the same refusal or file as read whole', (_what, workbook) => {
      const bytes = workbook();
      const whole = withSheetSizes(WHOLE, () => outcome(bytes, 'damaged.xlsx'));
      for (const sizes of [{}, { minBytes: 0 }, { minBytes: 0, pieceBytes: 64 }]) expect(withSheetSizes(sizes, () => outcome(bytes, 'damaged.xlsx'))).toEqual(whole);
    });
    it('names the sheet the whole reading names when the ledger and a sheet after it are both damaged', () => {
      // The ledger's tag left open in its last rows, the sheet after it (read for detection later) damaged at its top.
      const parts = unzipSync(damaged((x) => x.slice(0, lateRow) + x.slice(lateRow).replace('"><v>', '"<v>')));
      const rel = '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>';
      parts['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', `${rel}</Relationships>`));
      parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('</sheets>', '<sheet name="其他" sheetId="99" r:id="rId99"/></sheets>'));
      parts['[Content_Types].xml'] = strToU8(
        strFromU8(parts['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      );
      parts['xl/worksheets/sheet2.xml'] = strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"<v>1</v></c></row></sheetData></worksheet>`);
      const bytes = zipSync(parts);
      const whole = withSheetSizes(WHOLE, () => outcome(bytes, 'damaged.xlsx'));
      expect(whole).toMatch(/sheet1\.xml/);
      for (const sizes of [{}, { minBytes: 0 }, { minBytes: 0, pieceBytes: 64 }]) expect(withSheetSizes(sizes, () => outcome(bytes, 'damaged.xlsx'))).toEqual(whole);
    });

    it('refuses what it must among them', () => {
      expect(withSheetSizes(WHOLE, () => outcome(damaged((x) => x.slice(0, lateRow) + x.slice(lateRow).replace('"><v>', '"<v>')), 'damaged.xlsx'))).toMatch(/damaged\.xlsx/);
      expect(withSheetSizes(WHOLE, () => outcome(largerSheetBeside('<c r="B2900"<v>1</v></c>'), 'damaged.xlsx'))).toMatch(/sheet2|Sheet2|damaged/);
    });
  });

  it('is read whole where a comment in its rows could be cut in two, to the same file', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'wps-ledger.xlsx')));
    const parts = unzipSync(bytes);
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(parts[n]).includes('</row>'))!;
    // A comment holding a row end, between two rows: pieces cut after each `</row>` would split it.
    parts[sheet] = strToU8(strFromU8(parts[sheet]).replace('</row>', '</row><!-- <row r="99"><c r="A99"/></row> -->'));
    const commented = zipSync(parts);
    const whole = withSheetSizes(WHOLE, () => outcome(commented, 'wps-ledger.xlsx'));
    expect(Buffer.isBuffer(whole)).toBe(true);
    expect(withSheetSizes({ minBytes: 0, pieceBytes: 1 }, () => outcome(commented, 'wps-ledger.xlsx'))).toEqual(whole);
  });
});

describe('a worksheet part read to its top rows in pieces', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rows = Array.from({ length: 40 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c><c r="B${i + 1}"><v>1</v></c></row>`).join('');
  /** The grid of the top five rows, read whole and in pieces of 64 bytes. */
  const topRows = (text: string) => {
    const ctx: SheetContext = { name: 'S', sharedStrings: () => [], formatOf: () => null, date1904: false, maxRows: 5 };
    const checkedWhole = () => {
      xml.checkTagsClosed(text);
      xml.checkElementsNested(text);
      return text;
    };
    return {
      whole: readSheetXml(checkedWhole(), ctx),
      inPieces: withSheetSizes({ pieceBytes: 64 }, () => readSheetXml(new AsciiSheet(strToU8(text), checkedWhole), ctx)),
    };
  };
  it.each([
    ['a comment holding a row end among the merged areas', `<mergeCells count="2"><mergeCell ref="A1:B1"/><!--</row>--><mergeCell ref="A2:B2"/></mergeCells>`],
    ['a row end inside an extension after the merged areas', `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><extLst><ext uri="u"><row></row></ext></extLst>`],
    ['merged areas alone', `<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>`],
  ])('has the merged areas the whole reading finds after the sheet data: %s', (_what, after) => {
    const { whole, inPieces } = topRows(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${after}</worksheet>`);
    expect(whole.merges.length).toBeGreaterThan(0);
    expect(inPieces).toEqual(whole);
  });
});

describe('AsciiSheet', () => {
  const text = '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="3"><c r="A3"/></row></sheetData></worksheet>';
  const sheet = new AsciiSheet(new TextEncoder().encode(text), () => text);

  it.each([
    [0, undefined],
    [5, 40],
    [40, 5],
    [-3, 10],
    [100, 10_000],
    [text.length, undefined],
    [0, 200],
  ])('slice(%p, %p) is the string’s', (from, to) => {
    expect(sheet.slice(from, to)).toBe(text.slice(Math.max(0, from), to));
  });

  it.each([
    ['</', text.length],
    ['</', 50],
    ['<row', 60],
    ['<row', 0],
    ['<?xml', 0],
    ['nowhere', text.length],
    ['</worksheet>', text.length],
  ])('lastIndexOf(%p, %p) is the string’s', (search, position) => {
    expect(sheet.lastIndexOf(search, position)).toBe(text.lastIndexOf(search, position));
  });

  it.each([1, 20, 64, 1 << 16])('in pieces of about %i bytes: the whole text, each piece but the last ending a row', (pieceBytes) => {
    const pieces = withSheetSizes({ pieceBytes }, () => [...sheet.pieces()]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const [i, p] of pieces.entries()) {
      expect(text.startsWith(p.text, p.base)).toBe(true);
      if (i < pieces.length - 1) expect(p.text.endsWith('</row>')).toBe(true);
    }
    if (pieceBytes === 1) expect(pieces).toHaveLength(3); // after each `</row>`, then the rest
  });
});
