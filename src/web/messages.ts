import { textIn, type Catalogue, type Language, type Text } from '../core';

/**
 * Everything the offline web page shows, in the one catalogue shape (per key, Chinese and English,
 * `{name}` placeholders; src/core/messages). What the page shares with the task pane — level and
 * field names, header rows, corrections, the disputes several units hold — comes from the UI's
 * catalogue (src/ui/messages.ts) through its phrases; messages from the engine (row issues,
 * workbook and preset errors) come already worded in the user's language.
 */
export const WEB_MESSAGES = {
  'appTitle': { zh: '三色台账 · 离线网页版', en: 'Tricolor Ledger · offline web edition' },
  'tagline': {
    zh: '为矛盾纠纷工作台账分级上色（红、黄、绿），列出到期回访，生成联席会议汇总。',
    en: 'Triages a dispute ledger red, yellow and green, lists the revisits due and writes the joint-meeting summary.',
  },
  'offline': {
    zh: '全部处理都在这台电脑的浏览器中完成：文件不会上传，断网也能使用。',
    en: 'Everything happens in this browser on this computer: the file is not uploaded, and the page works offline.',
  },
  // The other language's button is named in that language.
  'switchLanguage': { zh: 'English', en: '中文' },

  'file.heading': { zh: '1. 选择台账', en: '1. Choose the ledger' },
  'file.choose': { zh: '选择台账文件…', en: 'Choose a ledger file…' },
  'file.inputLabel': { zh: '台账文件（.xlsx 或 .xlsm）', en: 'Ledger file (.xlsx or .xlsm)' },
  'file.drop': { zh: '或把 .xlsx / .xlsm 文件拖放到这里', en: 'or drop an .xlsx / .xlsm file here' },
  'file.dropActive': { zh: '松开鼠标即可打开', en: 'Release to open' },
  'file.chosen': { zh: '已选择：{name}（{size}）', en: 'Chosen: {name} ({size})' },
  'file.reading': { zh: '正在查找台账…', en: 'Looking for the ledger…' },
  'file.sizeMB': { zh: '{size} MB', en: '{size} MB' },
  'file.sizeKB': { zh: '{size} KB', en: '{size} KB' },

  'ledger.heading': { zh: '2. 检测到的台账', en: '2. Detected ledger' },
  'ledger.sheet': { zh: '工作表', en: 'Sheet' },
  'ledger.sheetPicker': { zh: '台账所在的工作表', en: 'Sheet that holds the ledger' },
  'ledger.headerRows': { zh: '表头行', en: 'Header rows' },
  'ledger.correctedCount': { zh: '已更正 {n} 处，本次处理将按更正后的对应读取。', en: '{n} corrections: this run reads the ledger with them.' },
  'ledger.correctedCount.one': { zh: '已更正 {n} 处，本次处理将按更正后的对应读取。', en: '{n} correction: this run reads the ledger with them.' },
  'ledger.undoCorrections': { zh: '撤销全部更正', en: 'Undo all corrections' },
  'ledger.hint': {
    zh: '如果某列对应错了，请在“对应字段”中改选。更正只用于这次处理，不会写入工作簿。',
    en: 'If a column is mapped wrongly, pick the right field. Corrections apply to this run only and are not written to the workbook.',
  },
  'ledger.notFound': {
    zh: '在“{sheet}”中找不到台账表头（如 登记日期、当事人、纠纷类型、简要情况）；请选择另一张工作表。',
    en: 'No ledger header (e.g. 登记日期, 当事人, 纠纷类型, 简要情况) found in "{sheet}"; choose another sheet.',
  },

  'options.heading': { zh: '3. 选项', en: '3. Options' },
  'options.asOf': { zh: '截至日期', en: 'As of' },
  'options.asOfHint': { zh: '按这一天判断回访是否到期、逾期（默认为今天）。', en: 'Revisits are due or overdue as of this day (today by default).' },
  'options.periodFrom': { zh: '联席会议起始日期', en: 'Meeting period from' },
  'options.periodTo': { zh: '联席会议截止日期', en: 'Meeting period to' },
  'options.periodHint': { zh: '默认为截至日期所在月的 1 日至截至日期。', en: 'By default the first of the as-of month to the as-of date.' },
  'options.dateRequired': { zh: '请填写日期', en: 'Enter a date' },
  'options.dateInvalid': { zh: '请填写有效日期，如 2026-11-30', en: 'Enter a valid date, e.g. 2026-11-30' },
  'options.periodOrder': { zh: '起始日期不能晚于截止日期', en: 'The start cannot be after the end' },
  'options.mask': {
    zh: '在回访清单和联席会议汇总中隐去个人信息（姓名、身份证号、联系电话）',
    en: 'Hide personal information (names, ID and phone numbers) in the revisit list and the meeting summary',
  },
  'options.maskOffNotice': {
    zh: '回访清单和汇总将显示当事人的姓名、身份证号和联系电话，请勿外发。',
    en: 'The revisit list and the summary will show names, ID numbers and phone numbers: do not hand them out.',
  },
  'options.preset': { zh: '分级规则', en: 'Triage rules' },
  'options.presetDefault': { zh: '默认规则（333 机制）', en: 'Default rules (the 333 mechanism)' },
  'options.presetLoaded': { zh: '“{file}”：{name}', en: '"{file}": {name}' },
  'options.presetChoose': { zh: '选择规则预设（JSON 文件）…', en: 'Choose a rule preset (JSON file)…' },
  'options.presetInputLabel': { zh: '规则预设文件（JSON）', en: 'Rule preset file (JSON)' },
  'options.presetClear': { zh: '改用默认规则', en: 'Use the default rules' },
  'options.presetNotJson': { zh: '“{file}”不是有效的 JSON 文件（{detail}）', en: '"{file}" is not a valid JSON file ({detail})' },
  'options.presetInvalidTitle': { zh: '规则预设有误，未采用', en: 'The rule preset has problems and was not used' },
  'options.presetUnreadable': { zh: '无法读取“{file}”（{detail}）', en: 'Cannot read "{file}" ({detail})' },
  'options.presetExport': { zh: '导出 JSON 文件', en: 'Export JSON file' },
  'options.presetExported': { zh: '已导出 {file}', en: 'Exported {file}' },
  'options.presetEdit': { zh: '编辑规则', en: 'Edit the rules' },
  'options.presetEditHint': {
    zh: '修改只用于本页的处理；要留用，请导出 JSON 文件，下次选择它。',
    en: 'Edits apply to processing on this page only; to keep them, export a JSON file and choose it next time.',
  },
  'options.presetEdited': { zh: '规则已修改：处理时按修改后的规则分级。', en: 'The rules are edited: processing uses the edited rules.' },
  'options.presetEditsInvalidTitle': { zh: '修改后的规则有误，未采用；请按提示改正', en: 'The edited rules have problems and are not used; correct the fields named' },
  'options.reportLanguage': {
    zh: '判定依据、回访清单和联席会议汇总用中文书写（随页面语言）。',
    en: 'The reasons (判定依据), the revisit list and the meeting summary are written in English (the page’s language).',
  },

  'run.heading': { zh: '4. 处理', en: '4. Process' },
  'run.start': { zh: '开始处理', en: 'Process the ledger' },
  'run.cancel': { zh: '取消', en: 'Cancel' },
  'run.preparing': { zh: '正在准备…', en: 'Getting ready…' },
  'run.showing': { zh: '正在显示结果…', en: 'Showing the result…' },
  'run.stage.load': { zh: '正在读取文件', en: 'Reading the file' },
  'run.stage.read': { zh: '正在读取工作簿', en: 'Reading the workbook' },
  'run.stage.triage': { zh: '正在分级并排定回访', en: 'Triaging and scheduling revisits' },
  'run.stage.write': { zh: '正在写出结果', en: 'Writing the result' },
  'run.stage.preview': { zh: '正在准备预览', en: 'Preparing the preview' },
  'run.inPage': {
    zh: '此浏览器不允许本页使用后台线程（例如直接从磁盘打开本页时的 Chrome），处理在页面中进行：大台账处理期间页面会暂时停止响应，请耐心等待。',
    en: 'This browser does not let the page use a background thread (Chrome, for one, when the page is opened from disk), so the work runs in the page: with a big ledger the page stops responding for a while. Please wait.',
  },
  'run.needFile': { zh: '请先选择台账文件。', en: 'Choose a ledger file first.' },

  'result.heading': { zh: '处理结果', en: 'Result' },
  'result.byLevel': { zh: '各等级件数', en: 'Disputes by level' },
  'result.download': { zh: '下载处理后的工作簿（{name}）', en: 'Download the processed workbook ({name})' },
  'result.downloadHint': {
    zh: '与命令行 tricolor run 写出的工作簿内容相同；原文件没有被修改。',
    en: 'The same workbook the tricolor run command writes; the original file was not changed.',
  },
  'result.stale': {
    zh: '选项、字段对应或页面语言在处理之后改过：下面仍是上一次的结果。请再点“开始处理”。',
    en: 'The options, the field mapping or the page’s language changed after this run: below is still the previous result. Choose "Process the ledger" again.',
  },
  'result.issuesHeading': { zh: '需要核对的问题（{n}）', en: 'To check ({n})' },
  'result.moreIssues': { zh: '另有 {n} 条未列出，见下载的工作簿。', en: '{n} more not listed; see the downloaded workbook.' },
  'result.tabsLabel': { zh: '结果预览', en: 'Result preview' },
  'result.ledgerTab': { zh: '台账预览', en: 'Ledger preview' },
  'result.ledgerTableLabel': { zh: '“{sheet}”预览，按等级着色', en: 'Preview of "{sheet}", coloured by level' },
  'result.rowHeader': { zh: '行', en: 'Row' },
  'result.levelColumn': { zh: '等级', en: 'Level' },
  'result.previewNote': {
    zh: '显示前 {shown} 行，共 {disputes} 件纠纷；完整内容见下载的工作簿。',
    en: 'Showing the first {shown} rows of {disputes} disputes; the downloaded workbook has them all.',
  },
  'result.legend': { zh: '底色表示等级（人工定级优先，否则为建议等级）。', en: 'The background shows the level (the manual level where given, else the suggested one).' },
  'result.reportNote': {
    zh: '显示前 {shown} 行，共 {total} 行；完整内容见下载的工作簿。',
    en: 'Showing the first {shown} of {total} rows; the downloaded workbook has them all.',
  },

  'meeting.heading': { zh: '联席会议：加入其他单位的台账（可选）', en: 'Joint meeting: add other units’ ledgers (optional)' },
  'meeting.intro': {
    zh: '把派出所、司法所、法庭等单位的台账也加进来，合并生成联席会议汇总：同一纠纷记在几个单位的只算一件。文件只在这台电脑上读取，不会上传。',
    en: 'Add the ledgers of the police station, the justice office, the court and other units to make one joint-meeting summary: a dispute several units hold counts once. The files are read on this computer only, never uploaded.',
  },
  'meeting.add': { zh: '添加其他单位的台账…', en: 'Add other units’ ledgers…' },
  'meeting.inputLabel': { zh: '其他单位的台账文件（.xlsx 或 .xlsm，可多选）', en: 'Other units’ ledger files (.xlsx or .xlsm, several allowed)' },
  'meeting.listLabel': { zh: '参加联席会议的台账', en: 'Ledgers in the joint meeting' },
  'meeting.file': { zh: '文件', en: 'File' },
  'meeting.unit': { zh: '单位', en: 'Unit' },
  'meeting.sheet': { zh: '工作表', en: 'Sheet' },
  'meeting.state': { zh: '状态', en: 'Status' },
  'meeting.unitLabel': { zh: '“{file}”的单位', en: 'Unit of "{file}"' },
  'meeting.unitHint': {
    zh: '单位名称从台账标题或“填报单位”读出，可以修改；它会写进联席会议汇总。',
    en: 'The unit is read from the ledger’s title or 填报单位 line; you may change it. The summary names it.',
  },
  'meeting.mainLedger': { zh: '上面选择的台账', en: 'The ledger chosen above' },
  'meeting.reading': { zh: '正在读取…', en: 'Reading…' },
  'meeting.waiting': { zh: '等待读取', en: 'Waiting to be read' },
  'meeting.ready': { zh: '已读取', en: 'Read' },
  'meeting.remove': { zh: '移除“{file}”', en: 'Remove "{file}"' },
  'meeting.removeText': { zh: '移除', en: 'Remove' },
  'meeting.alreadyAdded': { zh: '“{file}”已经在列表中。', en: '"{file}" is in the list already.' },
  'meeting.correctionsIgnored': {
    zh: '联席会议按各台账自动识别的字段对应读取；上面的更正只用于单独处理这一本台账。',
    en: 'The joint meeting reads every ledger with the columns found in its header; the corrections above apply when this ledger is processed on its own.',
  },
  'meeting.willJoin': {
    zh: '将合并 {n} 个单位的台账，生成联席会议工作簿；各单位的原文件不会被修改。',
    en: 'The {n} units’ ledgers will be joined into a joint-meeting workbook; no unit’s file is changed.',
  },
  'meeting.waitForFiles': { zh: '请等其他单位的台账读取完毕。', en: 'Wait until the other units’ ledgers have been read.' },
  'meeting.removeFailed': { zh: '有台账无法读取：请移除它，或换一个文件。', en: 'A ledger cannot be read: remove it, or choose another file.' },
  'meeting.stage.load': { zh: '正在读取文件', en: 'Reading the file' },
  'meeting.stage.read': { zh: '正在读取台账', en: 'Reading the ledger' },
  'meeting.stage.triage': { zh: '正在找出几个单位共有的纠纷，并分级', en: 'Finding the disputes several units hold, and triaging' },
  'meeting.stage.write': { zh: '正在写出联席会议工作簿', en: 'Writing the joint-meeting workbook' },
  'meeting.stage.preview': { zh: '正在准备预览', en: 'Preparing the preview' },
  'meeting.stageFile': { zh: '{stage}“{file}”（第 {number} 个，共 {count} 个）', en: '{stage} "{file}" ({number} of {count})' },
  'meeting.total': { zh: '合计 {n} 件', en: 'Total {n} disputes' },
  'meeting.total.one': { zh: '合计 {n} 件', en: 'Total {n} dispute' },
  'meeting.totalHint': {
    zh: '{units} 个单位的台账共 {lines} 件；同一纠纷记在几个单位的，只算一件。',
    en: '{lines} lines in {units} units’ ledgers; a dispute several units hold counts once.',
  },
  'meeting.download': { zh: '下载联席会议工作簿（{name}）', en: 'Download the joint-meeting workbook ({name})' },
  'meeting.downloadHint': {
    zh: '与命令行 tricolor meeting 写出的工作簿内容相同；各单位的原文件没有被修改。',
    en: 'The same workbook the tricolor meeting command writes; no unit’s file was changed.',
  },
  'meeting.stale': {
    zh: '选项、参加会议的台账、单位名称或页面语言在处理之后改过：下面仍是上一次的结果。请再点“开始处理”。',
    en: 'The options, the ledgers in the meeting, the unit names or the page’s language changed after this run: below is still the previous result. Choose "Process the ledger" again.',
  },
  'meeting.unitsLabel': { zh: '各单位台账', en: 'Each unit’s ledger' },
  'meeting.column.unit': { zh: '单位', en: 'Unit' },
  'meeting.column.file': { zh: '文件（工作表）', en: 'File (sheet)' },
  'meeting.column.disputes': { zh: '台账件数', en: 'Disputes' },
  'meeting.column.registered': { zh: '本期登记', en: 'Registered this period' },
  'meeting.column.open': { zh: '在办', en: 'Open' },
  'meeting.column.overdue': { zh: '红黄回访逾期', en: 'Red and yellow revisits overdue' },
  'meeting.column.shared': { zh: '与其他单位重复', en: 'Also in another unit’s ledger' },
  'meeting.fileSheet': { zh: '{file}（{sheet}）', en: '{file} ({sheet})' },
  'meeting.count': { zh: '{n} 件', en: '{n}' },
  'meeting.openValue': { zh: '{total} 件（红 {red}、黄 {yellow}、绿 {green}）', en: '{total} ({red} red, {yellow} yellow, {green} green)' },
  'meeting.duplicatesHeading': { zh: '同一纠纷记在几个单位（{n} 件，各算一件）', en: 'The same dispute in several units’ ledgers ({n}, each counted once)' },
  'meeting.noDuplicates': { zh: '没有发现记在几个单位的同一纠纷。', en: 'No dispute was found in more than one ledger.' },

  'errors.title': { zh: '无法处理', en: 'Cannot process' },
  'errors.dismiss': { zh: '关闭提示', en: 'Dismiss' },
  'errors.unexpected': {
    zh: '处理时出错（{detail}）。请重试；如果反复出现，请在 Excel 中把台账另存一份后再试。',
    en: 'Something went wrong ({detail}). Please try again; if it keeps happening, save a copy of the ledger in Excel and try that.',
  },
  'errors.readFailed': { zh: '无法读取“{file}”；请确认文件没有被其他程序占用后再试。', en: 'Cannot read "{file}"; make sure no other program holds it and try again.' },
  // A preset's problems, one after another.

} as const satisfies Catalogue;

export type WebMessage = keyof typeof WEB_MESSAGES;
export type WebText = Text<typeof WEB_MESSAGES>;

const TEXTS: Readonly<Record<Language, WebText>> = { zh: textIn(WEB_MESSAGES, 'zh'), en: textIn(WEB_MESSAGES, 'en') };

/** The page's text in `language`: `t('run.start')`, `t('result.download', { name })`. One function per language, so it can be a memo's dependency. */
export function webText(language: Language): WebText {
  return TEXTS[language];
}
