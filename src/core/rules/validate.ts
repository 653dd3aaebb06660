import { fill, type Catalogue } from '../messages';
import { LEVELS, type FieldName, type Language, type Level } from '../model';
import { FIELD_NAMES } from '../ledger/fields';
import { NUMERIC_FIELDS, type TriagePreset } from './types';
import { DEFAULT_PRESET } from './default-preset';

/** One thing wrong with a preset, located by a JSON path such as `rules[3].when.pattern`. */
export interface PresetProblem {
  path: string;
  message: string;
}

/** Thrown when a preset cannot be used; `problems` names every bad field. */
export class PresetError extends Error {
  constructor(readonly problems: PresetProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'PresetError';
  }
}

/**
 * What can be wrong with a preset, in the one catalogue shape (core/messages). The English is the
 * problem's `message` (what the tests, the JSON and the command read); `describeProblem` words it
 * in Chinese from the same entry.
 */
export const PRESET_PROBLEMS = {
  notJsonObject: { en: 'must be a JSON object', zh: '应为一个 JSON 对象' },
  version: { en: 'must be 2 (or 1, the keyword-list format, which is converted when loaded)', zh: '应为 2（或 1，即旧的关键词列表格式，读入时自动转换）' },
  classes: { en: 'must be an object of word classes by name', zh: '应为按名称列出的词类对象' },
  unknownClass: { en: 'must name a word class defined under "classes" ({classes})', zh: '应为 "classes" 中定义的词类名（{classes}）' },
  unknownClassNoneDefined: { en: 'must name a word class defined under "classes" (none defined)', zh: '应为 "classes" 中定义的词类名（none defined）' },
  classList: { en: 'must be a non-empty list of word class names', zh: '应为非空的词类名列表' },
  className: { en: 'must be the name of a word class', zh: '应为词类名' },
  classNames: { en: 'must be a list of word class names', zh: '应为词类名列表' },
  clauses: { en: 'must be a whole number from 1 to 5', zh: '应为 1 到 5 之间的整数' },
  boolean: { en: 'must be true or false', zh: '应为 true 或 false' },
  text: { en: 'must be a non-empty string', zh: '应为非空文字' },
  texts: { en: 'must be a list of non-empty strings', zh: '应为非空文字的列表' },
  list: { en: 'must be a non-empty list', zh: '应为非空列表' },
  object: { en: 'must be an object', zh: '应为一个对象' },
  duplicateId: { en: 'duplicate id "{id}"', zh: '规则编号“{id}”重复' },
  level: { en: 'must be "red", "yellow" or "green"', zh: '应为 "red"、"yellow" 或 "green"' },
  localText: { en: 'must be {"zh": "…", "en": "…"} with both texts', zh: '应为 {"zh": "…", "en": "…"}，中英文都要填写' },
  cadence: { en: 'must be a whole number of days from 1 to 366', zh: '应为 1 到 366 之间的整天数' },
  cadenceDays: { en: 'must be an object with red, yellow and green', zh: '应为包含 red、yellow、green 的对象' },
  handling: { en: 'must be an object with red, yellow, green and resolved', zh: '应为包含 red、yellow、green、resolved 的对象' },
  fields: { en: 'must be a non-empty list of field names', zh: '应为非空的字段名列表' },
  unknownField: { en: 'unknown field "{field}"; known: {known}', zh: '未知字段“{field}”；可用字段：{known}' },
  conditionKind: { en: 'must have exactly one of {kinds}', zh: '应当且只应包含以下之一：{kinds}' },
  keywords: { en: 'must be a non-empty list of non-empty strings', zh: '应为非空文字组成的非空列表' },
  pattern: { en: 'must be a non-empty regular expression', zh: '应为非空的正则表达式' },
  badPattern: { en: 'is not a valid regular expression ({detail})', zh: '不是有效的正则表达式（{detail}）' },
  numberField: { en: 'must be one of {fields}', zh: '应为以下之一：{fields}' },
  bounds: { en: 'needs min or max', zh: '需要 min 或 max' },
  number: { en: 'must be a number', zh: '应为数字' },
  minAboveMax: { en: 'min must not exceed max', zh: 'min 不能大于 max' },
  days: { en: 'must be a whole number of days', zh: '应为整天数' },
  conditions: { en: 'must be a non-empty list of conditions', zh: '应为非空的条件列表' },
  // A problem as a line: its JSON path, then what is wrong.
  line: { en: '{path}: {message}', zh: '{path}：{message}' },
} as const satisfies Catalogue;

