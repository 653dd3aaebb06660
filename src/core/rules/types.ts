import type { FieldName, Level } from '../model';

/** Text in both UI languages. */
export interface LocalText {
  zh: string;
  en: string;
}

/** Numbers a rule can test: from a count column, or written in the text ("三十余人", "调解3次未成"). */
export type NumericField = 'headcount' | 'amount' | 'mediationFailures' | 'policeCalls';
export const NUMERIC_FIELDS: readonly NumericField[] = ['headcount', 'amount', 'mediationFailures', 'policeCalls'];

/**
 * A named list of words that mean one thing (weapons, threat verbs, self-harm acts …), defined
 * once and used by many rules: a county adds a dialect word to the class, not to ten rules.
 */
export interface WordClass {
  /** What the class is, for the editor ("凶器、工具", "Weapons and tools"). */
  label: LocalText;
  words: string[];
  /** Phrases that contain one of the words and do not mean it (跳楼价 for 跳楼, 刀具质量 for 刀). */
  exclude?: string[];
  /**
   * The class describes the setting (goods, field work, a family), never evidence: its words count
   * even where a negation or one of the preset's exclusions would drop a signal ("砍柴用的镰刀" is
   * still about firewood though 砍柴 is excluded as an act of cutting).
   */
  context?: boolean;
}

/**
 * What a rule looks at. Conditions are plain JSON so a county edits thresholds, word classes
 * and exclusions in a preset file, never in code. Text conditions read the preset's
 * `textFields` unless they name `fields`; a word counts only where no negation denies it and
 * no exclusion covers it.
 */
export type Condition =
  /** Any word of a class occurs. `quote: false` makes it context, never quoted as evidence (离婚 is a type, not violence). */
  | { words: string; fields?: FieldName[]; quote?: boolean }
  /**
   * A word of every listed class occurs within one clause, or within `clauses` neighbouring
   * clauses of one sentence (default 2), in any order unless `ordered`; not when a clause the
   * words stand in also holds a word of an `unless` class (a weapon named as goods in a trade).
   */
  | { together: string[]; clauses?: number; ordered?: boolean; unless?: string[]; fields?: FieldName[] }
  /** Any of these literal words occurs (the version-1 condition; prefer a word class). */
  | { keywords: string[]; fields?: FieldName[] }
  /** A regular expression (JavaScript syntax) matches, not negated. */
  | { pattern: string; fields?: FieldName[] }
  /**
   * A number lies within [min, max] (either bound optional): the count column when it has a
   * value, else the largest such number written in `fields` (default: the preset's `textFields`).
   */
  | { number: NumericField; min?: number; max?: number; fields?: FieldName[] }
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
  /** Format version of the preset file; version 1 files are upgraded when loaded. */
  version: 2;
  name: string;
  /** Fields whose text the text conditions search by default. */
  textFields: FieldName[];
  /** Words that deny what follows them in the clause ("未发现持刀", "否认曾威胁对方", "已无过激言行"). */
  negations: string[];
  /** Words that begin like a negation and deny nothing that follows (无故, 未成年, 调解未果). */
  notNegations: string[];
  /**
   * Words that take back what their sentence said before them: the report was untrue (“扬言要砍人”的
   * 传言不实, 网传…，经核实并未说过此话). Optional; none when not given.
   */
  retractions?: string[];
  /**
   * Words that mark a clause as a report of what others say (网传, 反映, 据称 …). When a preset has
   * them, a retraction takes back only words in a clause that holds one, or in the retraction's
   * own clause: 网传王某扬言要砍人，经核实系谣言 is taken back, the stabbing in 张某持菜刀将李某砍伤
   * 住院，家属称网传砍死人一事系谣言 is not. Optional; without them a retraction takes back
   * everything its sentence said before it.
   */
  reports?: string[];
  /** Phrases that look like a signal of any class and are not (农药化肥, 砍价, 打官司 …). */
  exclusions: string[];
  /** Word classes by name, used by `words` and `together` conditions. */
  classes: Record<string, WordClass>;
  rules: TriageRule[];
  /** Days between revisits by effective level. */
  cadenceDays: Record<Level, number>;
  /** What to do, by level, printed on the due-list (the handling the "333" mechanism prescribes). */
  handling: Record<Level | 'resolved', LocalText>;
}
