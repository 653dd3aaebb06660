import { LEVELS, type FieldName, type Level } from '../model';
import { FIELD_NAMES } from '../ledger/fields';
import { NUMERIC_FIELDS, type TriagePreset } from './types';

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
 * Checks a preset read from JSON and returns it typed, or throws PresetError listing every
 * problem (not just the first), so a county editing the file fixes it in one pass.
 */
export function validatePreset(input: Json): TriagePreset {
  const problems: PresetProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) throw new PresetError([{ path: '(root)', message: 'must be a JSON object' }]);

  if (input.version !== 1) bad('version', 'must be 1');
  if (typeof input.name !== 'string' || !input.name) bad('name', 'must be a non-empty string');
  checkFields(input.textFields, 'textFields', bad);
  if (!isStringArray(input.negations)) bad('negations', 'must be a list of non-empty strings');

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
      checkCondition(rule.when, `${at}.when`, bad);
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

function checkCondition(c: Json, path: string, bad: (p: string, m: string) => void): void {
  if (!isObject(c)) return bad(path, 'must be an object');
  const kinds = ['keywords', 'pattern', 'number', 'openForMoreThanDays', 'all', 'any'].filter((k) => k in c);
  if (kinds.length !== 1)
    return bad(path, 'must have exactly one of keywords, pattern, number, openForMoreThanDays, all, any');
  const kind = kinds[0];
  if ('fields' in c) checkFields(c.fields, `${path}.fields`, bad);
  switch (kind) {
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
      else list.forEach((sub, i) => checkCondition(sub, `${path}.${kind}[${i}]`, bad));
    }
  }
}

/** Chinese for each problem text, matched by its English form (the one the tests and the JSON use). */
const PROBLEM_ZH: [RegExp, string][] = [
  [/^must be a JSON object$/, '应为一个 JSON 对象'],
  [/^must be 1$/, '应为 1'],
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
