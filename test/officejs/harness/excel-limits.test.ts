/// <reference types="office-js" />
/**
 * Where the in-memory workbook is no more reliable than Excel: each behaviour the reference or an
 * office-js issue documents (cited where the fake models it, test/officejs/emulator), seen through
 * Microsoft's library.
 */
import { FakeWorkbook, hostPerTest } from './index';

const open = hostPerTest();

const sheet = () => FakeWorkbook.fromSheets([{ name: 'S', values: [['a', 'b'], [1, 2]] }]);

async function addFormat(address: string, formula: string): Promise<Excel.ConditionalFormat> {
  return Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem('S').getRange(address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = formula;
    cf.load('id');
    await context.sync();
    return cf;
  });
}

async function ids(): Promise<{ id: string; formula: string }[]> {
  return Excel.run(async (context) => {
    const cfs = context.workbook.worksheets.getItem('S').getRange('A1:B2').conditionalFormats;
    cfs.load('items/id,items/custom/rule/formula');
    await context.sync();
    return cfs.items.map((cf) => ({ id: cf.id, formula: cf.custom.rule.formula }));
  });
}

describe('conditional-format ids are positions', () => {
  it('renumber when a format is added or deleted, so a kept id reaches another format', async () => {
    open(sheet());
    const first = await addFormat('A1:B2', '=A1=1');
    await addFormat('A1:B2', '=A1=2');
    const listed = await ids();
    // The newer is on top: position 0; the first moved to 1, and its old id is the newer's now.
    expect(listed.map((x) => x.formula)).toEqual(['=A1=2', '=A1=1']);
    expect(listed[0].id).toBe(first.id);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B2').conditionalFormats.getItem(first.id).delete();
      await context.sync();
    });
    expect((await ids()).map((x) => x.formula)).toEqual(['=A1=1']);
  });

  it('are new after the workbook is reopened', async () => {
    const workbook = sheet();
    open(workbook);
    await addFormat('A1:B2', '=A1=1');
    const before = (await ids())[0].id;
    open(workbook);
    const after = (await ids())[0].id;
    expect(after).not.toBe(before);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B2').conditionalFormats.getItem(before).delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(workbook.sheet('S').conditionalFormats).toHaveLength(1);
  });
});

