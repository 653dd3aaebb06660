import { LEVEL_RANK, type Day, type DisputeRecord, type FieldName, type Language, type Level, type Reason, type TriageResult } from '../model';
import { FIELD_NAMES } from '../ledger/fields';
import { compilePattern } from './pattern-engine';
import { firstAtLeast, Scanner, someStartingIn, type Hit, type ScannedText } from './text-scan';
import { TEXT_NUMBER_READERS } from './text-numbers';
import type { Condition, NumericField, TriagePreset, TriageRule } from './types';
import { formatAmount, levelMark, REASON_TEXTS, reasonTextsIn } from './reason-texts';

/** A preset compiled once (one trie for every word list, patterns compiled), ready for many rows. */
export interface CompiledPreset {
  preset: TriagePreset;
  rules: { rule: TriageRule; test: Matcher }[];
  scanner: Scanner;
  /** Every field a word or together condition reads. */
  scanFields: FieldName[];
  /**
   * Which classes the current row's texts hold, reused from row to row: rows are evaluated one
   * at a time, and a fresh array for each of 100,000 rows is garbage to collect.
   */
  presence: boolean[];
  /** The current row's scanned texts by field number, reused from row to row like `presence`. */
  scans: (ScannedText | null | undefined)[];
}

/** A small number per field, so a row's scans sit in an array rather than a keyed object. */
const FIELD_INDEX = Object.fromEntries(FIELD_NAMES.map((f, i) => [f, i])) as Record<FieldName, number>;

/** What one row offers the conditions: its record, and its texts scanned once, on demand. */
class RowView {
  // Plain objects, not Maps: one RowView per ledger row, so its caches should cost next to nothing.
  private readonly numbers: Record<string, NumberRead | null> = {};
  private presenceRead = false;
  private readonly scans: (ScannedText | null | undefined)[];

  constructor(
    readonly record: DisputeRecord,
    private readonly compiled: CompiledPreset,
    private readonly language: Language,
  ) {
    // Rows are evaluated one at a time: the preset's scratch arrays serve each row in turn.
    this.scans = compiled.scans.fill(undefined);
  }

  /**
   * Whether any text field a rule reads holds a word of the class: most conditions fail here, at
   * the cost of one array read, without walking their fields.
   */
  present(cls: number): boolean {
    const presence = this.compiled.presence;
    if (!this.presenceRead) {
      presence.fill(false);
      for (const field of this.compiled.scanFields) this.scanned(field)?.markClasses(presence);
      this.presenceRead = true;
    }
    return presence[cls];
  }

  scanned(field: FieldName): ScannedText | null {
    const at = FIELD_INDEX[field];
    let s = this.scans[at];
    if (s === undefined) {
      const text = this.record.text[field];
      s = this.scans[at] = text ? this.compiled.scanner.scan(text) : null;
    }
    return s;
  }

  /**
   * The count column when it has a value, else the largest count written in the texts of `fields`;
   * `key` names the pair so rules reading the same number share one reading.
   */
  number(field: NumericField, fields: readonly FieldName[], key: string): NumberRead | null {
    const known = this.numbers[key];
    if (known !== undefined) return known;
    let found: NumberRead | null = null;
    const column = this.record[field];
    if (column !== null) found = { value: column, phrase: null };
    else {
      const read = TEXT_NUMBER_READERS[field];
      for (const f of fields) {
        const text = this.record.text[f];
        const hit = text ? read(text) : null;
        if (hit && (!found || hit.value > found.value)) found = { value: hit.value, phrase: hit.phrase };
      }
    }
    return (this.numbers[key] = found);
  }

  /** What a number read says as evidence; written only for a rule it fires (most numbers fire none). */
  numberEvidence(field: NumericField, read: NumberRead): string {
    return read.phrase === null ? columnEvidence(field, read.value, this.record, this.language) : quote(read.phrase, this.language);
  }
}

/** A number a row offers: from the count column (phrase null), or the phrase of the text it was read from. */
interface NumberRead {
  value: number;
  phrase: string | null;
}

/** Returns the evidence that fired (readable text, '' for context that is never quoted), or null. */
type Matcher = (row: RowView, asOf: Day) => string | null;

/** What a count column says, in the words of its header (调解次数 is not 调解未果次数). */
function columnEvidence(field: NumericField, n: number, record: DisputeRecord, language: Language): string {
  const t = reasonTextsIn(language);
  switch (field) {
    case 'headcount':
      return t.headcount({ n });
    case 'amount':
      return t.amount({ amount: formatAmount(n, language) });
    case 'policeCalls':
      return t.policeCalls({ n });
    case 'mediationFailures':
      return record.mediationColumn === 'attempts' ? t.mediatedStillOpen({ n }) : t.failedMediations({ n });
  }
}

