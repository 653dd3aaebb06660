import { LEVELS, type FieldName, type Level } from '../model';
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
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(json)) throw new PresetError([{ path: '(root)', message: 'must be a JSON object' }]);
  const input = json.version === 1 ? upgradeVersion1(json) : json;
  if (input.version !== 2) bad('version', 'must be 2 (or 1, the keyword-list format, which is converted when loaded)');

  if (typeof input.name !== 'string' || !input.name) bad('name', 'must be a non-empty string');
  checkFields(input.textFields, 'textFields', bad);
  if (!isStringArray(input.negations)) bad('negations', 'must be a list of non-empty strings');
  if (!isStringArray(input.notNegations)) bad('notNegations', 'must be a list of non-empty strings');
  if (!isStringArray(input.exclusions)) bad('exclusions', 'must be a list of non-empty strings');
  // With no usable classes object, references to classes are not checked: one problem, not forty.
  let classNames: Set<string> | null = new Set<string>();
  if (!isObject(input.classes)) {
    bad('classes', 'must be an object of word classes by name');
    classNames = null;
  } else
    for (const [name, cls] of Object.entries(input.classes)) {
      const at = `classes.${name}`;
      classNames!.add(name);
      if (!isObject(cls)) {
        bad(at, 'must be an object');
        continue;
      }
      checkLocalText(cls.label, `${at}.label`, bad);
      if (!isStringArray(cls.words) || cls.words.length === 0) bad(`${at}.words`, 'must be a non-empty list of non-empty strings');
      if (cls.exclude !== undefined && !isStringArray(cls.exclude)) bad(`${at}.exclude`, 'must be a list of non-empty strings');
      if (cls.context !== undefined && typeof cls.context !== 'boolean') bad(`${at}.context`, 'must be true or false');
    }

  if (!Array.isArray(input.rules) || input.rules.length === 0) bad('rules', 'must be a non-empty list');
  else {
    const seen = new Set<string>();
    input.rules.forEach((rule, i) => {
      const at = `rules[${i}]`;
      if (!isObject(rule)) return bad(at, 'must be an object');
      if (typeof rule.id !== 'string' || !rule.id) bad(`${at}.id`, 'must be a non-empty string');
      else if (seen.has(rule.id)) bad(`${at}.id`, `duplicate id "${rule.id}"`);
      else seen.add(rule.id);
      if (!LEVELS.includes(rule.level as Level)) bad(`${at}.level`, 'must be "red", "yellow" or "green"');
      checkLocalText(rule.label, `${at}.label`, bad);
      checkCondition(rule.when, `${at}.when`, bad, classNames);
    });
  }

  if (!isObject(input.cadenceDays)) bad('cadenceDays', 'must be an object with red, yellow and green');
  else
    for (const level of LEVELS) {
      const days = input.cadenceDays[level];
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
        bad(`cadenceDays.${level}`, 'must be a whole number of days from 1 to 366');
    }
  if (!isObject(input.handling)) bad('handling', 'must be an object with red, yellow, green and resolved');
  else for (const key of [...LEVELS, 'resolved']) checkLocalText(input.handling[key], `handling.${key}`, bad);

  if (problems.length) throw new PresetError(problems);
  return input as unknown as TriagePreset;
}

function checkLocalText(v: Json, path: string, bad: (p: string, m: string) => void) {
  if (!isObject(v) || typeof v.zh !== 'string' || !v.zh || typeof v.en !== 'string' || !v.en)
    bad(path, 'must be {"zh": "…", "en": "…"} with both texts');
}

function checkFields(v: Json, path: string, bad: (p: string, m: string) => void) {
  if (!Array.isArray(v) || v.length === 0) return bad(path, 'must be a non-empty list of field names');
  v.forEach((f, i) => {
    if (!FIELD_NAMES.includes(f as FieldName)) bad(`${path}[${i}]`, `unknown field "${String(f)}"; known: ${FIELD_NAMES.join(', ')}`);
  });
}

const CONDITION_KINDS = ['words', 'together', 'keywords', 'pattern', 'number', 'openForMoreThanDays', 'all', 'any'];

