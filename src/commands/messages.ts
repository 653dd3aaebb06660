import type { JobReport, SummaryOptions } from '../addin/host';
import type { Language } from '../core';
import type { CommandName } from './names';

/**
 * What the ribbon commands tell the user, in Chinese and English. Messages that come from the host
 * or the core (no ledger found, a bad preset …) are already in the user's language and are shown
 * as they are, after the command's name.
 */
interface CommandTexts {
  label: Record<CommandName, string>;
  done: string;
  failed: string;
  triage: (r: JobReport) => string[];
  dueList: (r: JobReport) => string[];
  summary: (r: JobReport, o: SummaryOptions) => string[];
  failure: (label: string, detail: string) => string;
  errorCode: (code: string) => string;
  unknownError: string;
  staticFills: string;
}

const zh: CommandTexts = {
  label: { triageAndColour: '一键分级上色', writeDueList: '生成回访清单', writeMeetingSummary: '生成联席会议汇总' },
  done: '完成',
  failed: '未完成',
  triage: ({ sheet, counts: c }) => [
    `已为“${sheet}”中的 ${c.disputes} 件纠纷定级并上色：红色 ${c.byLevel.red} 件，黄色 ${c.byLevel.yellow} 件，绿色 ${c.byLevel.green} 件。`,
    ...(c.needsReview ? [`其中 ${c.needsReview} 件的人工定级低于建议等级，请复核。`] : []),
    ...(c.unreadableRows ? [`有 ${c.unreadableRows} 行的部分单元格无法读取，已按空白处理；点击“打开面板”可查看是哪些单元格。`] : []),
  ],
  dueList: ({ sheet, counts: c }) => [
    c.dueToday || c.overdue
      ? `已生成“${sheet}”：今日到期回访 ${c.dueToday} 件，逾期 ${c.overdue} 件。`
      : `已生成“${sheet}”：今天没有到期或逾期的回访。`,
  ],
  summary: ({ sheet, counts: c, meeting: m }, o) => [
    `已生成“${sheet}”，会议期间 ${o.from} 至 ${o.to}。`,
    ...(m ? [`本期排查 ${m.registered} 件，调处 ${m.handled} 件，化解成功 ${m.resolved} 件；在办 ${m.open.total} 件（红 ${m.open.red}、黄 ${m.open.yellow}、绿 ${m.open.green}）。`] : []),
    `台账现有红色 ${c.byLevel.red} 件，黄色 ${c.byLevel.yellow} 件，绿色 ${c.byLevel.green} 件。`,
    o.mask ? '汇总中的姓名、身份证号和电话已遮蔽。' : '注意：本次汇总没有遮蔽姓名、身份证号和电话，请勿外发。',
  ],
  failure: (label, detail) => `${label}未完成：${detail}`,
  errorCode: (code) => `（错误代码 ${code}）`,
  unknownError: '发生了未知错误。请重试；如果反复出现，请点击“打开面板”再试一次。',
  staticFills: '此版本 Excel 不支持条件格式，行颜色是直接填充的底色；修改等级后请再次点击“一键分级上色”。',
};

const en: CommandTexts = {
  label: { triageAndColour: 'Triage and colour', writeDueList: 'Revisit list', writeMeetingSummary: 'Meeting summary' },
  done: 'done',
  failed: 'not done',
  triage: ({ sheet, counts: c }) => [
    `Levelled and coloured ${c.disputes} disputes in "${sheet}": ${c.byLevel.red} red, ${c.byLevel.yellow} yellow, ${c.byLevel.green} green.`,
    ...(c.needsReview ? [`${c.needsReview} have a manual level below the suggested one; please review them.`] : []),
    ...(c.unreadableRows ? [`${c.unreadableRows} rows have cells that could not be read and were treated as blank; choose Open pane to see which.`] : []),
  ],
  dueList: ({ sheet, counts: c }) => [
    c.dueToday || c.overdue
      ? `Wrote "${sheet}": ${c.dueToday} revisits due today, ${c.overdue} overdue.`
      : `Wrote "${sheet}": no revisits are due or overdue today.`,
  ],
  summary: ({ sheet, counts: c, meeting: m }, o) => [
    `Wrote "${sheet}" for the meeting period ${o.from} to ${o.to}.`,
    ...(m ? [`In the period ${m.registered} registered, ${m.handled} handled, ${m.resolved} resolved; ${m.open.total} open (${m.open.red} red, ${m.open.yellow} yellow, ${m.open.green} green).`] : []),
    `The ledger now has ${c.byLevel.red} red, ${c.byLevel.yellow} yellow and ${c.byLevel.green} green disputes.`,
    o.mask ? 'Names, ID numbers and phone numbers in the summary are masked.' : 'Note: names, ID numbers and phone numbers are NOT masked in this summary; do not hand it out.',
  ],
  failure: (label, detail) => `${label} did not finish: ${detail}`,
  errorCode: (code) => ` (error code ${code})`,
  unknownError: 'An unknown error occurred. Please try again; if it keeps happening, try from Open pane.',
  staticFills: 'This Excel has no conditional formats, so rows are filled with fixed colours; choose Triage and colour again after changing a level.',
};

const TEXTS: Record<Language, CommandTexts> = { zh, en };

/** The dialog's title: the button's name and whether it finished. */
export function commandTitle(name: CommandName, ok: boolean, language: Language): string {
  const t = TEXTS[language];
  return language === 'zh' ? `${t.label[name]}：${ok ? t.done : t.failed}` : `${t.label[name]}: ${ok ? t.done : t.failed}`;
}

export function triageDone(report: JobReport, language: Language): string {
  const t = TEXTS[language];
  return [...t.triage(report), ...(report.staticFills ? [t.staticFills] : [])].join('\n');
}

export function dueListDone(report: JobReport, language: Language): string {
  return TEXTS[language].dueList(report).join('\n');
}

export function summaryDone(report: JobReport, options: SummaryOptions, language: Language): string {
  return TEXTS[language].summary(report, options).join('\n');
}

/**
 * A failure as the user reads it: which button, then the error's own message (the host's and
 * the core's are already in the user's language), then Office's error code when it has one and
 * the message does not already say it (OfficeExtension.Error: 'InvalidArgument', 'AccessDenied' …).
 */
export function failureMessage(name: CommandName, error: unknown, language: Language): string {
  const t = TEXTS[language];
  const detail = errorText(error);
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const suffix = code && detail && !detail.includes(code) ? t.errorCode(code) : '';
  return t.failure(t.label[name], (detail || t.unknownError) + suffix);
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error.trim();
  if (error instanceof Error) return error.message.trim();
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message.trim();
  return '';
}