export function compilePreset(preset: TriagePreset, language: Language = 'zh'): CompiledPreset {
  // Class names to trie numbers; a keywords list becomes an anonymous class of its own.
  const names = Object.keys(preset.classes);
  const classIndex = new Map(names.map((name, i) => [name, i]));
  const lists: { words: readonly string[]; exclude?: readonly string[]; context?: boolean }[] = names.map((n) => preset.classes[n]);
  const anonymous = (words: string[]) => {
    lists.push({ words });
    return lists.length - 1;
  };
  const scanFields = new Set<FieldName>();
  const reads = (fields: FieldName[]) => fields.forEach((f) => scanFields.add(f));
  const compile = (c: Condition) => compileCondition(c, preset, language, classIndex, anonymous, reads);
  const rules = preset.rules.map((rule) => ({ rule, test: compile(rule.when) }));
  const scanner = new Scanner({ classes: lists, exclusions: preset.exclusions, negations: preset.negations, notNegations: preset.notNegations, retractions: preset.retractions, reports: preset.reports });
  return {
    preset,
    rules,
    scanner,
    scanFields: [...scanFields],
    presence: new Array<boolean>(scanner.classCount).fill(false),
    // Sized for every field at once: filled by field number from empty, it would grow and go sparse.
    scans: new Array<ScannedText | null | undefined>(FIELD_NAMES.length).fill(undefined),
  };
}

function compileCondition(
  c: Condition,
  preset: TriagePreset,
  language: Language,
  classIndex: Map<string, number>,
  anonymous: (words: string[]) => number,
  reads: (fields: FieldName[]) => void,
): Matcher {
  const recurse = (sub: Condition) => compileCondition(sub, preset, language, classIndex, anonymous, reads);
  const classOf = (name: string) => {
    const i = classIndex.get(name);
    if (i === undefined) throw new Error(`unknown word class "${name}"`); // validatePreset refuses this first
    return i;
  };

  if ('words' in c || 'keywords' in c) {
    const cls = 'words' in c ? classOf(c.words) : anonymous(c.keywords);
    const fields = c.fields ?? preset.textFields;
    reads(fields);
    const quoted = !('quote' in c && c.quote === false);
    return (row) => {
      if (!row.present(cls)) return null;
      for (const field of fields) {
        const scanned = row.scanned(field);
        const hits = scanned?.hitsOf(cls);
        if (!scanned || !hits?.length) continue;
        if (!quoted) return '';
        // Every word of the class in the first one's clause: "互殴致一人轻伤", not "互殴".
        const first = hits[0];
        let end = first.end;
        for (const h of hits) if (h.clause === first.clause) end = Math.max(end, h.end);
        return quote(scanned.quote({ start: first.start, end }, first.clause, first.clause), language);
      }
      return null;
    };
  }
  if ('together' in c) {
    const classes = c.together.map(classOf);
    const unless = (c.unless ?? []).map(classOf);
    const fields = c.fields ?? preset.textFields;
    const window = c.clauses ?? 2;
    const ordered = c.ordered ?? false;
    reads(fields);
    return (row) => {
      for (const cls of classes) if (!row.present(cls)) return null;
      for (const field of fields) {
        const scanned = row.scanned(field);
        if (!scanned) continue;
        const found = findTogether(scanned, classes, window, ordered, unless);
        if (found) return quote(found, language);
      }
      return null;
    };
  }
  if ('pattern' in c) {
    const fields = c.fields ?? preset.textFields;
    const compiled = compilePattern(c.pattern);
    return (row) => {
      for (const field of fields) {
        const text = row.record.text[field];
        if (!text) continue;
        for (const m of compiled.matches(text)) if (!isNegated(text, m.index, preset.negations)) return quote(m.text, language);
      }
      return null;
    };
  }
  if ('number' in c) {
    const { number: field, min, max } = c;
    const fields = c.fields ?? preset.textFields;
    const key = `${field}:${fields.join(',')}`;
    return (row) => {
      const found = row.number(field, fields, key);
      if (found === null) return null;
      if (min !== undefined && found.value < min) return null;
      if (max !== undefined && found.value > max) return null;
      return row.numberEvidence(field, found);
    };
  }
  if ('openForMoreThanDays' in c) {
    const limit = c.openForMoreThanDays;
    return (row, asOf) => {
      const { record } = row;
      if (record.status !== 'open' || record.registered === null) return null;
      const days = asOf - record.registered;
      if (days <= limit) return null;
      return reasonTextsIn(language).daysSinceRegistration({ days });
    };
  }
  if ('all' in c) {
    const parts = c.all.map(recurse);
    return (row, asOf) => {
      const evidence: string[] = [];
      for (const part of parts) {
        const hit = part(row, asOf);
        if (hit === null) return null;
        if (hit) evidence.push(hit);
      }
      return evidence.join(reasonTextsIn(language).evidenceSeparator());
    };
  }
  const parts = c.any.map(recurse);
  return (row, asOf) => {
    for (const part of parts) {
      const hit = part(row, asOf);
      if (hit !== null) return hit;
    }
    return null;
  };
}

