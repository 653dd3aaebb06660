/// <reference types="office-js" />
import type { ReportCell, ReportSheet } from '../../../src/core';
import { reportWriteOptions } from '../../../src/hosts/officejs/office-host';
import { Syncer } from '../../../src/hosts/officejs/sync';
import { TEMP_SHEET, writeReportSheet } from '../../../src/hosts/officejs/write-report';
import { createExcelHost, FakeWorkbook, type ExcelHost } from '../harness';

/**
 * Charts, page breaks and row heights on a report sheet, written by writeReportSheet through
 * Microsoft's library and read back through it where the API can (titles, series names and
 * values, breaks), the in-memory workbook otherwise (source ranges, fills, anchors).
 */
let excel: ExcelHost | null = null;
afterEach(() => {
  excel?.dispose();
  excel = null;
});

const text = (value: string, style: ReportCell['style'] = 'text'): ReportCell => ({ value, style });
const num = (value: number): ReportCell => ({ value, style: 'number' });
const at = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

function report(extras: Partial<ReportSheet> = {}): ReportSheet {
  const rows: ReportCell[][] = [
    [text('汇总', 'title')],
    [],
    [text('等级', 'header'), text('件数', 'header'), text('已化解', 'header')],
    [text('红', 'red'), num(3), num(1)],
    [text('黄', 'yellow'), num(5), num(2)],
    [text('绿', 'green'), num(7), num(6)],
    [],
    [text('类型', 'header'), text('本期', 'header'), text('上期', 'header')],
    [text('邻里纠纷'), num(4), num(2)],
    [text('土地纠纷'), num(2), num(3)],
    [text('婚姻家庭'), num(6), num(1)],
    ...Array.from({ length: 20 }, () => []),
    [text('2026年11月1日 至 2026年11月28日', 'note')],
  ];
  return { name: '汇总', columnWidths: [12, 8, 8], rows, merges: [], print: { landscape: true, fitToWidth: true }, ...extras };
}

const EXTRAS: Partial<ReportSheet> = {
  charts: [
    {
      kind: 'pie',
      title: '在办（按等级）',
      categories: at(3, 0, 5, 0),
      series: [{ name: '件数', values: at(3, 1, 5, 1), pointColors: ['D9363E', 'F2B93B', '4CAF50'] }],
      anchor: at(12, 0, 27, 3),
    },
    {
      kind: 'column',
      title: '按类型',
      categories: at(8, 0, 10, 0),
      series: [
        { name: '本期', values: at(8, 1, 10, 1), color: '4472C4' },
        { name: '上期', values: at(8, 2, 10, 2), color: 'A5A5A5' },
      ],
      anchor: at(12, 4, 27, 8),
    },
  ],
  // Row 0 starts the first page anyway.
  rowBreaks: [0, 7, 28],
  rowHeights: { 2: 30, 7: 30, 12: 20, 13: 20, 14: 20 },
};

function open(apiVersion = '1.17', workbook = FakeWorkbook.fromSheets([{ name: '台账', values: [['序号']] }])) {
  excel = createExcelHost(workbook, { apiVersion, recordBodies: true });
  return workbook;
}

/** Writes the sheet with the options this Excel's API sets give, as the add-in does; returns the syncs. */
async function write(sheet: ReportSheet): Promise<number> {
  let syncs = 0;
  await Excel.run(async (context) => {
    const syncer = new Syncer(context, 30_000);
    try {
      await writeReportSheet(context, syncer, sheet, sheet.name, reportWriteOptions());
    } finally {
      syncs = syncer.count;
    }
  });
  return syncs;
}

interface ChartReadBack {
  name: string;
  type: string;
  title: string;
  series: { name: string; categories: string[]; values: string[] }[];
}

