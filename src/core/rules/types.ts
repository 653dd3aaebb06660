import type { FieldName, Level } from '../model';

/** Text in both UI languages. */
export interface LocalText {
  zh: string;
  en: string;
}

/** Numbers the reader derives from a row (a column, or a count found in the text). */
export type NumericField = 'headcount' | 'amount' | 'mediationFailures' | 'policeCalls';
export const NUMERIC_FIELDS: readonly NumericField[] = ['headcount', 'amount', 'mediationFailures', 'policeCalls'];

/**
 * What a rule looks at. Conditions are plain JSON so a county edits thresholds and
 * keywords in a preset file, never in code.
 */
export type Condition =
  /** The text of `fields` (default: the preset's `textFields`) contains any keyword, not negated. */
  | { keywords: string[]; fields?: FieldName[] }
  /** A regular expression (JavaScript syntax) matches the text of `fields`, not negated. */
  | { pattern: string; fields?: FieldName[] }
  /** A derived number lies within [min, max] (either bound optional). */
  | { number: NumericField; min?: number; max?: number }
  /** Still unresolved more than this many days after registration, on the as-of date. */
  | { openForMoreThanDays: number }
  | { all: Condition[] }
  | { any: Condition[] };

export interface TriageRule {
  /** Stable id shown with every reason, e.g. 'red.violence'. */
  id: string;
  level: Level;
  /** What the rule means, e.g. 人身安全威胁; the reason adds what fired it. */
  label: LocalText;
  when: Condition;
}

export interface TriagePreset {
  /** Format version of the preset file. */
  version: 1;
  name: string;
  /** Fields whose text keyword and pattern rules search by default. */
  textFields: FieldName[];
  /** A keyword right after one of these ("无自杀倾向", "未发现持刀") does not count. */
  negations: string[];
  rules: TriageRule[];
  /** Days between revisits by effective level. */
  cadenceDays: Record<Level, number>;
  /** What to do, by level, printed on the due-list (the handling the "333" mechanism prescribes). */
  handling: Record<Level | 'resolved', LocalText>;
}
