import { DEFAULT_PRESET, validatePreset, type Condition, type TriagePreset } from '../../core';
import {
  applyEdits,
  cadenceValues,
  checkPreset,
  classValues,
  classesOfRule,
  editableValues,
  keywordsToText,
  placeOfProblem,
  presetFileName,
  problemTextAt,
  sharedListValues,
  textToKeywords,
} from './preset-edit';

const preset = (): TriagePreset => JSON.parse(JSON.stringify(DEFAULT_PRESET)) as TriagePreset;
const index = (id: string) => DEFAULT_PRESET.rules.findIndex((r) => r.id === id);
/** The default with one rule's condition replaced (keyword lists are how version-1 files write rules). */
const withRule = (id: string, when: Condition): TriagePreset => {
  const p = preset();
  p.rules[index(id)].when = when;
  return p;
};

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
    const p = withRule('red.group', { any: [{ number: 'headcount', min: 30 }, { all: [{ words: 'group' }, { keywords: ['堵路', '拉横幅'] }] }] });
    expect(editableValues(p, i).map((v) => [v.path, v.text])).toEqual([
      [`rules[${i}].when.any[0].min`, '30'],
      [`rules[${i}].when.any[0].max`, ''],
      [`rules[${i}].when.any[1].all[1].keywords`, '堵路、拉横幅'],
    ]);
  });

  it('offers days of openForMoreThanDays and nothing for a pattern', () => {
    expect(editableValues(DEFAULT_PRESET, index('yellow.overdue'))).toEqual([
      { path: `rules[${index('yellow.overdue')}].when.openForMoreThanDays`, kind: 'days', text: '30' },
    ]);
    expect(editableValues(withRule('yellow.petition', { pattern: '上访' }), index('yellow.petition'))).toEqual([]);
    // Word classes are edited as classes, not in the rule.
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
    const input = withRule('red.crossRegion', { keywords: ['跨区域'] });
    const pristine = JSON.parse(JSON.stringify(input));
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
    expect(input).toEqual(pristine);
    expect(() => validatePreset(out)).not.toThrow();
  });

  it('keeps text that is not a number, so validatePreset names its path', () => {
    const i = index('yellow.amount');
    const checked = checkPreset(applyEdits(preset(), { [`rules[${i}].when.min`]: '3万' }));
    expect(checked).toEqual({ ok: false, problems: [{ path: `rules[${i}].when.min`, code: 'number' }] });
  });

  it('reports an emptied cadence at cadenceDays.<level>', () => {
    const checked = checkPreset(applyEdits(preset(), { 'cadenceDays.green': '' }));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.map((p) => p.path)).toEqual(['cadenceDays.green']);
  });
});

