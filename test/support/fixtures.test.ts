/**
 * The fixture workbooks are test material for every other part, so they are tested too:
 * every XML part validates against the ISO schemas (or is listed below with the reason it
 * cannot), every ledger has an expected.json that agrees with its cells, and the generator
 * reproduces the committed bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import {
  checkWellFormed, isXmlPart, partText, readSheetValues, readZip, validateParts, validationSkipReason, type PartToValidate,
} from './ooxml';
import { GENERATED, expectedJson, libreofficeExpected } from '../../scripts/fixtures/make-fixtures';

const DIR = path.resolve(__dirname, '../fixtures');
const CANONICAL = new Set([
  'serial', 'title', 'description', 'type', 'registered', 'place', 'parties', 'idNumber', 'phone', 'address', 'headcount',
  'amount', 'manualLevel', 'owner', 'ownerUnit', 'channel', 'resolvedFlag', 'status', 'resolvedOn', 'deadline', 'lastRevisit',
  'revisitNotes', 'supervision', 'closure', 'mediationCount', 'policeCalls', 'keyPerson', 'remarks',
]);

/**
 * Parts that real Excel writes outside ISO/IEC 29500, so no shipped schema covers them. They are
 * still checked for well-formedness. Anything else must validate.
 */
const OUTSIDE_ISO: [RegExp, string][] = [
  [/^docProps\/core\.xml$/, 'opc-coreProperties.xsd imports the Dublin Core schemas from dublincore.org (not available offline)'],
  [/^xl\/threadedComments\/.*\.xml$/, 'threaded comments are a Microsoft extension ([MS-XLSX]), namespace …/spreadsheetml/2018/threadedcomments'],
  [/^xl\/persons\/.*\.xml$/, 'the persons list of threaded comments is a Microsoft extension ([MS-XLSX])'],
  [/^xl\/charts\/(style|colors)\d+\.xml$/, 'chart style and colour parts are an Office 2013 extension (namespace …/drawing/2012/chartStyle)'],
  [/\.vml$/, 'legacy VML drawings have a namespace-less <xml> root; ISO 29500 keeps VML only for compatibility and its schemas do not describe this root'],
];

const zipFixtures = fs.readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f) && !['encrypted.xlsx', 'corrupt.xlsx'].includes(f));

function exceptionFor(part: string): string | undefined {
  return OUTSIDE_ISO.find(([re]) => re.test(part))?.[1];
}

