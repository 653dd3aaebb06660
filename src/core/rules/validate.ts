import { LEVELS, type FieldName, type Level } from '../model';
import { compilePattern, type CompiledPattern } from './pattern-engine';
import { backtracksBadly } from './pattern-safety';
import { FIELD_NAMES } from '../ledger/fields';
import { NUMERIC_FIELDS, type TriagePreset } from './types';
import { DEFAULT_PRESET } from './default-preset';
import { PresetError, sizeParams } from '../errors';
import type { PresetProblem, PresetProblemCode } from './problems';

/** Reports one problem at a JSON path. */
type Bad = (path: string, code: PresetProblemCode, params?: Record<string, string | number>) => void;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: Json): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

/**
 * A version-1 preset (keyword lists, no word classes) in today's shape: its keyword and pattern
 * rules run unchanged; it gets no classes or exclusions of its own, and the default list of words
 * that look like negations and are not (无故, 未成年), which version 1 handled by position.
 */
function upgradeVersion1(input: Record<string, Json>): Record<string, Json> {
  return {
    ...input,
    version: 2,
    notNegations: input.notNegations ?? DEFAULT_PRESET.notNegations,
    exclusions: input.exclusions ?? [],
    classes: input.classes ?? {},
  };
}
/**
 * The largest rule preset file read: the default, with all its word classes, is 57 KB. A larger
 * file is no preset (a ledger or a film chosen by mistake) and is refused by its size, unread.
 */
export const MAX_PRESET_BYTES = 4 * 1024 * 1024;

/** A preset file's size and the limit to tell of, when it is too large to be one (and is refused unread); else null. */
export function presetFileTooLarge(bytes: number): { size: number; limit: number } | null {
  return bytes > MAX_PRESET_BYTES ? sizeParams(bytes, MAX_PRESET_BYTES) : null;
}

/**
 * Checks a preset read from JSON and returns it typed, or throws PresetError listing every
 * problem (not just the first), so a county editing the file fixes it in one pass.
 */
export function validatePreset(json: Json): TriagePreset {
  const problems: PresetProblem[] = [];
  const bad: Bad = (path, code, params) => problems.push(params ? { path, code, params } : { path, code });
  if (!isObject(json)) throw new PresetError([{ path: '(root)', code: 'notJsonObject' }]);
  const input = json.version === 1 ? upgradeVersion1(json) : json;
  if (input.version !== 2) bad('version', 'version');

  if (typeof input.name !== 'string' || !input.name) bad('name', 'text');
  checkFields(input.textFields, 'textFields', bad);
  if (!isStringArray(input.negations)) bad('negations', 'texts');
  if (!isStringArray(input.notNegations)) bad('notNegations', 'texts');
  if (input.retractions !== undefined && !isStringArray(input.retractions)) bad('retractions', 'texts');
  if (input.reports !== undefined && !isStringArray(input.reports)) bad('reports', 'texts');
  if (!isStringArray(input.exclusions)) bad('exclusions', 'texts');
  // With no usable classes object, references to classes are not checked: one problem, not forty.
  let classNames: Set<string> | null = new Set<string>();
  if (!isObject(input.classes)) {
    bad('classes', 'classesObject');
    classNames = null;
  } else
    for (const [name, cls] of Object.entries(input.classes)) {
      const at = `classes.${name}`;
      classNames!.add(name);
      if (!isObject(cls)) {
        bad(at, 'object');
        continue;
      }
      checkLocalText(cls.label, `${at}.label`, bad);
      if (!isStringArray(cls.words) || cls.words.length === 0) bad(`${at}.words`, 'nonEmptyTexts');
      if (cls.exclude !== undefined && !isStringArray(cls.exclude)) bad(`${at}.exclude`, 'texts');
      if (cls.context !== undefined && typeof cls.context !== 'boolean') bad(`${at}.context`, 'boolean');
    }

  if (!Array.isArray(input.rules) || input.rules.length === 0) bad('rules', 'nonEmptyList');
  else {
    const seen = new Set<string>();
    input.rules.forEach((rule, i) => {
      const at = `rules[${i}]`;
      if (!isObject(rule)) return bad(at, 'object');
      if (typeof rule.id !== 'string' || !rule.id) bad(`${at}.id`, 'text');
      else if (seen.has(rule.id)) bad(`${at}.id`, 'duplicateId', { id: rule.id });
      else seen.add(rule.id);
      if (!LEVELS.includes(rule.level as Level)) bad(`${at}.level`, 'level');
      checkLocalText(rule.label, `${at}.label`, bad);
      checkCondition(rule.when, `${at}.when`, bad, classNames);
    });
  }

  if (!isObject(input.cadenceDays)) bad('cadenceDays', 'cadenceObject');
  else
    for (const level of LEVELS) {
      const days = input.cadenceDays[level];
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
        bad(`cadenceDays.${level}`, 'cadenceDays');
    }
  if (!isObject(input.handling)) bad('handling', 'handlingObject');
  else for (const key of [...LEVELS, 'resolved']) checkLocalText(input.handling[key], `handling.${key}`, bad);

  if (problems.length) throw new PresetError(problems);
  return input as unknown as TriagePreset;
}

function checkLocalText(v: Json, path: string, bad: Bad) {
  if (!isObject(v) || typeof v.zh !== 'string' || !v.zh || typeof v.en !== 'string' || !v.en)
    bad(path, 'localText');
}

function checkFields(v: Json, path: string, bad: Bad) {
  if (!Array.isArray(v) || v.length === 0) return bad(path, 'fieldNames');
  v.forEach((f, i) => {
    if (!FIELD_NAMES.includes(f as FieldName)) bad(`${path}[${i}]`, 'unknownField', { field: String(f), known: FIELD_NAMES.join(', ') });
  });
}

