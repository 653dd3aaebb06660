/** The emulator's ChartCollection, Chart and its parts (title, axes, series, points, fills). */
import { Rect, cellKey, formatRect, parseAddress, rectArea } from '../address';
import { FakeChart, FakeChartSeries, FakeChartSource, FakeSheet } from '../fake-workbook';
import { NotEmulatedError, TypeDef, excelError } from '../rich-api';
import { bool, cellText, grid, guard, heightOf, int, normalizeColor, num, readValue, sheetAlive, str, widthOf } from './helpers';
import { ChartCollectionObj, ChartFillObj, ChartObj, ChartPointObj, ChartSeriesObj, RangeObj } from './objects';
import type { ModelContext } from './context';

export function chartTypes({ wb, oneOf, sheetObj, rectArg }: ModelContext) {
  const chartAlive = (sheet: FakeSheet, chart: FakeChart) => {
    sheetAlive(wb, sheet);
    if (!sheet.charts.includes(chart)) throw excelError('ItemNotFound', `the chart ${chart.name} was deleted`);
  };
  const seriesAlive = (o: { sheet: FakeSheet; chart: FakeChart; series: FakeChartSeries }) => {
    chartAlive(o.sheet, o.chart);
    if (!o.chart.series.includes(o.series)) throw excelError('ItemNotFound', `the series ${o.series.name} was deleted`);
  };
  const chartObj = (sheet: FakeSheet, chart: FakeChart) => new ChartObj('Chart', sheet, chart);
  const seriesObj = (sheet: FakeSheet, chart: FakeChart, series: FakeChartSeries) => new ChartSeriesObj('ChartSeries', sheet, chart, series);

  /** Category charts only: scatter, bubble, stock, radar … read their data differently. */
  const chartType = (v: unknown): string => {
    const t = oneOf('ChartType', v, 'type');
    if (!/^(3D)?(Column|Bar|Line|Pie|Doughnut|Area)/.test(t)) throw new NotEmulatedError(`charts of type ${t}`);
    return t;
  };

  const sourceOf = (sheet: FakeSheet, rect: Rect): FakeChartSource => ({ sheetId: sheet.id, address: formatRect(rect) });
  const sourceRange = (src: FakeChartSource): RangeObj => {
    const sheet = wb.findSheet(src.sheetId);
    if (!sheet) throw new NotEmulatedError('a chart series whose source sheet was deleted (#REF!)');
    return new RangeObj(sheet, parseAddress(src.address)!.rect);
  };
  /** A series' values or categories: one row or one column of any sheet. */
  const lineArg = (v: unknown, what: string): FakeChartSource => {
    if (!(v instanceof RangeObj)) throw excelError('InvalidArgument', `${what} must be a Range`);
    if (v.rect.r0 !== v.rect.r1 && v.rect.c0 !== v.rect.c1) throw new NotEmulatedError(`${what} over several rows and columns (${formatRect(v.rect)})`);
    return sourceOf(v.sheet, v.rect);
  };
  const pointCount = (series: FakeChartSeries) => (series.values ? rectArea(parseAddress(series.values.address)!.rect) : 0);

  type CellKind = 'empty' | 'number' | 'text';
  const kindAt = (sheet: FakeSheet, r: number, c: number): CellKind => {
    const where = `${sheet.name}!${cellKey(r, c)}`;
    const v = readValue(sheet.cells[cellKey(r, c)], where);
    if (v === '') return 'empty';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'string') return 'text';
    throw new NotEmulatedError(`charting the logical value in ${where}`);
  };

  /**
   * How Excel reads a chart's source range (Charts.add, as Insert > Chart does): with series in
   * columns (or rows), a first row of text over numbers names the series and a first column of text
   * labels the categories (an empty top-left cell belongs to both). What is left must be numbers or
   * empty cells; anything less clear-cut fails loudly rather than guess Excel's heuristics.
   */
  const seriesFromSource = (sheet: FakeSheet, rect: Rect, seriesBy: unknown): FakeChartSeries[] => {
    guard(rect, 'ChartCollection.add');
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    let by = seriesBy === undefined || seriesBy === null ? 'Auto' : oneOf('ChartSeriesBy', seriesBy, 'seriesBy');
    if (by === 'Auto') {
      if (rows === cols) throw new NotEmulatedError(`Excel's choice of series for the square range ${formatRect(rect)}`, "pass seriesBy 'Columns' or 'Rows'");
      by = rows > cols ? 'Columns' : 'Rows';
    }
    // i runs along a series (its points), j across the series.
    const points = by === 'Columns' ? rows : cols;
    const lines = by === 'Columns' ? cols : rows;
    const at = (i: number, j: number) => (by === 'Columns' ? { r: rect.r0 + i, c: rect.c0 + j } : { r: rect.r0 + j, c: rect.c0 + i });
    const kind = (i: number, j: number) => {
      const { r, c } = at(i, j);
      return kindAt(sheet, r, c);
    };
    const labelsOnly = (kinds: CellKind[]) => kinds.length > 0 && !kinds.includes('number') && kinds.includes('text');
    const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
    const labels = lines > 1 && labelsOnly(span(1, points).map((i) => kind(i, 0)));
    const header = points > 1 && labelsOnly(span(labels ? 1 : 0, lines).map((j) => kind(0, j)));
    const first = header ? 1 : 0;
    const firstLine = labels ? 1 : 0;
    if (first >= points || firstLine >= lines) throw new NotEmulatedError(`a chart of ${formatRect(rect)}, which holds no numbers to plot`);
    for (let j = firstLine; j < lines; j++)
      for (let i = first; i < points; i++)
        if (kind(i, j) === 'text') {
          const { r, c } = at(i, j);
          throw new NotEmulatedError(`Excel's reading of the text in ${sheet.name}!${cellKey(r, c)} as chart data`);
        }
    const line = (j: number): Rect => {
      const a = at(first, j);
      const b = at(points - 1, j);
      return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
    };
    return span(firstLine, lines).map((j, n) => {
      const { r, c } = at(0, j);
      const name = header ? String(readValue(sheet.cells[cellKey(r, c)], `${sheet.name}!${cellKey(r, c)}`)) : `Series${n + 1}`;
      return { name, values: sourceOf(sheet, line(j)), categories: labels ? sourceOf(sheet, line(0)) : null, fill: null, pointFills: {} };
    });
  };

  const findChart = (sheet: FakeSheet, key: unknown): FakeChart | undefined => {
    const k = str(key, 'name');
    return sheet.charts.find((c) => c.id === k) ?? sheet.charts.find((c) => c.name.toLowerCase() === k.toLowerCase());
  };

  const chartCollectionDef: TypeDef<ChartCollectionObj> = {
    check: (o) => sheetAlive(wb, o.sheet),
    items: (o) => o.sheet.charts.map((c) => chartObj(o.sheet, c)),
    // The library addresses loaded items by their id; getItem(name) is a method.
    indexer: (o, key) => {
      const chart = findChart(o.sheet, key);
      if (!chart) throw excelError('ItemNotFound', `no chart '${key}'`);
      return chartObj(o.sheet, chart);
    },
    scalars: { count: { get: (o) => o.sheet.charts.length } },
    methods: {
      add: (o, [type, sourceData, seriesBy]) => {
        const t = chartType(type);
        if (!(sourceData instanceof RangeObj) || sourceData.sheet !== o.sheet) {
          throw new NotEmulatedError('a chart whose source data is not a range of its own sheet');
        }
        const chart: FakeChart = {
          id: wb.newId('chart'),
          name: `Chart ${++o.sheet.chartsAdded}`,
          type: t,
          title: { text: null, visible: null },
          series: seriesFromSource(o.sheet, sourceData.rect, seriesBy),
          anchor: null,
          valueAxisMinimum: null,
        };
        o.sheet.charts.push(chart);
        return chartObj(o.sheet, chart);
      },
      getCount: (o) => o.sheet.charts.length,
      getItem: (o, [name]) => {
        const chart = o.sheet.charts.find((c) => c.name.toLowerCase() === str(name, 'name').toLowerCase());
        if (!chart) throw excelError('ItemNotFound', `no chart named '${name}'`);
        return chartObj(o.sheet, chart);
      },
      getItemOrNullObject: (o, [name]) => {
        const chart = o.sheet.charts.find((c) => c.name.toLowerCase() === str(name, 'name').toLowerCase());
        return chart ? chartObj(o.sheet, chart) : null;
      },
      getItemAt: (o, [index]) => {
        const chart = o.sheet.charts[int(index, 'index')];
        if (!chart) throw excelError('ItemNotFound', `no chart at ${index}`);
        return chartObj(o.sheet, chart);
      },
    },
  };

  /** Points from the top-left of the sheet to the anchor's edges (charts move and size with cells). */
  const anchorPoints = (o: ChartObj) => {
    if (!o.chart.anchor) throw new NotEmulatedError(`the default place and size of ${o.chart.name}`, 'call setPosition first');
    const rect = parseAddress(o.chart.anchor)!.rect;
    if (rect.r1 > 100000 || rect.c1 > 1000) throw new NotEmulatedError(`the position of a chart anchored at ${o.chart.anchor}`);
    let left = 0;
    let width = 0;
    let top = 0;
    let height = 0;
    for (let c = 0; c <= rect.c1; c++) {
      if (c < rect.c0) left += widthOf(o.sheet, c);
      else width += widthOf(o.sheet, c);
    }
    for (let r = 0; r <= rect.r1; r++) {
      if (r < rect.r0) top += heightOf(o.sheet, r);
      else height += heightOf(o.sheet, r);
    }
    return { left, width, top, height };
  };
  const placement = (key: 'left' | 'width' | 'top' | 'height') => ({
    get: (o: ChartObj) => anchorPoints(o)[key],
    set: () => {
      throw new NotEmulatedError(`Chart.${key} (placing a chart by points)`, 'use setPosition');
    },
  });

  const chartDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    id: (o) => o.chart.id,
    scalars: {
      id: { get: (o) => o.chart.id },
      name: {
        get: (o) => o.chart.name,
        set: (o, v) => {
          const n = str(v, 'name');
          if (!n.trim()) throw excelError('InvalidArgument', 'a chart name must not be empty');
          o.chart.name = n;
        },
      },
      chartType: { get: (o) => o.chart.type, set: (o, v) => (o.chart.type = chartType(v)) },
      left: placement('left'),
      top: placement('top'),
      width: placement('width'),
      height: placement('height'),
    },
    nav: {
      title: (o) => new ChartObj('ChartTitle', o.sheet, o.chart),
      series: (o) => new ChartObj('ChartSeriesCollection', o.sheet, o.chart),
      axes: (o) => new ChartObj('ChartAxes', o.sheet, o.chart),
      worksheet: (o) => sheetObj(o.sheet),
    },
    methods: {
      delete: (o) => {
        o.sheet.charts = o.sheet.charts.filter((c) => c !== o.chart);
      },
      // The chart covers startCell's top-left corner to endCell's bottom-right one.
      setPosition: (o, [startCell, endCell]) => {
        if (endCell === undefined || endCell === null || endCell === '') throw new NotEmulatedError('Chart.setPosition without endCell', 'the chart would keep its size');
        const start = rectArg(o.sheet, startCell, 'startCell');
        const end = rectArg(o.sheet, endCell, 'endCell');
        if (end.r1 < start.r0 || end.c1 < start.c0) throw excelError('InvalidArgument', 'endCell lies above or left of startCell');
        o.chart.anchor = formatRect({ r0: start.r0, c0: start.c0, r1: end.r1, c1: end.c1 });
      },
    },
  };

  const chartTitleDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    scalars: {
      text: {
        get: (o) => {
          if (o.chart.title.text === null) throw new NotEmulatedError(`the automatic title of ${o.chart.name}`);
          return o.chart.title.text;
        },
        // A chart without a title gets one when its text is set.
        set: (o, v) => (o.chart.title = { text: str(v, 'text'), visible: true }),
      },
      visible: {
        get: (o) => {
          if (o.chart.title.visible === null) throw new NotEmulatedError(`whether ${o.chart.name} shows its automatic title`);
          return o.chart.title.visible;
        },
        set: (o, v) => (o.chart.title.visible = bool(v, 'visible')),
      },
    },
  };

  // Only the value axis's minimum is emulated: the report sets it so counts start at 0.
  const chartAxesDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    nav: {
      valueAxis: (o) => {
        if (o.chart.type.startsWith('Pie')) throw excelError('GeneralException', 'a pie chart has no value axis');
        return new ChartObj('ChartAxis', o.sheet, o.chart);
      },
    },
  };

  const chartAxisDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    scalars: {
      minimum: {
        get: (o) => {
          if (o.chart.valueAxisMinimum === null) throw new NotEmulatedError(`the automatic value axis minimum of ${o.chart.name}`);
          return o.chart.valueAxisMinimum;
        },
        set: (o, v) => (o.chart.valueAxisMinimum = num(v, 'minimum')),
      },
    },
  };

  const chartSeriesCollectionDef: TypeDef<ChartObj> = {
    check: (o) => chartAlive(o.sheet, o.chart),
    items: (o) => o.chart.series.map((s) => seriesObj(o.sheet, o.chart, s)),
    scalars: { count: { get: (o) => o.chart.series.length } },
    methods: {
      getCount: (o) => o.chart.series.length,
      getItemAt: (o, [index]) => {
        const series = o.chart.series[int(index, 'index')];
        if (!series) throw excelError('ItemNotFound', `no series at ${index}`);
        return seriesObj(o.sheet, o.chart, series);
      },
      // A new series plots nothing until its values are set.
      add: (o, [name, index]) => {
        const series: FakeChartSeries = {
          name: name === undefined || name === null ? `Series${o.chart.series.length + 1}` : str(name, 'name'),
          values: null,
          categories: null,
          fill: null,
          pointFills: {},
        };
        const at = index === undefined || index === null ? o.chart.series.length : int(index, 'index');
        if (at < 0 || at > o.chart.series.length) throw excelError('InvalidArgument', `series index ${at} is out of range`);
        o.chart.series.splice(at, 0, series);
        return seriesObj(o.sheet, o.chart, series);
      },
    },
  };

  const chartSeriesDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    scalars: {
      name: { get: (o) => o.series.name, set: (o, v) => (o.series.name = str(v, 'name')) },
      chartType: {
        get: (o) => o.chart.type,
        set: () => {
          throw new NotEmulatedError('ChartSeries.chartType (a combination chart)');
        },
      },
    },
    nav: {
      format: (o) => new ChartSeriesObj('ChartSeriesFormat', o.sheet, o.chart, o.series),
      points: (o) => new ChartSeriesObj('ChartPointsCollection', o.sheet, o.chart, o.series),
    },
    methods: {
      setValues: (o, [source]) => {
        o.series.values = lineArg(source, 'sourceData');
        o.series.pointFills = {};
      },
      setXAxisValues: (o, [source]) => void (o.series.categories = lineArg(source, 'sourceData')),
      delete: (o) => {
        o.chart.series = o.chart.series.filter((s) => s !== o.series);
      },
      // Values as the cells show them (General format: the number's digits).
      getDimensionValues: (o, [dimension]) => {
        const d = oneOf('ChartSeriesDimension', dimension, 'dimension');
        const src = d === 'Values' ? o.series.values : d === 'Categories' ? o.series.categories : undefined;
        if (src === undefined) throw new NotEmulatedError(`the ${d} of a category chart's series`);
        if (src === null) throw new NotEmulatedError(`Excel's default ${d.toLowerCase()} of ${o.series.name}`);
        const r = sourceRange(src);
        return grid(r.sheet, r.rect, 'ChartSeries.getDimensionValues', (cell, row, col) => cellText(cell, `${r.sheet.name}!${cellKey(row, col)}`, wb.date1904)).flat();
      },
    },
  };

  const chartSeriesFormatDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    nav: { fill: (o) => new ChartFillObj(o.sheet, o.chart, o.series, null) },
  };

  const chartPointsCollectionDef: TypeDef<ChartSeriesObj> = {
    check: seriesAlive,
    items: (o) => Array.from({ length: pointCount(o.series) }, (_, i) => new ChartPointObj('ChartPoint', o.sheet, o.chart, o.series, i)),
    scalars: { count: { get: (o) => pointCount(o.series) } },
    methods: {
      getCount: (o) => pointCount(o.series),
      getItemAt: (o, [index]) => {
        const i = int(index, 'index');
        if (i < 0 || i >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} has no point ${i} (it has ${pointCount(o.series)})`);
        return new ChartPointObj('ChartPoint', o.sheet, o.chart, o.series, i);
      },
    },
  };

  const pointAlive = (o: ChartPointObj) => {
    seriesAlive(o);
    if (o.index >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} no longer has a point ${o.index}`);
  };
  const chartPointDef: TypeDef<ChartPointObj> = {
    check: pointAlive,
    scalars: {
      value: {
        get: (o) => {
          const r = sourceRange(o.series.values!);
          const line = r.rect.r0 === r.rect.r1 ? { r: r.rect.r0, c: r.rect.c0 + o.index } : { r: r.rect.r0 + o.index, c: r.rect.c0 };
          const v = readValue(r.sheet.cells[cellKey(line.r, line.c)], `${r.sheet.name}!${cellKey(line.r, line.c)}`);
          return typeof v === 'number' ? v : null;
        },
      },
    },
    nav: { format: (o) => new ChartPointObj('ChartPointFormat', o.sheet, o.chart, o.series, o.index) },
  };
  const chartPointFormatDef: TypeDef<ChartPointObj> = {
    check: pointAlive,
    nav: { fill: (o) => new ChartFillObj(o.sheet, o.chart, o.series, o.index) },
  };

  const chartFillDef: TypeDef<ChartFillObj> = {
    check: (o) => {
      seriesAlive(o);
      if (o.point !== null && o.point >= pointCount(o.series)) throw excelError('ItemNotFound', `${o.series.name} no longer has a point ${o.point}`);
    },
    methods: {
      setSolidColor: (o, [color]) => {
        const c = normalizeColor(color, 'color');
        if (o.point === null) o.series.fill = c;
        else o.series.pointFills[o.point] = c;
      },
      clear: (o) => {
        if (o.point === null) o.series.fill = null;
        else delete o.series.pointFills[o.point];
      },
    },
  };

  return { ChartCollection: chartCollectionDef, Chart: chartDef, ChartTitle: chartTitleDef, ChartAxes: chartAxesDef, ChartAxis: chartAxisDef, ChartSeriesCollection: chartSeriesCollectionDef, ChartSeries: chartSeriesDef, ChartSeriesFormat: chartSeriesFormatDef, ChartPointsCollection: chartPointsCollectionDef, ChartPoint: chartPointDef, ChartPointFormat: chartPointFormatDef, ChartFill: chartFillDef };
}
