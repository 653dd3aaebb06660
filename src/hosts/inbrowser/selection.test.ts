import { FakeWorkbook } from './fake-workbook';
import { readSelection, selectReference } from './selection';

function workbook() {
  const wb = FakeWorkbook.fromSheets([
    { name: '矛盾纠纷台账', values: [['序号', '登记日期'], [1, 46023]], numberFormats: [[null, null], [null, 'yyyy-mm-dd']] },
    { name: '联席会议汇总', values: [['指标', '本期'], ['排查数', 56]] },
    { name: '_tricolor', values: [['x']], visibility: 'VeryHidden' },
    { name: 'My sheet', values: [['a']] },
  ]);
  return wb;
}

describe('the in-memory workbook’s selection, for the pane outside Excel', () => {
  it('starts on A1 of the active sheet and shows what a cell holds, dates as dates', () => {
    const wb = workbook();
    expect(readSelection(wb)).toEqual({ sheet: '矛盾纠纷台账', address: 'A1', value: '序号' });
    expect(selectReference(wb, 'b2')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: 'B2', value: '2026-01-01' } });
    expect(selectReference(wb, 'C9')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: 'C9', value: '' } });
  });

  it('shows a date of a 1904 workbook as the same day', () => {
    const mac = FakeWorkbook.fromSheets([{ name: '台账', values: [[46023 - 1462]], numberFormats: [['yyyy-mm-dd']] }], { date1904: true });
    expect(readSelection(mac)).toEqual({ sheet: '台账', address: 'A1', value: '2026-01-01' });
  });

  it('selects a whole row from its number, an area, and a cell on another sheet (which becomes active)', () => {
    const wb = workbook();
    expect(selectReference(wb, ' 2 ')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: '2:2', value: null } });
    expect(wb.sheet('矛盾纠纷台账').selection).toBe('2:2');
    expect(selectReference(wb, 'A1:B2')).toEqual({ ok: true, selection: { sheet: '矛盾纠纷台账', address: 'A1:B2', value: null } });
    expect(selectReference(wb, '联席会议汇总!B2')).toEqual({ ok: true, selection: { sheet: '联席会议汇总', address: 'B2', value: '56' } });
    expect(wb.activeSheet?.name).toBe('联席会议汇总');
    expect(selectReference(wb, "'My sheet'!A1")).toEqual({ ok: true, selection: { sheet: 'My sheet', address: 'A1', value: 'a' } });
  });

  it('takes the full-width forms a Chinese input method types', () => {
    const wb = workbook();
    expect(selectReference(wb, '联席会议汇总！Ｂ２')).toEqual({ ok: true, selection: { sheet: '联席会议汇总', address: 'B2', value: '56' } });
  });

  it('says why nothing was selected, and leaves the selection as it was', () => {
    const wb = workbook();
    selectReference(wb, 'B2');
    expect(selectReference(wb, '第二行')).toEqual({ ok: false, problem: { kind: 'address', text: '第二行' } });
    expect(selectReference(wb, '回访记录!A1')).toEqual({ ok: false, problem: { kind: 'sheet', sheet: '回访记录' } });
    expect(selectReference(wb, '_tricolor!A1')).toEqual({ ok: false, problem: { kind: 'hidden', sheet: '_tricolor' } });
    expect(readSelection(wb)).toEqual({ sheet: '矛盾纠纷台账', address: 'B2', value: '2026-01-01' });
  });
});

describe('sheet names as typed: only the cell or row is read in half width', () => {
  /**
   * Sheets whose names hold full-width characters of their own: the add-in's fallback due-list
   * beside a user's own 回访清单 (core/job/choose.ts), a name in full-width letters only, and one in
   * full-width digits beside its half-width twin.
   */
  function named() {
    return FakeWorkbook.fromSheets([
      { name: '回访清单', values: [['用户自己的表']] },
      { name: '回访清单（三色台账）', values: [['责任人', '序号'], ['赵志强', 13]] },
      { name: 'ＡＢＣ分局', values: [['全角字母']] },
      { name: '２０２６年台账', values: [['全角数字']] },
      { name: '2026年台账', values: [['半角数字']] },
      { name: 'Sheet1', values: [['s1']] },
      { name: 'My sheet', values: [['a']] },
    ]);
  }
  const ok = (sheet: string, address: string, value: string | null) => ({ ok: true, selection: { sheet, address, value } });
  const noSheet = (sheet: string) => ({ ok: false, problem: { kind: 'sheet', sheet } });
  const notAnAddress = (text: string) => ({ ok: false, problem: { kind: 'address', text } });

  it.each<[string, string, unknown]>([
    ['the add-in’s fallback sheet, as its name is written', '回访清单（三色台账）!A2', ok('回访清单（三色台账）', 'A2', '赵志强')],
    ['… with a full-width ！ and cell', '回访清单（三色台账）！Ｂ２', ok('回访清单（三色台账）', 'B2', '13')],
    ['… a whole row of it', '回访清单（三色台账）!2', ok('回访清单（三色台账）', '2:2', null)],
    ['… quoted', "'回访清单（三色台账）'!A2", ok('回访清单（三色台账）', 'A2', '赵志强')],
    ['… padded with ideographic spaces', '\u3000回访清单（三色台账）！Ａ２\u3000', ok('回访清单（三色台账）', 'A2', '赵志强')],
    ['the user’s own 回访清单 is another sheet', '回访清单!A1', ok('回访清单', 'A1', '用户自己的表')],
    ['full-width letters in the name', 'ＡＢＣ分局！Ａ１', ok('ＡＢＣ分局', 'A1', '全角字母')],
    ['full-width digits in the name: that sheet, not its half-width twin', '２０２６年台账!A1', ok('２０２６年台账', 'A1', '全角数字')],
    ['half-width digits: the half-width twin', '2026年台账!A1', ok('2026年台账', 'A1', '半角数字')],
    ['a full-width name with no such sheet falls back to half width', 'Ｓｈｅｅｔ１！Ａ１', ok('Sheet1', 'A1', 's1')],
    ['names are case-insensitive, as in Excel', 'sheet1!a1', ok('Sheet1', 'A1', 's1')],
    ['a quoted name with a space', "'My sheet'!A1", ok('My sheet', 'A1', 'a')],
    ['… quoted in full width', '＇Ｍｙ ｓｈｅｅｔ＇！Ａ１', ok('My sheet', 'A1', 'a')],
    // Half width is only ever a fallback for what was typed, never applied to the workbook's names.
    ['half-width letters do not find a full-width name', 'ABC分局!A1', noSheet('ABC分局')],
    ['half-width brackets do not find the fallback sheet; the name is shown as typed', '回访清单(三色台账)!A2', noSheet('回访清单(三色台账)')],
    ['an unknown full-width name is shown as typed', '不存在（表）！A1', noSheet('不存在（表）')],
    ['no name before the !', '!A1', notAnAddress('!A1')],
    ['not a cell after the sheet', '回访清单（三色台账）!第二行', notAnAddress('回访清单（三色台账）!第二行')],
  ])('%s: %s', (_, typed, expected) => {
    expect(selectReference(named(), typed)).toEqual(expected);
  });

  it('activates the sheet it found, and leaves everything as it was when nothing was found', () => {
    const wb = named();
    selectReference(wb, '回访清单（三色台账）!B2');
    expect(wb.activeSheet?.name).toBe('回访清单（三色台账）');
    expect(selectReference(wb, '回访清单(三色台账)!A1').ok).toBe(false);
    expect(readSelection(wb)).toEqual({ sheet: '回访清单（三色台账）', address: 'B2', value: '13' });
  });
});
