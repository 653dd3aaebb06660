/**
 * The harness itself: Microsoft's Excel library (excel-web-16.00.debug.js) runs in this test
 * file's globals and its requests are answered from a FakeWorkbook.
 */
import { createExcelHost, EXCEL_WEB_PAYLOAD_LIMIT, ExcelHost, ExcelHostOptions, FakeWorkbook } from './index';

let host: ExcelHost | undefined;

function open(workbook: FakeWorkbook, options?: ExcelHostOptions): ExcelHost {
  host = createExcelHost(workbook, options);
  return host;
}

afterEach(() => {
  const h = host;
  host = undefined;
  h?.dispose();
});

function ledger(): FakeWorkbook {
  return FakeWorkbook.fromSheets(
    [
      {
        name: '台账',
        values: [
          ['序号', '当事人', '登记日期', '等级'],
          [1, '张三', 46300, '红'],
          [2, '李四', 46301, ''],
        ],
        numberFormats: [[], [null, null, 'yyyy-mm-dd'], [null, null, 'yyyy-mm-dd']],
        merges: ['E1:F1'],
      },
      { name: '说明', values: [['本表由街道综治中心维护']], visibility: 'Hidden' },
    ],
    { settings: { 'tricolor.version': 1 } },
  );
}

/** What an add-in's code under test does: it only knows the global Excel, not the harness. */
async function addinWritesLevels(sheetName: string, levels: string[]): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const range = sheet.getRange(`D2:D${levels.length + 1}`);
    range.values = levels.map((l) => [l]);
    await context.sync();
  });
}

async function failure(run: () => Promise<unknown>): Promise<OfficeExtension.Error> {
  try {
    await run();
  } catch (e) {
    return e as OfficeExtension.Error;
  }
  throw new Error('expected the run to fail');
}

