/**
 * What the page's name box selects outside Excel (resolveReference, src/hosts/file-addin): a cell,
 * a row or an area of the active sheet, or of a sheet named before '!', as a click in Excel would.
 */
import { resolveReference, type SheetTab } from '../../src/hosts/file-addin';

const tabs = (...names: string[]): SheetTab[] => names.map((name) => ({ name, visible: name !== '_tricolor' }));
const LEDGER = tabs('矛盾纠纷台账', '联席会议汇总', '_tricolor', 'My sheet');
const ok = (sheet: string, address: string) => ({ ok: true, sheet, address });
const noSheet = (sheet: string) => ({ ok: false, problem: { kind: 'sheet', sheet } });
const notAnAddress = (text: string) => ({ ok: false, problem: { kind: 'address', text } });

describe('the name box', () => {
  it('selects a cell, a whole row from its number, an area, whole columns, on the active sheet', () => {
    expect(resolveReference(LEDGER, '矛盾纠纷台账', 'b2')).toEqual(ok('矛盾纠纷台账', 'B2'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', ' 2 ')).toEqual(ok('矛盾纠纷台账', '2:2'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', 'B2:A1')).toEqual(ok('矛盾纠纷台账', 'A1:B2'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '$C:$A')).toEqual(ok('矛盾纠纷台账', 'A:C'));
    expect(resolveReference(LEDGER, '联席会议汇总', 'D8')).toEqual(ok('联席会议汇总', 'D8'));
  });

  it('selects on another sheet, quoted or not, with the full-width forms a Chinese input method types', () => {
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '联席会议汇总!B2')).toEqual(ok('联席会议汇总', 'B2'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '联席会议汇总！Ｂ２')).toEqual(ok('联席会议汇总', 'B2'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', "'My sheet'!A1")).toEqual(ok('My sheet', 'A1'));
  });

  it('says why nothing was selected', () => {
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '第二行')).toEqual(notAnAddress('第二行'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', 'XFE1')).toEqual(notAnAddress('XFE1'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '1048577')).toEqual(notAnAddress('1048577'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '回访记录!A1')).toEqual(noSheet('回访记录'));
    expect(resolveReference(LEDGER, '矛盾纠纷台账', '_tricolor!A1')).toEqual({ ok: false, problem: { kind: 'hidden', sheet: '_tricolor' } });
  });
});

describe('sheet names as typed: only the cell or row is read in half width', () => {
  /**
   * Sheets whose names hold full-width characters of their own: the add-in's fallback due-list
   * beside a user's own 回访清单 (core/job/choose.ts), a name in full-width letters only, and one in
   * full-width digits beside its half-width twin.
   */
  const NAMED = tabs('回访清单', '回访清单（三色台账）', 'ＡＢＣ分局', '２０２６年台账', '2026年台账', 'Sheet1', 'My sheet');

  it.each<[string, string, unknown]>([
    ['the add-in’s fallback sheet, as its name is written', '回访清单（三色台账）!A2', ok('回访清单（三色台账）', 'A2')],
    ['… with a full-width ！ and cell', '回访清单（三色台账）！Ｂ２', ok('回访清单（三色台账）', 'B2')],
    ['… a whole row of it', '回访清单（三色台账）!2', ok('回访清单（三色台账）', '2:2')],
    ['… quoted', "'回访清单（三色台账）'!A2", ok('回访清单（三色台账）', 'A2')],
    ['… padded with ideographic spaces', '\u3000回访清单（三色台账）！Ａ２\u3000', ok('回访清单（三色台账）', 'A2')],
    ['the user’s own 回访清单 is another sheet', '回访清单!A1', ok('回访清单', 'A1')],
    ['full-width letters in the name', 'ＡＢＣ分局！Ａ１', ok('ＡＢＣ分局', 'A1')],
    ['full-width digits in the name: that sheet, not its half-width twin', '２０２６年台账!A1', ok('２０２６年台账', 'A1')],
    ['half-width digits: the half-width twin', '2026年台账!A1', ok('2026年台账', 'A1')],
    ['a full-width name with no such sheet falls back to half width', 'Ｓｈｅｅｔ１！Ａ１', ok('Sheet1', 'A1')],
    ['names are case-insensitive, as in Excel', 'sheet1!a1', ok('Sheet1', 'A1')],
    ['a quoted name with a space', "'My sheet'!A1", ok('My sheet', 'A1')],
    ['… quoted in full width', '＇Ｍｙ ｓｈｅｅｔ＇！Ａ１', ok('My sheet', 'A1')],
    // Half width is only ever a fallback for what was typed, never applied to the workbook's names.
    ['half-width letters do not find a full-width name', 'ABC分局!A1', noSheet('ABC分局')],
    ['half-width brackets do not find the fallback sheet; the name is shown as typed', '回访清单(三色台账)!A2', noSheet('回访清单(三色台账)')],
    ['an unknown full-width name is shown as typed', '不存在（表）！A1', noSheet('不存在（表）')],
    ['no name before the !', '!A1', notAnAddress('!A1')],
    ['not a cell after the sheet', '回访清单（三色台账）!第二行', notAnAddress('回访清单（三色台账）!第二行')],
  ])('%s: %s', (_, typed, expected) => {
    expect(resolveReference(NAMED, 'Sheet1', typed)).toEqual(expected);
  });
});