/**
 * A word of every class within `window` neighbouring clauses of one sentence, the words distinct
 * (砍刀 alone is not both a weapon and a cut), in the listed order when `ordered`, and no word of an
 * `unless` class in the clauses they stand in. Tighter windows are tried first; returns the quote.
 */
function findTogether(scanned: ScannedText, classes: number[], window: number, ordered: boolean, unless: number[]): string | null {
  // A class with no word in this field: nothing to combine (the common case, checked before any list is made).
  for (const cls of classes) if (scanned.hitsOf(cls).length === 0) return null;
  const all = classes.map((cls) => scanned.hitsOf(cls));
  // A word inside a longer word of another listed class is part of that word: in 砍刀 the 砍 is
  // no act of cutting and the 刀 no second weapon. Such a word starts at most `longest` before it
  // (each list is in text order): only those are looked at, not every hit of the other lists (a
  // cell of 16,000 hits of two classes, in 150 rows, took 85 s).
  let longest = 0;
  for (const list of all) for (const h of list) longest = Math.max(longest, h.end - h.start);
  const inside = (h: Hit, other: readonly Hit[]) => someStartingIn(other, h.start - longest, h.start + 1, (o) => o.end >= h.end && o.end - o.start > h.end - h.start);
  const lists = all.map((list, i) => list.filter((h) => !all.some((other, j) => j !== i && inside(h, other))));
  let lastClause = 0;
  for (const list of lists) {
    if (list.length === 0) return null;
    lastClause = Math.max(lastClause, list[list.length - 1].clause);
  }
  const firstClause = lists[0][0].clause;
  for (let size = 1; size <= window; size++) {
    for (let from = Math.max(0, firstClause - size + 1); from + size - 1 <= lastClause; from++) {
      const to = from + size - 1;
      const inWindow = lists.map((l) => inClauses(l, from, to));
      if (inWindow.some((l) => l.length === 0)) continue;
      const chosen = choose(inWindow, 0, [], ordered);
      if (!chosen) continue;
      let c0 = chosen[0].clause;
      let c1 = c0;
      let start = chosen[0].start;
      let end = chosen[0].end;
      let oneSentence = true;
      for (const h of chosen) {
        c0 = Math.min(c0, h.clause);
        c1 = Math.max(c1, h.clause);
        start = Math.min(start, h.start);
        end = Math.max(end, h.end);
        oneSentence &&= h.sentence === chosen[0].sentence;
      }
      if (!oneSentence) continue;
      if (size > 1 && c1 - c0 + 1 < size) continue; // found already with a tighter window
      // An unless word that is only a piece of a chosen word (老鼠 in 老鼠药) does not block; one that
      // reaches beyond it does (拎走 around 拎: carried off, not brandished).
      const blocks = (h: Hit) => h.clause >= c0 && h.clause <= c1 && !chosen.some((p) => p.start <= h.start && h.end <= p.end);
      if (unless.some((cls) => inClauses(scanned.hitsOf(cls), c0, c1).some(blocks))) continue;
      return scanned.quote({ start, end }, c0, c1);
    }
  }
  return null;
}

/**
 * The hits of `list` (in text order, so by clause too) in clauses `from` to `to`: found by halving,
 * not by filtering the whole list for each window of clauses tried.
 */
function inClauses(list: readonly Hit[], from: number, to: number): readonly Hit[] {
  const clauseAt = (i: number) => list[i].clause;
  return list.slice(firstAtLeast(list.length, clauseAt, from), firstAtLeast(list.length, clauseAt, to + 1));
}

/** One hit per class, pairwise apart, in text order when `ordered`. */
function choose(lists: (readonly Hit[])[], i: number, picked: Hit[], ordered: boolean): Hit[] | null {
  if (i === lists.length) return picked;
  for (const h of lists[i]) {
    if (picked.some((p) => p.start < h.end && h.start < p.end)) continue;
    if (ordered && picked.length && picked[picked.length - 1].start >= h.start) continue;
    const done = choose(lists, i + 1, [...picked, h], ordered);
    if (done) return done;
  }
  return null;
}

function quote(text: string, language: Language): string {
  return reasonTextsIn(language).quoted({ text });
}

/**
 * For `pattern` conditions: negated when a negation stands right before the match ("无自杀倾向"),
 * or a negation of two or more characters stands within the four characters before it.
 */
function isNegated(text: string, at: number, negations: readonly string[]): boolean {
  const before = text.slice(Math.max(0, at - 4), at).split(/[，,。；;！!？?、\s]/).pop()!;
  return negations.some((n) => before.endsWith(n) || (n.length > 1 && before.includes(n)));
}