type ProblemKey = Exclude<keyof typeof PRESET_PROBLEMS, 'line'>;
type Bad = (path: string, key: ProblemKey, params?: Record<string, string>) => void;

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
 * Checks a preset read from JSON and returns it typed, or throws PresetError listing every
 * problem (not just the first), so a county editing the file fixes it in one pass.
 */
export function validatePreset(json: Json): TriagePreset {
  const problems: PresetProblem[] = [];
  const bad: Bad = (path, key, params) => problems.push({ path, message: fill(PRESET_PROBLEMS[key].en, params) });
  if (!isObject(json)) throw new PresetError([{ path: '(root)', message: PRESET_PROBLEMS.notJsonObject.en }]);
  const input = json.version === 1 ? upgradeVersion1(json) : json;
  if (input.version !== 2) bad('version', 'version');

  if (typeof input.name !== 'string' || !input.name) bad('name', 'text');
  checkFields(input.textFields, 'textFields', bad);
  if (!isStringArray(input.negations)) bad('negations', 'texts');
  if (!isStringArray(input.notNegations)) bad('notNegations', 'texts');
  if (!isStringArray(input.exclusions)) bad('exclusions', 'texts');
  // With no usable classes object, references to classes are not checked: one problem, not forty.
  let classNames: Set<string> | null = new Set<string>();
  if (!isObject(input.classes)) {
    bad('classes', 'classes');
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
      if (!isStringArray(cls.words) || cls.words.length === 0) bad(`${at}.words`, 'keywords');
      if (cls.exclude !== undefined && !isStringArray(cls.exclude)) bad(`${at}.exclude`, 'texts');
      if (cls.context !== undefined && typeof cls.context !== 'boolean') bad(`${at}.context`, 'boolean');
    }

  if (!Array.isArray(input.rules) || input.rules.length === 0) bad('rules', 'list');
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

  if (!isObject(input.cadenceDays)) bad('cadenceDays', 'cadenceDays');
  else
    for (const level of LEVELS) {
      const days = input.cadenceDays[level];
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
        bad(`cadenceDays.${level}`, 'cadence');
    }
  if (!isObject(input.handling)) bad('handling', 'handling');
  else for (const key of [...LEVELS, 'resolved']) checkLocalText(input.handling[key], `handling.${key}`, bad);

  if (problems.length) throw new PresetError(problems);
  return input as unknown as TriagePreset;
}

function checkLocalText(v: Json, path: string, bad: Bad) {
  if (!isObject(v) || typeof v.zh !== 'string' || !v.zh || typeof v.en !== 'string' || !v.en)
    bad(path, 'localText');
}

function checkFields(v: Json, path: string, bad: Bad) {
  if (!Array.isArray(v) || v.length === 0) return bad(path, 'fields');
  v.forEach((f, i) => {
    if (!FIELD_NAMES.includes(f as FieldName)) bad(`${path}[${i}]`, 'unknownField', { field: String(f), known: FIELD_NAMES.join(', ') });
  });
}

const CONDITION_KINDS = ['words', 'together', 'keywords', 'pattern', 'number', 'openForMoreThanDays', 'all', 'any'];

