import { strToU8, zipSync } from 'fflate';
import { prepareForSchema, readSheetValues, schemaFor, validatePart, validateParts, validationSkipReason } from './ooxml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const goodSheet =
  `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

// <mergeCells> must follow <sheetData>; Excel "repairs" a file that puts it first.
const outOfOrderSheet =
  `<worksheet xmlns="${MAIN}"><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>` +
  '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';

// What Excel 365 writes: ignorable namespaces, xr:uid, x14ac:dyDescent, xml:space, an extLst.
const excelSheet =
  `<worksheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" ` +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
  'xr:uid="{00000000-0001-0000-0000-000000000000}"><sheetFormatPr defaultRowHeight="14" x14ac:dyDescent="0.25"/>' +
  '<sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c></row></sheetData>' +
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>';

describe('prepareForSchema', () => {
  it('removes mc:Ignorable, ignorable attributes and xml:space but keeps extLst content', () => {
    const out = prepareForSchema(excelSheet);
    expect(out).not.toContain('mc:Ignorable');
    expect(out).not.toContain('x14ac:dyDescent');
    expect(out).not.toContain('xr:uid');
    expect(out).not.toContain('xml:space');
    expect(out).toContain('<x14:dataValidations');
    expect(out).toContain('<t> a </t>');
  });

  it('replaces mc:AlternateContent by the content of its mc:Fallback', () => {
    const chart =
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<c:date1904 val="0"/><mc:AlternateContent><mc:Choice Requires="c14" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart">' +
      '<c14:style val="102"/></mc:Choice><mc:Fallback><c:style val="2"/></mc:Fallback></mc:AlternateContent><c:chart/></c:chartSpace>';
    const out = prepareForSchema(chart);
    expect(out).not.toContain('AlternateContent');
    expect(out).not.toContain('c14:style');
    expect(out).toMatch(/<c:date1904 val="0"\/><c:style val="2"\/><c:chart\/>/);
  });

  it('drops an mc:AlternateContent that has no mc:Fallback', () => {
    const wb =
      `<workbook xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><workbookPr/>` +
      '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\"/></mc:Choice></mc:AlternateContent><sheets/></workbook>';
    expect(prepareForSchema(wb)).toMatch(/<workbookPr\/><sheets\/>/);
  });
});

describe('prepareForSchema on the details', () => {
  const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
  const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';

  it('drops elements in an ignorable namespace with everything inside them', () => {
    const xml = `<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:xr="${XR}" mc:Ignorable="xr"><b/><xr:x><c/>text</xr:x><d/></a>`;
    expect(prepareForSchema(xml)).toBe(`<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:xr="${XR}"><b/><d/></a>`);
  });

  it('copies <extLst><ext> content verbatim, ignorable attributes included', () => {
    const ext = `<extLst><ext uri="{X}"><x14:y xmlns:x14="urn:x14" xr:uid="{1}" xml:space="preserve"/></ext></extLst>`;
    const xml = `<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:xr="${XR}" mc:Ignorable="xr" xr:uid="{0}">${ext}</a>`;
    expect(prepareForSchema(xml)).toBe(`<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:xr="${XR}">${ext}</a>`);
  });

  it('resolves prefixes by scope, not by spelling', () => {
    // "x" is ignorable only where it is bound to the ignorable namespace.
    const xml = `<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:x="${XR}" mc:Ignorable="x"><b x:k="1"/><c xmlns:x="urn:other" x:k="2"/></a>`;
    expect(prepareForSchema(xml)).toBe(`<a xmlns="urn:a" xmlns:mc="${MC}" xmlns:x="${XR}"><b/><c xmlns:x="urn:other" x:k="2"/></a>`);
  });

  it('keeps comments and processing instructions outside dropped content', () => {
    const xml = `<?xml version="1.0"?>\n<!-- c --><a xmlns="urn:a" xml:space="preserve"> t </a>`;
    expect(prepareForSchema(xml)).toBe('<?xml version="1.0"?>\n<!-- c --><a xmlns="urn:a"> t </a>');
  });
});

describe('schemaFor', () => {
  it.each([
    ['xl/worksheets/sheet1.xml', goodSheet, 'sml.xsd'],
    ['xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>', 'dml-chart.xsd'],
    ['xl/drawings/drawing1.xml', '<?xml version="1.0"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>', 'dml-spreadsheetDrawing.xsd'],
    ['[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'opc-contentTypes.xsd'],
    ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>', 'opc-relationships.xsd'],
  ])('picks the schema for %s by its root element', (p, xml, schema) => {
    expect(schemaFor(p, xml).schema).toBe(schema);
  });
});

const skip = validationSkipReason();
if (skip) {
  // Visible in the test report: validation did not run, and why.
  test.skip(`schema validation skipped: ${skip}`, () => undefined);
} else {
  describe('validatePart', () => {
    it('accepts a worksheet whose children are in schema order', () => {
      const r = validatePart('xl/worksheets/sheet1.xml', goodSheet);
      expect(r.errors).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.schema).toBe('sml.xsd');
    });

    it('rejects a worksheet with <mergeCells> before <sheetData>', () => {
      const r = validatePart('xl/worksheets/sheet1.xml', outOfOrderSheet);
      expect(r.ok).toBe(false);
      expect(r.errors.join('\n')).toMatch(/xl\/worksheets\/sheet1\.xml.*mergeCells.*not expected/);
    });

    it('accepts an Excel-style worksheet after markup-compatibility preprocessing', () => {
      expect(validatePart('xl/worksheets/sheet2.xml', excelSheet)).toMatchObject({ ok: true, errors: [] });
    });

    it('reports a part that is not well-formed', () => {
      const r = validatePart('xl/worksheets/sheet3.xml', `<worksheet xmlns="${MAIN}"><sheetData></worksheet>`);
      expect(r.ok).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    });

    it('validates a batch and keeps results apart', () => {
      const rs = validateParts([
        { path: 'a.xml', xml: goodSheet },
        { path: 'b.xml', xml: outOfOrderSheet },
        { path: 'c.xml', xml: '<unknown/>' },
      ]);
      expect(rs.map((r) => r.ok)).toEqual([true, false, false]);
      expect(rs[1].errors.every((e) => !e.includes('a.xml'))).toBe(true);
      expect(rs[2].schema).toBeNull();
    });
  });
}

describe('readSheetValues', () => {
  const workbookOf = (sheetData: string) =>
    zipSync({
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`),
    });

  it.each<[string, string, [string, string | number][]]>([
    ['cells with their references', '<row r="2"><c r="B2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>x</t></is></c></row>', [['B2', 1], ['D2', 'x']]],
    ['cells without references, placed after the one before', '<row r="3"><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c><c/><c><v>4</v></c></row>', [['A3', 1], ['B3', 'x'], ['D3', 4]]],
    ['a reference after cells without', '<row r="1"><c><v>1</v></c><c r="Z1"><v>2</v></c><c><v>3</v></c></row>', [['A1', 1], ['Z1', 2], ['AA1', 3]]],
    ['rows without references, placed after the one before', '<row r="4"><c><v>1</v></c></row><row><c><v>2</v></c></row><row/><row><c><v>3</v></c></row>', [['A4', 1], ['A5', 2], ['A7', 3]]],
  ])('reads %s', (_name, sheetData, expected) => {
    expect([...readSheetValues(workbookOf(sheetData)).cells]).toEqual(expected);
  });
});
