import { textIn, type Catalogue, type Language, type Text } from '../core';

/**
 * Everything the task pane shows, and what the web page shares with it, in the one catalogue
 * shape (per key, Chinese and English, `{name}` placeholders; src/core/messages). A text that
 * needs a choice (an empty list, a plural, a missing value) is put together by a function in
 * phrases.ts, never in a component. Messages that come from the host or the core (row issues,
 * preset problems) are already in the user's language and are shown as they are.
 */
export const UI_MESSAGES = {
  'tabs.label': { zh: '功能', en: 'Sections' },
  'tabs.ledger': { zh: '检测', en: 'Ledger' },
  'tabs.triage': { zh: '分级', en: 'Triage' },
  'tabs.revisit': { zh: '回访', en: 'Revisits' },
  'tabs.rules': { zh: '规则', en: 'Rules' },
  'tabs.summary': { zh: '汇总', en: 'Summary' },

  // Shared by several parts: lists, counts, a colour badge ("红 3").
  'list.separator': { zh: '、', en: ', ' },
  'levelCount': { zh: '{level} {count}', en: '{level} {count}' },

  'errors.title': { zh: '操作未完成', en: 'Not done' },
  'errors.unknown': {
    zh: '发生了未知错误，请重试；如果反复出现，请关闭任务窗格后重新打开。',
    en: 'Something went wrong; please try again. If it keeps happening, close and reopen the task pane.',
  },
  'errors.dismiss': { zh: '关闭提示', en: 'Dismiss' },
  'errors.retry': { zh: '重试', en: 'Try again' },

  'ledger.heading': { zh: '检测到的台账', en: 'Detected ledger' },
  'ledger.detecting': { zh: '正在查找台账…', en: 'Looking for the ledger…' },
  'ledger.redetect': { zh: '重新检测', en: 'Detect again' },
  'ledger.sheet': { zh: '工作表', en: 'Sheet' },
  'ledger.headerRows': { zh: '表头行', en: 'Header rows' },
  'ledger.rows': { zh: '第 {rows} 行', en: 'rows {rows}' },
  'ledger.rowsNone': { zh: '（未识别）', en: '(not found)' },
  'ledger.tableLabel': { zh: '列与字段的对应', en: 'Columns and fields' },
  'ledger.column': { zh: '列', en: 'Col.' },
  'ledger.header': { zh: '表头', en: 'Header' },
  'ledger.field': { zh: '对应字段', en: 'Field' },
  'ledger.noField': { zh: '（未对应）', en: '(none)' },
  'ledger.fieldFor': { zh: '{column} 列“{header}”对应的字段', en: 'Field for column {column} "{header}"' },
  'ledger.blankHeader': { zh: '（空）', en: '(blank)' },
  'ledger.saving': { zh: '正在保存更正…', en: 'Saving the correction…' },
  'ledger.saved': { zh: '已更正：“{field}”在 {column} 列', en: 'Corrected: "{field}" is in column {column}' },
  'ledger.savedAbsent': { zh: '已更正：台账中没有“{field}”', en: 'Corrected: the ledger has no "{field}"' },
  'ledger.missingFields': { zh: '未找到的字段：{fields}', en: 'Fields not found: {fields}' },
  'ledger.hint': {
    zh: '如果某列对应错了，请在“对应字段”中改选；更正保存在工作簿中，下次运行仍然有效。',
    en: 'If a column is mapped wrongly, pick the right field; corrections are kept in the workbook for later runs.',
  },

  'jobs.triage.run': { zh: '一键分级上色', en: 'Triage and colour' },
  'jobs.triage.done': { zh: '分级上色完成', en: 'Triage done' },
  'jobs.dueList.run': { zh: '生成回访清单', en: 'Make the revisit list' },
  'jobs.dueList.done': { zh: '回访清单已生成', en: 'Revisit list written' },
  'jobs.summary.run': { zh: '生成联席会议汇总', en: 'Make the joint-meeting summary' },
  'jobs.summary.done': { zh: '联席会议汇总已生成', en: 'Joint-meeting summary written' },
  'jobs.triageHeading': { zh: '分级上色', en: 'Triage' },
  'jobs.dueListHeading': { zh: '回访清单', en: 'Revisit list' },
  'jobs.triageIntro': {
    zh: '按规则为每件纠纷定级（红、黄、绿），写入建议等级、判定依据和下次回访日期，并给整行上色。',
    en: 'Gives every dispute a level (red, yellow, green) by the rules, writes the suggested level, reasons and next revisit, and colours the row.',
  },
  'jobs.dueListIntro': {
    zh: '把今天及以前到期的回访列入“回访清单”工作表，红色优先、逾期最久的在前。',
    en: 'Lists revisits due today or earlier on the 回访清单 sheet, red first, most overdue first.',
  },
  'jobs.preparing': { zh: '正在准备…', en: 'Getting ready…' },
  'jobs.stage.read': { zh: '正在读取台账', en: 'Reading the ledger' },
  'jobs.stage.triage': { zh: '正在分级', en: 'Triaging' },
  'jobs.stage.write': { zh: '正在写入结果', en: 'Writing the results' },
  'jobs.stage.format': { zh: '正在上色', en: 'Colouring rows' },
  'jobs.writtenTo': { zh: '结果写在“{sheet}”工作表。', en: 'Written to the sheet "{sheet}".' },
  'jobs.disputes': { zh: '共 {n} 件纠纷', en: '{n} disputes' },
  'jobs.disputes.one': { zh: '共 {n} 件纠纷', en: '{n} dispute' },
  'jobs.byLevel': { zh: '各等级件数', en: 'Disputes by level' },
  'jobs.dueToday': { zh: '今日到期回访', en: 'Revisits due today' },
  'jobs.overdue': { zh: '回访已逾期', en: 'Revisits overdue' },
  'jobs.unreadable': { zh: '无法读取的行', en: 'Rows that could not be read' },
  'jobs.needsReview': { zh: '人工定级低于建议、需复核', en: 'Manual level below the suggestion (review)' },
  'jobs.count': { zh: '{n} 件', en: '{n}' },
  'jobs.rowCount': { zh: '{n} 行', en: '{n}' },
  'jobs.meetingFacts': { zh: '联席会议汇总要点', en: 'Meeting summary at a glance' },
  'jobs.meetingPeriod': { zh: '联席会议期间', en: 'Meeting period' },
  'jobs.meetingPeriodValue': { zh: '{from} 至 {to}', en: '{from} to {to}' },
  'jobs.open': { zh: '在办', en: 'Open' },
  'jobs.openValue': {
    zh: '{total} 件（红 {red}、黄 {yellow}、绿 {green}）',
    en: '{total} ({red} red, {yellow} yellow, {green} green)',
  },
  'jobs.issuesHeading': { zh: '需要核对的问题（{n}）', en: 'To check ({n})' },
  'jobs.goTo': { zh: '定位到 {sheet}!{cell}', en: 'Go to {sheet}!{cell}' },
  'jobs.moreIssues': { zh: '另有 {n} 条未列出。', en: '{n} more not listed.' },
  'jobs.staticFillsTitle': { zh: '颜色不会自动更新', en: 'Colours will not update by themselves' },
  'jobs.staticFills': {
    zh: '此版本的 Excel 不支持条件格式（需要 ExcelApi 1.6），各行已用固定底色上色。之后修改台账时颜色不会随之变化，请修改后重新运行“一键分级上色”。',
    en: 'This Excel has no conditional formats (ExcelApi 1.6 is needed), so rows were coloured with static fills. They will not follow later edits to the ledger: run "Triage and colour" again after editing.',
  },

  'revisit.heading': { zh: '记录回访', en: 'Record a revisit' },
  'revisit.readSelection': { zh: '读取选中的纠纷', en: 'Read the selected dispute' },
  'revisit.reading': { zh: '正在读取选中的行…', en: 'Reading the selected row…' },
  'revisit.noSelection': { zh: '请先在台账中选中一件纠纷所在的行', en: 'Select a row of the ledger that holds a dispute first' },
  'revisit.row': { zh: '第 {row} 行', en: 'Row {row}' },
  'revisit.level': { zh: '等级', en: 'Level' },
  'revisit.nextRevisit': { zh: '下次回访：{date}', en: 'Next revisit: {date}' },
  'revisit.noNextRevisit': { zh: '下次回访：无需再回访', en: 'Next revisit: none needed' },
  'revisit.date': { zh: '回访日期', en: 'Revisit date' },
  'revisit.method': { zh: '回访方式', en: 'How' },
  // Keyed by the method as the revisit log writes it.
  'revisit.method.电话': { zh: '电话', en: 'Phone (电话)' },
  'revisit.method.上门': { zh: '上门', en: 'Visit (上门)' },
  'revisit.result': { zh: '回访情况', en: 'Outcome' },
  'revisit.by': { zh: '回访人', en: 'By' },
  'revisit.submit': { zh: '记录回访', en: 'Record revisit' },
  'revisit.submitting': { zh: '正在记录…', en: 'Recording…' },
  'revisit.required': { zh: '请填写{what}', en: 'Please fill in: {what}' },
  'revisit.dateInFuture': { zh: '回访日期不能晚于今天', en: 'The revisit date cannot be after today' },
  'revisit.recorded': { zh: '回访已记录', en: 'Revisit recorded' },
  'revisit.recordedNext': { zh: '下次回访日期：{date}', en: 'Next revisit: {date}' },
  'revisit.recordedLast': { zh: '这件纠纷无需再回访。', en: 'This dispute needs no further revisit.' },

  'rules.heading': { zh: '分级规则', en: 'Triage rules' },
  'rules.loading': { zh: '正在读取规则…', en: 'Reading the rules…' },
  'rules.presetName': { zh: '当前规则：{name}', en: 'Current rules: {name}' },
  'rules.cadence': { zh: '回访周期（天）', en: 'Revisit every (days)' },
  'rules.rulesHeading': { zh: '规则', en: 'Rules' },
  'rules.number.headcount': { zh: '涉及人数', en: 'People involved' },
  'rules.number.amount': { zh: '涉及金额（元）', en: 'Amount (yuan)' },
  'rules.number.mediationFailures': { zh: '调解未果次数', en: 'Failed mediations' },
  'rules.number.policeCalls': { zh: '报警次数', en: 'Police calls' },
  'rules.min': { zh: '{what} 下限', en: '{what}, at least' },
  'rules.max': { zh: '{what} 上限', en: '{what}, at most' },
  'rules.days': { zh: '未化解超过的天数', en: 'Unresolved for more than (days)' },
  'rules.keywords': { zh: '关键词', en: 'Keywords' },
  'rules.keywordsGroup': { zh: '关键词（第 {n} 组）', en: 'Keywords (group {n})' },
  'rules.keywordsHint': { zh: '用逗号或顿号（、）分隔', en: 'Separate with commas or 、' },
  'rules.noEditable': {
    zh: '这条规则只含正则表达式，请导出 JSON 文件修改后再导入。',
    en: 'This rule is a regular expression only: export the JSON file, edit it there and import it.',
  },
  // Word-class labels are joined by ；: a label may hold 、.
  'rules.classSeparator': { zh: '；', en: '; ' },
  'rules.classesUsed': { zh: '用到的词类：{labels}', en: 'Word classes used: {labels}' },
  'rules.classesUnless': { zh: '同一分句中还有以下词类时不算：{labels}', en: 'Not counted when the clause also has: {labels}' },
  'rules.classesHeading': { zh: '词类', en: 'Word classes' },
  'rules.classesHint': {
    zh: '词类是一组意思相同的词，由多条规则共用。把本地说法（如方言）加进词类，用到它的规则都会识别。',
    en: 'A word class is a set of words that mean one thing, shared by several rules. Add a local way of saying it (a dialect word) to the class and every rule that uses the class reads it.',
  },
  'rules.noClasses': {
    zh: '这套规则没有词类：旧格式的关键词在上面各条规则中修改。',
    en: 'These rules have no word classes: the keyword lists of the old format are edited in each rule above.',
  },
  'rules.classWords': { zh: '{label}：词语', en: '{label}: words' },
  'rules.classExclude': { zh: '{label}：排除的说法', en: '{label}: phrases to exclude' },
  'rules.classExcludeHint': {
    zh: '含有本类词语、却不是这个意思的说法，如“刀削面”之于“刀”。用逗号或顿号（、）分隔',
    en: 'Phrases that contain a word of the class and do not mean it, as 刀削面 for 刀. Separate with commas or 、',
  },
  'rules.sharedListsHeading': { zh: '排除、否定与否认', en: 'Exclusions, negations and retractions' },
  'rules.exclusions': { zh: '排除的说法', en: 'Phrases to exclude' },
  'rules.exclusionsHint': {
    zh: '如 砍价、跳楼价：看似含有信号词、其实不是的说法，对全部词类有效。用逗号或顿号（、）分隔',
    en: 'E.g. 砍价, 跳楼价: phrases that look like a signal and are not, for every word class. Separate with commas or 、',
  },
  'rules.negations': { zh: '否定词', en: 'Negations' },
  'rules.negationsHint': {
    zh: '如 未、没有、否认：同一分句中跟在否定词后面的词语不算（“未发现持刀”）。用逗号或顿号（、）分隔',
    en: 'E.g. 未, 没有, 否认: a word that follows one of these in its clause does not count (未发现持刀). Separate with commas or 、',
  },
  'rules.retractions': { zh: '否认前文的说法', en: 'Retractions' },
  'rules.retractionsHint': {
    zh: '如 传言不实、经核实并未说过此话：同一句中出现在它前面的词语不算（“扬言要砍人”的传言不实），中间有“但”的除外。用逗号或顿号（、）分隔',
    en: 'E.g. 传言不实, 经核实并未说过此话: words before one of these in its sentence do not count (“扬言要砍人”的传言不实), unless a 但 stands between. Separate with commas or 、',
  },
  'rules.reports': { zh: '转述用语', en: 'Report words' },
  'rules.reportsHint': {
    zh: '如 网传、反映、据称：有了它们，上一栏的否认只否认转述的内容（“网传某某扬言要砍人，经核实系谣言”），不否认同一句里别处写的事实。用逗号或顿号（、）分隔',
    en: 'E.g. 网传, 反映, 据称: with these, a retraction above takes back only what was reported (网传某某扬言要砍人，经核实系谣言), not facts written elsewhere in the sentence. Separate with commas or 、',
  },
  'rules.save': { zh: '保存规则', en: 'Save rules' },
  'rules.saving': { zh: '正在保存…', en: 'Saving…' },
  'rules.saved': { zh: '规则已保存。重新运行“一键分级上色”后生效。', en: 'Rules saved. They apply from the next "Triage and colour".' },
  'rules.importJson': { zh: '导入 JSON 文件', en: 'Import JSON file' },
  'rules.exportJson': { zh: '导出 JSON 文件', en: 'Export JSON file' },
  'rules.resetDefault': { zh: '恢复默认规则', en: 'Back to the default rules' },
  'rules.resetDone': { zh: '已恢复为默认规则，保存后生效。', en: 'Default rules restored; save to apply them.' },
  'rules.imported': { zh: '已导入“{name}”，检查无误后请点“保存规则”。', en: 'Imported "{name}". Check it, then choose "Save rules".' },
  'rules.exported': { zh: '已导出 {file}', en: 'Exported {file}' },
  'rules.invalidTitle': { zh: '规则有误，未保存', en: 'The rules have problems and were not saved' },
  'rules.importInvalidTitle': { zh: '文件中的规则有误，未导入', en: 'The rules in the file have problems and were not imported' },
  'rules.notJson': { zh: '这不是有效的 JSON 文件（{detail}）', en: 'This is not a valid JSON file ({detail})' },
  'rules.unreadable': { zh: '无法读取这个文件（{detail}）', en: 'Cannot read this file ({detail})' },
  'rules.tooLarge': {
    zh: '“{file}”有 {size} MB，不是规则预设文件（默认预设约 60 KB，上限 {limit} MB）；请选择导出的 .json 规则文件',
    en: '"{file}" is {size} MB, which no preset is (the default is about 60 KB; the limit is {limit} MB); choose an exported .json rules file',
  },

  'summary.heading': { zh: '联席会议汇总', en: 'Joint-meeting summary' },
  'summary.intro': {
    zh: '统计所选时段内的排查、调处、化解情况和重点案件，写入“联席会议汇总”工作表。',
    en: 'Counts screening, handling and resolution in the period, with the key cases, on the 联席会议汇总 sheet.',
  },
  'summary.from': { zh: '起始日期', en: 'From' },
  'summary.to': { zh: '截止日期', en: 'To' },
  'summary.periodRequired': { zh: '请填写日期', en: 'Enter a date' },
  'summary.periodOrder': { zh: '起始日期不能晚于截止日期', en: 'The start cannot be after the end' },
  'summary.mask': { zh: '隐去个人信息（姓名、身份证号、联系电话）', en: 'Hide personal information (names, ID and phone numbers)' },
  'summary.maskOffNotice': {
    zh: '汇总将显示当事人的姓名、身份证号和联系电话，请勿外发。',
    en: 'The summary will show names, ID numbers and phone numbers: do not hand it out.',
  },
  'summary.confirmTitle': { zh: '关闭个人信息遮挡？', en: 'Stop hiding personal information?' },
  'summary.confirmBody': {
    zh: '关闭后，汇总表（会议材料）将显示当事人的姓名、身份证号和联系电话。这些属于敏感个人信息，只应在不外发的情况下关闭。',
    en: 'The summary (the meeting handout) will then show the parties’ names, ID numbers and phone numbers. These are sensitive personal information: turn hiding off only when the handout stays inside the office.',
  },
  'summary.confirmOff': { zh: '仍然关闭', en: 'Show them anyway' },
  'summary.keepOn': { zh: '保持遮挡', en: 'Keep hiding' },
  'summary.othersHeading': { zh: '其他单位的台账（联席会议）', en: 'Other units’ ledgers (joint meeting)' },
  'summary.othersIntro': {
    zh: '加入派出所、司法所、法庭等单位的台账，与本工作簿的台账合并统计：同一纠纷记在几个单位的只算一件。文件只在这台电脑上读取，不会上传。',
    en: 'Add the ledgers of the police station, the justice office, the court and other units to count them with this workbook’s: a dispute several units hold counts once. The files are read on this computer only, never uploaded.',
  },
  'summary.addOthers': { zh: '添加其他单位的台账…', en: 'Add other units’ ledgers…' },
  'summary.othersInput': { zh: '其他单位的台账文件（.xlsx 或 .xlsm，可多选）', en: 'Other units’ ledger files (.xlsx or .xlsm, several allowed)' },
  'summary.othersList': { zh: '加入联席会议的台账', en: 'Ledgers in the joint meeting' },
  'summary.unitFor': { zh: '“{file}”的单位', en: 'Unit of "{file}"' },
  'summary.sheetOf': { zh: '工作表：{sheet}', en: 'Sheet: {sheet}' },
  'summary.readingFile': { zh: '正在读取“{file}”（第 {number} 个，共 {count} 个）', en: 'Reading "{file}" ({number} of {count})' },
  'summary.waiting': { zh: '等待读取', en: 'Waiting to be read' },
  'summary.reading': { zh: '正在读取…', en: 'Reading…' },
  'summary.remove': { zh: '移除', en: 'Remove' },
  'summary.removeFile': { zh: '移除“{file}”', en: 'Remove "{file}"' },
  'summary.alreadyAdded': { zh: '“{file}”已经加入。', en: '"{file}" is added already.' },
  'summary.readFailed': {
    zh: '无法读取“{file}”；请确认文件没有被其他程序占用后再试。',
    en: 'Cannot read "{file}"; make sure no other program holds it and try again.',
  },
  // A problem with a file, said with its name where the message does not name it already.
  'summary.fileProblem': { zh: '“{file}”：{message}', en: '"{file}": {message}' },
  'summary.willJoin': {
    zh: '将合并本工作簿和其他 {n} 个单位的台账，重写“回访清单”和“联席会议汇总”工作表。',
    en: 'This workbook’s ledger and {n} other units’ will be joined; the 回访清单 and 联席会议汇总 sheets are written again.',
  },
  'summary.willJoin.one': {
    zh: '将合并本工作簿和其他 {n} 个单位的台账，重写“回访清单”和“联席会议汇总”工作表。',
    en: 'This workbook’s ledger and {n} other unit’s will be joined; the 回访清单 and 联席会议汇总 sheets are written again.',
  },
  'summary.waitForFiles': { zh: '请等其他单位的台账读取完毕。', en: 'Wait until the other units’ ledgers have been read.' },
  'summary.removeFailed': { zh: '有台账无法读取：请移除它，或换一个文件。', en: 'A ledger cannot be read: remove it, or choose another file.' },
  'summary.jointTotal': { zh: '合计 {n} 件纠纷', en: 'Total {n} disputes' },
  'summary.jointTotal.one': { zh: '合计 {n} 件纠纷', en: 'Total {n} dispute' },
  'summary.jointHint': {
    zh: '{units} 个单位的台账共 {lines} 件；同一纠纷记在几个单位的，只算一件。',
    en: '{lines} lines in {units} units’ ledgers; a dispute several units hold counts once.',
  },
  'summary.jointDueList': { zh: '各单位合并的回访清单写在“{sheet}”工作表。', en: 'The revisit list of all units is on the sheet "{sheet}".' },
  'summary.unitsTable': { zh: '各单位台账', en: 'Each unit’s ledger' },
  'summary.unitColumn': { zh: '单位', en: 'Unit' },
  'summary.disputesColumn': { zh: '台账', en: 'Ledger' },
  'summary.registeredColumn': { zh: '本期登记', en: 'Registered' },
  'summary.openColumn': { zh: '在办', en: 'Open' },
  'summary.thisWorkbook': { zh: '{unit}（本工作簿）', en: '{unit} (this workbook)' },
  'summary.openValue': {
    zh: '{total}（红{red} 黄{yellow} 绿{green}）',
    en: '{total} ({red} red, {yellow} yellow, {green} green)',
  },
  'summary.duplicatesHeading': {
    zh: '同一纠纷记在几个单位（{n} 件，各算一件）',
    en: 'The same dispute in several units’ ledgers ({n}, each counted once)',
  },
  'summary.noDuplicates': { zh: '没有发现记在几个单位的同一纠纷。', en: 'No dispute was found in more than one ledger.' },
  // A ledger line as people name it: 序号9, a case number as written (青司调〔2026〕36号), or the row.
  'ref.serial': { zh: '{unit} 序号{serial}', en: '{unit} no. {serial}' },
  'ref.caseNumber': { zh: '{unit} {number}', en: '{unit} {number}' },
  'ref.row': { zh: '{unit} 第{row}行', en: '{unit} row {row}' },
  'ref.same': { zh: ' ＝ ', en: ' = ' },

  // A report chart in words, its accessible name: "本期登记纠纷（按预警等级）：红 5，黄 13，绿 11".
  'chart.label': { zh: '{title}：{body}', en: '{title}: {body}' },
  'chart.point': { zh: '{category} {value}', en: '{category} {value}' },
  'chart.pointSeparator': { zh: '，', en: ', ' },
  'chart.series': { zh: '{name}（{points}）', en: '{name} ({points})' },
  'chart.seriesSeparator': { zh: '；', en: '; ' },
  'chart.noValue': { zh: '无', en: 'none' },
} as const satisfies Catalogue;

export type UiMessage = keyof typeof UI_MESSAGES;
export type UiText = Text<typeof UI_MESSAGES>;

const TEXTS: Readonly<Record<Language, UiText>> = { zh: textIn(UI_MESSAGES, 'zh'), en: textIn(UI_MESSAGES, 'en') };

/** The UI's text in `language`: `t('ledger.heading')`, `t('jobs.goTo', { sheet, cell })`. One function per language, so it can be a memo's dependency. */
export function uiText(language: Language): UiText {
  return TEXTS[language];
}