describe('word classes and the lists for every class', () => {
  it('gives a class’s words and exclusions by path, an absent exclusion list as empty', () => {
    const p = preset();
    p.classes.weapon = { label: p.classes.weapon.label, words: ['菜刀', '洋镐把'] };
    expect(classValues(p, 'weapon')).toEqual({
      words: { path: 'classes.weapon.words', kind: 'classWords', text: '菜刀、洋镐把' },
      exclude: { path: 'classes.weapon.exclude', kind: 'classExclude', text: '' },
    });
    const lists = sharedListValues(DEFAULT_PRESET);
    expect([lists.exclusions.path, lists.negations.path]).toEqual(['exclusions', 'negations']);
    expect(textToKeywords(lists.negations.text)).toEqual(DEFAULT_PRESET.negations);
  });

  /** The default with a weapons class of two words and no exclusions, to edit. */
  const small = (): TriagePreset => {
    const p = preset();
    p.classes.weapon = { label: p.classes.weapon.label, words: ['菜刀', '砍刀'] };
    return p;
  };

  it.each<[string, Record<string, string>, (p: TriagePreset) => unknown, unknown]>([
    ['adds a word to a class', { 'classes.weapon.words': '菜刀、砍刀、洋镐把' }, (p) => p.classes.weapon.words, ['菜刀', '砍刀', '洋镐把']],
    ['gives a class exclusions it had none of', { 'classes.weapon.exclude': '刀削面；菜刀质量' }, (p) => p.classes.weapon.exclude, ['刀削面', '菜刀质量']],
    ['leaves out an emptied exclusion list', { 'classes.weapon.exclude': ' 、 ' }, (p) => 'exclude' in p.classes.weapon, false],
    ['sets the exclusions for every class', { exclusions: '砍价\n刀削面馆' }, (p) => p.exclusions, ['砍价', '刀削面馆']],
    ['sets the negations', { negations: '未，没有' }, (p) => p.negations, ['未', '没有']],
    ['sets the retractions', { retractions: '传言不实、系谣言' }, (p) => p.retractions, ['传言不实', '系谣言']],
    ['sets the report words', { reports: '网传、反映' }, (p) => p.reports, ['网传', '反映']],
  ])('%s', (_, edits, pick, expected) => {
    const checked = checkPreset(applyEdits(small(), edits));
    expect(checked.ok && pick(checked.preset)).toEqual(expected);
  });

  it('keeps a class name with a dot whole', () => {
    const p = preset();
    p.classes['county.dialect'] = { label: { zh: '方言', en: 'Dialect' }, words: ['整'] };
    const out = applyEdits(p, { 'classes.county.dialect.words': '整、弄' }) as TriagePreset;
    expect(out.classes['county.dialect'].words).toEqual(['整', '弄']);
    expect(placeOfProblem('classes.county.dialect.words')).toEqual({ kind: 'class', name: 'county.dialect' });
  });

  it('reports an emptied class at classes.<name>.words, in the user’s language', () => {
    const checked = checkPreset(applyEdits(preset(), { 'classes.weapon.words': '、' }));
    expect(!checked.ok && checked.problems).toEqual([{ path: 'classes.weapon.words', code: 'nonEmptyTexts' }]);
    const problems = !checked.ok ? checked.problems : [];
    expect(problemTextAt(problems, 'classes.weapon.words', 'zh')).toBe('应为非空文字组成的非空列表');
    expect(problemTextAt(problems, 'classes.weapon.words', 'en')).toBe('must be a non-empty list of non-empty strings');
    expect(problemTextAt(problems, 'classes.weapon.exclude', 'zh')).toBeUndefined();
  });

  it.each([
    ['rules[3].when.any[0].min', { kind: 'rule', index: 3 }],
    ['rules[12]', { kind: 'rule', index: 12 }],
    ['classes.weapon.words', { kind: 'class', name: 'weapon' }],
    ['classes.weapon.exclude', { kind: 'class', name: 'weapon' }],
    ['classes.weapon.label', { kind: 'class', name: 'weapon' }],
    ['exclusions', { kind: 'other' }],
    ['cadenceDays.red', { kind: 'other' }],
  ])('places a problem at %s in %p', (path, place) => {
    expect(placeOfProblem(path)).toEqual(place);
  });

  it.each<[string, Condition, string[], string[]]>([
    ['one class', { words: 'group' }, ['group'], []],
    [
      'classes together, each once, in order, and those that stop the rule',
      { any: [{ together: ['threatVerb', 'harmAct'], unless: ['plants'] }, { together: ['weaponUse', 'weapon'], unless: ['trade', 'plants'] }, { words: 'harmAct' }] },
      ['threatVerb', 'harmAct', 'weaponUse', 'weapon'],
      ['plants', 'trade'],
    ],
    ['classes under all', { all: [{ words: 'family', quote: false }, { number: 'headcount', min: 3 }, { words: 'familyConflict' }] }, ['family', 'familyConflict'], []],
    ['no class', { any: [{ number: 'headcount', min: 3 }, { keywords: ['上访'] }, { pattern: '^是$' }] }, [], []],
  ])('lists the classes a rule reads: %s', (_, when, uses, unless) => {
    expect(classesOfRule({ ...DEFAULT_PRESET.rules[0], when })).toEqual({ uses, unless });
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