describe('the real Excel library against a fake workbook', () => {
  test('values written through the library are read back through it and land in the workbook', async () => {
    const wb = ledger();
    open(wb);
    await addinWritesLevels('台账', ['黄', '绿']);

    const read = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('A1:D3');
      range.load(['values', 'address', 'rowCount', 'columnCount', 'numberFormat']);
      await context.sync();
      return { values: range.values, address: range.address, rows: range.rowCount, columns: range.columnCount, formats: range.numberFormat };
    });

    expect(read.values).toEqual([
      ['序号', '当事人', '登记日期', '等级'],
      [1, '张三', 46300, '黄'],
      [2, '李四', 46301, '绿'],
    ]);
    expect(read.address).toBe('台账!A1:D3');
    expect([read.rows, read.columns]).toEqual([3, 4]);
    expect(read.formats[1]).toEqual(['General', 'General', 'yyyy-mm-dd', 'General']);
    expect(wb.sheet('台账').values('D1:D3')).toEqual([['等级'], ['黄'], ['绿']]);
  });

  test('empty cells read as empty strings, numbers and booleans keep their types', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [[1.5, true, '']] }]);
    open(wb);
    const values = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:D1');
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[1.5, true, '', '']]);
  });

  test('reading a property that was not loaded throws PropertyNotLoaded from the library, without asking Excel', async () => {
    const h = open(ledger());
    const err = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('台账');
        const range = sheet.getRange('A1');
        range.load('address');
        await context.sync();
        expect(range.address).toBe('台账!A1');
        return range.values;
      }),
    );
    expect(err).toBeInstanceOf(OfficeExtension.Error);
    expect(err.code).toBe('PropertyNotLoaded');
    expect(err.message).toMatch(/The property 'values' is not available/);
    expect(h.stats.syncs).toBe(1);
  });

  test('an unknown sheet from getItem fails with ItemNotFound, as Excel does', async () => {
    open(ledger());
    const err = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('不存在');
        sheet.load('name');
        await context.sync();
      }),
    );
    expect(err).toBeInstanceOf(OfficeExtension.Error);
    expect(err.code).toBe('ItemNotFound');
    expect(err.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
    expect(err.debugInfo.statement).toMatch(/getItem/);
  });

  test('getItemOrNullObject gives a null object for an unknown sheet and a real one for a known sheet', async () => {
    open(ledger());
    const result = await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('不存在');
      const found = context.workbook.worksheets.getItemOrNullObject('台账');
      found.load('name');
      await context.sync();
      return { missing: missing.isNullObject, found: found.isNullObject, name: found.name };
    });
    expect(result).toEqual({ missing: true, found: false, name: '台账' });
  });

  test('merged areas are read back as RangeAreas, and a range without merges gives a null object', async () => {
    const wb = ledger();
    open(wb);
    const result = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('A5:C5').merge();
      sheet.getRange('A7:B8').merge(true);
      const merged = sheet.getRange('A1:F10').getMergedAreasOrNullObject();
      merged.load('address,areaCount');
      merged.areas.load('items/address');
      const none = sheet.getRange('A20:B21').getMergedAreasOrNullObject();
      await context.sync();
      return { address: merged.address, count: merged.areaCount, areas: merged.areas.items.map((a) => a.address), none: none.isNullObject };
    });
    expect(result.count).toBe(4);
    expect(result.areas).toEqual(['台账!E1:F1', '台账!A5:C5', '台账!A7:B7', '台账!A8:B8']);
    expect(result.address).toBe('台账!E1:F1, 台账!A5:C5, 台账!A7:B7, 台账!A8:B8');
    expect(result.none).toBe(true);
    expect(wb.sheet('台账').merges).toEqual(['E1:F1', 'A5:C5', 'A7:B7', 'A8:B8']);
  });

  test('merging keeps only the upper-left value, as Excel does', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [['keep', 'lost']] }]);
    open(wb);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').merge();
      await context.sync();
    });
    expect(wb.sheet('S').values('A1:B1')).toEqual([['keep', '']]);
  });

  test('a conditional format added with a custom formula appears in the FakeWorkbook and can be cleared', async () => {
    const wb = ledger();
    open(wb);
    const added = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('A2:D100');
      range.conditionalFormats.clearAll();
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$D2="红"';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      cf.custom.format.font.bold = true;
      const count = range.conditionalFormats.getCount();
      cf.load('id,type,priority');
      await context.sync();
      return { id: cf.id, type: cf.type, priority: cf.priority, count: count.value };
    });
    expect(added).toEqual({ id: expect.any(String), type: 'Custom', priority: 0, count: 1 });
    expect(wb.sheet('台账').conditionalFormats).toEqual([
      expect.objectContaining({ address: 'A2:D100', type: 'Custom', formula: '=$D2="红"', fill: '#FFC7CE', font: expect.objectContaining({ color: '#9C0006', bold: true }) }),
    ]);

    const readBack = await Excel.run(async (context) => {
      const formats = context.workbook.worksheets.getItem('台账').getRange('D50').conditionalFormats;
      formats.load('items/type');
      await context.sync();
      const cf = formats.items[0];
      cf.custom.rule.load('formula');
      cf.custom.format.fill.load('color');
      await context.sync();
      return { formula: cf.custom.rule.formula, fill: cf.custom.format.fill.color };
    });
    expect(readBack).toEqual({ formula: '=$D2="红"', fill: '#FFC7CE' });

    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('A51:D100').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(wb.sheet('台账').conditionalFormats.map((cf) => cf.address)).toEqual(['A2:D50']);
  });

  test('sync counts, request sizes and actions are recorded per request', async () => {
    const h = open(ledger(), { recordBodies: true });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.getRange('E2').values = [['x']];
      await context.sync();
      sheet.getRange('E3').values = [['y']];
      sheet.getRange('E4').values = [['z']];
      await context.sync();
    });
    expect(h.stats.syncs).toBe(2);
    const syncs = h.stats.requests.filter((r) => r.kind === 'sync');
    expect(syncs).toHaveLength(2);
    for (const r of syncs) {
      expect(r.bytes).toBe(Buffer.byteLength(JSON.stringify(r.body), 'utf8'));
      expect(r.actions).toBe((r.body as { Actions: unknown[] }).Actions.length);
      expect(r.write).toBe(true);
    }
    expect(syncs[1].actions).toBeGreaterThan(syncs[0].actions);
    // Excel.run releases the ranges it tracked in one more request, not counted as a sync.
    expect(h.stats.requests.at(-1)?.kind).toBe('cleanup');
  });

  test('a write above the request size limit is refused like Excel on the web; the same data in blocks goes through', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S' }]);
    const h = open(wb, { maxRequestBytes: 200_000 });
    const rows = Array.from({ length: 4000 }, (_, i) => [i + 1, `当事人${i + 1}`, '矛盾纠纷描述'.repeat(2)]);

    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange(`A1:C${rows.length}`).values = rows;
        await context.sync();
      }),
    );
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(h.stats.requests[0]).toMatchObject({ error: 'RequestPayloadSizeLimitExceeded' });
    expect(h.stats.requests[0].bytes).toBeGreaterThan(200_000);
    expect(wb.sheet('S').values()).toEqual([]);

    const block = 1000;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (let start = 0; start < rows.length; start += block) {
        sheet.getRange(`A${start + 1}:C${start + block}`).values = rows.slice(start, start + block);
        await context.sync();
      }
    });
    expect(wb.sheet('S').values(`A1:C${rows.length}`)).toEqual(rows);
    expect(Math.max(...h.stats.requests.slice(1).map((r) => r.bytes))).toBeLessThan(200_000);
    expect(EXCEL_WEB_PAYLOAD_LIMIT).toBe(5 * 1024 * 1024);
  });

  test('isSetSupported answers by the configured apiVersion, and the library refuses newer APIs', async () => {
    open(ledger(), { apiVersion: '1.7' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', 1.13)).toBe(false);
    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1').getMergedAreasOrNullObject();
        await context.sync();
      }),
    );
    expect(err.code).toBe('ApiNotFound');
    expect(err.debugInfo.errorLocation).toBe('Range.getMergedAreasOrNullObject');
    host!.dispose();

    open(ledger(), { apiVersion: '1.17' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
  });

  test('settings saved with saveAsync survive closing and reopening the workbook; unsaved ones do not', async () => {
    const wb = ledger();
    open(wb);
    const settings = Office.context.document.settings;
    expect(settings.get('tricolor.version')).toBe(1);
    settings.set('tricolor.lastRun', { asOf: '2026-11-30', rows: 2 });
    const saved = await new Promise<Office.AsyncResult<void>>((resolve) => settings.saveAsync(resolve));
    expect(saved.status).toBe(Office.AsyncResultStatus.Succeeded);
    settings.set('tricolor.unsaved', true);
    host!.dispose();
    expect(wb.setting('tricolor.lastRun')).toEqual({ asOf: '2026-11-30', rows: 2 });

    const reopened = open(wb);
    expect(reopened.Office.context.document.settings.get('tricolor.lastRun')).toEqual({ asOf: '2026-11-30', rows: 2 });
    expect(Office.context.document.settings.get('tricolor.version')).toBe(1);
    expect(Office.context.document.settings.get('tricolor.unsaved')).toBeNull();
  });

  test('writing a 2D array of the wrong shape is an InvalidArgument error from Excel', async () => {
    const wb = ledger();
    open(wb);
    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1:B2').values = [[1, 2, 3]];
        await context.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
    expect(err.debugInfo.errorLocation).toBe('Range.values');
    expect(wb.sheet('台账').values('A1:B1')).toEqual([['序号', '当事人']]);
  });

  test('a single value is applied to every cell of the range, and null leaves a cell unchanged', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [['a', 'b']] }]);
    open(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A2:B3').values = 0 as unknown as number[][];
      sheet.getRange('A1:B1').values = [[null, 'B']] as unknown as string[][];
      sheet.getRange('A2:B3').numberFormat = '0.00' as unknown as string[][];
      await context.sync();
    });
    expect(wb.sheet('S').values()).toEqual([
      ['a', 'B'],
      [0, 0],
      [0, 0],
    ]);
    expect(wb.sheet('S').numberFormats('A2:B2')).toEqual([['0.00', '0.00']]);

    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').values = null as unknown as string[][];
        await context.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
  });

  test('text is converted on entry as Excel does, and what the fake cannot convert fails loudly', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S' }]);
    const h = open(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B1').numberFormat = [['@']];
      await context.sync();
      sheet.getRange('A1:A4').values = [['110101199001011234'], ['0042'], ['TRUE'], ["'0042"]];
      sheet.getRange('B1').values = [['110101199001011234']];
      await context.sync();
    });
    expect(wb.sheet('S').values('A1:B4')).toEqual([
      [110101199001011000, '110101199001011234'],
      [42, ''],
      [true, ''],
      ['0042', ''],
    ]);

    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('C1').values = [['2026-11-30']];
        await context.sync();
      }),
    );
    expect(err.code).toBe('NotImplemented');
    expect(err.message).toMatch(/2026-11-30.*S!C1.*date/);
    expect(h.notEmulated).toHaveLength(1);
    h.notEmulated.length = 0;
  });

  test('formulas are kept, but the value of a formula written in the session cannot be read: there is no calculation engine', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [[1, 2, 3]], formulas: [[null, null, '=A1+B1']] }]);
    const h = open(wb);
    const given = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:C1');
      range.load('values,formulas');
      await context.sync();
      return [range.values, range.formulas];
    });
    expect(given).toEqual([[[1, 2, 3]], [[1, 2, '=A1+B1']]]);

    h.resetStats();
    const err = await failure(() =>
      Excel.run(async (context) => {
        const cell = context.workbook.worksheets.getItem('S').getRange('D1');
        cell.formulas = [['=C1*2']];
        cell.load('values');
        await context.sync();
      }),
    );
    expect(err.code).toBe('NotImplemented');
    expect(err.message).toMatch(/calculating =C1\*2 in S!D1/);
    expect(wb.sheet('S').cell('D1')).toEqual({ formula: '=C1*2' });
    expect(h.stats.syncs).toBe(1);
    h.notEmulated.length = 0;
  });

  test('an API the fake does not emulate fails the request loudly with its class and member, and dispose() reports it', async () => {
    const h = open(ledger());
    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('台账').getRange('A1:B2').insert(Excel.InsertShiftDirection.down);
        await context.sync();
      }),
    );
    expect(err.code).toBe('NotImplemented');
    expect(err.debugInfo.errorLocation).toBe('Range.insert');
    expect(err.message).toMatch(/FakeExcel does not emulate Range\.insert/);
    expect(h.notEmulated).toEqual([expect.stringMatching(/^Range\.insert/)]);
    host = undefined;
    expect(() => h.dispose()).toThrow(/does not emulate:\n {2}Range\.insert/);
  });

  test('worksheets: add, list with name, visibility and position, count, activate, rename, move and delete', async () => {
    const wb = ledger();
    open(wb);
    const listed = await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('回访');
      added.activate();
      const count = sheets.getCount();
      const visible = sheets.getCount(true);
      sheets.load('items/name,items/visibility,items/position');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      return { items: sheets.items.map((s) => [s.name, s.visibility, s.position]), count: count.value, visible: visible.value, active: active.name };
    });
    expect(listed).toEqual({
      items: [
        ['台账', 'Visible', 0],
        ['说明', 'Hidden', 1],
        ['回访', 'Visible', 2],
      ],
      count: 3,
      visible: 2,
      active: '回访',
    });

    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('回访');
      sheet.name = '回访清单';
      sheet.position = 0;
      context.workbook.worksheets.getItem('说明').delete();
      await context.sync();
    });
    expect(wb.sheetNames).toEqual(['回访清单', '台账']);

    const duplicate = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.add('台账');
        await context.sync();
      }),
    );
    expect(duplicate.code).toBe('ItemAlreadyExists');
  });

  test('a worksheet object keeps working after its sheet is renamed, because Excel reports its id', async () => {
    const wb = ledger();
    open(wb);
    const name = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.load('name');
      await context.sync();
      sheet.name = '新台账';
      await context.sync();
      sheet.getRange('A1').values = [['改名后']];
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe('新台账');
    expect(wb.sheet('新台账').values('A1')).toEqual([['改名后']]);
  });

  test('used range, getCell, getRangeByIndexes, offsets, resizing and whole columns give Excel addresses', async () => {
    open(ledger());
    const addresses = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const ranges = [
        sheet.getUsedRange(true),
        sheet.getUsedRange(),
        sheet.getCell(2, 3),
        sheet.getRangeByIndexes(1, 0, 2, 4),
        sheet.getRange('B2').getOffsetRange(1, 2),
        sheet.getRange('B2').getResizedRange(2, 1),
        sheet.getRange('C2:D3').getEntireColumn(),
        sheet.getRange('C2:D3').getEntireRow(),
        sheet.getRange('A1:D3').getCell(1, 1),
        sheet.getRange('$A$1:$B$2'),
      ];
      ranges.forEach((r) => r.load('address'));
      const empty = context.workbook.worksheets.add('空').getUsedRangeOrNullObject();
      await context.sync();
      return [...ranges.map((r) => r.address), empty.isNullObject];
    });
    expect(addresses).toEqual([
      '台账!A1:D3',
      '台账!A1:D3',
      '台账!D3',
      '台账!A2:D3',
      '台账!D3',
      '台账!B2:C4',
      '台账!C:D',
      '台账!2:3',
      '台账!B2',
      '台账!A1:B2',
      true,
    ]);
  });

  test('formats are stored per cell and read back, mixed formats reading as null', async () => {
    const wb = ledger();
    open(wb);
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      const header = sheet.getRange('A1:D1');
      header.format.fill.color = '#D9D9D9';
      header.format.font.bold = true;
      header.format.font.size = 12;
      header.format.font.color = 'red';
      header.format.horizontalAlignment = Excel.HorizontalAlignment.center;
      header.format.wrapText = true;
      header.format.rowHeight = 30;
      sheet.getRange('B:B').format.columnWidth = 120;
      const edges = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.insideVertical];
      for (const e of edges) header.format.borders.getItem(e).style = Excel.BorderLineStyle.continuous;
      const mixed = sheet.getRange('A1:A2').format;
      mixed.fill.load('color');
      mixed.font.load('bold');
      const widths = sheet.getRange('A1:B1').format;
      widths.load('columnWidth');
      const b = sheet.getRange('B1').format;
      b.load('columnWidth,rowHeight,wrapText,horizontalAlignment');
      b.font.load('bold,size,color,name');
      b.fill.load('color');
      const border = header.format.borders.getItem('EdgeBottom');
      border.load('style,weight,color');
      await context.sync();
      return {
        mixedFill: mixed.fill.color,
        mixedBold: mixed.font.bold,
        widths: widths.columnWidth,
        b: { width: b.columnWidth, height: b.rowHeight, wrap: b.wrapText, align: b.horizontalAlignment, font: [b.font.bold, b.font.size, b.font.color, b.font.name], fill: b.fill.color },
        border: [border.style, border.weight, border.color],
      };
    });
    expect(read).toEqual({
      mixedFill: null,
      mixedBold: null,
      widths: null,
      b: { width: 120, height: 30, wrap: true, align: 'Center', font: [true, 12, '#FF0000', 'Calibri'], fill: '#D9D9D9' },
      border: ['Continuous', 'Thin', '#000000'],
    });
    const sheet = wb.sheet('台账');
    expect(sheet.cell('B1')).toMatchObject({ fill: '#D9D9D9', font: { bold: true, size: 12, color: '#FF0000' }, horizontalAlignment: 'Center', wrapText: true });
    expect(sheet.cell('B1')?.borders).toEqual({
      top: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      left: { style: 'Continuous', weight: 'Thin', color: '#000000' },
      right: { style: 'Continuous', weight: 'Thin', color: '#000000' },
    });
    expect([sheet.columnWidth('B'), sheet.columnWidth('A'), sheet.rowHeight(1), sheet.rowHeight(2)]).toEqual([120, 48, 30, 15]);
  });

  test('clear removes contents, formats or both; clearing formats unmerges', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [['a', 'b'], ['c', 'd']], numberFormats: [['@', '@']], merges: ['A2:B2'] }]);
    open(wb);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1').clear(Excel.ClearApplyTo.contents);
      sheet.getRange('B1').clear(Excel.ClearApplyTo.formats);
      sheet.getRange('A2:B2').clear();
      await context.sync();
    });
    const sheet = wb.sheet('S');
    expect(sheet.cells).toEqual({ A1: { numberFormat: '@' }, B1: { value: 'b' } });
    expect(sheet.merges).toEqual([]);
  });

  test('a dropdown list validation is stored with its source, and clear() removes it', async () => {
    const wb = ledger();
    open(wb);
    const type = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('D2:D100');
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: '红,黄,绿' } };
      range.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.warning, title: '', message: '请选择红、黄或绿' };
      const dv = context.workbook.worksheets.getItem('台账').getRange('D5').dataValidation;
      dv.load('type,rule');
      await context.sync();
      return [dv.type, dv.rule.list?.source];
    });
    expect(type).toEqual(['List', '红,黄,绿']);
    expect(wb.sheet('台账').dataValidations).toEqual([
      expect.objectContaining({ address: 'D2:D100', rule: { list: { inCellDropDown: true, source: '红,黄,绿' } }, errorAlert: expect.objectContaining({ style: 'Warning' }) }),
    ]);

    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('台账').getRange('D51:D100').dataValidation.clear();
      await context.sync();
    });
    expect(wb.sheet('台账').dataValidations.map((d) => d.address)).toEqual(['D2:D50']);
  });

  test('freeze panes, page layout and print titles are stored on the sheet', async () => {
    const wb = ledger();
    open(wb);
    const zoom = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('台账');
      sheet.freezePanes.freezeRows(1);
      sheet.pageLayout.orientation = Excel.PageOrientation.landscape;
      sheet.pageLayout.paperSize = Excel.PaperType.a4;
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.setPrintTitleRows('$1:$1');
      const frozen = sheet.freezePanes.getLocationOrNullObject();
      frozen.load('address');
      sheet.pageLayout.load('zoom');
      await context.sync();
      return { zoom: sheet.pageLayout.zoom, frozen: frozen.address };
    });
    expect(zoom).toEqual({ zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, frozen: '台账!1:1' });
    const sheet = wb.sheet('台账');
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '1:1' });
  });

  test('calculation mode is kept and screen updating suspensions are counted', async () => {
    const wb = ledger();
    const h = open(wb);
    const mode = await Excel.run(async (context) => {
      const app = context.workbook.application;
      app.suspendScreenUpdatingUntilNextSync();
      app.calculationMode = Excel.CalculationMode.manual;
      app.load('calculationMode');
      await context.sync();
      return app.calculationMode;
    });
    expect(mode).toBe('Manual');
    expect(wb.calculationMode).toBe('Manual');
    expect(h.stats.events).toEqual({ suspendScreenUpdatingUntilNextSync: 1 });
  });

  test('named items can be added from a range and read back', async () => {
    const wb = ledger();
    open(wb);
    const read = await Excel.run(async (context) => {
      context.workbook.names.add('等级列', context.workbook.worksheets.getItem('台账').getRange('D2:D3'));
      const name = context.workbook.names.getItemOrNullObject('等级列');
      name.load('name,type,value');
      const range = name.getRange();
      range.load('values');
      const missing = context.workbook.names.getItemOrNullObject('无');
      await context.sync();
      return [name.name, name.type, name.value, range.values, missing.isNullObject];
    });
    expect(read).toEqual(['等级列', 'Range', '台账!$D$2:$D$3', [['红'], ['']], true]);
    expect(wb.names).toEqual([{ name: '等级列', formula: '=台账!$D$2:$D$3', comment: '', visible: true }]);
  });

  test('a range used again after a sync is addressed by the reference Excel handed out', async () => {
    const h = open(ledger(), { recordBodies: true });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('E2');
      range.values = [['first']];
      await context.sync();
      range.values = [['second']];
      await context.sync();
    });
    const second = h.stats.requests[1].body as { ObjectPaths: Record<string, { ObjectPathType: number; Name: string }> };
    expect(Object.values(second.ObjectPaths)).toEqual([expect.objectContaining({ ObjectPathType: 6, Name: expect.stringMatching(/^ref-/) })]);
    expect(h.workbook.sheet('台账').values('E2')).toEqual([['second']]);
  });

  test('after dispose() the library reports that the host is gone', async () => {
    const h = open(ledger());
    h.dispose();
    const err = await failure(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('台账').load('name');
        await context.sync();
      }),
    );
    expect(err.message).toMatch(/disposed/);
  });

  test('Office.onReady reports Excel on the web', async () => {
    open(ledger());
    await expect(Office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline', addin: null });
    expect(Office.context.platform).toBe('OfficeOnline');
  });

  test('load() without names loads what the host version has and the fake can produce', async () => {
    open(ledger(), { apiVersion: '1.1' });
    const result = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('台账').getRange('A2:B2');
      range.load();
      await context.sync();
      let spill: unknown;
      try {
        spill = range.hasSpill;
      } catch (e) {
        spill = (e as OfficeExtension.Error).code;
      }
      return { values: range.values, address: range.address, text: range.text, spill };
    });
    expect(result).toEqual({ values: [[1, '张三']], address: '台账!A2:B2', text: [['1', '张三']], spill: 'PropertyNotLoaded' });
  });

  test('settings.refreshAsync reads what the document holds now', async () => {
    const wb = ledger();
    open(wb);
    wb.setSetting('tricolor.version', 2);
    const result = await new Promise<Office.AsyncResult<Office.Settings>>((resolve) => Office.context.document.settings.refreshAsync(resolve));
    expect(result.status).toBe(Office.AsyncResultStatus.Succeeded);
    expect(Office.context.document.settings.get('tricolor.version')).toBe(2);
  });

  test('an earlier failure in a batch keeps the writes before it and stops the rest, like Excel', async () => {
    const wb = FakeWorkbook.fromSheets([{ name: 'S' }]);
    open(wb);
    const err = await failure(() =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.getRange('A1').values = [['before']];
        context.workbook.worksheets.getItem('missing').getRange('A1').values = [['never']];
        sheet.getRange('A2').values = [['after']];
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemNotFound');
    expect(wb.sheet('S').values()).toEqual([['before']]);
  });
});
