import type { Language } from '../model';

/**
 * Every message a user can see, in Chinese and English, in one place.
 * `{name}` placeholders are filled from the params object.
 */
export const CATALOGUE = {
  'date.unreadable': {
    zh: '{cell} 的日期“{text}”无法识别，请改为 2026-05-21 或 2026年5月21日 的写法',
    en: 'Cannot read the date "{text}" in {cell}; write it like 2026-05-21',
  },
  'date.nonexistent': {
    zh: '{cell} 的日期“{text}”不存在（{year}年{month}月没有{day}日），请核对后改正',
    en: 'The date "{text}" in {cell} does not exist ({monthName} {year} has no day {day}); please check and correct it',
  },
  'date.implausible': {
    zh: '{cell} 的日期 {text} 不在 1990—2100 年之间，请核对',
    en: 'The date {text} in {cell} is outside 1990–2100; please check it',
  },
  'date.yearUnknown': {
    zh: '{cell} 的日期“{text}”没有年份，且无法从登记日期推断，请补上年份',
    en: 'The date "{text}" in {cell} has no year and none can be inferred; please add the year',
  },
  'number.unreadable': {
    zh: '{cell} 的“{text}”不是数字，已按空白处理；请填写如 45 或 3.5万',
    en: '"{text}" in {cell} is not a number and was treated as blank; write e.g. 45 or 3.5万',
  },
  'level.unreadable': {
    zh: '{cell} 的等级“{text}”无法识别，已按建议等级处理；请填写 红、黄 或 绿',
    en: 'The level "{text}" in {cell} is not recognised, so the suggested level is used; write 红, 黄 or 绿',
  },
  'level.manualBelowSuggested': {
    zh: '第 {row} 行人工定级为{manual}，低于建议的{suggested}，请复核',
    en: 'Row {row}: manual level {manual} is below the suggested {suggested}; please review',
  },
  'schedule.noDate': {
    zh: '第 {row} 行没有登记日期或回访日期，无法排定回访，请在 {cell} 填写登记日期',
    en: 'Row {row} has no registration or revisit date, so no revisit can be scheduled; fill in {cell}',
  },
  'schedule.noDateColumn': {
    zh: '“{sheet}”没有登记日期列，无法排定回访；请在表头增加“登记日期”列',
    en: '"{sheet}" has no registration date column, so no revisit can be scheduled; add a 登记日期 column',
  },
  'ledger.noRoomForColumns': {
    zh: '工作表“{sheet}”已用到最后一列（XFD），右侧放不下“建议等级”等 {count} 列；请删除表格右侧不用的列后再试',
    en: 'Sheet "{sheet}" already reaches the last column (XFD), so the {count} columns the add-in adds do not fit; delete unused columns right of the table and try again',
  },
  'ledger.notFound': {
    zh: '在“{sheet}”中找不到台账表头（如 登记日期、当事人、纠纷类型、简要情况）；请确认表头行，或用 --sheet 指定台账工作表',
    en: 'No ledger header (e.g. 登记日期, 当事人, 纠纷类型, 简要情况) found in "{sheet}"; check the header row or name the sheet with --sheet',
  },
  'ledger.noneInWorkbook': {
    zh: '工作簿中没有找到矛盾纠纷台账：没有一张工作表的表头含有 登记日期、当事人、纠纷类型、简要情况 等列名',
    en: 'No dispute ledger in this workbook: no sheet has a header with columns such as 登记日期, 当事人, 纠纷类型, 简要情况',
  },
  'ledger.fieldMissing': {
    zh: '未找到“{field}”列',
    en: 'No "{field}" column found',
  },
  'preset.invalid': {
    zh: '规则预设有误：{detail}',
    en: 'The rule preset is invalid: {detail}',
  },
  'file.notWorkbook': {
    zh: '“{file}”不是 Excel 工作簿（.xlsx/.xlsm）；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后再试',
    en: '"{file}" is not an Excel workbook (.xlsx/.xlsm); save it as .xlsx in Excel, WPS or LibreOffice and try again',
  },
  'file.encrypted': {
    zh: '“{file}”已加密（设置了打开密码）或是旧版 .xls 文件；请取消密码或另存为 .xlsx 后再试',
    en: '"{file}" is password-protected or an old .xls file; remove the password or save it as .xlsx and try again',
  },
  'file.damaged': {
    zh: '“{file}”已损坏，无法读取（{detail}）；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged and cannot be read ({detail}); open it in Excel, save a copy and try again',
  },
  'file.prefixedXml': {
    zh: '“{file}”的内部格式是少见的带前缀写法，无法安全修改；请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后再试',
    en: '"{file}" uses a rare prefixed XML form that cannot be edited safely; open it in Excel, WPS or LibreOffice, save it as .xlsx and try again',
  },
  'sheet.unknown': {
    zh: '“{file}”中没有名为“{sheet}”的工作表；现有工作表：{sheets}',
    en: '"{file}" has no sheet named "{sheet}"; its sheets are: {sheets}',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof CATALOGUE;
