import type { CellRange, ReportCell, ReportChart, ReportSheet } from '../../src/core';

/**
 * Report sheets with native charts, as the meeting summary draws them: literal figures, so a test
 * can name what a reader of the sheet or the printout sees.
 */

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });
const text = (value: string): ReportCell => ({ value, style: 'text' });
const num = (value: number): ReportCell => ({ value, style: 'number' });
const header = (value: string): ReportCell => ({ value, style: 'header' });

export const LEVEL_ROWS: [string, number][] = [
  ['红色', 4],
  ['黄色', 9],
  ['绿色', 23],
];
export const TYPE_ROWS: [string, number, number][] = [
  ['邻里纠纷', 12, 7],
  ['婚姻家庭', 8, 5],
  ['土地纠纷', 6, 2],
  ['劳资纠纷', 5, 4],
  ['合同纠纷', 5, 3],
];
export const PIE_TITLE = '各等级纠纷占比';
export const COLUMN_TITLE = '各类纠纷件数与化解数';
/** Slice colours of the pie and the two column series, RRGGBB. */
export const PIE_COLOURS = ['FF0000', 'FFC000', '00B050'];
export const SERIES_COLOURS = ['4472C4', '70AD47'];

/**
 * Two tables from row `top` (levels: header + 3 rows; a blank row; types: header + 5 rows) in
 * columns A–C, and a pie and a column chart drawn from them over the empty columns E–L beside.
 */
export function chartTables(top: number): { rows: ReportCell[][]; charts: ReportChart[] } {
  const rows: ReportCell[][] = [
    [header('等级'), header('件数')],
    ...LEVEL_ROWS.map(([level, n]) => [text(level), num(n)]),
    [],
    [header('纠纷类型'), header('件数'), header('已化解')],
    ...TYPE_ROWS.map(([type, n, resolved]) => [text(type), num(n), num(resolved)]),
  ];
  const types = top + 5;
  const charts: ReportChart[] = [
    {
      kind: 'pie',
      title: PIE_TITLE,
      categories: range(top + 1, 0, top + 3, 0),
      series: [{ name: '件数', values: range(top + 1, 1, top + 3, 1), pointColors: PIE_COLOURS }],
      anchor: range(top, 4, top + 11, 7),
    },
    {
      kind: 'column',
      title: COLUMN_TITLE,
      categories: range(types + 1, 0, types + 5, 0),
      series: [
        { name: '件数', values: range(types + 1, 1, types + 5, 1), color: SERIES_COLOURS[0] },
        { name: '已化解', values: range(types + 1, 2, types + 5, 2), color: SERIES_COLOURS[1] },
      ],
      anchor: range(top, 8, top + 11, 11),
    },
  ];
  return { rows, charts };
}

/** 联席会议汇总 as a meeting prints it: a title, then the chart tables from row 3. */
export function summaryWithCharts(name = '联席会议汇总', charts?: (own: ReportChart[]) => ReportChart[]): ReportSheet {
  const tables = chartTables(2);
  return {
    name,
    columnWidths: [14, 8, 8, 4, 10, 10, 10, 10, 10, 10, 10, 10],
    rows: [[{ value: '联席会议矛盾纠纷汇总（2026年11月）', style: 'title' }], [{ value: '各等级、各类纠纷', style: 'subtitle' }], ...tables.rows],
    merges: [range(0, 0, 0, 11)],
    printTitleRows: [1, 1],
    print: { landscape: true, fitToWidth: true },
    charts: charts ? charts(tables.charts) : tables.charts,
  };
}

/** `sheet` with the chart tables added two rows below its content, and only their charts. */
export function withChartTables(sheet: ReportSheet): ReportSheet {
  const top = sheet.rows.length + 2;
  const tables = chartTables(top);
  return { ...sheet, rows: [...sheet.rows, [], [], ...tables.rows], charts: tables.charts };
}

/** The pie and the columns, plus stacked bars and a line over the same cells: every kind of chart. */
export function everyKindOfChart(own: ReportChart[]): ReportChart[] {
  const [, column] = own;
  const below = column.anchor.bottom + 2;
  return [
    ...own,
    { ...column, kind: 'bar', title: '各类纠纷（条形）', stacked: true, anchor: range(below, 0, below + 14, 3) },
    { ...column, kind: 'line', title: '各类纠纷（折线）', anchor: range(below, 4, below + 14, 11) },
  ];
}
