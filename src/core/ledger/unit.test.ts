import { findLedgerUnit, unitFromFileName, unitInTitle } from './unit';
import type { SheetGrid } from '../model';

const grid = (rows: (string | null)[][]): SheetGrid => ({ name: '台账', values: rows, merges: [], date1904: false });

describe('unitInTitle', () => {
  test.each([
    ['青山镇派出所矛盾纠纷排查化解工作台账', '青山镇派出所'],
    ['2026年青山镇派出所矛盾纠纷排查化解台账', '青山镇派出所'],
    ['青山镇司法所人民调解登记台账', '青山镇司法所'],
    ['青山人民法庭诉前调解案件登记表', '青山人民法庭'],
    ['东岭村人民调解委员会调解登记簿', '东岭村人民调解委员会'],
    ['XX镇矛盾纠纷排查化解工作台账（2026年11月）', 'XX镇'],
    ['石桥社区矛盾纠纷登记表', '石桥社区'],
    // A bracket left open, or punctuation, between the place and the table's name is not part of it.
    ['青山镇（第一季度矛盾纠纷排查化解工作台账', '青山镇'],
    ['青山镇，矛盾纠纷排查化解工作台账', '青山镇'],
    ['青山镇——矛盾纠纷排查化解工作台账', '青山镇'],
    ['青山镇（一）（二矛盾纠纷排查化解工作台账', null],
    ['矛盾纠纷排查化解工作台账', null],
    ['2020年矛盾纠纷排查化解情况', null],
    ['调解案件登记表', null],
  ])('%s → %s', (title, unit) => {
    expect(unitInTitle(title)).toBe(unit);
  });
});

describe('findLedgerUnit', () => {
  test('a 填报单位 line names the unit, before any title', () => {
    const g = grid([['人民调解登记台账'], ['填报单位：青山镇司法所　　填报日期：2026年11月30日'], ['编号', '受理日期']]);
    expect(findLedgerUnit(g, 2)).toBe('青山镇司法所');
  });
  test('a 填报单位 line with the stamp hint and the unit in the next cell', () => {
    const g = grid([['填报单位（盖章）：', '河湾村调委会', null, '填报人：王芳'], ['序号']]);
    expect(findLedgerUnit(g, 1)).toBe('河湾村调委会');
  });
  test('an empty 填报单位 line falls back to the title', () => {
    const g = grid([['青山镇派出所矛盾纠纷台账'], ['填报单位：', null, '填报日期：'], ['序号']]);
    expect(findLedgerUnit(g, 2)).toBe('青山镇派出所');
  });
  test('nothing above the header: no unit', () => {
    expect(findLedgerUnit(grid([['序号', '登记日期']]), 0)).toBeNull();
  });
});

test('unitFromFileName', () => {
  expect(unitFromFileName('/data/青山镇司法所人民调解台账.xlsx')).toBe('青山镇司法所');
  expect(unitFromFileName('C:\\台账\\11月台账.xlsx')).toBe('11月台账');
  expect(unitFromFileName('/data/ledger-2026.xlsx')).toBeNull();
});
