import {
  LEVELS,
  PresetError,
  describeProblem,
  validatePreset,
  type Condition,
  type Language,
  type NumericField,
  type PresetProblem,
  type TriagePreset,
  type TriageRule,
} from '../../core';

/**
 * The values of a preset the editor lets a county change without touching JSON: thresholds of
 * number conditions, keyword lists, days of openForMoreThanDays, revisit cadence, the words and
 * exclusions of each word class, and the preset's own exclusions and negations. Each is named by
 * the JSON path `validatePreset` reports problems with, so a problem lands on its field.
 */
export type EditableKind = 'min' | 'max' | 'days' | 'keywords' | 'cadence' | 'classWords' | 'classExclude' | 'exclusions' | 'negations' | 'retractions' | 'reports';

export interface EditableValue {
  /** e.g. `rules[1].when.any[0].min`, `rules[7].when.keywords`, `cadenceDays.red`, `classes.weapon.words`. */
  path: string;
  kind: EditableKind;
  /** What a min or max bounds. */
  number?: NumericField;
  /** The value as the user edits it: a number as text ('' for an absent bound), a word list joined by 、. */
  text: string;
}

/** Words are typed separated by commas (half or full width), 、, semicolons or line breaks. */
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

/** A word class's words and its exclusions (an absent list edits as empty). */
export function classValues(preset: TriagePreset, name: string): { words: EditableValue; exclude: EditableValue } {
  const cls = preset.classes[name];
  return {
    words: { path: `classes.${name}.words`, kind: 'classWords', text: keywordsToText(cls.words) },
    exclude: { path: `classes.${name}.exclude`, kind: 'classExclude', text: keywordsToText(cls.exclude ?? []) },
  };
}

/** The lists that apply to every class: exclusions, negations, retractions and report words (none when the preset has no list). */
export function sharedListValues(preset: TriagePreset): { exclusions: EditableValue; negations: EditableValue; retractions: EditableValue; reports: EditableValue } {
  return {
    exclusions: { path: 'exclusions', kind: 'exclusions', text: keywordsToText(preset.exclusions) },
    negations: { path: 'negations', kind: 'negations', text: keywordsToText(preset.negations) },
    retractions: { path: 'retractions', kind: 'retractions', text: keywordsToText(preset.retractions ?? []) },
    reports: { path: 'reports', kind: 'reports', text: keywordsToText(preset.reports ?? []) },
  };
}

/**
 * The word classes a rule reads, in the order its conditions name them: `uses` fire the rule,
 * `unless` (of `together` conditions) stop it. This tells a user which class to add a word to.
 */
export function classesOfRule(rule: TriageRule): { uses: string[]; unless: string[] } {
  const uses = new Set<string>();
  const unless = new Set<string>();
  const walk = (c: Condition) => {
    if ('words' in c) uses.add(c.words);
    else if ('together' in c) {
      c.together.forEach((name) => uses.add(name));
      c.unless?.forEach((name) => unless.add(name));
    } else if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
  };
  walk(rule.when);
  return { uses: [...uses], unless: [...unless].filter((name) => !uses.has(name)) };
}

/** The editor section a problem's path lies in, so that section can be opened to show it. */
export type ProblemPlace = { kind: 'rule'; index: number } | { kind: 'class'; name: string } | { kind: 'other' };

const CLASS_LIST_PATH = /^classes\.(.+)\.(words|exclude)$/;

export function placeOfProblem(path: string): ProblemPlace {
  const rule = /^rules\[(\d+)\]/.exec(path);
  if (rule) return { kind: 'rule', index: Number(rule[1]) };
  // A class name may itself hold dots; the list's key is the last segment.
  const cls = CLASS_LIST_PATH.exec(path) ?? /^classes\.(.+?)(?:\.label.*)?$/.exec(path);
  if (cls) return { kind: 'class', name: cls[1] };
  return { kind: 'other' };
}

/** The message of the problem at exactly `path`, in `language`, without the path in front. */
export function problemTextAt(problems: readonly PresetProblem[], path: string, language: Language): string | undefined {
  const hit = problems.find((p) => p.path === path);
  return hit && describeProblem(hit, language).slice(path.length).replace(/^[:：]\s*/, '');
}

/** `rules[1].when.any[0].min` → ['rules', 1, 'when', 'any', 0, 'min']. */
function pathSegments(path: string): (string | number)[] {
  // Class names are keys chosen by the county and may hold dots or brackets: keep them whole.
  const cls = CLASS_LIST_PATH.exec(path);
  if (cls) return ['classes', cls[1], cls[2]];
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** Paths whose value is a list of words rather than a number. */
const SHARED_LISTS = ['exclusions', 'negations', 'retractions', 'reports'];
const isWordListPath = (path: string) => path.endsWith('.keywords') || CLASS_LIST_PATH.test(path) || SHARED_LISTS.includes(path);

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
    if (isWordListPath(path)) {
      const words = textToKeywords(text);
      // A class's exclusions are optional: an emptied list leaves the key out, as a hand-written file would.
      if (key === 'exclude' && words.length === 0) delete parent[key];
      else parent[key] = words;
    } else if ((key === 'min' || key === 'max') && text.trim() === '') delete parent[key];
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
    if (error instanceof PresetError) return { ok: false, problems: [...error.problems] };
    throw error;
  }
}

/** A file name for the exported preset: its name, without characters Windows refuses. */
export function presetFileName(preset: TriagePreset): string {
  const base = [...preset.name]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return `${base || 'tricolor-rules'}.json`;
}
