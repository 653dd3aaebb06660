/**
 * The minified excel-web-16.00.js (what the CDN serves) behaves as the debug build the other tests
 * use. A test file loads one build: this one loads the release build.
 */
import { createExcelHost, FakeWorkbook } from './index';

test('the minified library serves the same requests, also under jest fake timers', async () => {
  jest.useFakeTimers();
  const wb = FakeWorkbook.fromSheets([{ name: 'S', values: [['a']] }]);
  const host = createExcelHost(wb, { build: 'release' });
  try {
    const read = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B1').values = [[2]];
      const range = sheet.getRange('A1:B1');
      range.load('values');
      const missing = context.workbook.worksheets.getItemOrNullObject('T');
      await context.sync();
      return { values: range.values, missing: missing.isNullObject };
    });
    expect(read).toEqual({ values: [['a', 2]], missing: true });
    const err = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('T').load('name');
      await context.sync();
    }).catch((e: OfficeExtension.Error) => e);
    expect(err).toMatchObject({ code: 'ItemNotFound' });
    expect(host.stats.syncs).toBe(2);
  } finally {
    host.dispose();
    jest.useRealTimers();
  }
});
