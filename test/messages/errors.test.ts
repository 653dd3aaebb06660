/**
 * Every failure a user is told about carries a stable code — its message's catalogue key — and
 * can be worded in either language, whichever language it was raised in.
 */
import {
  CATALOGUE,
  LedgerNotFoundError,
  LedgerWriteError,
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
    ['no room for columns', new LedgerWriteError('ledger.noRoomForColumns', { sheet: '台账', count: 5 }, 'en'), '台账', 'ledger.noRoomForColumns'],
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
