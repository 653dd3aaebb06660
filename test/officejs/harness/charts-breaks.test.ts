/**
 * The fake's charts, page breaks and conditional-format priorities, driven through Microsoft's
 * library: what Excel's documentation says of Charts.add, ChartSeries, setPosition,
 * horizontalPageBreaks and ConditionalFormat.priority, and loud failures where Excel's behaviour
 * is not emulated.
 */
import { FakeWorkbook, hostPerTest } from './index';

const open = hostPerTest();

/** A small table: a header row, category labels in A, two columns of numbers. */
function table(): FakeWorkbook {
  return FakeWorkbook.fromSheets([
    {
      name: '汇总',
      values: [
        [null, '本期', '上期'],
        ['红', 3, 1],
        ['黄', 5, 2],
        ['绿', 7, 6],
        ['合计', 'x', 9],
      ],
      columnWidths: { A: 60, B: 40 },
    },
  ]);
}

async function failure(run: () => Promise<unknown>): Promise<OfficeExtension.Error> {
  try {
    await run();
  } catch (e) {
    return e as OfficeExtension.Error;
  }
  throw new Error('expected the run to fail');
}

describe('charts', () => {
  test('Charts.add reads a block as Excel does: a text header row names the series, a text first column labels the categories', async () => {
    const wb = table();
    open(wb);
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('汇总');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'), 'Columns');
      chart.load('name,chartType');
      chart.series.load('items/name');
      const count = sheet.charts.getCount();
      await context.sync();
      const categories = chart.series.items.map((s) => s.getDimensionValues('Categories'));
      const values = chart.series.items.map((s) => s.getDimensionValues('Values'));
      await context.sync();
      return { name: chart.name, type: chart.chartType, count: count.value, series: chart.series.items.map((s, i) => [s.name, categories[i].value, values[i].value]) };
    });
    expect(read).toEqual({
      name: 'Chart 1',
      type: 'ColumnClustered',
      count: 1,
      series: [
        ['本期', ['红', '黄', '绿'], ['3', '5', '7']],
        ['上期', ['红', '黄', '绿'], ['1', '2', '6']],
      ],
    });
    const [chart] = wb.sheet('汇总').charts;
    expect(chart.series.map((s) => [s.values?.address, s.categories?.address])).toEqual([
      ['B2:B4', 'A2:A4'],
      ['C2:C4', 'A2:A4'],
    ]);
  });

  test('by rows, and a single column of numbers is one unnamed series without labels', async () => {
    const wb = table();
    open(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('汇总');
      sheet.charts.add('Line', sheet.getRange('A1:C4'), 'Rows');
      sheet.charts.add('Pie', sheet.getRange('B2:B4'), 'Columns');
      await context.sync();
    });
    const [byRows, single] = wb.sheet('汇总').charts;
    expect(byRows.series.map((s) => [s.name, s.values?.address, s.categories?.address])).toEqual([
      ['红', 'B2:C2', 'B1:C1'],
      ['黄', 'B3:C3', 'B1:C1'],
      ['绿', 'B4:C4', 'B1:C1'],
    ]);
    expect(single.series.map((s) => [s.name, s.values?.address, s.categories])).toEqual([['Series1', 'B2:B4', null]]);
    expect(single.name).toBe('Chart 2');
  });

  test('text among the numbers, or a square range without seriesBy, fails loudly instead of guessing', async () => {
    const h = open(table(), { allowNotEmulated: true });
    const text = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('汇总');
        sheet.charts.add('ColumnClustered', sheet.getRange('A1:C5'), 'Columns');
        await context.sync();
      }),
    );
    expect(text.code).toBe('NotImplemented');
    expect(text.message).toContain('汇总!B5');
    const square = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('汇总');
        sheet.charts.add('ColumnClustered', sheet.getRange('B2:C3'), 'Auto');
        await context.sync();
      }),
    );
    expect(square.code).toBe('NotImplemented');
    expect(h.notEmulated).toHaveLength(2);
  });

  test('series added one by one take their own values and categories; points exist once there are values', async () => {
    const wb = table();
    open(wb);
    const points = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('汇总');
      const chart = sheet.charts.add('BarStacked', sheet.getRange('B2:B4'), 'Columns');
      const first = chart.series.getItemAt(0);
      first.name = '本期';
      first.setXAxisValues(sheet.getRange('A2:A4'));
      const second = chart.series.add('上期');
      const before = second.points.getCount();
      second.setValues(sheet.getRange('C2:C4'));
      second.setXAxisValues(sheet.getRange('A2:A4'));
      second.format.fill.setSolidColor('#a5a5a5');
      second.points.getItemAt(2).format.fill.setSolidColor('red');
      const after = second.points.getCount();
      const third = chart.series.add(undefined, 0);
      third.load('name');
      const point = second.points.getItemAt(1);
      point.load('value');
      await context.sync();
      return { before: before.value, after: after.value, third: third.name, value: point.value };
    });
    expect(points).toEqual({ before: 0, after: 3, third: 'Series3', value: 2 });
    const [chart] = wb.sheet('汇总').charts;
    expect(chart.series.map((s) => [s.name, s.values?.address ?? null, s.categories?.address ?? null, s.fill, s.pointFills])).toEqual([
      ['Series3', null, null, null, {}],
      ['本期', 'B2:B4', 'A2:A4', null, {}],
      ['上期', 'C2:C4', 'A2:A4', '#A5A5A5', { 2: '#FF0000' }],
    ]);
  });

  test('a point beyond the series is ItemNotFound', async () => {
    open(table());
    const e = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('汇总');
        const chart = sheet.charts.add('Pie', sheet.getRange('B2:B4'), 'Columns');
        chart.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor('#000000');
        await context.sync();
      }),
    );
    expect([e.code, e.debugInfo.errorLocation]).toEqual(['ItemNotFound', 'ChartPointsCollection.getItemAt']);
  });

  test('setPosition covers the cells from startCell to endCell; the title, name and deletion work by name and by loaded item', async () => {
    const wb = table();
    open(wb);
    const placed = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('汇总');
      const chart = sheet.charts.add('Pie', sheet.getRange('B2:B4'), 'Columns');
      chart.setPosition('B7', sheet.getRange('C9'));
      chart.title.text = '在办';
      chart.name = '等级';
      chart.load('left,top,width,height');
      await context.sync();
      const byName = sheet.charts.getItem('等级');
      byName.title.load('text,visible');
      await context.sync();
      return { left: chart.left, top: chart.top, width: chart.width, height: chart.height, title: byName.title.text, visible: byName.title.visible };
    });
    // Column A is 60 pt, B 40 pt, C the default 48 pt; rows 15 pt.
    expect(placed).toEqual({ left: 60, top: 90, width: 88, height: 45, title: '在办', visible: true });
    expect(wb.sheet('汇总').charts[0]).toMatchObject({ name: '等级', anchor: 'B7:C9', title: { text: '在办', visible: true } });

    await Excel.run(async (context) => {
      const charts = context.workbook.worksheets.getItem('汇总').charts;
      charts.load('items/name');
      await context.sync();
      // Loaded items are addressed again by their id.
      charts.items[0].delete();
      await context.sync();
    });
    expect(wb.sheet('汇总').charts).toEqual([]);
  });

  test('the series API is ExcelApi 1.7: older Excel answers ApiNotFound', async () => {
    open(table(), { apiVersion: '1.6' });
    const e = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('汇总');
        const chart = sheet.charts.add('ColumnClustered', sheet.getRange('B2:B4'), 'Columns');
        chart.series.add('x');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });

  test('charts go with their sheet, and a renamed sheet keeps its charts\' references', async () => {
    const wb = table();
    open(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('汇总');
      const chart = sheet.charts.add('Pie', sheet.getRange('B2:B4'), 'Columns');
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange('A2:A4'));
      sheet.name = '汇总2';
      await context.sync();
      const categories = chart.series.getItemAt(0).getDimensionValues('Categories');
      await context.sync();
      expect(categories.value).toEqual(['红', '黄', '绿']);
    });
    expect(wb.sheet('汇总2').charts[0].series[0].values).toEqual({ sheetId: wb.sheet('汇总2').id, address: 'B2:B4' });
  });
});