function checkCondition(c: Json, path: string, bad: (p: string, m: string) => void, classes: ReadonlySet<string> | null): void {
  if (!isObject(c)) return bad(path, 'must be an object');
  const kinds = CONDITION_KINDS.filter((k) => k in c);
  if (kinds.length !== 1) return bad(path, `must have exactly one of ${CONDITION_KINDS.join(', ')}`);
  const kind = kinds[0];
  if ('fields' in c) checkFields(c.fields, `${path}.fields`, bad);
  const checkClass = (name: Json, at: string) => {
    if (typeof name !== 'string') return bad(at, 'must be the name of a word class');
    if (classes && !classes.has(name))
      bad(at, `must name a word class defined under "classes" (${classes.size ? [...classes].join(', ') : 'none defined'})`);
  };
  switch (kind) {
    case 'words':
      checkClass(c.words, `${path}.words`);
      if (c.quote !== undefined && typeof c.quote !== 'boolean') bad(`${path}.quote`, 'must be true or false');
      break;
    case 'together':
      if (!Array.isArray(c.together) || c.together.length === 0) bad(`${path}.together`, 'must be a non-empty list of word class names');
      else c.together.forEach((name, i) => checkClass(name, `${path}.together[${i}]`));
      if (c.unless !== undefined) {
        if (!Array.isArray(c.unless)) bad(`${path}.unless`, 'must be a list of word class names');
        else c.unless.forEach((name, i) => checkClass(name, `${path}.unless[${i}]`));
      }
      if (c.clauses !== undefined && (typeof c.clauses !== 'number' || !Number.isInteger(c.clauses) || c.clauses < 1 || c.clauses > 5))
        bad(`${path}.clauses`, 'must be a whole number from 1 to 5');
      if (c.ordered !== undefined && typeof c.ordered !== 'boolean') bad(`${path}.ordered`, 'must be true or false');
      break;
    case 'keywords':
      if (!isStringArray(c.keywords) || c.keywords.length === 0) bad(`${path}.keywords`, 'must be a non-empty list of non-empty strings');
      break;
    case 'pattern':
      if (typeof c.pattern !== 'string' || !c.pattern) bad(`${path}.pattern`, 'must be a non-empty regular expression');
      else
        try {
          new RegExp(c.pattern, 'u');
        } catch (e) {
          bad(`${path}.pattern`, `is not a valid regular expression (${(e as Error).message})`);
        }
      break;
    case 'number': {
      if (!NUMERIC_FIELDS.includes(c.number as never)) bad(`${path}.number`, `must be one of ${NUMERIC_FIELDS.join(', ')}`);
      const { min, max } = c;
      if (min === undefined && max === undefined) bad(path, 'needs min or max');
      if (min !== undefined && (typeof min !== 'number' || !Number.isFinite(min))) bad(`${path}.min`, 'must be a number');
      if (max !== undefined && (typeof max !== 'number' || !Number.isFinite(max))) bad(`${path}.max`, 'must be a number');
      if (typeof min === 'number' && typeof max === 'number' && min > max) bad(path, 'min must not exceed max');
      break;
    }
    case 'openForMoreThanDays':
      if (typeof c.openForMoreThanDays !== 'number' || !Number.isInteger(c.openForMoreThanDays) || c.openForMoreThanDays < 0)
        bad(`${path}.openForMoreThanDays`, 'must be a whole number of days');
      break;
    default: {
      const list = c[kind];
      if (!Array.isArray(list) || list.length === 0) bad(`${path}.${kind}`, 'must be a non-empty list of conditions');
      else list.forEach((sub, i) => checkCondition(sub, `${path}.${kind}[${i}]`, bad, classes));
    }
  }
}

/** Chinese for each problem text, matched by its English form (the one the tests and the JSON use). */
const PROBLEM_ZH: [RegExp, string][] = [
  [/^must be a JSON object$/, '应为一个 JSON 对象'],
  [/^must be 2 \(or 1, the keyword-list format, which is converted when loaded\)$/, '应为 2（或 1，即旧的关键词列表格式，读入时自动转换）'],
  [/^must be an object of word classes by name$/, '应为按名称列出的词类对象'],
  [/^must name a word class defined under "classes" \((.*)\)$/, '应为 "classes" 中定义的词类名（$1）'],
  [/^must be a non-empty list of word class names$/, '应为非空的词类名列表'],
  [/^must be the name of a word class$/, '应为词类名'],
  [/^must be a list of word class names$/, '应为词类名列表'],
  [/^must be a whole number from 1 to 5$/, '应为 1 到 5 之间的整数'],
  [/^must be true or false$/, '应为 true 或 false'],
  [/^must be a non-empty string$/, '应为非空文字'],
  [/^must be a list of non-empty strings$/, '应为非空文字的列表'],
  [/^must be a non-empty list$/, '应为非空列表'],
  [/^must be an object$/, '应为一个对象'],
  [/^duplicate id "(.*)"$/, '规则编号“$1”重复'],
  [/^must be "red", "yellow" or "green"$/, '应为 "red"、"yellow" 或 "green"'],
  [/^must be \{"zh": "…", "en": "…"\} with both texts$/, '应为 {"zh": "…", "en": "…"}，中英文都要填写'],
  [/^must be a whole number of days from 1 to 366$/, '应为 1 到 366 之间的整天数'],
  [/^must be an object with red, yellow and green$/, '应为包含 red、yellow、green 的对象'],
  [/^must be an object with red, yellow, green and resolved$/, '应为包含 red、yellow、green、resolved 的对象'],
  [/^must be a non-empty list of field names$/, '应为非空的字段名列表'],
  [/^unknown field "(.*)"; known: (.*)$/, '未知字段“$1”；可用字段：$2'],
  [/^must have exactly one of (.*)$/, '应当且只应包含以下之一：$1'],
  [/^must be a non-empty list of non-empty strings$/, '应为非空文字组成的非空列表'],
  [/^must be a non-empty regular expression$/, '应为非空的正则表达式'],
  [/^is not a valid regular expression \((.*)\)$/, '不是有效的正则表达式（$1）'],
  [/^must be one of (.*)$/, '应为以下之一：$1'],
  [/^needs min or max$/, '需要 min 或 max'],
  [/^must be a number$/, '应为数字'],
  [/^min must not exceed max$/, 'min 不能大于 max'],
  [/^must be a whole number of days$/, '应为整天数'],
  [/^must be a non-empty list of conditions$/, '应为非空的条件列表'],
];

/** One problem as a line for the user, in their language: `path: what is wrong`. */
export function describeProblem(problem: PresetProblem, language: 'zh' | 'en'): string {
  if (language === 'en') return `${problem.path}: ${problem.message}`;
  const hit = PROBLEM_ZH.find(([re]) => re.test(problem.message));
  return `${problem.path}：${hit ? problem.message.replace(hit[0], hit[1]) : problem.message}`;
}