/**
 * Every rule that fires for the record, most severe first (preset order within a level), each
 * marked with its colour ("红：人身安全威胁：“拿菜刀追砍”"). Rules of one level fired by the very same
 * words are one reason naming each rule ("红：自杀、自残倾向，人身安全威胁：“以喝农药相威胁”"); a milder rule
 * fired by the words of a severer one ("调解未果4次" is both red's ≥3 and yellow's ≥2) is left out.
 */
export function firedReasons(compiled: CompiledPreset, record: DisputeRecord, asOf: Day, language: Language = 'zh'): Reason[] {
  const row = new RowView(record, compiled, language);
  const fired: { rule: TriageRule; evidence: string }[] = [];
  for (const { rule, test } of compiled.rules) {
    const evidence = test(row, asOf);
    if (evidence !== null) fired.push({ rule, evidence });
  }
  // Most disputes fire no rule: nothing to sort or group.
  if (fired.length === 0) return [];
  fired.sort((a, b) => LEVEL_RANK[b.rule.level] - LEVEL_RANK[a.rule.level]);
  const t = reasonTextsIn(language);
  const separator = t.partSeparator();
  const labelSeparator = t.labelSeparator();
  const groups: { level: Level; rules: TriageRule[]; evidence: string }[] = [];
  const byEvidence = new Map<string, (typeof groups)[number]>();
  for (const { rule, evidence } of fired) {
    const earlier = evidence ? byEvidence.get(evidence) : undefined;
    if (earlier) {
      if (earlier.level === rule.level) earlier.rules.push(rule);
      continue;
    }
    const group = { level: rule.level, rules: [rule], evidence };
    groups.push(group);
    if (evidence) byEvidence.set(evidence, group);
  }
  return groups.map(({ level, rules, evidence }) => ({
    rule: rules[0].id,
    level,
    text: [levelMark(level, language), rules.map((r) => r.label[language]).join(labelSeparator), ...(evidence ? [evidence] : [])].join(separator),
  }));
}

/** The status reason of every resolved or closed dispute: one object each, shared (reasons are never changed). */
const STATUS_REASONS = Object.fromEntries(
  (['resolved', 'closed'] as const).map((status) => [
    status,
    {
      zh: { rule: `status.${status}`, level: 'green', text: REASON_TEXTS[status].zh },
      en: { rule: `status.${status}`, level: 'green', text: REASON_TEXTS[status].en },
    },
  ]),
) as Record<'resolved' | 'closed', Record<Language, Reason>>;

/** Written when no rule fired, in the reasons column and after a manual level. */
export const NO_RULE_FIRED: Record<Language, string> = REASON_TEXTS.noRuleFired;

/**
 * Takes the status a description states of itself (DisputeRecord.statedStatus, "…，纠纷已化解") as
 * the dispute's, unless a red rule fires on it: "张某扬言要砍死李某，纠纷已化解" stays open and red,
 * for a red passed over is the failure the mechanism exists to prevent. Run before the dispute is
 * triaged and scheduled (job/run-job.ts; the triage corpus reads lines the same way).
 */
export function settleStatedStatus(compiled: CompiledPreset, record: DisputeRecord, asOf: Day): void {
  if (record.status !== 'open' || record.statedStatus === undefined) return;
  if (!firedReasons(compiled, record, asOf).some((r) => r.level === 'red')) record.status = record.statedStatus;
}

/**
 * The level of one dispute: the highest colour any rule gives; a resolved or closed dispute moves
 * to green (domain.md); a manual level wins for open disputes, says so first in the reasons, and
 * is flagged when below the suggestion.
 */
export function triageRecord(compiled: CompiledPreset, record: DisputeRecord, asOf: Day, language: Language = 'zh'): TriageResult {
  const fired = firedReasons(compiled, record, asOf, language);
  const risk: Level = fired.length ? fired[0].level : 'green';
  const manual = record.manualLevel;
  if (record.status !== 'open') {
    const statusReason = STATUS_REASONS[record.status][language];
    return { suggested: 'green', reasons: [statusReason, ...fired], manual, effective: 'green', needsReview: false };
  }
  const reasons = fired;
  if (manual !== null) {
    const t = reasonTextsIn(language);
    const manualReason: Reason = {
      rule: 'manual',
      level: manual,
      text: `${t.setByHand()}${t.partSeparator()}${levelMark(manual, language)}`,
    };
    const none: Reason[] = fired.length ? [] : [{ rule: 'none', level: 'green', text: NO_RULE_FIRED[language] }];
    return {
      suggested: risk,
      reasons: [manualReason, ...none, ...fired],
      manual,
      effective: manual,
      needsReview: LEVEL_RANK[manual] < LEVEL_RANK[risk],
    };
  }
  return { suggested: risk, reasons, manual, effective: risk, needsReview: false };
}
