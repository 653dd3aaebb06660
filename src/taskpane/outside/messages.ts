import { textIn, type Catalogue, type Language, type Text } from '../../core';
import type { SelectProblem } from '../../addin/selection';

/**
 * What the page says around the pane outside Excel — the file chooser and the selection box — in
 * the one catalogue shape (src/core/messages). The pane itself speaks from src/ui/messages.ts.
 */
export const OUTSIDE_MESSAGES = {
  // The file input's accessible name, in both languages: the e2e suite and users of either language find it.
  'file.label': { zh: '选择台账文件 / Open a ledger file', en: '选择台账文件 / Open a ledger file' },
  'file.choose': { zh: '选择台账文件…', en: 'Open a ledger file…' },
  'file.chooseAnother': { zh: '换一个台账文件…', en: 'Open another ledger file…' },
  'file.intro': {
    zh: '当前不在 Excel 中。选择一个台账文件（.xlsx 或 .xlsm），即可在浏览器中使用三色台账；文件只在本页中处理，不会上传。处理后的工作簿可另存为新文件下载，原文件不变。',
    en: 'This page is not running in Excel. Choose a ledger file (.xlsx or .xlsm) to use Tricolor Ledger in the browser: the file is handled in this page only, never uploaded. The changed workbook can be downloaded as a new file; the original is not changed.',
  },
  'file.opening': { zh: '正在打开 {name}…', en: 'Opening {name}…' },
  'file.opened': { zh: '已打开 {name}（浏览器内存中的副本）', en: '{name} is open (a copy in this page’s memory)' },
  'file.failed': { zh: '无法打开：{message}', en: 'Could not open the file: {message}' },
  'file.download': { zh: '下载处理后的工作簿', en: 'Download the changed workbook' },
  'file.downloadHint': { zh: '另存为 {name}，原文件不变', en: 'Saved as {name}; the original file is not changed' },
  'file.unsaved': { zh: '工作簿已改动，尚未下载', en: 'The workbook has changes that are not downloaded yet' },

  'select.label': { zh: '选中单元格或行', en: 'Select a cell or row' },
  'select.hint': {
    zh: '这里没有表格可点：输入单元格（B35）、行号（35）或 工作表!单元格，相当于在 Excel 中选中。',
    en: 'There is no grid to click here: type a cell (B35), a row number (35) or Sheet!Cell to select it as you would in Excel.',
  },
  'select.button': { zh: '选中', en: 'Select' },
  'select.current': { zh: '当前选中：{where}', en: 'Selected: {where}' },
  'select.currentEmpty': { zh: '当前选中：{where}（空单元格）', en: 'Selected: {where} (empty cell)' },
  'select.currentHolding': { zh: '当前选中：{where}，内容：{value}', en: 'Selected: {where}, holding: {value}' },
  'select.problem.address': {
    zh: '“{text}”不是单元格或行号，请输入如 B35、35 或 联席会议汇总!B6',
    en: '“{text}” is not a cell or row: type e.g. B35, 35 or 联席会议汇总!B6',
  },
  'select.problem.sheet': { zh: '没有名为“{sheet}”的工作表', en: 'There is no sheet named “{sheet}”' },
  'select.problem.hidden': { zh: '工作表“{sheet}”已隐藏，不能选中其中的单元格', en: 'The sheet “{sheet}” is hidden; its cells cannot be selected' },
} as const satisfies Catalogue;

export type OutsideText = Text<typeof OUTSIDE_MESSAGES>;

/** The text around the pane outside Excel, in `language`. */
export function outsideText(language: Language): OutsideText {
  return textIn(OUTSIDE_MESSAGES, language);
}

/** The selection, and for one cell what it holds (value null: several cells; '' an empty cell). */
export function selectionText(t: OutsideText, where: string, value: string | null): string {
  if (value === null) return t('select.current', { where });
  return value === '' ? t('select.currentEmpty', { where }) : t('select.currentHolding', { where, value });
}

/** Why a reference typed in the selection box selects nothing. */
export function selectProblemText(t: OutsideText, problem: SelectProblem): string {
  switch (problem.kind) {
    case 'address':
      return t('select.problem.address', { text: problem.text });
    case 'sheet':
      return t('select.problem.sheet', { sheet: problem.sheet });
    case 'hidden':
      return t('select.problem.hidden', { sheet: problem.sheet });
  }
}