const CONDITION_KINDS = ['words', 'together', 'keywords', 'pattern', 'number', 'openForMoreThanDays', 'all', 'any'];

/**
 * Whether a pattern can match where no character is (`$`, `(?:)`, `x?`): such a rule fires on every
 * line, with nothing to quote ("红：…：“”"). Tried on an empty text and a few short ones.
 */
function matchesEmptyText(compiled: CompiledPattern): boolean {
  return EMPTY_MATCH_PROBES.some((text) => [...compiled.matches(text)].some((m) => m.text === ''));
}
const EMPTY_MATCH_PROBES = ['', '张三', '1 x。'];

/** What V8 says of a pattern it cannot compile, and the problem that tells it in the user's words. */
const PATTERN_FAULTS: [RegExp, PresetProblemCode][] = [
  [/Unterminated group|Unmatched '\)'|Invalid group/, 'patternGroup'],
  // Before the brackets: [\p{汉字}] is "Invalid property name in character class".
  [/escape|\\ at end of pattern|property name/i, 'patternEscape'],
  [/character class/, 'patternClass'],
  [/Nothing to repeat|quantifier/i, 'patternRepeat'],
  [/capture group name|named capture/i, 'patternName'],
];

/**
 * How deep conditions may nest: far past any real rule (the default preset's deepest is 3), and
 * short of what the recursive checks, compiler and evaluator can take (5,000 levels overflowed
 * the stack, and the user read V8's English).
 */
export const MAX_CONDITION_DEPTH = 32;

function checkCondition(c: Json, path: string, bad: Bad, classes: ReadonlySet<string> | null, depth = 1): void {
  if (depth > MAX_CONDITION_DEPTH) return bad(path, 'conditionTooDeep', { max: MAX_CONDITION_DEPTH });
  if (!isObject(c)) return bad(path, 'object');
  const kinds = CONDITION_KINDS.filter((k) => k in c);
  if (kinds.length !== 1) return bad(path, 'exactlyOneOf', { kinds: CONDITION_KINDS.join(', ') });
  const kind = kinds[0];
  if ('fields' in c) checkFields(c.fields, `${path}.fields`, bad);
  const checkClass = (name: Json, at: string) => {
    if (typeof name !== 'string') return bad(at, 'className');
    if (classes && !classes.has(name)) {
      if (classes.size) bad(at, 'unknownClass', { classes: [...classes].join(', ') });
      else bad(at, 'noClassesDefined');
    }
  };
  switch (kind) {
    case 'words':
      checkClass(c.words, `${path}.words`);
      if (c.quote !== undefined && typeof c.quote !== 'boolean') bad(`${path}.quote`, 'boolean');
      break;
    case 'together':
      if (!Array.isArray(c.together) || c.together.length === 0) bad(`${path}.together`, 'classNames');
      else c.together.forEach((name, i) => checkClass(name, `${path}.together[${i}]`));
      if (c.unless !== undefined) {
        if (!Array.isArray(c.unless)) bad(`${path}.unless`, 'classNameList');
        else c.unless.forEach((name, i) => checkClass(name, `${path}.unless[${i}]`));
      }
      if (c.clauses !== undefined && (typeof c.clauses !== 'number' || !Number.isInteger(c.clauses) || c.clauses < 1 || c.clauses > 5))
        bad(`${path}.clauses`, 'clauses');
      if (c.ordered !== undefined && typeof c.ordered !== 'boolean') bad(`${path}.ordered`, 'boolean');
      break;
    case 'keywords':
      if (!isStringArray(c.keywords) || c.keywords.length === 0) bad(`${path}.keywords`, 'nonEmptyTexts');
      break;
    case 'pattern':
      if (typeof c.pattern !== 'string' || !c.pattern) bad(`${path}.pattern`, 'pattern');
      else
        try {
          new RegExp(c.pattern, 'u');
          // Compiled once for both questions: a pattern on the linear engine cannot backtrack.
          const compiled = compilePattern(c.pattern);
          if (!compiled.linear && backtracksBadly(c.pattern)) bad(`${path}.pattern`, 'slowPattern');
          else if (matchesEmptyText(compiled)) bad(`${path}.pattern`, 'emptyPattern');
        } catch (e) {
          const reason = (e as Error).message;
          bad(`${path}.pattern`, PATTERN_FAULTS.find(([said]) => said.test(reason))?.[1] ?? 'badPattern');
        }
      break;
    case 'number': {
      if (!NUMERIC_FIELDS.includes(c.number as never)) bad(`${path}.number`, 'oneOf', { values: NUMERIC_FIELDS.join(', ') });
      const { min, max } = c;
      if (min === undefined && max === undefined) bad(path, 'minOrMax');
      if (min !== undefined && (typeof min !== 'number' || !Number.isFinite(min))) bad(`${path}.min`, 'number');
      if (max !== undefined && (typeof max !== 'number' || !Number.isFinite(max))) bad(`${path}.max`, 'number');
      if (typeof min === 'number' && typeof max === 'number' && min > max) bad(path, 'minAboveMax');
      break;
    }
    case 'openForMoreThanDays':
      if (typeof c.openForMoreThanDays !== 'number' || !Number.isInteger(c.openForMoreThanDays) || c.openForMoreThanDays < 0)
        bad(`${path}.openForMoreThanDays`, 'days');
      break;
    default: {
      const list = c[kind];
      if (!Array.isArray(list) || list.length === 0) bad(`${path}.${kind}`, 'conditions');
      else list.forEach((sub, i) => checkCondition(sub, `${path}.${kind}[${i}]`, bad, classes, depth + 1));
    }
  }
}

