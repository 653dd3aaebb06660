import { LEVEL_RANK, type Day, type DisputeRecord, type Language, type Level, type Reason, type TriageResult } from '../model';
import type { Condition, NumericField, TriagePreset, TriageRule } from './types';

/** A preset with its patterns compiled once, ready to run over many rows. */
export interface CompiledPreset {
  preset: TriagePreset;
  rules: { rule: TriageRule; test: Matcher }[];
}

/** Returns the evidence that fired (readable text), or null. */
type Matcher = (record: DisputeRecord, asOf: Day) => string | null;

const NUMBER_LABEL: Record<NumericField, { zh: (n: number) => string; en: (n: number) => string }> = {
  headcount: { zh: (n) => `涉及${n}人`, en: (n) => `${n} people` },
  amount: { zh: (n) => `涉及金额${formatYuan(n)}`, en: (n) => `amount ${n} yuan` },
  mediationFailures: { zh: (n) => `调解未果${n}次`, en: (n) => `${n} failed mediations` },
  policeCalls: { zh: (n) => `报警${n}次`, en: (n) => `${n} police calls` },
};

function formatYuan(n: number): string {
  return n >= 10000 && n % 100 === 0 ? `${n / 10000}万元` : `${n}元`;
}

export function compilePreset(preset: TriagePreset, language: Language = 'zh'): CompiledPreset {
  return {
    preset,
    rules: preset.rules.map((rule) => ({ rule, test: compileCondition(rule.when, preset, language) })),
  };
}

function compileCondition(c: Condition, preset: TriagePreset, language: Language): Matcher {
  if ('keywords' in c) {
    const fields = c.fields ?? preset.textFields;
    return (record) => {
      for (const field of fields) {
        const text = record.text[field];
        if (!text) continue;
        for (const keyword of c.keywords) {
          if (findUnnegated(text, keyword, preset.negations)) return quote(keyword, language);
        }
      }
      return null;
    };
  }
  if ('pattern' in c) {
    const fields = c.fields ?? preset.textFields;
    const regex = new RegExp(c.pattern, 'gu');
    return (record) => {
      for (const field of fields) {
        const text = record.text[field];
        if (!text) continue;
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m; m = regex.exec(text)) {
          if (!isNegated(text, m.index, preset.negations)) return quote(m[0], language);
          if (m[0] === '') regex.lastIndex++;
        }
      }
      return null;
    };
  }
  if ('number' in c) {
    const { number: field, min, max } = c;
    return (record) => {
      const value = record[field];
      if (value === null) return null;
      if (min !== undefined && value < min) return null;
      if (max !== undefined && value > max) return null;
      return NUMBER_LABEL[field][language](value);
    };
  }
  if ('openForMoreThanDays' in c) {
    const limit = c.openForMoreThanDays;
    return (record, asOf) => {
      if (record.status !== 'open' || record.registered === null) return null;
      const days = asOf - record.registered;
      if (days <= limit) return null;
      return language === 'zh' ? `登记已${days}天` : `${days} days since registration`;
    };
  }
  if ('all' in c) {
    const parts = c.all.map((sub) => compileCondition(sub, preset, language));
    return (record, asOf) => {
      const evidence: string[] = [];
      for (const part of parts) {
        const hit = part(record, asOf);
        if (hit === null) return null;
        evidence.push(hit);
      }
      return evidence.join(language === 'zh' ? '、' : ', ');
    };
  }
  const parts = c.any.map((sub) => compileCondition(sub, preset, language));
  return (record, asOf) => {
    for (const part of parts) {
      const hit = part(record, asOf);
      if (hit !== null) return hit;
    }
    return null;
  };
}

function quote(text: string, language: Language): string {
  return language === 'zh' ? `“${text}”` : `"${text}"`;
}

/** True when `keyword` occurs in `text` at least once without a negation right before it. */
function findUnnegated(text: string, keyword: string, negations: readonly string[]): boolean {
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if (!isNegated(text, at, negations)) return true;
  }
  return false;
}

/**
 * A hit is negated when a negation stands right before it ("无自杀倾向"), or a negation of two or
 * more characters stands within the four characters before it ("未发现有自杀", "否认有持刀"). A
 * one-character negation further away is not enough: "无故持刀" is no denial.
 */
function isNegated(text: string, at: number, negations: readonly string[]): boolean {
  const before = text.slice(Math.max(0, at - 4), at).split(/[，,。；;！!？?、\s]/).pop()!;
  return negations.some((n) => before.endsWith(n) || (n.length > 1 && before.includes(n)));
}

/**
 * Every rule that fires for the record, most severe first (preset order within a level). A milder
 * rule fired by the very same evidence as a more severe one ("调解未果4次" is both red's ≥3 and
 * yellow's ≥2) adds nothing to read and is left out.
 */
export function firedReasons(compiled: CompiledPreset, record: DisputeRecord, asOf: Day, language: Language = 'zh'): Reason[] {
  const fired: (Reason & { evidence: string })[] = [];
  for (const { rule, test } of compiled.rules) {
    const evidence = test(record, asOf);
    if (evidence === null) continue;
    const separator = language === 'zh' ? '：' : ': ';
    fired.push({ rule: rule.id, level: rule.level, text: `${rule.label[language]}${separator}${evidence}`, evidence });
  }
  fired.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  const seen = new Set<string>();
  const reasons: Reason[] = [];
  for (const { evidence, ...reason } of fired) {
    if (seen.has(evidence)) continue;
    seen.add(evidence);
    reasons.push(reason);
  }
  return reasons;
}

const STATUS_REASON: Record<'resolved' | 'closed', { zh: string; en: string }> = {
  resolved: { zh: '已化解：转绿色定期回访', en: 'Resolved: green, periodic revisits' },
  closed: { zh: '已销号：不再回访', en: 'Closed: no further revisits' },
};

/**
 * The level of one dispute: the highest colour any rule gives; a resolved or closed dispute moves
 * to green (domain.md); a manual level wins for open disputes and is flagged when below the suggestion.
 */
export function triageRecord(compiled: CompiledPreset, record: DisputeRecord, asOf: Day, language: Language = 'zh'): TriageResult {
  const fired = firedReasons(compiled, record, asOf, language);
  const risk: Level = fired.length ? fired[0].level : 'green';
  const manual = record.manualLevel;
  if (record.status !== 'open') {
    const statusReason: Reason = { rule: `status.${record.status}`, level: 'green', text: STATUS_REASON[record.status][language] };
    return { suggested: 'green', reasons: [statusReason, ...fired], manual, effective: 'green', needsReview: false };
  }
  return {
    suggested: risk,
    reasons: fired,
    manual,
    effective: manual ?? risk,
    needsReview: manual !== null && LEVEL_RANK[manual] < LEVEL_RANK[risk],
  };
}

