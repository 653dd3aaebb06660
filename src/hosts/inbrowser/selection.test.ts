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
