import type { JobReport, SummaryOptions } from '../addin/host';
import { textIn, type Catalogue, type Language } from '../core';
import type { CommandName } from './names';

/**
 * What the ribbon commands tell the user, in the one catalogue shape (src/core/messages).
 * Messages that come from the host or the core (no ledger found, a bad preset …) are already in
 * the user's language and are shown as they are, after the command's name.
 */
export const COMMAND_MESSAGES = {
  'label.triageAndColour': { zh: '一键分级上色', en: 'Triage and colour' },
  'label.writeDueList': { zh: '生成回访清单', en: 'Revisit list' },
  'label.writeMeetingSummary': { zh: '生成联席会议汇总', en: 'Meeting summary' },
  // The dialog's title: the button's name and whether it finished.
  'title': { zh: '{label}：{outcome}', en: '{label}: {outcome}' },
  'done': { zh: '完成', en: 'done' },
  'failed': { zh: '未完成', en: 'not done' },

  'triage.done': {
    zh: '已为“{sheet}”中的 {disputes} 件纠纷定级并上色：红色 {red} 件，黄色 {yellow} 件，绿色 {green} 件。',
    en: 'Levelled and coloured {disputes} disputes in "{sheet}": {red} red, {yellow} yellow, {green} green.',
  },
  'triage.needsReview': { zh: '其中 {n} 件的人工定级低于建议等级，请复核。', en: '{n} have a manual level below the suggested one; please review them.' },
  'triage.unreadable': {
    zh: '有 {n} 行的部分单元格无法读取，已按空白处理；点击“打开面板”可查看是哪些单元格。',
    en: '{n} rows have cells that could not be read and were treated as blank; choose Open pane to see which.',
  },
  'triage.staticFills': {
    zh: '此版本 Excel 不支持条件格式，行颜色是直接填充的底色；修改等级后请再次点击“一键分级上色”。',
    en: 'This Excel has no conditional formats, so rows are filled with fixed colours; choose Triage and colour again after changing a level.',
  },

  'dueList.done': { zh: '已生成“{sheet}”：今日到期回访 {today} 件，逾期 {overdue} 件。', en: 'Wrote "{sheet}": {today} revisits due today, {overdue} overdue.' },
  'dueList.noneDue': { zh: '已生成“{sheet}”：今天没有到期或逾期的回访。', en: 'Wrote "{sheet}": no revisits are due or overdue today.' },

  'summary.done': { zh: '已生成“{sheet}”，会议期间 {from} 至 {to}。', en: 'Wrote "{sheet}" for the meeting period {from} to {to}.' },
  'summary.meeting': {
    zh: '本期排查 {registered} 件，调处 {handled} 件，化解成功 {resolved} 件；在办 {total} 件（红 {red}、黄 {yellow}、绿 {green}）。',
    en: 'In the period {registered} registered, {handled} handled, {resolved} resolved; {total} open ({red} red, {yellow} yellow, {green} green).',
  },
  'summary.levels': {
    zh: '台账现有红色 {red} 件，黄色 {yellow} 件，绿色 {green} 件。',
    en: 'The ledger now has {red} red, {yellow} yellow and {green} green disputes.',
  },
  'summary.masked': { zh: '汇总中的姓名、身份证号和电话已遮蔽。', en: 'Names, ID numbers and phone numbers in the summary are masked.' },
  'summary.notMasked': {
    zh: '注意：本次汇总没有遮蔽姓名、身份证号和电话，请勿外发。',
    en: 'Note: names, ID numbers and phone numbers are NOT masked in this summary; do not hand it out.',
  },

  'failure': { zh: '{label}未完成：{detail}', en: '{label} did not finish: {detail}' },
  'failure.code': { zh: '（错误代码 {code}）', en: ' (error code {code})' },
  'failure.unknown': {
    zh: '发生了未知错误。请重试；如果反复出现，请点击“打开面板”再试一次。',
    en: 'An unknown error occurred. Please try again; if it keeps happening, try from Open pane.',
  },
} as const satisfies Catalogue;

/** The dialog's title: the button's name and whether it finished. */
export function commandTitle(name: CommandName, ok: boolean, language: Language): string {
  const t = textIn(COMMAND_MESSAGES, language);
  return t('title', { label: t(`label.${name}`), outcome: t(ok ? 'done' : 'failed') });
}

export function triageDone({ sheet, counts: c, staticFills }: JobReport, language: Language): string {
  const t = textIn(COMMAND_MESSAGES, language);
  return [
    t('triage.done', { sheet, disputes: c.disputes, ...c.byLevel }),
    ...(c.needsReview ? [t('triage.needsReview', { n: c.needsReview })] : []),
    ...(c.unreadableRows ? [t('triage.unreadable', { n: c.unreadableRows })] : []),
    ...(staticFills ? [t('triage.staticFills')] : []),
  ].join('\n');
}

export function dueListDone({ sheet, counts: c }: JobReport, language: Language): string {
  const t = textIn(COMMAND_MESSAGES, language);
  return c.dueToday || c.overdue ? t('dueList.done', { sheet, today: c.dueToday, overdue: c.overdue }) : t('dueList.noneDue', { sheet });
}

export function summaryDone({ sheet, counts: c, meeting: m }: JobReport, options: SummaryOptions, language: Language): string {
  const t = textIn(COMMAND_MESSAGES, language);
  return [
    t('summary.done', { sheet, from: options.from, to: options.to }),
    ...(m ? [t('summary.meeting', { registered: m.registered, handled: m.handled, resolved: m.resolved, ...m.open })] : []),
    t('summary.levels', c.byLevel),
    t(options.mask ? 'summary.masked' : 'summary.notMasked'),
  ].join('\n');
}

/**
 * A failure as the user reads it: which button, then the error's own message (the host's and
 * the core's are already in the user's language), then Office's error code when it has one and
 * the message does not already say it (OfficeExtension.Error: 'InvalidArgument', 'AccessDenied' …).
 */
export function failureMessage(name: CommandName, error: unknown, language: Language): string {
  const t = textIn(COMMAND_MESSAGES, language);
  const detail = errorText(error);
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const suffix = code && detail && !detail.includes(code) ? t('failure.code', { code }) : '';
  return t('failure', { label: t(`label.${name}`), detail: (detail || t('failure.unknown')) + suffix });
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error.trim();
  if (error instanceof Error) return error.message.trim();
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message.trim();
  return '';
}