/** Every chart on the sheet as Microsoft's library reads it. */
function readCharts(sheetName: string): Promise<ChartReadBack[]> {
  return Excel.run(async (context) => {
    const charts = context.workbook.worksheets.getItem(sheetName).charts;
    charts.load('items/name,items/chartType,items/title/text,items/series/items/name');
    await context.sync();
    const dims = charts.items.map((c) =>
      c.series.items.map((s) => ({ categories: s.getDimensionValues('Categories'), values: s.getDimensionValues('Values') })),
    );
    await context.sync();
    return charts.items.map((c, i) => ({
      name: c.name,
      type: c.chartType,
      title: c.title.text,
      series: c.series.items.map((s, j) => ({ name: s.name, categories: dims[i][j].categories.value, values: dims[i][j].values.value })),
    }));
  });
}

describe('charts on a report sheet', () => {
  it('are native charts with the plan\'s titles, series, categories and colours, over the anchor cells', async () => {
    const workbook = open();
    await write(report(EXTRAS));
    expect(await readCharts('汇总')).toEqual([
      { name: 'Chart 1', type: 'Pie', title: '在办（按等级）', series: [{ name: '件数', categories: ['红', '黄', '绿'], values: ['3', '5', '7'] }] },
      {
        name: 'Chart 2',
        type: 'ColumnClustered',
        title: '按类型',
        series: [
          { name: '本期', categories: ['邻里纠纷', '土地纠纷', '婚姻家庭'], values: ['4', '2', '6'] },
          { name: '上期', categories: ['邻里纠纷', '土地纠纷', '婚姻家庭'], values: ['2', '3', '1'] },
        ],
      },
    ]);
    const sheet = workbook.sheet('汇总');
    // The sources are cells of the sheet itself, which was renamed from the temporary name after.
    const sources = sheet.charts.map((c) => c.series.map((s) => [s.values?.sheetId === sheet.id && s.values.address, s.categories?.sheetId === sheet.id && s.categories.address]));
    expect(sources).toEqual([[['B4:B6', 'A4:A6']], [['B9:B11', 'A9:A11'], ['C9:C11', 'A9:A11']]]);
    expect(sheet.charts.map((c) => c.anchor)).toEqual(['A13:D28', 'E13:I28']);
    expect(sheet.charts[0].series[0].pointFills).toEqual({ 0: '#D9363E', 1: '#F2B93B', 2: '#4CAF50' });
    expect(sheet.charts[1].series.map((s) => s.fill)).toEqual(['#4472C4', '#A5A5A5']);
    // Counts start at 0 (Excel would start bars of 11 and 12 near 10); a pie has no value axis.
    expect(sheet.charts.map((c) => c.valueAxisMinimum)).toEqual([null, 0]);
  });

  it('stacks columns and bars when the plan says so (a pie has nothing to stack)', async () => {
    const workbook = open();
    const [pie, column] = EXTRAS.charts!;
    const charts = [{ ...pie, stacked: true }, { ...column, stacked: true }, { ...column, kind: 'bar' as const, stacked: true }, { ...column, kind: 'line' as const }];
    await write(report({ charts }));
    expect(workbook.sheet('汇总').charts.map((c) => c.type)).toEqual(['Pie', 'ColumnStacked', 'BarStacked', 'Line']);
  });

  it('are added in the requests the sheet takes anyway, whatever the number of series and points', async () => {
    open();
    const plain = await write(report());
    excel!.dispose();
    open();
    const withExtras = await write(report(EXTRAS));
    expect([plain, withExtras]).toEqual([5, 5]);
    // Row heights are set once per run of equal rows (2, 7, 12–14), not row by row.
    const heights = excel!.stats.requests.flatMap((r) => (r.body as { Actions: { Name: string }[] }).Actions).filter((a) => a.Name === 'RowHeight');
    expect(heights).toHaveLength(3);
  });

  it('leave nothing behind when Excel refuses one: the old report stays as it was', async () => {
    const workbook = open('1.17', FakeWorkbook.fromSheets([{ name: '台账', values: [['序号']] }, { name: '汇总', values: [['上次的汇总']] }]));
    const old = workbook.sheet('汇总');
    // A fourth slice colour for a three-point pie: ChartPointsCollection.getItemAt(3) fails in Excel.
    const bad = { ...EXTRAS, charts: [{ ...EXTRAS.charts![0], series: [{ ...EXTRAS.charts![0].series[0], pointColors: ['D9363E', 'F2B93B', '4CAF50', '000000'] }] }] };
    await expect(write(report(bad))).rejects.toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'ChartPointsCollection.getItemAt' } });
    expect(workbook.sheetNames).toEqual(['台账', '汇总']);
    expect(workbook.sheet('汇总')).toBe(old);
    expect(old.values()).toEqual([['上次的汇总']]);
    expect(workbook.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(workbook.sheetNames).not.toContain(TEMP_SHEET);
  });

  it('are left out before ExcelApi 1.7 (no series ranges); the rest of the sheet is written', async () => {
    const workbook = open('1.6');
    await write(report(EXTRAS));
    const sheet = workbook.sheet('汇总');
    expect(sheet.charts).toEqual([]);
    expect(sheet.values('A4:B4')).toEqual([['红', 3]]);
    expect(sheet.rowHeight(3)).toBe(30);
    // Page breaks are ExcelApi 1.9 like the rest of the page layout.
    expect(sheet.rowBreaks).toEqual([]);
  });
});