describe('merged areas', () => {
  const merged = (n: number) => FakeWorkbook.fromSheets([{ name: 'S', values: [['x']], merges: Array.from({ length: n }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`) }]);
  const read = (address: string) =>
    Excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('S').getRange(address).getMergedAreasOrNullObject();
      areas.load('areaCount');
      await context.sync();
      return areas.isNullObject ? 0 : areas.areaCount;
    });

  it('fail above 512 in one range', async () => {
    open(merged(513));
    await expect(read('A1:A1026')).rejects.toMatchObject({ debugInfo: { errorLocation: 'Range.getMergedAreasOrNullObject' } });
    expect(await read('A1:A1024')).toBe(512);
  });

  it('are those whose top-left cell is in the range (office-js#3611)', async () => {
    open(merged(2));
    expect(await read('A2:A4')).toBe(1);
    expect(await read('A1:A1')).toBe(1);
  });
});

describe('two add-in runtimes', () => {
  it('each work with their own copy of the settings, and a stale save writes its copy back', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: 'S' }], { settings: { k: 'old' } });
    const h = open(workbook);
    const save = () => new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
    expect(Office.context.document.settings.get('k')).toBe('old');
    h.useRuntime('commands');
    Office.context.document.settings.set('k', 'new');
    await save();
    expect(workbook.setting('k')).toBe('new');
    h.useRuntime('taskpane');
    expect(Office.context.document.settings.get('k')).toBe('old');
    Office.context.document.settings.set('other', 1);
    await save();
    expect(workbook.setting('k')).toBe('old');
    // refreshAsync reads what the document holds.
    h.useRuntime('commands');
    await new Promise<void>((resolve) => Office.context.document.settings.refreshAsync(() => resolve()));
    expect(Office.context.document.settings.get('other')).toBe(1);
  });
});

describe('Excel tables', () => {
  it('grow over values written right beside or just below them; their cells cannot be merged', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: 'S', values: [['a', 'b'], [1, 2]], tables: [{ name: 'T', address: 'A1:B2' }] }]);
    open(workbook);
    await Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      s.getRange('C1:C2').values = [['c'], [3]];
      s.getRange('A3:C3').values = [[4, 5, 6]];
      s.getRange('E1').values = [['apart']];
      await context.sync();
    });
    expect(workbook.sheet('S').tables[0].address).toBe('A1:C3');
    const address = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').tables.getItem('T').getRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
    expect(address).toBe('S!A1:C3');
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:B1').merge();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('a protected sheet', () => {
  it('refuses writes with AccessDenied until unprotected', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: 'S', values: [['a']], protected: true }]);
    open(workbook);
    const write = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('B1').values = [['x']];
        await context.sync();
      });
    const isProtected = await Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem('S').protection;
      protection.load('protected');
      await context.sync();
      return protection.protected;
    });
    expect(isProtected).toBe(true);
    await expect(write()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(workbook.sheet('S').values()).toEqual([['a']]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').protection.unprotect();
      await context.sync();
    });
    await write();
    expect(workbook.sheet('S').values()).toEqual([['a', 'x']]);
  });
});

describe('the date system', () => {
  it.each([
    [false, 1462],
    [true, 0],
  ])('DATE(1904,1,1) in a workbook with date1904 %s is %i', async (date1904, serial) => {
    open(FakeWorkbook.fromSheets([{ name: 'S' }], { date1904 }));
    const value = await Excel.run(async (context) => {
      const result = context.workbook.functions.date(1904, 1, 1);
      result.load('value');
      await context.sync();
      return result.value;
    });
    expect(value).toBe(serial);
  });
});

describe('the text of a date', () => {
  it('is the serial shown in the workbook\'s own date system', async () => {
    const read = async (date1904: boolean) => {
      const serial = 46296 - (date1904 ? 1462 : 0);
      open(FakeWorkbook.fromSheets([{ name: 'S', values: [[serial, serial, serial]], numberFormats: [['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy;@']] }], { date1904 }));
      return Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:C1');
        range.load('text');
        await context.sync();
        return range.text[0];
      });
    };
    expect(await read(false)).toEqual(['2026-10-01', '2026年10月1日', '10/1/26']);
    expect(await read(true)).toEqual(['2026-10-01', '2026年10月1日', '10/1/26']);
  });
});

describe('requirement sets of setters', () => {
  it('refuse setting Worksheet.visibility before ExcelApi 1.2 and calculationMode before 1.8, reading them not', async () => {
    const workbook = FakeWorkbook.fromSheets([{ name: 'S' }, { name: 'T' }]);
    open(workbook, { apiVersion: '1.1' });
    const visibility = await Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('T');
      s.load('visibility');
      await context.sync();
      return s.visibility;
    });
    expect(visibility).toBe('Visible');
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('T').visibility = 'Hidden';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    open(workbook, { apiVersion: '1.7' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.application.calculationMode = 'Manual';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect([workbook.sheet('T').visibility, workbook.calculationMode]).toEqual(['Visible', 'Automatic']);
  });
});

describe('data validation of a range without any', () => {
  it('reads as Excel answers it: type None, a rule with no criteria, the default alert', async () => {
    open(sheet());
    const read = await Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('S').getRange('A1:A2').dataValidation;
      dv.load('type,rule,errorAlert');
      await context.sync();
      return { type: dv.type, rule: dv.rule, alert: dv.errorAlert.showAlert };
    });
    expect(read).toEqual({ type: 'None', rule: {}, alert: true });
  });
});
