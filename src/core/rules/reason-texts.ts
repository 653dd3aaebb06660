import { compileTemplate, type Catalogue } from '../messages';
import type { Language, Level } from '../model';

/**
 * The words of a triage reason ("红：人身安全威胁：“拿菜刀追砍”"), in the one catalogue shape. The
 * rules' own labels come from the preset; what joins them, quotes the ledger's words and says what
 * a count column holds is here.
 */
export const REASON_TEXTS = {
  red: { zh: '红', en: 'Red' },
  yellow: { zh: '黄', en: 'Yellow' },
  green: { zh: '绿', en: 'Green' },
  headcount: { zh: '涉及{n}人', en: '{n} people' },
  amount: { zh: '涉及金额{amount}元', en: 'amount {amount} yuan' },
  policeCalls: { zh: '报警{n}次', en: '{n} police calls' },
  mediatedStillOpen: { zh: '已调解{n}次仍未化解', en: 'mediated {n} times, still unresolved' },
  failedMediations: { zh: '调解未果{n}次', en: '{n} failed mediations' },
  daysSinceRegistration: { zh: '登记已{days}天', en: '{days} days since registration' },
  quoted: { zh: '“{text}”', en: '"{text}"' },
  /** Between the pieces of evidence of one rule. */
  evidenceSeparator: { zh: '、', en: ', ' },
  /** Between the level, the rules' labels and the evidence. */
  partSeparator: { zh: '：', en: ': ' },
  /** Between the labels of rules fired by the same words. */
  labelSeparator: { zh: '，', en: '; ' },
  resolved: { zh: '已化解：转绿色定期回访', en: 'Resolved: green, periodic revisits' },
  closed: { zh: '已销号：不再回访', en: 'Closed: no further revisits' },
  noRuleFired: { zh: '规则未触发预警', en: 'No warning rule fired' },
  setByHand: { zh: '人工定级', en: 'Set by hand' },
} as const satisfies Catalogue;

type ReasonKey = keyof typeof REASON_TEXTS;

/**
 * The reason texts of one language, their templates split once: a reason is worded for most rows
 * of a 100,000-row ledger, where filling a template by expression would cost a tenth of a second.
 */
export function reasonTextsIn(language: Language): { [K in ReasonKey]: (params?: Record<string, string | number>) => string } {
  const cached = COMPILED.get(language);
  if (cached) return cached;
  const compiled = Object.fromEntries(Object.entries(REASON_TEXTS).map(([key, text]) => [key, compileTemplate(text[language])])) as ReturnType<typeof reasonTextsIn>;
  COMPILED.set(language, compiled);
  return compiled;
}

const COMPILED = new Map<Language, ReturnType<typeof reasonTextsIn>>();

/** A level as a reason names it. */
export function levelMark(level: Level, language: Language): string {
  return REASON_TEXTS[level][language];
}

/**
 * An amount in yuan as a number the reader of `language` writes: 12万 (a whole number of ten
 * thousands, as ledgers write amounts), else the digits; 120,000 in English.
 */
export function formatAmount(yuan: number, language: Language): string {
  if (language === 'en') return yuan.toLocaleString('en-US');
  return yuan >= 10000 && yuan % 100 === 0 ? `${yuan / 10000}万` : String(yuan);
}
