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
