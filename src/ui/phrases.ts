import { FIELD_LABELS, FIELD_NAMES, label, type Catalogue, type DisputeRef, type FieldName, type Language, type Level } from '../core';
import { uiText, type UiMessage } from './messages';

/*
 * The texts that need a choice before they are filled — an empty list, a plural, a value that may
 * be missing — each chosen here by key from the catalogue (messages.ts), so no component branches
 * on the language.
 */

/** A level as a word: 红 / Red (the summary's labels, one name for the pane, the page and the sheet). */
export function levelName(language: Language, level: Level): string {
  return label(language, level);
}

/** A colour badge's text: 红 3 / Red 3. */
export function levelCountText(language: Language, level: Level, count: number): string {
  return uiText(language)('levelCount', { level: levelName(language, level), count });
}

/**
 * Field names as the pane and the page show them: the ledgers' Chinese name, and in English the
 * English name with the Chinese beside it, since the user's headers are Chinese whatever the
 * display language. Built from the core's field labels, so a field is named in one place.
 */
export const FIELD_TITLES: Catalogue<FieldName> = Object.fromEntries(
  FIELD_NAMES.map((f) => [f, { zh: FIELD_LABELS[f].zh, en: `${FIELD_LABELS[f].en} (${FIELD_LABELS[f].zh})` }]),
) as Record<FieldName, { zh: string; en: string }>;

export function fieldTitle(language: Language, field: FieldName): string {
  return FIELD_TITLES[field][language];
}

/** Items as one list: 甲、乙 / A, B. */
export function listText(language: Language, items: readonly string[]): string {
  return items.join(uiText(language)('list.separator'));
}

/** The keys with a `.one` form for a count of one (English "1 dispute"; Chinese says both alike). */
type BaseOfOne<M> = M extends `${infer Base}.one` ? Base : never;
type Countable = BaseOfOne<UiMessage> & UiMessage;

/** The key for `n` of something: `key.one` for one, else `key`. */
function counted<K extends Countable>(key: K, n: number): K | `${K}.one` {
  return n === 1 ? `${key}.one` : key;
}

/** 共 3 件纠纷 / 3 disputes. */
export function disputeCount(language: Language, n: number): string {
  return uiText(language)(counted('jobs.disputes', n), { n });
}

/** 合计 3 件纠纷 / Total 3 disputes. */
export function jointTotal(language: Language, n: number): string {
  return uiText(language)(counted('summary.jointTotal', n), { n });
}

/** What a joint summary will do, with the number of other units' ledgers. */
export function willJoin(language: Language, others: number): string {
  return uiText(language)(counted('summary.willJoin', others), { n: others });
}

/** The ledger's header rows: 第 3、4 行, or （未识别） when none was found. */
export function headerRowsText(language: Language, rows: readonly number[]): string {
  const t = uiText(language);
  return rows.length ? t('ledger.rows', { rows: listText(language, rows.map(String)) }) : t('ledger.rowsNone');
}

/** A mapping dropdown's accessible name: the column and its header, （空） for a blank one. */
export function fieldForText(language: Language, column: string, header: string): string {
  const t = uiText(language);
  return t('ledger.fieldFor', { column, header: header || t('ledger.blankHeader') });
}

/** A correction just made: the field is now in `column`, or (null) the ledger has none. */
export function correctionText(language: Language, field: FieldName, column: string | null): string {
  const t = uiText(language);
  const name = fieldTitle(language, field);
  return column ? t('ledger.saved', { field: name, column }) : t('ledger.savedAbsent', { field: name });
}

/** The fields no column holds. */
export function missingFieldsText(language: Language, fields: readonly FieldName[]): string {
  return uiText(language)('ledger.missingFields', { fields: listText(language, fields.map((f) => fieldTitle(language, f))) });
}

/** The selected dispute's next revisit, or that none is needed (null). */
export function nextRevisitText(language: Language, date: string | null): string {
  const t = uiText(language);
  return date ? t('revisit.nextRevisit', { date }) : t('revisit.noNextRevisit');
}

/** After a revisit is recorded: the next one, or that the dispute needs none (null). */
export function recordedNextText(language: Language, date: string | null): string {
  const t = uiText(language);
  return date ? t('revisit.recordedNext', { date }) : t('revisit.recordedLast');
}

/** The word classes a rule reads, or those that stop it (`unless`). */
export function classesText(language: Language, which: 'used' | 'unless', labels: readonly string[]): string {
  const t = uiText(language);
  const list = labels.join(t('rules.classSeparator'));
  return which === 'used' ? t('rules.classesUsed', { labels: list }) : t('rules.classesUnless', { labels: list });
}

/** A problem with a file, said with its name unless the message names it already. */
export function fileProblemText(language: Language, file: string, message: string): string {
  return message.includes(file) ? message : uiText(language)('summary.fileProblem', { file, message });
}

/** A ledger line as people name it: 派出所 序号9, 司法所 青司调〔2026〕36号, or 派出所 第12行. */
export function disputeRefText(language: Language, ref: DisputeRef): string {
  const t = uiText(language);
  if (/^\d+$/.test(ref.serial)) return t('ref.serial', { unit: ref.unit, serial: ref.serial });
  return ref.serial ? t('ref.caseNumber', { unit: ref.unit, number: ref.serial }) : t('ref.row', { unit: ref.unit, row: ref.row });
}

/** One dispute several units hold: 派出所 序号9 ＝ 司法所 青司调〔2026〕36号. */
export function duplicateText(language: Language, refs: readonly DisputeRef[]): string {
  return refs.map((r) => disputeRefText(language, r)).join(uiText(language)('ref.same'));
}
