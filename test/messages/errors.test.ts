/**
 * Every failure a user is told about carries a stable code — its message's catalogue key — and
 * can be worded in either language, whichever language it was raised in.
 */
import {
  CATALOGUE,
  checkWorkbookFileSize,
  LedgerNotFoundError,
  LedgerWriteError,
  MAX_WORKBOOK_BYTES,
  PresetError,
  SheetProtectedError,
  SyncTimeoutError,
  TricolorError,
  validatePreset,
  WorkbookError,
} from '../../src/core';

describe('the errors users are told about', () => {
  const raised: [string, TricolorError, string, string][] = [
    ['no ledger', new LedgerNotFoundError('ledger.notFound', { sheet: '台账' }, 'zh'), '台账', 'ledger.notFound'],
    ['no room for columns', new LedgerWriteError('ledger.noRoomForColumns', { sheet: '台账', count: 5, last: 'XFB' }, 'en'), '台账', 'ledger.noRoomForColumns'],
    ['a damaged file', new WorkbookError('file.checksum', { file: '台账.xlsx', part: 'xl/worksheets/sheet1.xml' }, 'zh'), 'sheet1.xml', 'file.checksum'],
    ['a protected sheet', new SheetProtectedError('矛盾纠纷台账', 'en'), '矛盾纠纷台账', 'ledger.sheetProtected'],
    ['Excel not answering', new SyncTimeoutError(60), '60', 'excel.syncTimeout'],
  ];

  it.each(raised)('%s: a code from the catalogue, worded in both languages with its details', (_name, error, detail, code) => {
    expect(error.code).toBe(code);
    expect(error.code in CATALOGUE).toBe(true);
    expect(error).toBeInstanceOf(TricolorError);
    expect(error).toBeInstanceOf(Error);
    const zh = error.describe('zh');
    const en = error.describe('en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toContain(detail);
    expect(en).toContain(detail);
    expect(zh).not.toBe(en);
    expect([zh, en]).toContain(error.message);
  });

  it('names its class, so a log line says which failure it was', () => {
    expect(new SheetProtectedError('台账', 'zh').name).toBe('SheetProtectedError');
    expect(new LedgerNotFoundError('ledger.notFound', { sheet: '台账' }).name).toBe('LedgerNotFoundError');
  });

  it('a bad preset keeps each problem as a code at a path, so it is worded again in the other language', () => {
    let error: PresetError | undefined;
    try {
      validatePreset({ version: 2, name: '', textFields: ['nonsense'] });
    } catch (e) {
      error = e as PresetError;
    }
    expect(error).toBeInstanceOf(PresetError);
    expect(error!.problems).toEqual(
      expect.arrayContaining([
        { path: 'name', code: 'text' },
        { path: 'textFields[0]', code: 'unknownField', params: expect.objectContaining({ field: 'nonsense' }) },
      ]),
    );
    expect(error!.describe('zh')).toContain('name：应为非空文字');
    expect(error!.describe('zh')).toContain('textFields[0]：未知字段“nonsense”');
    expect(error!.describe('en')).toContain('name: must be a non-empty string');
  });
});

describe('checkWorkbookFileSize: a file too large to be a ledger is refused by its size', () => {
  it.each([
    [13 * 1024 * 1024, null],
    [MAX_WORKBOOK_BYTES, null],
    [MAX_WORKBOOK_BYTES + 1, '“录像.xlsx”有 129 MB，超过本工具能处理的 128 MB；请把台账按年度或按单位拆成几个文件，或把其中的图片移出后再试'],
    [600 * 1024 * 1024, '“录像.xlsx”有 600 MB，超过本工具能处理的 128 MB；请把台账按年度或按单位拆成几个文件，或把其中的图片移出后再试'],
  ])('%d bytes: %s', (bytes, expected) => {
    let thrown: unknown = null;
    try {
      checkWorkbookFileSize(bytes, '录像.xlsx', 'zh');
    } catch (e) {
      thrown = e;
    }
    if (expected === null) return expect(thrown).toBeNull();
    expect(thrown).toBeInstanceOf(WorkbookError);
    expect((thrown as WorkbookError).code).toBe('file.tooLarge');
    expect((thrown as WorkbookError).message).toBe(expected);
    expect((thrown as WorkbookError).describe('en')).toBe('"录像.xlsx" is ' + Math.ceil(bytes / 2 ** 20) + ' MB, over the 128 MB the tool can process; split the ledger into several files (by year or by unit), or move its pictures out, and try again');
  });
});