describe('fixture files', () => {
  it('include every required workbook', () => {
    for (const f of [
      'excel-everything.xlsx', 'excel-macros.xlsm', 'wps-ledger.xlsx', 'mac-1904.xlsx', 'libreoffice-saved.xlsx',
      'header-not-row1.xlsx', 'aliases.xlsx', 'not-a-ledger.xlsx', 'encrypted.xlsx', 'corrupt.xlsx',
    ]) {
      expect(fs.existsSync(path.join(DIR, f))).toBe(true);
    }
  });

  it('have an expected.json beside every workbook', () => {
    for (const f of fs.readdirSync(DIR).filter((x) => /\.xls[xm]$/.test(x))) {
      expect([f, fs.existsSync(path.join(DIR, f.replace(/\.xls[xm]$/, '.expected.json')))]).toEqual([f, true]);
    }
  });

  it('encrypted.xlsx is a compound file, not a zip', () => {
    const b = fs.readFileSync(path.join(DIR, 'encrypted.xlsx'));
    expect([...b.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => unzipSync(new Uint8Array(b))).toThrow();
  });

  it('corrupt.xlsx starts like a zip but cannot be unzipped', () => {
    const b = fs.readFileSync(path.join(DIR, 'corrupt.xlsx'));
    expect([...b.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(() => unzipSync(new Uint8Array(b))).toThrow();
  });

  it('excel-everything.xlsx holds the parts an engine must never lose', () => {
    const zip = readZip(new Uint8Array(fs.readFileSync(path.join(DIR, 'excel-everything.xlsx'))));
    for (const p of [
      'xl/calcChain.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml', 'xl/media/image1.png',
      'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml',
      'xl/tables/table1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml', 'xl/printerSettings/printerSettings1.bin', 'docProps/app.xml', 'xl/theme/theme1.xml',
    ]) {
      expect([p, zip.has(p)]).toEqual([p, true]);
    }
    const wb = partText(zip.get('xl/workbook.xml')!);
    expect(wb).toContain('<pivotCaches>');
    expect(wb).toContain('_xlnm.Print_Area');
    const sheet = partText(zip.get('xl/worksheets/sheet1.xml')!);
    for (const s of ['<conditionalFormatting', '<dataValidations', 'state="frozen"', '<cols>', '<f t="shared"', '<legacyDrawing', '<drawing', '<extLst>']) {
      expect([s, sheet.includes(s)]).toEqual([s, true]);
    }
  });

  it('excel-macros.xlsm is macro-enabled with its VBA project', () => {
    const zip = readZip(new Uint8Array(fs.readFileSync(path.join(DIR, 'excel-macros.xlsm'))));
    expect(partText(zip.get('[Content_Types].xml')!)).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(partText(zip.get('xl/_rels/workbook.xml.rels')!)).toContain('relationships/vbaProject');
    expect(zip.get('xl/vbaProject.bin')!.length).toBeGreaterThan(1000);
  });

  it('mac-1904.xlsx uses the 1904 date system', () => {
    const v = readSheetValues(new Uint8Array(fs.readFileSync(path.join(DIR, 'mac-1904.xlsx'))));
    expect(v.date1904).toBe(true);
    // 2020-03-05 is serial 43895 in the 1900 system and 42433 in the 1904 system.
    expect(v.cells.get('B5')).toBe(42433);
  });

  it('libreoffice-saved.xlsx was written by LibreOffice', () => {
    const zip = readZip(new Uint8Array(fs.readFileSync(path.join(DIR, 'libreoffice-saved.xlsx'))));
    expect(partText(zip.get('docProps/app.xml')!)).toMatch(/LibreOffice/);
  });
});

describe('expected.json files agree with the workbooks', () => {
  const ledgers = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => ({ json: f, expected: JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) }))
    .filter((x) => typeof x.expected.sheet === 'string');

  it.each(ledgers.map((l) => [l.json, l]))('%s names real header cells and data rows', (_name, l) => {
    const { json, expected } = l as { json: string; expected: { sheet: string; headerRows: number[]; fields: Record<string, string>; asOf: string; rows: { row: number; level: string; because: string }[] } };
    const book = fs.readdirSync(DIR).find((f) => /\.xls[xm]$/.test(f) && f.replace(/\.xls[xm]$/, '.expected.json') === json)!;
    const v = readSheetValues(new Uint8Array(fs.readFileSync(path.join(DIR, book))), expected.sheet);
    expect(expected.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [field, col] of Object.entries(expected.fields)) {
      expect([field, CANONICAL.has(field)]).toEqual([field, true]);
      const texts = expected.headerRows.map((r) => v.cells.get(`${col}${r}`)).filter((x) => typeof x === 'string' && x.trim());
      expect([field, col, texts.length > 0]).toEqual([field, col, true]);
    }
    const lastHeader = Math.max(...expected.headerRows);
    const descCol = expected.fields.description;
    expect(expected.rows.length).toBeGreaterThanOrEqual(10);
    for (const r of expected.rows) {
      expect(r.row).toBeGreaterThan(lastHeader);
      expect(['red', 'yellow', 'green']).toContain(r.level);
      expect(r.because.length).toBeGreaterThan(0);
      expect([r.row, typeof v.cells.get(`${descCol}${r.row}`)]).toEqual([r.row, 'string']);
    }
  });
});

describe('make-fixtures', () => {
  it.each(Object.keys(GENERATED))('reproduces %s byte for byte', (name) => {
    const f = GENERATED[name]();
    const committed = new Uint8Array(fs.readFileSync(path.join(DIR, name)));
    expect(Buffer.from(f.bytes).equals(Buffer.from(committed))).toBe(true);
    if (f.expected) {
      expect(fs.readFileSync(path.join(DIR, name.replace(/\.xls[xm]$/, '.expected.json')), 'utf8')).toBe(expectedJson(f.expected));
    }
  });

  it('writes the expectation of libreoffice-saved.xlsx from its source ledger', () => {
    expect(fs.readFileSync(path.join(DIR, 'libreoffice-saved.expected.json'), 'utf8')).toBe(expectedJson(libreofficeExpected()));
  });
});

const skip = validationSkipReason();
if (skip) {
  test.skip(`fixture schema validation skipped: ${skip}`, () => undefined);
} else {
  describe('every XML part of every fixture', () => {
    const parts: PartToValidate[] = [];
    for (const f of zipFixtures) {
      for (const [name, data] of readZip(new Uint8Array(fs.readFileSync(path.join(DIR, f))))) {
        if (isXmlPart(name)) parts.push({ path: `${f}:${name}`, xml: partText(data) });
      }
    }
    const inner = (p: string) => p.slice(p.indexOf(':') + 1);
    const checked = parts.filter((p) => !exceptionFor(inner(p.path)));
    const excepted = parts.filter((p) => exceptionFor(inner(p.path)));
    const results = validateParts(checked);
    const wellFormed = checkWellFormed(excepted);

    it.each(results.map((r) => [r.path, r]))('%s validates', (_p, r) => {
      expect(r).toMatchObject({ ok: true, errors: [] });
    });

    it.each(wellFormed.map((r) => [r.path, exceptionFor(inner(r.path)), r]))('%s is well-formed (outside ISO: %s)', (_p, _why, r) => {
      expect(r).toMatchObject({ ok: true, errors: [] });
    });
  });
}
