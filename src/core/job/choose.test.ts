import { isOwnSheet, isOwnSheetCandidate, ownSheetName, sheetsByName } from './choose';

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
