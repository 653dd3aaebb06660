import type { Language } from '../../core';
import type { SelectProblem } from '../../hosts/inbrowser/selection';

/** What the page says around the pane outside Excel: the file chooser and the selection box. */
export const OUTSIDE_TEXT = {
  zh: {
    /** The file input's accessible name, in both languages (the e2e suite and users of either language find it). */
    fileLabel: '选择台账文件 / Open a ledger file',
    chooseButton: '选择台账文件…',
    chooseAnother: '换一个台账文件…',
    intro: '当前不在 Excel 中。选择一个台账文件（.xlsx 或 .xlsm），即可在浏览器中试用三色台账；文件只在本页内存中处理，不会上传，也不会改动原文件。',
    opening: (name: string) => `正在打开 ${name}…`,
    opened: (name: string) => `已打开 ${name}（浏览器内存中的副本）`,
    failed: (message: string) => `无法打开：${message}`,
    selectLabel: '选中单元格或行',
    selectHint: '这里没有表格可点：输入单元格（B35）、行号（35）或 工作表!单元格，相当于在 Excel 中选中。',
    selectButton: '选中',
    /** The selection, and for one cell what it holds (value null: several cells). */
    current: (where: string, value: string | null) =>
      `当前选中：${where}${value === null ? '' : value === '' ? '（空单元格）' : `，内容：${value}`}`,
    problem: (p: SelectProblem) =>
      p.kind === 'address'
        ? `“${p.text}”不是单元格或行号，请输入如 B35、35 或 联席会议汇总!B6`
        : p.kind === 'sheet'
          ? `没有名为“${p.sheet}”的工作表`
          : `工作表“${p.sheet}”已隐藏，不能选中其中的单元格`,
  },
  en: {
    fileLabel: '选择台账文件 / Open a ledger file',
    chooseButton: 'Open a ledger file…',
    chooseAnother: 'Open another ledger file…',
    intro: 'This page is not running in Excel. Choose a ledger file (.xlsx or .xlsm) to try Tricolor Ledger in the browser: the file is handled in this page’s memory only, never uploaded, and the file itself is not changed.',
    opening: (name: string) => `Opening ${name}…`,
    opened: (name: string) => `${name} is open (a copy in this page’s memory)`,
    failed: (message: string) => `Could not open the file: ${message}`,
    selectLabel: 'Select a cell or row',
    selectHint: 'There is no grid to click here: type a cell (B35), a row number (35) or Sheet!Cell to select it as you would in Excel.',
    selectButton: 'Select',
    current: (where: string, value: string | null) =>
      `Selected: ${where}${value === null ? '' : value === '' ? ' (empty cell)' : `, holding: ${value}`}`,
    problem: (p: SelectProblem) =>
      p.kind === 'address'
        ? `“${p.text}” is not a cell or row: type e.g. B35, 35 or 联席会议汇总!B6`
        : p.kind === 'sheet'
          ? `There is no sheet named “${p.sheet}”`
          : `The sheet “${p.sheet}” is hidden; its cells cannot be selected`,
  },
} satisfies Record<Language, unknown>;

export type OutsideText = (typeof OUTSIDE_TEXT)['zh'];
