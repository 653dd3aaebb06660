import { DEFAULT_PRESET, validatePreset, type TriagePreset } from '../core';
import { applyEdits, cadenceValues, checkPreset, editableValues, keywordsToText, textToKeywords } from './rules/preset-edit';
import { presetFileName } from './rules/usePresetEditor';
import { hostErrorText } from './shared/errors';
import { firstOfMonth } from './shared/dates';

const preset = (): TriagePreset => JSON.parse(JSON.stringify(DEFAULT_PRESET)) as TriagePreset;
const index = (id: string) => DEFAULT_PRESET.rules.findIndex((r) => r.id === id);

describe('textToKeywords', () => {
  it.each([
    ['土地,山林', ['土地', '山林']],
    ['土地，山林、宅基地', ['土地', '山林', '宅基地']],
    [' 土地 ; 山林；\n拆迁 ', ['土地', '山林', '拆迁']],
    ['、、土地,,', ['土地']],
    ['', []],
  ])('splits %p into %p', (text, expected) => {
    expect(textToKeywords(text)).toEqual(expected);
  });

  it('joins with 、 so the text splits back to the same list', () => {
    const list = ['扬言', '持刀', '同归于尽'];
    expect(textToKeywords(keywordsToText(list))).toEqual(list);
  });
});

describe('editableValues', () => {
  it('lists min and max of a number condition, even an absent bound', () => {
    expect(editableValues(DEFAULT_PRESET, index('yellow.amount'))).toEqual([
      { path: `rules[${index('yellow.amount')}].when.min`, kind: 'min', number: 'amount', text: '30000' },
      { path: `rules[${index('yellow.amount')}].when.max`, kind: 'max', number: 'amount', text: '' },
    ]);
  });

  it('walks any/all and names paths as validatePreset does', () => {
    const i = index('red.group');
    expect(editableValues(DEFAULT_PRESET, i).map((v) => v.path)).toEqual([
      `rules[${i}].when.any[0].min`,
      `rules[${i}].when.any[0].max`,
      `rules[${i}].when.any[1].keywords`,
    ]);
  });

  it('offers days of openForMoreThanDays and nothing for a pattern', () => {
    expect(editableValues(DEFAULT_PRESET, index('yellow.overdue'))).toEqual([
      { path: `rules[${index('yellow.overdue')}].when.openForMoreThanDays`, kind: 'days', text: '30' },
    ]);
    expect(editableValues(DEFAULT_PRESET, index('yellow.petition'))).toEqual([]);
  });

  it('gives the cadence of each level', () => {
    expect(cadenceValues(DEFAULT_PRESET).map((v) => [v.path, v.text])).toEqual([
      ['cadenceDays.red', '1'],
      ['cadenceDays.yellow', '7'],
      ['cadenceDays.green', '30'],
    ]);
  });
});

describe('applyEdits', () => {
  it('sets numbers, keyword lists and cadence, and leaves the input unchanged', () => {
    const input = preset();
    const i = index('yellow.headcount');
    const out = applyEdits(input, {
      [`rules[${i}].when.min`]: '5',
      [`rules[${i}].when.max`]: '',
      [`rules[${index('red.crossRegion')}].when.keywords`]: '跨省，跨市',
      'cadenceDays.yellow': '３',
    }) as TriagePreset;
    expect(out.rules[i].when).toEqual({ number: 'headcount', min: 5 });
    expect(out.rules[index('red.crossRegion')].when).toEqual({ keywords: ['跨省', '跨市'] });
    expect(out.cadenceDays.yellow).toBe(3);
    expect(input).toEqual(DEFAULT_PRESET);
    expect(() => validatePreset(out)).not.toThrow();
  });

  it('keeps text that is not a number, so validatePreset names its path', () => {
    const i = index('yellow.amount');
    const checked = checkPreset(applyEdits(preset(), { [`rules[${i}].when.min`]: '3万' }));
    expect(checked).toEqual({ ok: false, problems: [{ path: `rules[${i}].when.min`, message: 'must be a number' }] });
  });

  it('reports an emptied cadence at cadenceDays.<level>', () => {
    const checked = checkPreset(applyEdits(preset(), { 'cadenceDays.green': '' }));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.map((p) => p.path)).toEqual(['cadenceDays.green']);
  });
});

describe('presetFileName', () => {
  it.each([
    ['333 default', '333 default.json'],
    ['某县/2026:版', '某县 2026 版.json'],
    ['  ', 'tricolor-rules.json'],
  ])('names %p as %p', (name, file) => {
    expect(presetFileName({ ...preset(), name })).toBe(file);
  });
});

describe('hostErrorText', () => {
  it.each<[unknown, string]>([
    [new Error('Excel 正忙'), 'Excel 正忙'],
    ['工作簿是只读的', '工作簿是只读的'],
    [{ message: 'RichApi.Error: 无法完成' }, 'RichApi.Error: 无法完成'],
    [new Error('出错了\n    at Object.run (office.js:1:2)'), '出错了'],
    [new Error(''), '（通用）'],
    [undefined, '（通用）'],
    [{ code: 42 }, '（通用）'],
  ])('shows %p as %p', (error, text) => {
    expect(hostErrorText(error, '（通用）')).toBe(text);
  });
});

describe('firstOfMonth', () => {
  it.each([
    ['2026-05-21', '2026-05-01'],
    ['2026-12-01', '2026-12-01'],
    ['2024-02-29', '2024-02-01'],
  ])('gives %p → %p', (day, first) => {
    expect(firstOfMonth(day)).toBe(first);
  });
});