function checkCondition(c: Json, path: string, bad: Bad, classes: ReadonlySet<string> | null): void {
  if (!isObject(c)) return bad(path, 'object');
  const kinds = CONDITION_KINDS.filter((k) => k in c);
  if (kinds.length !== 1) return bad(path, 'conditionKind', { kinds: CONDITION_KINDS.join(', ') });
  const kind = kinds[0];
  if ('fields' in c) checkFields(c.fields, `${path}.fields`, bad);
  const checkClass = (name: Json, at: string) => {
    if (typeof name !== 'string') return bad(at, 'className');
    if (classes && !classes.has(name))
      if (classes.size) bad(at, 'unknownClass', { classes: [...classes].join(', ') });
      else bad(at, 'unknownClassNoneDefined');
  };
  switch (kind) {
    case 'words':
      checkClass(c.words, `${path}.words`);
      if (c.quote !== undefined && typeof c.quote !== 'boolean') bad(`${path}.quote`, 'boolean');
      break;
    case 'together':
      if (!Array.isArray(c.together) || c.together.length === 0) bad(`${path}.together`, 'classList');
      else c.together.forEach((name, i) => checkClass(name, `${path}.together[${i}]`));
      if (c.unless !== undefined) {
        if (!Array.isArray(c.unless)) bad(`${path}.unless`, 'classNames');
        else c.unless.forEach((name, i) => checkClass(name, `${path}.unless[${i}]`));
      }
      if (c.clauses !== undefined && (typeof c.clauses !== 'number' || !Number.isInteger(c.clauses) || c.clauses < 1 || c.clauses > 5))
        bad(`${path}.clauses`, 'clauses');
      if (c.ordered !== undefined && typeof c.ordered !== 'boolean') bad(`${path}.ordered`, 'boolean');
      break;
    case 'keywords':
      if (!isStringArray(c.keywords) || c.keywords.length === 0) bad(`${path}.keywords`, 'keywords');
      break;
    case 'pattern':
      if (typeof c.pattern !== 'string' || !c.pattern) bad(`${path}.pattern`, 'pattern');
      else
        try {
          new RegExp(c.pattern, 'u');
        } catch (e) {
          bad(`${path}.pattern`, 'badPattern', { detail: (e as Error).message });
        }
      break;
    case 'number': {
      if (!NUMERIC_FIELDS.includes(c.number as never)) bad(`${path}.number`, 'numberField', { fields: NUMERIC_FIELDS.join(', ') });
      const { min, max } = c;
      if (min === undefined && max === undefined) bad(path, 'bounds');
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
      else list.forEach((sub, i) => checkCondition(sub, `${path}.${kind}[${i}]`, bad, classes));
    }
  }
}

/** Each problem's English template as a pattern that gives back its values, to word it again in Chinese. */
const PROBLEM_PATTERNS = (Object.keys(PRESET_PROBLEMS) as (keyof typeof PRESET_PROBLEMS)[]).filter((key): key is ProblemKey => key !== 'line').map((key) => {
  const parts = PRESET_PROBLEMS[key].en.split(/\{(\w+)\}/);
  const names = parts.filter((_, i) => i % 2 === 1);
  const source = parts.map((part, i) => (i % 2 === 1 ? '(.*)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return { key, names, pattern: new RegExp(`^${source}$`) };
});

/** One problem as a line for the user, in their language: `path: what is wrong`. */
export function describeProblem(problem: PresetProblem, language: Language): string {
  return fill(PRESET_PROBLEMS.line[language], { path: problem.path, message: language === 'en' ? problem.message : inChinese(problem.message) });
}

/** A problem's English message worded again in Chinese by its catalogue entry; as it is if none matches. */
function inChinese(message: string): string {
  for (const { key, names, pattern } of PROBLEM_PATTERNS) {
    const values = pattern.exec(message);
    if (values) return fill(PRESET_PROBLEMS[key].zh, Object.fromEntries(names.map((name, i) => [name, values[i + 1]])));
  }
  return message;
}
