import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DEFAULT_PRESET, MEETING_SUMMARY_SHEET, parseIsoDay, type LedgerJob } from '../../src/core';
import { processWorkbook, writeReportWorkbook, type WorkbookJobOptions } from '../../src/hosts/xlsx';
import { readSheetValues, validatePackage, validateParts, validationSkipReason } from '../support/ooxml';
import { diffPackages, EDITABLE_PARTS, partNames, partOf } from './preservation';
import { everyKindOfChart, LEVEL_ROWS, PIE_COLOURS, summaryWithCharts, TYPE_ROWS } from './report-sheets';

/**
 * The job's summary sheet is given the chart tables of report-sheets.ts and only their charts, so
 * these tests name every cell and figure whatever the summary's own layout and charts;
 * `mockCharts` false takes every chart off the reports for a run.
 */
let mockCharts = true;
jest.mock('../../src/core', () => {
  const actual = jest.requireActual('../../src/core');
  const { withChartTables: addTables } = jest.requireActual('./report-sheets');
  return {
    ...actual,
    runLedgerJob: (...args: Parameters<typeof actual.runLedgerJob>): LedgerJob => {
      const job: LedgerJob = actual.runLedgerJob(...args);
      const reports = job.plan.reports.map((r) =>
        !mockCharts ? { ...r, charts: undefined } : r.name === actual.MEETING_SUMMARY_SHEET ? addTables(r) : { ...r, charts: undefined },
      );
      return { ...job, plan: { ...job.plan, reports } };
    },
  };
});

const FIXTURE = path.resolve(__dirname, '../fixtures/excel-everything.xlsx');
const options: WorkbookJobOptions = {
  fileName: 'excel-everything.xlsx',
  asOf: parseIsoDay('2020-06-30')!,
  preset: DEFAULT_PRESET,
  language: 'zh',
  mask: true,
};
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const skipValidation = validationSkipReason();
const skipNote = skipValidation ? ` (skipped: ${skipValidation})` : '';

function run(input: Uint8Array, charts = true) {
  mockCharts = charts;
  try {
    return processWorkbook(input, options);
  } finally {
    mockCharts = true;
  }
}

/** Content type of each part by its Override. */
function overrides(bytes: Uint8Array): Map<string, string> {
  const xml = partOf(bytes, '[Content_Types].xml');
  return new Map([...xml.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));
}

/** Relationship targets of a rels part, by id. */
function targets(bytes: Uint8Array, rels: string): Record<string, string> {
  return Object.fromEntries([...partOf(bytes, rels).matchAll(/<Relationship Id="([^"]+)" Type="[^"]+\/(\w+)" Target="([^"]+)"\/>/g)].map((m) => [m[1], `${m[2]} ${m[3]}`]));
}

