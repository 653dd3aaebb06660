import { DEFAULT_PRESET } from './default-preset';
import { validatePreset } from './validate';
import { PresetError } from '../errors';
import { describeProblem } from './problems';

// A preset file as JSON.parse gives it: any shape at all, which is what validatePreset is for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

/** A deep copy of the default preset, changed by `edit`, as a county would save it. */
function broken(edit: (p: AnyJson) => void): unknown {
  const p = JSON.parse(JSON.stringify(DEFAULT_PRESET)) as AnyJson;
  edit(p);
  return p;
}

/** The position of a rule of the default preset. */
const at = (id: string): number => DEFAULT_PRESET.rules.findIndex((r) => r.id === id);

/** The paths of every problem validatePreset reports, or [] when it accepts the preset. */
function problemPaths(input: unknown): string[] {
  try {
    validatePreset(input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(PresetError);
    return (e as PresetError).problems.map((p) => p.path);
  }
}

describe('validatePreset', () => {
  it('accepts the default preset and returns it', () => {
    expect(validatePreset(DEFAULT_PRESET)).toBe(DEFAULT_PRESET);
  });

  it('accepts the default preset read back from JSON', () => {
    expect(validatePreset(JSON.parse(JSON.stringify(DEFAULT_PRESET)))).toEqual(DEFAULT_PRESET);
  });

  // Rules are found by id, so the table does not depend on the preset's order.
  const CROSS = at('red.crossRegion');
  const HEAD = at('yellow.headcount');
  const SENSITIVE = at('yellow.sensitiveType');
  const OVERDUE = at('yellow.overdue');
  const FAMILY = at('yellow.familyViolence');
  const VIOLENCE = at('red.violence');
  it.each<[string, unknown, string[]]>([
    ['rejects a value that is not an object', 'red', ['(root)']],
    ['rejects a list', [], ['(root)']],
    ['rejects null', null, ['(root)']],
    ['rejects an unknown version', broken((p) => (p.version = 3)), ['version']],
    ['rejects an empty name', broken((p) => (p.name = '')), ['name']],
    ['rejects an unknown text field', broken((p) => (p.textFields = ['description', 'summary'])), ['textFields[1]']],
    ['rejects no text fields', broken((p) => (p.textFields = [])), ['textFields']],
    ['rejects an empty negation', broken((p) => (p.negations = ['无', ''])), ['negations']],
    ['rejects missing not-negations', broken((p) => delete p.notNegations), ['notNegations']],
    ['rejects retractions that are not a list of texts', broken((p) => (p.retractions = '传言不实')), ['retractions']],
    ['rejects report words that are not a list of texts', broken((p) => (p.reports = '网传')), ['reports']],
    ['rejects exclusions that are not a list', broken((p) => (p.exclusions = '砍价')), ['exclusions']],
    ['rejects classes that are not an object', broken((p) => (p.classes = [])), ['classes']],
    ['rejects a class without words', broken((p) => (p.classes.weapon.words = [])), ['classes.weapon.words']],
    ['rejects a class with an empty word', broken((p) => p.classes.weapon.words.push('')), ['classes.weapon.words']],
    ['rejects a class without a label', broken((p) => delete p.classes.weapon.label), ['classes.weapon.label']],
    ['rejects a class exclusion that is not a list', broken((p) => (p.classes.weapon.exclude = '刀口')), ['classes.weapon.exclude']],
    ['rejects no rules', broken((p) => (p.rules = [])), ['rules']],
    ['rejects a rule that is not an object', broken((p) => (p.rules[3] = 'red')), ['rules[3]']],
    ['rejects a rule without an id', broken((p) => delete p.rules[4].id), ['rules[4].id']],
    ['rejects a duplicate id', broken((p) => (p.rules[1].id = 'red.violence')), ['rules[1].id']],
    ['rejects an unknown level', broken((p) => (p.rules[0].level = 'orange')), ['rules[0].level']],
    ['rejects a label without English', broken((p) => (p.rules[0].label = { zh: '人身安全威胁' })), ['rules[0].label']],
    ['rejects a word class that is not defined', broken((p) => (p.rules[CROSS].when = { words: 'borders' })), [`rules[${CROSS}].when.words`]],
    ['rejects a list where a class name belongs', broken((p) => (p.rules[CROSS].when = { words: ['跨县'] })), [`rules[${CROSS}].when.words`]],
    ['rejects an unknown class in together', broken((p) => (p.rules[VIOLENCE].when.any[0].together[1] = 'harm')), [`rules[${VIOLENCE}].when.any[0].together[1]`]],
    ['rejects an empty together', broken((p) => (p.rules[VIOLENCE].when.any[0].together = [])), [`rules[${VIOLENCE}].when.any[0].together`]],
    ['rejects an unknown class in unless', broken((p) => (p.rules[VIOLENCE].when.any[0].unless = ['trees'])), [`rules[${VIOLENCE}].when.any[0].unless[0]`]],
    ['rejects a window of 0 clauses', broken((p) => (p.rules[VIOLENCE].when.any[0].clauses = 0)), [`rules[${VIOLENCE}].when.any[0].clauses`]],
    ['rejects ordered given as text', broken((p) => (p.rules[VIOLENCE].when.any[0].ordered = 'yes')), [`rules[${VIOLENCE}].when.any[0].ordered`]],
    ['rejects quote given as text', broken((p) => (p.rules[FAMILY].when.all[0].quote = 'no')), [`rules[${FAMILY}].when.all[0].quote`]],
    ['rejects an invalid pattern', broken((p) => (p.rules[CROSS].when = { pattern: '(扬言' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects an empty pattern', broken((p) => (p.rules[CROSS].when = { pattern: '' })), [`rules[${CROSS}].when.pattern`]],
    // A repeat of a repeat backtracks exponentially in JavaScript's engine on a long line that almost
    // matches; such a pattern runs on the linear engine (pattern-engine.ts) and is taken.
    ['accepts (\\d+)+元, which runs in linear time', broken((p) => (p.rules[CROSS].when = { pattern: '(\\d+)+元' })), []],
    ['accepts (?:甲|甲)*乙 and (砍|砍伤)+, which run in linear time', broken((p) => (p.rules[CROSS].when = { pattern: '(?:甲|甲)*乙|(砍|砍伤)+' })), []],
    ['accepts (?:\\s?\\d+){2,} and a named group', broken((p) => (p.rules[CROSS].when = { pattern: '(?:\\s?\\d+){2,}|(?<n>\\d+)+' })), []],
    // What the linear engine does not read (a lookaround, a back-reference) runs in JavaScript's, and is checked.
    ['rejects a repeated repeat beside a lookahead', broken((p) => (p.rules[CROSS].when = { pattern: '(?=\\d)(\\d+)+元' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects (?:甲|甲)* beside a back-reference', broken((p) => (p.rules[CROSS].when = { pattern: '(乙)(?:甲|甲)*\\1' })), [`rules[${CROSS}].when.pattern`]],
    ['accepts a lookbehind that backtracks in no bad way', broken((p) => (p.rules[CROSS].when = { pattern: '(?<!未)持刀' })), []],
    ['accepts a repeated group of fixed length and repeats outside groups', broken((p) => (p.rules[CROSS].when = { pattern: '(砍|杀)+\\d+元(\\d{3})+[(]+' })), []],
    ['accepts a choice that is not repeated, or repeated once at most', broken((p) => (p.rules[CROSS].when = { pattern: '(砍|砍伤)(杀|杀死)?(打|打伤){1}' })), []],
    ['accepts a fixed count of a fixed group', broken((p) => (p.rules[CROSS].when = { pattern: '\\d{1,3}(?:,\\d{3}){2}元' })), []],
    // A pattern that matches where no character is fires on every line, quoting nothing.
    ['rejects a pattern that matches the end of any text', broken((p) => (p.rules[CROSS].when = { pattern: '$' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects an empty group', broken((p) => (p.rules[CROSS].when = { pattern: '(?:)' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects a pattern whose every character is optional', broken((p) => (p.rules[CROSS].when = { pattern: '跨?县?' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects a repeated empty option (a|)*', broken((p) => (p.rules[CROSS].when = { pattern: '(?:砍|)*' })), [`rules[${CROSS}].when.pattern`]],
    ['rejects an empty keyword list', broken((p) => (p.rules[CROSS].when = { keywords: [] })), [`rules[${CROSS}].when.keywords`]],
    ['rejects a condition of two kinds', broken((p) => (p.rules[CROSS].when.number = 'headcount')), [`rules[${CROSS}].when`]],
    ['rejects a condition of no known kind', broken((p) => (p.rules[CROSS].when = { phrases: ['跨县'] })), [`rules[${CROSS}].when`]],
    ['rejects an unknown field in a condition', broken((p) => (p.rules[SENSITIVE].when.fields = ['type', 'nowhere'])), [`rules[${SENSITIVE}].when.fields[1]`]],
    ['rejects an unknown number', broken((p) => (p.rules[HEAD].when.number = 'age')), [`rules[${HEAD}].when.number`]],
    ['rejects a number without bounds', broken((p) => (p.rules[HEAD].when = { number: 'headcount' })), [`rules[${HEAD}].when`]],
    ['rejects a bound that is text', broken((p) => (p.rules[HEAD].when.min = '3')), [`rules[${HEAD}].when.min`]],
    ['rejects min above max', broken((p) => (p.rules[HEAD].when = { number: 'headcount', min: 30, max: 3 })), [`rules[${HEAD}].when`]],
    ['rejects negative open days', broken((p) => (p.rules[OVERDUE].when.openForMoreThanDays = -1)), [`rules[${OVERDUE}].when.openForMoreThanDays`]],
    ['rejects fractional open days', broken((p) => (p.rules[OVERDUE].when.openForMoreThanDays = 30.5)), [`rules[${OVERDUE}].when.openForMoreThanDays`]],
    ['rejects an empty all', broken((p) => (p.rules[FAMILY].when.all = [])), [`rules[${FAMILY}].when.all`]],
    ['rejects a bad condition inside all', broken((p) => (p.rules[FAMILY].when.all[1] = { keywords: '家暴' })), [`rules[${FAMILY}].when.all[1].keywords`]],
    ['rejects a cadence of 0 days', broken((p) => (p.cadenceDays.red = 0)), ['cadenceDays.red']],
    ['rejects a fractional cadence', broken((p) => (p.cadenceDays.yellow = 1.5)), ['cadenceDays.yellow']],
    ['rejects a cadence given as text', broken((p) => (p.cadenceDays.green = '30')), ['cadenceDays.green']],
    ['rejects a cadence over a year', broken((p) => (p.cadenceDays.green = 367)), ['cadenceDays.green']],
    ['rejects missing cadences', broken((p) => delete p.cadenceDays), ['cadenceDays']],
    ['rejects missing handling of resolved disputes', broken((p) => delete p.handling.resolved), ['handling.resolved']],
  ])('%s', (_name, input, expected) => {
    expect(problemPaths(input)).toEqual(expected);
  });

  it('lists every problem at once, each with its path, in the error message', () => {
    const input = broken((p) => {
      p.version = 3;
      p.rules[2].when = { pattern: '(扬言' };
      p.cadenceDays.red = 0;
    });
    expect(problemPaths(input)).toEqual(['version', 'rules[2].when.pattern', 'cadenceDays.red']);
    expect(() => validatePreset(input)).toThrow(/^The rule preset is invalid: version: must be 2 .*; rules\[2\]\.when\.pattern: is not a valid regular expression.*; cadenceDays\.red: /);
  });

  it.each<[string, string]>([
    ['(扬言', '圆括号 ( ) 没有配对'],
    ['扬言)', '圆括号 ( ) 没有配对'],
    ['(?x)扬言', '圆括号 ( ) 没有配对'],
    ['[砍杀', '方括号 [ ] 没有闭合'],
    ['[9-0]元', '范围前后颠倒'],
    ['*砍', '重复符号（* + ? {n,m}）前面没有可重复的内容'],
    ['砍{3,1}', '数字前后颠倒'],
    ['砍{', '花括号没有写完'],
    ['\\q', '反斜杠'],
    ['砍\\', '反斜杠'],
    ['\\p{汉字}', '反斜杠'],
    ['[\\p{汉字}]', '反斜杠'],
    ['(?<名>砍)(?<名>杀)', '命名分组'],
  ])('tells what is wrong with the pattern %s in Chinese, without the engine\'s English', (pattern, said) => {
    let message = '';
    try {
      validatePreset(broken((p) => (p.rules[0].when = { pattern })));
    } catch (e) {
      // The problem's words, without its JSON path (rules[0].when.pattern).
      message = (e as PresetError).problems.map((p) => describeProblem(p, 'zh').slice(p.path.length)).join('');
    }
    expect(message).toContain('不是有效的正则表达式');
    expect(message).toContain(said);
    expect(message).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('tells the same fault in English with --lang en', () => {
    const problems = (() => {
      try {
        validatePreset(broken((p) => (p.rules[0].when = { pattern: '(扬言' })));
      } catch (e) {
        return (e as PresetError).problems;
      }
      return [];
    })();
    expect(problems.map((p) => describeProblem(p, 'en'))).toEqual([expect.stringContaining('its parentheses ( ) do not pair up')]);
  });

  it.each([
    ['32 levels (accepted)', 32, []],
    ['33 levels', 33, ['rules[0].when' + '.all[0]'.repeat(32)]],
    ['5,000 levels (the stack overflowed)', 5_000, ['rules[0].when' + '.all[0]'.repeat(32)]],
  ])('takes conditions nested %s', (_, depth, expected) => {
    let when: AnyJson = { keywords: ['砍'] };
    for (let i = 1; i < depth; i++) when = { all: [when] };
    expect(problemPaths(broken((p) => (p.rules[0].when = when)))).toEqual(expected);
  });

  it('accepts a county preset with its own rule and cadences', () => {
    const input = broken((p) => {
      p.rules.push({ id: 'red.school', level: 'red', label: { zh: '涉校纠纷', en: 'Involves a school' }, when: { keywords: ['学校'], fields: ['place'] } });
      p.cadenceDays = { red: 1, yellow: 3, green: 15 };
    });
    expect(problemPaths(input)).toEqual([]);
  });

  it('accepts a county preset with a dialect word added to a class and an exclusion of its own', () => {
    const input = broken((p) => {
      p.classes.weapon.words.push('洋镐把');
      p.exclusions.push('刀削面馆');
    });
    expect(problemPaths(input)).toEqual([]);
  });
});

describe('a version-1 preset (keyword lists)', () => {
  /** A county's file written for the old language: keywords and patterns, no classes. */
  const version1 = {
    version: 1,
    name: '我县旧预设',
    textFields: ['description'],
    negations: ['无', '未'],
    rules: [
      { id: 'red.knife', level: 'red', label: { zh: '持刀', en: 'Knife' }, when: { keywords: ['持刀', '砍人'] } },
      { id: 'yellow.threat', level: 'yellow', label: { zh: '威胁', en: 'Threat' }, when: { pattern: '扬言[^，]{0,5}报复' } },
    ],
    cadenceDays: { red: 1, yellow: 7, green: 30 },
    handling: DEFAULT_PRESET.handling,
  };

  it('keeps loading, converted to version 2 with no classes or exclusions of its own', () => {
    const preset = validatePreset(JSON.parse(JSON.stringify(version1)));
    expect(preset.version).toBe(2);
    expect(preset.classes).toEqual({});
    expect(preset.exclusions).toEqual([]);
    expect(preset.notNegations).toEqual(DEFAULT_PRESET.notNegations);
    expect(preset.rules).toEqual(version1.rules);
  });

  it('takes a version-2 file written before retractions existed, with none', () => {
    const { retractions, ...earlier } = JSON.parse(JSON.stringify(DEFAULT_PRESET)) as typeof DEFAULT_PRESET;
    expect(retractions?.length).toBeGreaterThan(0);
    expect(validatePreset(earlier).retractions).toBeUndefined();
  });

  it('reports a version-1 file that is broken by the same paths as before', () => {
    const input = { ...version1, rules: [{ ...version1.rules[0], when: { keywords: [] } }] };
    expect(problemPaths(input)).toEqual(['rules[0].when.keywords']);
  });
});
