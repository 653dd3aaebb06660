import { DEFAULT_PRESET } from './default-preset';
import { PresetError, validatePreset } from './validate';

// A preset file as JSON.parse gives it: any shape at all, which is what validatePreset is for.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

/** A deep copy of the default preset, changed by `edit`, as a county would save it. */
function broken(edit: (p: AnyJson) => void): unknown {
  const p = JSON.parse(JSON.stringify(DEFAULT_PRESET)) as AnyJson;
  edit(p);
  return p;
}

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

  // The default preset's rules: [0] red.violence (any: pattern, keywords, keywords), [1] red.group,
  // [2] red.crossRegion (keywords), [6] yellow.familyViolence (all), [7] yellow.headcount (number),
  // [9] yellow.sensitiveType (keywords with fields), [12] yellow.overdue.
  it.each<[string, unknown, string[]]>([
    ['rejects a value that is not an object', 'red', ['(root)']],
    ['rejects a list', [], ['(root)']],
    ['rejects null', null, ['(root)']],
    ['rejects another version', broken((p) => (p.version = 2)), ['version']],
    ['rejects an empty name', broken((p) => (p.name = '')), ['name']],
    ['rejects an unknown text field', broken((p) => (p.textFields = ['description', 'summary'])), ['textFields[1]']],
    ['rejects no text fields', broken((p) => (p.textFields = [])), ['textFields']],
    ['rejects an empty negation', broken((p) => (p.negations = ['无', ''])), ['negations']],
    ['rejects no rules', broken((p) => (p.rules = [])), ['rules']],
    ['rejects a rule that is not an object', broken((p) => (p.rules[3] = 'red')), ['rules[3]']],
    ['rejects a rule without an id', broken((p) => delete p.rules[4].id), ['rules[4].id']],
    ['rejects a duplicate id', broken((p) => (p.rules[1].id = 'red.violence')), ['rules[1].id']],
    ['rejects an unknown level', broken((p) => (p.rules[0].level = 'orange')), ['rules[0].level']],
    ['rejects a label without English', broken((p) => (p.rules[0].label = { zh: '人身安全威胁' })), ['rules[0].label']],
    ['rejects an invalid pattern', broken((p) => (p.rules[2].when = { pattern: '(扬言' })), ['rules[2].when.pattern']],
    ['rejects an invalid pattern inside any', broken((p) => (p.rules[0].when.any[0].pattern = '[杀')), ['rules[0].when.any[0].pattern']],
    ['rejects an empty pattern', broken((p) => (p.rules[2].when = { pattern: '' })), ['rules[2].when.pattern']],
    ['rejects an empty keyword list', broken((p) => (p.rules[2].when.keywords = [])), ['rules[2].when.keywords']],
    ['rejects a condition of two kinds', broken((p) => (p.rules[2].when.number = 'headcount')), ['rules[2].when']],
    ['rejects a condition of no known kind', broken((p) => (p.rules[2].when = { words: ['跨县'] })), ['rules[2].when']],
    ['rejects an unknown field in a condition', broken((p) => (p.rules[9].when.fields = ['type', 'nowhere'])), ['rules[9].when.fields[1]']],
    ['rejects an unknown number', broken((p) => (p.rules[7].when.number = 'age')), ['rules[7].when.number']],
    ['rejects a number without bounds', broken((p) => (p.rules[7].when = { number: 'headcount' })), ['rules[7].when']],
    ['rejects a bound that is text', broken((p) => (p.rules[7].when.min = '3')), ['rules[7].when.min']],
    ['rejects min above max', broken((p) => (p.rules[7].when = { number: 'headcount', min: 30, max: 3 })), ['rules[7].when']],
    ['rejects negative open days', broken((p) => (p.rules[12].when.openForMoreThanDays = -1)), ['rules[12].when.openForMoreThanDays']],
    ['rejects fractional open days', broken((p) => (p.rules[12].when.openForMoreThanDays = 30.5)), ['rules[12].when.openForMoreThanDays']],
    ['rejects an empty all', broken((p) => (p.rules[6].when.all = [])), ['rules[6].when.all']],
    ['rejects a bad condition inside all', broken((p) => (p.rules[6].when.all[1] = { keywords: '家暴' })), ['rules[6].when.all[1].keywords']],
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
      p.version = 2;
      p.rules[2].when = { pattern: '(扬言' };
      p.cadenceDays.red = 0;
    });
    expect(problemPaths(input)).toEqual(['version', 'rules[2].when.pattern', 'cadenceDays.red']);
    expect(() => validatePreset(input)).toThrow(/^version: must be 1; rules\[2\]\.when\.pattern: is not a valid regular expression .*; cadenceDays\.red: /);
  });

  it('accepts a county preset with its own rule and cadences', () => {
    const input = broken((p) => {
      p.rules.push({ id: 'red.school', level: 'red', label: { zh: '涉校纠纷', en: 'Involves a school' }, when: { keywords: ['学校'], fields: ['place'] } });
      p.cadenceDays = { red: 1, yellow: 3, green: 15 };
    });
    expect(problemPaths(input)).toEqual([]);
  });
});
