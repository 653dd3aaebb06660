import { LEVELS, PresetError, validatePreset, type Condition, type NumericField, type PresetProblem, type TriagePreset } from '../../core';

/**
 * The values of a preset the pane lets a county edit without touching JSON: thresholds of
 * number conditions, keyword lists, days of openForMoreThanDays, and revisit cadence. Each is
 * named by the JSON path `validatePreset` reports problems with, so a problem lands on its field.
 */
export type EditableKind = 'min' | 'max' | 'days' | 'keywords' | 'cadence';

export interface EditableValue {
  /** e.g. `rules[1].when.any[0].min`, `rules[7].when.keywords`, `cadenceDays.red`. */
  path: string;
  kind: EditableKind;
  /** What a min or max bounds. */
  number?: NumericField;
  /** The value as the user edits it: a number as text ('' for an absent bound), keywords joined by 、. */
  text: string;
}

/** Keywords are typed separated by commas (half or full width), 、, semicolons or line breaks. */
const KEYWORD_SEPARATORS = /[,，、;；\n\r]+/;

export function keywordsToText(keywords: readonly string[]): string {
  return keywords.join('、');
}

export function textToKeywords(text: string): string[] {
  return text
    .split(KEYWORD_SEPARATORS)
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/** Every editable value of rule `index`, in the order its conditions are written. */
export function editableValues(preset: TriagePreset, index: number): EditableValue[] {
  const found: EditableValue[] = [];
  const walk = (c: Condition, path: string) => {
    if ('number' in c) {
      found.push({ path: `${path}.min`, kind: 'min', number: c.number, text: c.min === undefined ? '' : String(c.min) });
      found.push({ path: `${path}.max`, kind: 'max', number: c.number, text: c.max === undefined ? '' : String(c.max) });
    } else if ('keywords' in c) found.push({ path: `${path}.keywords`, kind: 'keywords', text: keywordsToText(c.keywords) });
    else if ('openForMoreThanDays' in c)
      found.push({ path: `${path}.openForMoreThanDays`, kind: 'days', text: String(c.openForMoreThanDays) });
    else if ('all' in c) c.all.forEach((sub, i) => walk(sub, `${path}.all[${i}]`));
    else if ('any' in c) c.any.forEach((sub, i) => walk(sub, `${path}.any[${i}]`));
  };
  walk(preset.rules[index].when, `rules[${index}].when`);
  return found;
}

/** The cadence values, red, yellow, green. */
export function cadenceValues(preset: TriagePreset): EditableValue[] {
  return LEVELS.map((level) => ({ path: `cadenceDays.${level}`, kind: 'cadence', text: String(preset.cadenceDays[level]) }));
}

/** `rules[1].when.any[0].min` → ['rules', 1, 'when', 'any', 0, 'min']. */
function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/**
 * A number typed by the user. Text that is not a number is kept as text, so that
 * `validatePreset` reports it at its path ("must be a number").
 */
function numberOrText(text: string): number | string {
  const trimmed = text.trim().replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : text;
}

/**
 * The preset with the user's edits applied (`edits` maps paths to typed text). The result is
 * plain JSON, not yet validated: pass it to `checkPreset`. The input is not changed.
 */
export function applyEdits(preset: TriagePreset, edits: Readonly<Record<string, string>>): unknown {
  const copy = JSON.parse(JSON.stringify(preset)) as Record<string, unknown>;
  for (const [path, text] of Object.entries(edits)) {
    const segments = pathSegments(path);
    const key = segments.pop() as string;
    let parent: Record<string | number, unknown> | undefined = copy;
    for (const s of segments) parent = parent?.[s] as Record<string | number, unknown> | undefined;
    if (!parent || typeof parent !== 'object') continue;
    if (key === 'keywords') parent[key] = textToKeywords(text);
    else if ((key === 'min' || key === 'max') && text.trim() === '') delete parent[key];
    else parent[key] = numberOrText(text);
  }
  return copy;
}

export type PresetCheck = { ok: true; preset: TriagePreset } | { ok: false; problems: PresetProblem[] };

/** `validatePreset` as a value: the preset, or every problem it names. */
export function checkPreset(candidate: unknown): PresetCheck {
  try {
    return { ok: true, preset: validatePreset(candidate) };
  } catch (error) {
    if (error instanceof PresetError) return { ok: false, problems: error.problems };
    throw error;
  }
}