describe('page breaks', () => {
  test('horizontal breaks go above the given row, once each, in row order', async () => {
    const wb = table();
    open(wb);
    const read = await Excel.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem('汇总').horizontalPageBreaks;
      breaks.add('A30');
      breaks.add(context.workbook.worksheets.getItem('汇总').getRange('C12:D13'));
      breaks.add('B30');
      const cell = breaks.getItem(0).getCellAfterBreak();
      cell.load('address');
      breaks.load('items/rowIndex,items/columnIndex');
      const count = breaks.getCount();
      await context.sync();
      return { rows: breaks.items.map((b) => [b.rowIndex, b.columnIndex]), count: count.value, cell: cell.address };
    });
    expect(read).toEqual({ rows: [[11, 0], [29, 0]], count: 2, cell: '汇总!A12' });
    expect(wb.sheet('汇总').rowBreaks).toEqual([11, 29]);

    await Excel.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem('汇总').horizontalPageBreaks;
      breaks.load('items');
      await context.sync();
      breaks.items[1].delete();
      context.workbook.worksheets.getItem('汇总').verticalPageBreaks.add('D1');
      await context.sync();
    });
    expect([wb.sheet('汇总').rowBreaks, wb.sheet('汇总').columnBreaks]).toEqual([[11], [3]]);

    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('汇总').horizontalPageBreaks.removePageBreaks();
      await context.sync();
    });
    expect(wb.sheet('汇总').rowBreaks).toEqual([]);
  });

  test('are ExcelApi 1.9', async () => {
    open(table(), { apiVersion: '1.8' });
    const e = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('汇总').horizontalPageBreaks.add('A5');
        await context.sync();
      }),
    );
    expect(e.code).toBe('ApiNotFound');
  });
});