function rezip(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

describe('charts on the meeting summary of a workbook with charts of its own (excel-everything.xlsx)', () => {
  const input = new Uint8Array(fs.readFileSync(FIXTURE));
  const first = run(input);
  const summaryPart = () => {
    const wb = partOf(first.bytes, 'xl/workbook.xml');
    const rid = new RegExp(`<sheet name="${MEETING_SUMMARY_SHEET}" sheetId="\\d+" r:id="(rId\\d+)"/>`).exec(wb)![1];
    return `xl/${targets(first.bytes, 'xl/_rels/workbook.xml.rels')[rid].split(' ')[1]}`;
  };

  it('leaves every part of the user byte-identical and adds only sheets, one drawing and two charts, under free names', () => {
    const diff = diffPackages(input, first.bytes);
    expect(diff.removed).toEqual([]);
    expect(diff.recompressed).toEqual([]);
    expect(diff.changed.filter((p) => !EDITABLE_PARTS.test(p))).toEqual([]);
    // The user's drawing1, drawing2 and chart1 are left alone: the add-in's parts take the next numbers.
    expect(diff.added.sort()).toEqual([
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/drawings/_rels/drawing3.xml.rels',
      'xl/drawings/drawing3.xml',
      'xl/worksheets/_rels/sheet6.xml.rels',
      'xl/worksheets/sheet5.xml',
      'xl/worksheets/sheet6.xml',
      'xl/worksheets/sheet7.xml',
    ]);
    expect(summaryPart()).toBe('xl/worksheets/sheet6.xml');
  });

  it('links the summary sheet to its drawing and the drawing to its charts, each with its content type', () => {
    expect(partOf(first.bytes, 'xl/worksheets/sheet6.xml')).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(targets(first.bytes, 'xl/worksheets/_rels/sheet6.xml.rels')).toEqual({ rId1: 'drawing ../drawings/drawing3.xml' });
    expect(targets(first.bytes, 'xl/drawings/_rels/drawing3.xml.rels')).toEqual({ rId1: 'chart ../charts/chart2.xml', rId2: 'chart ../charts/chart3.xml' });
    expect([...partOf(first.bytes, 'xl/drawings/drawing3.xml').matchAll(/<c:chart [^>]*r:id="(rId\d)"\/>/g)].map((m) => m[1])).toEqual(['rId1', 'rId2']);
    const types = overrides(first.bytes);
    expect(['xl/drawings/drawing3.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml'].map((p) => types.get(p))).toEqual([CT_DRAWING, CT_CHART, CT_CHART]);
    // The user's own chart and drawings keep their entries.
    expect(['xl/drawings/drawing1.xml', 'xl/charts/chart1.xml'].map((p) => types.get(p))).toEqual([CT_DRAWING, CT_CHART]);
  });

  it('feeds each chart from the summary\'s cells by reference and caches their values', () => {
    const summary = first.job.plan.reports.find((r) => r.name === MEETING_SUMMARY_SHEET)!;
    // The chart tables are the sheet's last 11 rows; the level rows follow their header.
    const levels = summary.rows.length - 11 + 2;
    const pie = partOf(first.bytes, 'xl/charts/chart2.xml');
    expect([...pie.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual([
      `'联席会议汇总'!$A$${levels}:$A$${levels + 2}`,
      `'联席会议汇总'!$B$${levels}:$B$${levels + 2}`,
    ]);
    expect([...pie.matchAll(/<c:pt idx="\d"><c:v>([^<]+)<\/c:v><\/c:pt>/g)].map((m) => m[1])).toEqual([...LEVEL_ROWS.map(([l]) => l), ...LEVEL_ROWS.map(([, n]) => String(n))]);
    // The cells those references name hold the same figures.
    const cells = readSheetValues(first.bytes, MEETING_SUMMARY_SHEET).cells;
    expect(LEVEL_ROWS.map((_, i) => [cells.get(`A${levels + i}`), cells.get(`B${levels + i}`)])).toEqual(LEVEL_ROWS);
  });

  it('gives the same bytes, and so the same parts, when run again on its own output', () => {
    const second = run(first.bytes);
    expect(partNames(second.bytes)).toEqual(partNames(first.bytes));
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('drops its drawing, charts, their relationships and content types when a re-run has no charts', () => {
    const withoutCharts = run(input, false);
    const rerun = run(first.bytes, false);
    expect(partNames(rerun.bytes)).toEqual(partNames(withoutCharts.bytes));
    expect(Buffer.from(rerun.bytes).equals(Buffer.from(withoutCharts.bytes))).toBe(true);
    expect(overrides(rerun.bytes).has('xl/charts/chart2.xml')).toBe(false);
  });

  it('drops the style and colour parts Excel adds to its chart on a save, and keeps an image another drawing shares', () => {
    const saved = rezip(first.bytes, (files) => {
      const rels = (entries: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries}</Relationships>`);
      files['xl/charts/_rels/chart2.xml.rels'] = rels(
        '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors2.xml"/>' +
          '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style2.xml"/>',
      );
      files['xl/charts/style2.xml'] = strToU8('<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
      files['xl/charts/colors2.xml'] = strToU8('<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>');
      const drawingRels = strFromU8(files['xl/drawings/_rels/drawing3.xml.rels']);
      files['xl/drawings/_rels/drawing3.xml.rels'] = strToU8(
        drawingRels.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>'),
      );
      files['[Content_Types].xml'] = strToU8(
        strFromU8(files['[Content_Types].xml']).replace(
          '</Types>',
          '<Override PartName="/xl/charts/style2.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors2.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
        ),
      );
    });
    const rerun = run(saved);
    const names = partNames(rerun.bytes);
    expect(names.filter((n) => /style2|colors2|chart2\.xml\.rels/.test(n))).toEqual([]);
    expect([...overrides(rerun.bytes).keys()].filter((n) => /style2|colors2/.test(n))).toEqual([]);
    // image1.png is drawing2's picture too: it stays, byte for byte.
    expect(diffPackages(input, rerun.bytes).removed).toEqual([]);
    expect(names.sort()).toEqual(partNames(first.bytes).sort());
  });

  (skipValidation ? it.skip : it)(`writes parts that validate against the ISO schemas${skipNote}`, () => {
    const results = validateParts(first.writtenParts.map((p) => ({ path: p, xml: partOf(first.bytes, p) })));
    expect(results.filter((r) => !r.ok).map((r) => ({ path: r.path, errors: r.errors.slice(0, 5) }))).toEqual([]);
    expect(first.writtenParts).toEqual(expect.arrayContaining(['xl/drawings/drawing3.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']));
  });
});

describe('a report workbook of its own (writeReportWorkbook)', () => {
  const state = { sheet: '_tricolor', rows: [['三色台账快照', 'v1'], ['0012', 3]] };
  const sheets = [summaryWithCharts(), summaryWithCharts("O'Brien 2026 汇总", everyKindOfChart)];
  const bytes = writeReportWorkbook(sheets, state);

  it('holds the report sheets, visible and in order, then the hidden state sheet, and nothing else', () => {
    expect(partNames(bytes)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
      'xl/charts/chart5.xml',
      'xl/charts/chart6.xml',
      'xl/drawings/drawing2.xml',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/worksheets/_rels/sheet2.xml.rels',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    const workbook = partOf(bytes, 'xl/workbook.xml');
    expect([...workbook.matchAll(/<sheet name="([^"]+)" sheetId="\d+"( state="hidden")?/g)].map((m) => [m[1], !!m[2]])).toEqual([
      ['联席会议汇总', false],
      ["O'Brien 2026 汇总", false],
      ['_tricolor', true],
    ]);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'O''Brien 2026 汇总'!$1:$1</definedName>`);
  });

  it('writes the cells, merges and state as a reader of the file sees them', () => {
    const summary = readSheetValues(bytes, '联席会议汇总');
    expect(summary.cells.get('A1')).toBe('联席会议矛盾纠纷汇总（2026年11月）');
    expect(TYPE_ROWS.map((_, i) => [`A${9 + i}`, `B${9 + i}`, `C${9 + i}`].map((ref) => summary.cells.get(ref)))).toEqual(TYPE_ROWS);
    expect(summary.merges).toEqual(['A1:L1']);
    const stateCells = readSheetValues(bytes, '_tricolor').cells;
    expect([stateCells.get('A2'), stateCells.get('B2')]).toEqual(['0012', '3']);
  });

  const formulaCases: [string, number, RegExp][] = [
    ['a Chinese name, quoted', 0, /<c:f>'联席会议汇总'!\$A\$4:\$A\$6<\/c:f>/],
    ['a name with a quote and spaces, the quote doubled', 2, /<c:f>'O''Brien 2026 汇总'!\$A\$4:\$A\$6<\/c:f>/],
  ];
  it.each(formulaCases)('names the cells of %s in chart formulas', (_name, chartIndex, expected) => {
    expect(partOf(bytes, `xl/charts/chart${chartIndex + 1}.xml`)).toMatch(expected);
  });

  const kindCases: [string, number, RegExp[]][] = [
    ['pie: a colour per slice from the table, no axes', 1, [/<c:pieChart><c:varyColors val="1"\/>/, new RegExp(PIE_COLOURS.map((c) => `<c:dPt><c:idx val="\\d"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${c}"/>`).join('[\\s\\S]*')), /^(?![\s\S]*<c:catAx>)/]],
    ['column: two coloured series over category and value axes', 2, [/<c:barDir val="col"\/><c:grouping val="clustered"\/>/, /<c:tx><c:v>件数<\/c:v><\/c:tx><c:spPr><a:solidFill><a:srgbClr val="4472C4"\/>/, /<c:catAx><c:axId val="(\d+)"\/>[\s\S]*<c:crossAx val="(\d+)"\/>[\s\S]*<c:valAx><c:axId val="\2"\/>[\s\S]*<c:crossAx val="\1"\/>/]],
    [
      'bar: stacked, one bar per category, top-down in the table\'s order with the values along the bottom',
      5,
      [/<c:barDir val="bar"\/><c:grouping val="stacked"\/>/, /<c:overlap val="100"\/>/, /<c:catAx>.*<c:orientation val="maxMin"\/>.*<c:axPos val="l"\/>/, /<c:valAx>.*<c:axPos val="b"\/>.*<c:crosses val="max"\/>/],
    ],
    ['line: a marked line per series', 6, [/<c:lineChart><c:grouping val="standard"\/>/, /<c:marker><c:symbol val="circle"\/>/]],
  ];
  it.each(kindCases)('%s', (_name, chart, patterns) => {
    const xml = partOf(bytes, `xl/charts/chart${chart}.xml`);
    for (const p of patterns) expect(xml).toMatch(p);
    expect(xml).toMatch(/<c:title><c:tx><c:rich>[\s\S]*<a:t>[^<]+<\/a:t>/);
    expect(xml).toContain('<c:legend><c:legendPos val="b"/>');
    expect(xml).not.toMatch(/typeface=/);
  });

  it('gives the same bytes for the same sheets', () => {
    expect(Buffer.from(writeReportWorkbook(sheets, state)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses to write a workbook with no visible sheet', () => {
    expect(() => writeReportWorkbook([], state)).toThrow(RangeError);
  });

  (skipValidation ? it.skip : it)(`writes a package whose every part validates against the ISO schemas${skipNote}`, () => {
    const results = validatePackage(bytes);
    expect(results.map((r) => r.path).sort()).toEqual(partNames(bytes).sort());
    expect(results.filter((r) => !r.ok).map((r) => ({ path: r.path, errors: r.errors.slice(0, 5) }))).toEqual([]);
  });
});