describe('page breaks and row heights on a report sheet', () => {
  it('start new pages at the plan\'s rows, read back through the library', async () => {
    const workbook = open();
    await write(report(EXTRAS));
    const rows = await Excel.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem('汇总').horizontalPageBreaks;
      breaks.load('items/rowIndex');
      const count = breaks.getCount();
      await context.sync();
      return { rows: breaks.items.map((b) => b.rowIndex), count: count.value };
    });
    expect(rows).toEqual({ rows: [7, 28], count: 2 });
    expect(workbook.sheet('汇总').rowBreaks).toEqual([7, 28]);
  });

  it('give the plan\'s rows their heights in points', async () => {
    const workbook = open();
    await write(report(EXTRAS));
    const sheet = workbook.sheet('汇总');
    expect([2, 7, 12, 13, 14, 15].map((r) => sheet.rowHeight(r + 1))).toEqual([30, 30, 20, 20, 20, 15]);
  });

  it('are left out with ExcelApi 1.1, where the sheet is still written', async () => {
    const workbook = open('1.1');
    await write(report(EXTRAS));
    const sheet = workbook.sheet('汇总');
    expect([sheet.charts.length, sheet.rowBreaks.length, Object.keys(sheet.rowHeights).length]).toEqual([0, 0, 0]);
    expect(sheet.values('A9:C9')).toEqual([['邻里纠纷', 4, 2]]);
  });
});

describe('text that Excel would read as a date or number', () => {
  it('stays text, as the file host writes it', async () => {
    const workbook = open();
    const rows = [[text('2026年11月1日')], [text('3/4')], [text('-')], [text('TRUE')], [text('Mar 2026')], [text("'引号")], [text('本期')]];
    await write({ ...report(), rows });
    expect(workbook.sheet('汇总').values('A1:A7').flat()).toEqual(['2026年11月1日', '3/4', '-', 'TRUE', 'Mar 2026', "'引号", '本期']);
  });
});

describe('a long report of short texts', () => {
  it('keeps every request under 4 MB with the text formats that go with the values', async () => {
    const workbook = open();
    excel!.dispose();
    excel = createExcelHost(workbook, { maxRequestBytes: 4 * 1024 * 1024 });
    // 60,000 rows × 10 short texts: 3 MB of values would come with 2 MB of '@' formats.
    const rows = Array.from({ length: 60_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => text(c % 2 ? '红' : `第${r % 10}村`)));
    await write({ ...report(), rows, charts: [] });
    const requests = excel.stats.requests;
    expect(requests.filter((r) => r.error)).toEqual([]);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(4 * 1024 * 1024);
    expect(workbook.sheet('汇总').values('A60000:B60000')).toEqual([['第9村', '红']]);
  }, 120_000);
});