describe('conditional format priority', () => {
  async function addFormats(n: number) {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('汇总').getRange('A2:C4');
      for (let i = 0; i < n; i++) range.conditionalFormats.add('Custom').custom.rule.formula = `=$B2>${i}`;
      await context.sync();
    });
  }
  const order = (wb: FakeWorkbook) => wb.sheet('汇总').conditionalFormatsAt('A2').map((cf) => cf.formula);

  test('a new format comes first; a set priority moves the others; negative counts from the back; out of range clamps', async () => {
    const wb = table();
    open(wb);
    await addFormats(4);
    expect(order(wb)).toEqual(['=$B2>3', '=$B2>2', '=$B2>1', '=$B2>0']);
    const set = (formula: string, priority: number) =>
      Excel.run(async (context) => {
        const cfs = context.workbook.worksheets.getItem('汇总').getRange('A2').conditionalFormats;
        cfs.load('items/custom/rule/formula');
        await context.sync();
        cfs.items.find((cf) => cf.custom.rule.formula === formula)!.priority = priority;
        await context.sync();
      });
    await set('=$B2>0', 0);
    expect(order(wb)).toEqual(['=$B2>0', '=$B2>3', '=$B2>2', '=$B2>1']);
    await set('=$B2>0', -1);
    expect(order(wb)).toEqual(['=$B2>3', '=$B2>2', '=$B2>1', '=$B2>0']);
    await set('=$B2>3', -2);
    expect(order(wb)).toEqual(['=$B2>2', '=$B2>1', '=$B2>3', '=$B2>0']);
    await set('=$B2>1', 99);
    expect(order(wb)).toEqual(['=$B2>2', '=$B2>3', '=$B2>0', '=$B2>1']);
    await set('=$B2>1', -99);
    expect(order(wb)).toEqual(['=$B2>1', '=$B2>2', '=$B2>3', '=$B2>0']);
    expect(wb.sheet('汇总').conditionalFormats.map((cf) => cf.priority).sort()).toEqual([0, 1, 2, 3]);
  });

  test('stopIfTrue is kept and read back', async () => {
    const wb = table();
    open(wb);
    const read = await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('汇总').getRange('A2:C4').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      cf.stopIfTrue = true;
      cf.load('stopIfTrue,priority');
      await context.sync();
      return [cf.stopIfTrue, cf.priority];
    });
    expect(read).toEqual([true, 0]);
    expect(wb.sheet('汇总').conditionalFormats[0].stopIfTrue).toBe(true);
  });
});
