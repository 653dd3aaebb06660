import { dayFromYmd } from '../cells';
import type { SheetGrid } from '../model';
import type { Period } from '../summary';
import { chooseLedgerSheet, isOwnSheet, isOwnSheetCandidate, monthOfName, ownSheetName, sheetsByName } from './choose';

describe('isOwnSheet: a sheet of the add-in’s name is its own only when A1 is the title it writes, whole', () => {
  test.each<[string, string | number | null, boolean]>([
    ['回访清单', '回访清单（截至2026年11月30日）', true],
    ['回访清单', 'Revisits due (as of 2026-11-30)', true],
    ['回访清单', '回访清单（截至11月底）', false],
    ['回访清单', '我的回访记录', false],
    ['回访清单', '回访清单（截至2026年11月30日）补充', false],
    ['联席会议汇总', '青山镇派出所矛盾纠纷联席会议汇总表', true],
    ['联席会议汇总', '矛盾纠纷联席会议汇总表', true],
    ['联席会议汇总', '青山镇派出所Joint meeting dispute summary', true],
    // The title earlier versions wrote.
    ['联席会议汇总', '联席会议矛盾纠纷汇总（2026年11月）', true],
    ['联席会议汇总', '青山镇矛盾纠纷联席会议汇总表（2026年10月）', false],
    ['联席会议汇总', '联席会议纪要', false],
    ['_tricolor', 'tricolor-meeting-snapshots', true],
    ['_tricolor', '我的笔记 tricolor-meeting-snapshots', false],
    ['回访清单', 42, false],
    ['回访清单', null, false],
    ['台账', '回访清单（截至2026年11月30日）', false],
  ])('%s with A1 %j → %s', (name, a1, own) => {
    expect(isOwnSheet(name, a1)).toBe(own);
  });
});

describe('ownSheetName: where the add-in\'s sheet is or goes, for reading and writing alike', () => {
  // Each workbook as its sheets' names, with whether each is the add-in's.
  test.each<[string, Record<string, boolean>, string]>([
    ['no sheet of the name', {}, '_tricolor'],
    ['the add-in\'s own', { _tricolor: true }, '_tricolor'],
    ['a user\'s under the name', { _tricolor: false }, '_tricolor（三色台账）'],
    ['a user\'s in other letter case', { _TRICOLOR: false }, '_tricolor（三色台账）'],
    ['a user\'s, and the add-in\'s beside it', { _tricolor: false, '_tricolor（三色台账）': true }, '_tricolor（三色台账）'],
    ['the add-in\'s beside a sheet that now looks like its own too', { _tricolor: true, '_tricolor（三色台账）': true }, '_tricolor（三色台账）'],
    ['a user\'s under the name and the first alternative', { _tricolor: false, '_tricolor（三色台账）': false }, '_tricolor（三色台账2）'],
    ['a user\'s under the first alternative only', { '_tricolor（三色台账）': false }, '_tricolor'],
  ])('%s', (_, sheets, expected) => {
    const owner = (candidate: string) => Object.entries(sheets).find(([name]) => name.toLowerCase() === candidate.toLowerCase())?.[1];
    expect(ownSheetName('_tricolor', owner)).toBe(expected);
  });

  test.each<[string, boolean]>([
    ['_tricolor', true],
    ['_TRICOLOR', true],
    ['_tricolor（三色台账）', true],
    ['_tricolor（三色台账12）', true],
    ['_tricolor（三色台账x）', false],
    ['_tricolor2', false],
    ['my_tricolor', false],
  ])('%s is a name the state sheet may go by: %s', (name, expected) => {
    expect(isOwnSheetCandidate('_tricolor', name)).toBe(expected);
  });
});

describe('sheetsByName', () => {
  it('finds a sheet as Excel compares names, and the first of two Excel would call one', () => {
    const named = sheetsByName([{ name: '_TRICOLOR', n: 1 }, { name: '台账', n: 2 }, { name: '_tricolor', n: 3 }]).get;
    expect([named('_tricolor')?.n, named('台账')?.n, named('回访清单')]).toEqual([1, 2, undefined]);
  });
});

describe('chooseLedgerSheet: a workbook of a sheet a month', () => {
  const ledger = (name: string): SheetGrid => ({
    name,
    values: [
      ['序号', '登记日期', '当事人', '纠纷类型', '简要情况'],
      [1, 46000, '张三', '邻里纠纷', '口角'],
    ],
    merges: [],
    date1904: false,
  });
  const month = (year: number, m: number): Period => ({ from: dayFromYmd(year, m, 1)!, to: dayFromYmd(year, m, 28)! });

  it.each<[string, string[], Period | undefined, string]>([
    ['the month the meeting ends in', ['1月', '2月', '11月', '12月'], month(2026, 11), '11月'],
    ['the month written in Chinese', ['一月', '十月', '十一月'], month(2026, 11), '十一月'],
    ['the month of the right year', ['2025年11月', '2026年11月'], month(2026, 11), '2026年11月'],
    ['a month written 2026.11', ['2026.10', '2026.11'], month(2026, 11), '2026.11'],
    ['the first, when none is named for the month', ['一组', '二组'], month(2026, 11), '一组'],
    ['the first, with no period given', ['1月', '11月'], undefined, '1月'],
    ['the year\'s ledger before a sheet of one month\'s new disputes', ['2026年矛盾纠纷台账', '11月新增'], month(2026, 11), '2026年矛盾纠纷台账'],
    ['the first for a quarter\'s meeting', ['10月', '11月', '12月'], { from: dayFromYmd(2026, 10, 1)!, to: dayFromYmd(2026, 12, 31)! }, '10月'],
  ])('takes %s', (_what, names, period, chosen) => {
    expect(chooseLedgerSheet(names.map(ledger), period)?.sheet).toBe(chosen);
  });

  it('takes the month\'s sheet before a fuller header of another month', () => {
    const fuller: SheetGrid = { ...ledger('1月'), values: [['序号', '登记日期', '当事人', '纠纷类型', '简要情况', '涉及人数', '化解情况'], [1, 46000, '张三', '邻里纠纷', '口角', 2, '调解中']] };
    expect(chooseLedgerSheet([fuller, ledger('11月')], month(2026, 11))?.sheet).toBe('11月');
  });

  it.each<[string, { year: number | null; month: number } | null]>([
    ['11月', { year: null, month: 11 }],
    ['2026年1月份台账', { year: 2026, month: 1 }],
    ['十二月', { year: null, month: 12 }],
    ['2026-03', { year: 2026, month: 3 }],
    ['13月', null],
    ['2025年1-11月', null],
    ['1月-11月', null],
    ['2025年12月-2026年11月', null],
    ['一至十一月', null],
    ['台账', null],
  ])('reads the month of %s', (name, read) => {
    expect(monthOfName(name)).toEqual(read);
  });
});
