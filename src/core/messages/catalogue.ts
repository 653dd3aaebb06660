import { HEADER_SEARCH_ROWS, type Language } from '../model';

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
  'date.revisitAfterAsOf': {
    zh: '{cell} 的回访日期 {text} 晚于截至日期 {asOf}，未计为已回访；如果是计划回访的日期请另列一栏，如果是笔误请改正',
    en: 'The revisit date {text} in {cell} is after the as-of date {asOf}, so it is not counted as a revisit made; if it is a planned date, keep it in another column, if a typo, correct it',
  },
  'date.registeredAfterAsOf': {
    zh: '{cell} 的登记日期 {text} 晚于截至日期 {asOf}，已按截至日期当天登记排定回访；如果是笔误请改正',
    en: 'The registration date {text} in {cell} is after the as-of date {asOf}, so its revisits are scheduled as if it were registered that day; if it is a typo, correct it',
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
  'schedule.asOfBeforeAll': {
    zh: '截至日期 {asOf} 早于台账中所有的登记日期（最早为 {first}），统计与回访都无从算起；请检查截至日期或登记日期的年份',
    en: 'The as-of date {asOf} is before every registration date of the ledger (the earliest is {first}), so nothing can be counted or scheduled; check the as-of date or the registration years',
  },
  'schedule.noDateColumn': {
    zh: '“{sheet}”没有登记日期列，无法排定回访；请在表头增加“登记日期”列',
    en: '"{sheet}" has no registration date column, so no revisit can be scheduled; add a 登记日期 column',
  },
  'ledger.noRoomForColumns': {
    zh: '工作表“{sheet}”已用到 {last} 列，离最后一列（XFD）太近，右侧放不下“建议等级”等 {count} 列；请删除表格右侧不用的列后再试',
    en: 'Sheet "{sheet}" already reaches column {last}, too near the last column (XFD) for the {count} columns the add-in adds; delete unused columns right of the table and try again',
  },
  'ledger.noTextColumn': {
    zh: '“{sheet}”的表头中没有找到简要情况（或事件简述、纠纷内容、事件名称）一类的列，按文字判断的预警规则（扬言、持刀、群体等）没有可读的文字，各纠纷只按人数、金额、次数等分级；如果台账有这样的列，请把它的列名改为“简要情况”后再处理',
    en: 'The header of "{sheet}" names no description column (简要情况, 事件简述, 纠纷内容 or 事件名称), so the rules that read the words (threats, knives, crowds) have nothing to read and each dispute is graded by its numbers only; if the ledger has such a column, rename its header 简要情况 and process it again',
  },
  'ledger.noStatusColumn': {
    zh: '“{sheet}”的表头中没有找到化解情况（或化解状态、处理结果）、化解是否成功、化解日期或销号一类的列，所有纠纷都按未化解计算并排定回访；如果台账有这样的列，请把它的列名改为“化解情况”后再处理',
    en: 'The header of "{sheet}" names no status column (化解情况, 化解状态 or 处理结果), no 化解是否成功, 化解日期 or 销号 column, so every dispute is counted open and scheduled for revisits; if the ledger has such a column, rename its header 化解情况 and process it again',
  },
  'ledger.tooMuchText': {
    zh: '工作表“{sheet}”的台账文字超过了本工具能处理的 {limit} 个字符（10 万行的台账通常不到 1,000 万个）；请按年度或按单位拆成几个文件，再分别处理',
    en: 'The ledger in "{sheet}" holds more than the {limit} characters of text this tool processes (a 100,000-row ledger usually holds under 10,000,000); split it by year or by unit into several files and process each',
  },
  'ledger.headerMoved': {
    zh: '工作表“{sheet}”第 {row} 行又是一行表头，但列的位置与第 {header} 行的表头不同（如“{name}”在 {from} 列，这一行写在 {to} 列）：两段台账的列不一致，按上面的表头读下面的纠纷会读错。请把两段台账分到两个工作表，或把下面一段的列调成与上面一致，再处理',
    en: 'Row {row} of "{sheet}" is a header again, but its columns are not those of the header in row {header} ("{name}" is column {from} there and {to} here): read with the first header, the disputes below it would be misread. Put the two parts in two sheets, or arrange the lower part\'s columns as the upper one\'s, and process again',
  },
  'ledger.notFound': {
    zh: `在“{sheet}”中找不到台账表头（如 登记日期、当事人、纠纷类型、简要情况）；表头须在工作表的前 ${HEADER_SEARCH_ROWS} 行内，请确认表头行，或指定台账所在的工作表`,
    en: `No ledger header (e.g. 登记日期, 当事人, 纠纷类型, 简要情况) found in "{sheet}"; the header must be within the sheet's first ${HEADER_SEARCH_ROWS} rows: check the header row, or name the sheet that holds the ledger`,
  },
  'ledger.rowsJoined': {
    zh: '“{sheet}”有 {count} 行没有序号，只写了另一方当事人或“（续）”的文字，已各自并入上面一行的纠纷（第 {rows} 行）；如果其中有单独的纠纷，请补上序号后再处理',
    en: '{count} rows of "{sheet}" have no serial and hold only another party or text that goes on ("（续）"): each was joined to the dispute above it (rows {rows}). If any is a dispute of its own, give it a serial and process again',
  },
  'ledger.appendixBelow': {
    zh: '“{sheet}”第 {row} 行“{text}”起是附表，不是台账，其下 {count} 行未读取；如果其中有纠纷，请把它们移到该行上方',
    en: 'From row {row} of "{sheet}" ("{text}") on is an appendix, not the ledger: the {count} rows below it were not read. If any of them is a dispute, move it above that row',
  },
  'ledger.repeatedHeader': {
    zh: '“{sheet}”的表头从 {column} 列起又出现了{names}等列名；本次按第一次出现的列读取，如果右边是另一张台账，请把它移到单独的工作表后再处理',
    en: 'The header of "{sheet}" gives {names} and more again from column {column}; the first of each was read. If another ledger stands on the right, move it to a sheet of its own and process it there',
  },
  'ledger.sideBySide': {
    zh: '“{sheet}”的表头从 {column} 列起又出现了{names}等列名，像是并排放了两张台账：建议等级等列只能加在两张的最右边，整行上色也会把左边纠纷的颜色涂到右边那张上。请把右边的台账移到单独的工作表后再处理',
    en: 'The header of "{sheet}" gives {names} and more again from column {column}, as if two ledgers stood side by side: the tool\'s columns could only go right of both, and each row\'s colour would mark the right one with the left one\'s levels. Move the right ledger to a sheet of its own and process again',
  },
  'ledger.formulaWithoutValue': {
    zh: '“{sheet}”中{count}个单元格是公式，但文件里没有公式的计算结果（如 {cells}），这些单元格已按空白处理；保存这个文件的程序没有计算公式，请用 Excel、WPS 或 LibreOffice 打开它、保存后再处理',
    en: 'Formulas without a computed value in "{sheet}": {count} (e.g. {cells}), read as blank. The program that saved the file did not calculate its formulas: open it in Excel, WPS or LibreOffice, save it and process it again',
  },
  'ledger.underOwnName': {
    zh: '工作簿中没有找到矛盾纠纷台账：工作表“{sheet}”像是台账，但这个名称留给本工具自己的工作表；请把它改名（例如“台账”）后再试',
    en: 'No dispute ledger in this workbook: the sheet "{sheet}" looks like one, but the tool keeps that name for a sheet of its own; rename it (台账, say) and try again',
  },
  'meeting.cannotMatch': {
    zh: '“{unit}”的台账没有当事人（或联系电话）列或登记日期列，它的纠纷无法与其他单位台账中的同一纠纷对应：同一纠纷若也记在别的单位，会被重复统计',
    en: 'The ledger of "{unit}" has no party (or phone) column or no registration date: its disputes cannot be matched with the same disputes in other units\' ledgers, and one held by another unit too is counted twice',
  },
  'snapshot.otherLedger': {
    zh: '上次会议数据（{source}）中没有一件纠纷与本台账对得上，像是另一份台账的结果（或本台账的序号、当事人等已大改），本次未与它比较，也未沿用它的历次统计',
    en: 'Not one dispute in the previous meeting\'s data ({source}) matches this ledger: it looks like another ledger\'s output (or this ledger\'s serials and parties were rewritten), so nothing was compared with it or taken from its history',
  },
  'snapshot.damaged': {
    zh: '上次会议数据（{source}）有 {count} 处损坏，已跳过；汇总中“较上次会议变化”可能不全',
    en: 'The previous meeting\'s data ({source}) is damaged in {count} places, which were skipped; "Changes since the previous meeting" may be incomplete',
  },
  'snapshot.unreadable': {
    zh: '上次会议数据（{source}）无法读取（不是本工具写出的格式或版本，或条目多得不像台账），已忽略，本次未与上次会议比较',
    en: 'The previous meeting\'s data ({source}) cannot be read (not in this tool\'s format or version, or more entries than any ledger holds) and was ignored; this meeting is not compared with it',
  },
  'ledger.otherSheets': {
    zh: '本次只处理了工作表“{sheet}”；{others}也是台账，未处理。如需处理，请指定该工作表，或把它单独存为一个工作簿后再运行',
    en: 'Only the sheet "{sheet}" was processed; {others} hold ledgers too and were not. To process one, name that sheet, or save it as a workbook of its own, and run again',
  },
  'ledger.sheetMissing': {
    zh: '工作簿中没有找到矛盾纠纷台账：工作表“{sheet}”的内容在文件中找不到，文件可能已损坏；请在 Excel 中打开（让它修复）并另存一份后再试',
    en: 'No dispute ledger in this workbook: the content of the sheet "{sheet}" is missing from the file, which may be damaged; open it in Excel (let it repair the file), save a copy and try again',
  },
  'ledger.noSheets': {
    zh: '工作簿中没有任何工作表，也就没有矛盾纠纷台账（Excel 不会保存这样的文件，它可能是空的或已损坏）；请确认选对了文件，或在 Excel 中打开并另存一份后再试',
    en: 'The workbook has no sheets at all, so no dispute ledger (Excel never saves such a file: it may be empty or damaged); check that this is the right file, or open it in Excel, save a copy and try again',
  },
  'ledger.searchStopped': {
    zh: '工作簿的工作表太多或太宽，查看了前 {looked} 张（共 {total} 张）都不是矛盾纠纷台账，其余的没有再查看；请指定台账所在的工作表（命令行用 --sheet）后再试',
    en: 'This workbook has too many or too wide sheets: the first {looked} of {total} were looked at and none is a dispute ledger, and the rest were not; name the ledger\'s sheet (on the command line, --sheet) and try again',
  },
  'ledger.noneInWorkbook': {
    zh: `工作簿中没有找到矛盾纠纷台账：没有一张工作表在前 ${HEADER_SEARCH_ROWS} 行内有含 登记日期、当事人、纠纷类型、简要情况 等列名的表头；如果表头在更靠下的位置，请把它上方多余的行删去`,
    en: `No dispute ledger in this workbook: no sheet has, within its first ${HEADER_SEARCH_ROWS} rows, a header with columns such as 登记日期, 当事人, 纠纷类型, 简要情况; if the header is further down, delete the extra rows above it`,
  },
  'ledger.sheetProtected': {
    zh: '工作表“{sheet}”受保护，无法写入“建议等级”等列，本次没有写入任何内容；请在“审阅 > 撤消工作表保护”后重试',
    en: 'Sheet "{sheet}" is protected, so the add-in\'s columns cannot be written and nothing was written; unprotect it (Review > Unprotect Sheet) and try again',
  },
  'ledger.inTable': {
    zh: '台账在 Excel 表格“{table}”中：“建议等级”等列写在表格紧右侧，Excel 会把它们并入该表格（表格随之向右扩展）',
    en: 'The ledger is the Excel table "{table}": the add-in\'s columns are written right beside it, and Excel takes them into the table (it grows to the right)',
  },
  'ledger.rightOfTable': {
    zh: '台账在 Excel 表格“{table}”中，表格右侧另有列：“建议等级”等列写在所有已用列的右侧，不在该表格内',
    en: 'The ledger is the Excel table "{table}", with other columns right of it: the add-in\'s columns are written right of all used columns, outside the table',
  },
  'excel.syncTimeout': {
    zh: 'Excel 在 {seconds} 秒内没有响应，工作簿可能正忙；已发出的写入可能稍后仍会完成。请等 Excel 空闲后检查工作簿，再重新运行（重新运行的结果相同）',
    en: 'Excel did not answer within {seconds} seconds; the workbook may be busy, and what was already sent may still be written. Wait until Excel is idle, check the workbook and run again (a re-run gives the same result)',
  },
  'excel.sheetProtected': {
    zh: '要写入的工作表受保护，Excel 拒绝了写入；请在“审阅 > 撤消工作表保护”后重试',
    en: 'A sheet the add-in writes to is protected and Excel refused the write; unprotect it (Review > Unprotect Sheet) and try again',
  },
  'excel.settingsNotSaved': { zh: '设置未能保存', en: 'The settings could not be saved' },
  'revisit.notADispute': { zh: '第 {row} 行不是台账中的纠纷', en: 'Row {row} is not a dispute' },
  'meeting.filesTooLarge': {
    zh: '这些台账文件合计 {size} MB，超过本工具一次能处理的 {limit} MB；请少选几个单位的台账，或把台账按年度拆开后再试',
    en: 'These ledger files come to {size} MB together, over the {limit} MB the tool can process at once; choose fewer units\' ledgers, or split the ledgers by year, and try again',
  },
  'meeting.sameLedger': {
    zh: '“{file}”与“{other}”中的纠纷一件不差、行行相同，是同一份台账（也许一个是另一个的三色台账输出）；联席会议的每个单位只需给出一次',
    en: '"{file}" holds every dispute of "{other}", row for row: it is the same ledger (one may be the other\'s Tricolor output); give each unit\'s ledger once',
  },
  // Another unit's issue in a joint meeting: its cells are in that unit's file, so the unit is named.
  'meeting.unitIssue': { zh: '{unit}：{message}', en: '{unit}: {message}' },
  'meeting.correctionsNotUsed': {
    zh: '本工作簿台账保存的字段更正没有用于联席会议：联席会议按各台账表头自动识别的字段读取。',
    en: 'The column corrections saved for this workbook’s ledger were not used in the joint meeting: every ledger is read with the columns found in its header.',
  },
  'ledger.fieldMissing': {
    zh: '未找到“{field}”列',
    en: 'No "{field}" column found',
  },
  'dropdown.prompt': { zh: '人工定级：红、黄或绿', en: 'Manual level: 红 (red), 黄 (yellow) or 绿 (green)' },
  'dropdown.error': { zh: '请填写 红、黄 或 绿', en: 'Enter 红, 黄 or 绿 (red, yellow or green)' },
  'preset.problemLine': { zh: '{path}：{problem}', en: '{path}: {problem}' },
  'preset.problemSeparator': { zh: '；', en: '; ' },
  'preset.invalid': {
    zh: '规则预设有误：{detail}',
    en: 'The rule preset is invalid: {detail}',
  },
  'file.partMissing': {
    zh: '“{file}”已损坏：缺少每个工作簿都有的部分 {part}（可能在传输或解压、重新压缩时丢失），Excel 也打不开它；请找回原文件，或请对方重新发送',
    en: '"{file}" is damaged: it lacks {part}, a part every workbook has (probably lost in transfer, or when it was unpacked and zipped again), and Excel cannot open it either; find the original file or ask for it again',
  },
  'file.notWorkbook': {
    zh: '“{file}”不是 Excel 工作簿（.xlsx/.xlsm）；请在 Excel、WPS 或 LibreOffice 中另存为 .xlsx 后再试',
    en: '"{file}" is not an Excel workbook (.xlsx/.xlsm); save it as .xlsx in Excel, WPS or LibreOffice and try again',
  },
  'file.archiveOfWorkbooks': {
    zh: '“{file}”是一个压缩包，里面装着“{inside}”等文件，而不是工作簿本身；请先解压，再处理其中的台账',
    en: '"{file}" is a zip archive holding "{inside}" and perhaps more, not a workbook itself; unpack it and process the ledger inside',
  },
  'file.tooLarge': {
    zh: '“{file}”有 {size} MB，超过本工具能处理的 {limit} MB；请把台账按年度或按单位拆成几个文件，或把其中的图片移出后再试',
    en: '"{file}" is {size} MB, over the {limit} MB the tool can process; split the ledger into several files (by year or by unit), or move its pictures out, and try again',
  },
  'file.encrypted': {
    zh: '“{file}”已加密（设置了打开密码）或是旧版 .xls 文件；请取消密码或另存为 .xlsx 后再试',
    en: '"{file}" is password-protected or an old .xls file; remove the password or save it as .xlsx and try again',
  },
  'file.truncated': {
    zh: '“{file}”不完整或末尾已损坏：文件末尾找不到工作簿的目录（多半是下载、传送或拷贝没有完成）；请重新获取原文件（重新下载、从 U 盘或微信重新保存）后再试',
    en: '"{file}" is incomplete or damaged at its end: the workbook\'s directory, kept at the end of the file, is missing (most often a download, transfer or copy that did not finish); get the file again (download it again, or copy it again from the USB stick or chat) and try again',
  },
  // The zip's own structure (its directory, the records that say where each part lies) is damaged.
  'file.damaged': {
    zh: '“{file}”已损坏：压缩包的目录结构在文件第 {offset} 字节处无法读取；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: the zip\'s directory cannot be read at byte {offset} of the file; open it in Excel, save a copy and try again',
  },
  'file.prefixedXml': {
    zh: '“{file}”的内部格式是少见的带前缀写法，无法安全修改；请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后再试',
    en: '"{file}" uses a rare prefixed XML form that cannot be edited safely; open it in Excel, WPS or LibreOffice, save it as .xlsx and try again',
  },
  'file.unsupportedZip': {
    zh: '“{file}”用了 Excel 不用的压缩方式（{detail}），无法读取；请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后再试',
    en: '"{file}" uses a zip feature Excel never writes ({detail}) and cannot be read; open it in Excel, WPS or LibreOffice, save it as .xlsx and try again',
  },
  'file.damagedEntry': {
    zh: '“{file}”已损坏：其中的 {part}（文件第 {offset} 字节处）与压缩包目录不符，无法完整读出；请向发送方重新索取文件，或在 Excel 中打开修复并另存一份后再试',
    en: '"{file}" is damaged: its part {part} (at byte {offset} of the file) does not match the zip directory and cannot be read whole; ask the sender for the file again, or let Excel repair it, save a copy and try again',
  },
  'file.checksum': {
    zh: '“{file}”已损坏：其中的 {part} 校验不符（CRC-32），内容在复制或传输中被改动过，读出的数据不可信；请向发送方重新索取文件后再试',
    en: '"{file}" is damaged: the checksum (CRC-32) of its part {part} does not match, so its content changed in copying or transfer and cannot be trusted; ask the sender for the file again',
  },
  'file.partTooLarge': {
    zh: '“{file}”中的 {part} 解压后有 {size} MB，超过本工具能读取的 {limit} MB；如果台账确实这么大，请按年度或按单位拆成几个文件再试，否则文件可能已损坏，请确认来源',
    en: '"{file}": its part {part} inflates to {size} MB, over the {limit} MB the tool can read; if the ledger is that large, split it into several files (by year or by unit), otherwise the file may be damaged: check where it came from',
  },
  'file.packageTooLarge': {
    zh: '“{file}”的各部分解压后合计超过 {limit} MB（读到 {part} 时），不像正常的台账（可能已损坏或被恶意构造）；请确认文件来源，或把台账拆成几个文件后再试',
    en: '"{file}": its parts inflate to more than {limit} MB together (reached at {part}), which no ledger needs (the file may be damaged or built to attack); check where it came from, or split the ledger into several files',
  },
  'file.duplicateEntry': {
    zh: '“{file}”已损坏：其中的 {part} 出现了两次，无法判断哪一份是真的；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: its part {part} appears twice, so which copy is real cannot be told; open it in Excel, save a copy and try again',
  },
  'file.entryOutside': {
    zh: '“{file}”中有名为“{part}”的条目，指向工作簿以外（绝对路径、“..”、反斜杠或盘符），正常的工作簿不会这样，文件可能被恶意构造；请确认文件来源后，在 Excel 中打开并另存为 .xlsx 再试',
    en: '"{file}" holds an entry named "{part}" that points outside the workbook (an absolute path, "..", a backslash or a drive letter); no workbook does that and the file may have been built to attack: check where it came from, then open it in Excel and save it as .xlsx',
  },
  'file.unclosedTag': {
    zh: '“{file}”已损坏：{part} 第 {offset} 个字符处的 {tag} 没有结束标记；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: in {part}, the {tag} at character {offset} is never closed; open it in Excel, save a copy and try again',
  },
  'file.badXml': {
    zh: '“{file}”已损坏：{part} 第 {offset} 个字符处的 {tag} 不合 XML 或表格格式的规定；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: in {part}, {tag} at character {offset} is not valid XML or SpreadsheetML; open it in Excel, save a copy and try again',
  },
  'file.missingSharedString': {
    zh: '“{file}”已损坏：工作表“{sheet}”的单元格 {cell} 引用第 {number} 条共享字符串，而工作簿的共享字符串表只有 {count} 条（表缺失或被截断，或该单元格已损坏）；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: cell {cell} of sheet "{sheet}" refers to shared string {number}, but the workbook\'s shared-string table holds only {count} (the table missing or cut short, or the cell damaged); open it in Excel, save a copy and try again',
  },
  'file.missingElement': {
    zh: '“{file}”已损坏：{part} 中缺少必需的 {tag} 元素；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: {part} lacks the {tag} element it must have; open it in Excel, save a copy and try again',
  },
  'file.mergesOverlap': {
    zh: '“{file}”已损坏：工作表“{sheet}”中的合并单元格互相重叠（Excel 不会这样保存）；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: merged cells overlap in sheet "{sheet}" (Excel never saves them so); open it in Excel, save a copy and try again',
  },
  'file.cellOrder': {
    zh: '“{file}”已损坏：{part} 第 {offset} 个字符处的 {tag} 顺序错乱（行号、列号须逐个递增）；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: in {part}, {tag} at character {offset} is out of order (rows and cells must come in increasing order); open it in Excel, save a copy and try again',
  },
  'file.notUtf8': {
    zh: '“{file}”已损坏：{part} 第 {offset} 个字符处的字节不是 UTF-8 编码；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: {part} holds bytes that are not UTF-8 at character {offset}; open it in Excel, save a copy and try again',
  },
  'file.tagTooLong': {
    zh: '“{file}”已损坏：{part} 从第 {offset} 个字符（{tag}）起，一段标记或文字超过一百万个字符（例如一个标记带上百万个属性），Excel、WPS 和 LibreOffice 都不会这样写；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: in {part}, from character {offset} ({tag}), one run of markup or text goes past a million characters (one tag with millions of attributes, say), which Excel, WPS and LibreOffice never write; open it in Excel, save a copy and try again',
  },
  'file.utf16': {
    zh: '“{file}”的 {part} 以 UTF-16 编码保存，本工具只读取 Excel、WPS 和 LibreOffice 所用的 UTF-8；请在 Excel 或 WPS 中打开并另存一份后再试',
    en: '"{file}": {part} is saved in UTF-16, and this tool reads only the UTF-8 that Excel, WPS and LibreOffice write; open it in Excel or WPS, save a copy and try again',
  },
  'file.declaredEncoding': {
    zh: '“{file}”的 {part} 声明使用 {encoding} 编码，而不是 Excel、WPS 和 LibreOffice 所用的 UTF-8，本工具写回时会把新写入的中文弄乱；请在 Excel 或 WPS 中打开并另存一份后再试',
    en: '"{file}": {part} declares the {encoding} encoding, not the UTF-8 that Excel, WPS and LibreOffice write, and what this tool writes back into it would be garbled; open it in Excel or WPS, save a copy and try again',
  },
  'file.beyondSheetLimits': {
    zh: '“{file}”已损坏：工作表“{sheet}”中的 {tag} 超出了 Excel 的范围（最多 1048576 行、16384 列，即到 XFD 列）；请在 Excel 中打开并另存一份后再试',
    en: '"{file}" is damaged: {tag} in sheet "{sheet}" lies outside Excel\'s grid (1,048,576 rows, 16,384 columns up to XFD); open it in Excel, save a copy and try again',
  },
  'file.sheetTooLarge': {
    zh: '“{file}”的工作表“{sheet}”占用了 {cells} 个单元格（连同有格式的空白单元格），超过本工具一次能处理的 {limit} 个；请删去台账右侧和下方多余的行列，或把台账拆成几个文件后再试',
    en: 'Sheet "{sheet}" of "{file}" spans {cells} cells (formatted blank cells included), more than the {limit} this tool can take at once; delete the unused rows and columns right of and below the ledger, or split it into several files',
  },
  'file.tooManyStyles': {
    zh: '“{file}”的样式表（{part}）有 {count} 项 {list}，远超 Excel 的上限（约 65,000 种单元格格式），不是 Excel 或 WPS 保存的样子；请在 Excel 中打开并另存一份后再试',
    en: 'The styles of "{file}" ({part}) hold {count} {list} entries, far past Excel\'s limit (about 65,000 cell formats), which no workbook Excel or WPS saved has; open it in Excel, save a copy and try again',
  },
  'file.cellFormatsFull': {
    zh: '“{file}”已有 {count} 种单元格格式（{part}），本工具再添加就会超过 Excel 的上限 {limit} 种，Excel 将打不开结果；请在 Excel 中清除不用的单元格样式后再试',
    en: '"{file}" already has {count} cell formats ({part}); adding the tool\'s would pass Excel\'s limit of {limit}, and Excel could not open the result; remove unused cell styles in Excel and try again',
  },
  'file.strictOoxml': {
    zh: '“{file}”是“Strict Open XML 电子表格”格式，本工具无法处理；请在 Excel 中打开，另存为“Excel 工作簿 (*.xlsx)”后再试',
    en: '"{file}" is a Strict Open XML Spreadsheet, which this tool cannot process; open it in Excel and save it as "Excel Workbook (*.xlsx)"',
  },
  // Another kind of document renamed, or chosen by mistake: said by what it is.
  'file.wordDocument': {
    zh: '“{file}”是 Word 文档，不是 Excel 工作簿；请选择台账所在的 Excel 文件（.xlsx）',
    en: '"{file}" is a Word document, not an Excel workbook; choose the Excel file (.xlsx) that holds the ledger',
  },
  'file.presentation': {
    zh: '“{file}”是 PowerPoint 演示文稿，不是 Excel 工作簿；请选择台账所在的 Excel 文件（.xlsx）',
    en: '"{file}" is a PowerPoint presentation, not an Excel workbook; choose the Excel file (.xlsx) that holds the ledger',
  },
  'file.binaryWorkbook': {
    zh: '“{file}”是 Excel 二进制工作簿（.xlsb），本工具无法处理；请在 Excel 中打开，另存为“Excel 工作簿 (*.xlsx)”后再试',
    en: '"{file}" is an Excel Binary Workbook (.xlsb), which this tool cannot process; open it in Excel and save it as "Excel Workbook (*.xlsx)"',
  },
  'file.macrosUnderPlainName': {
    zh: '“{file}”的内容是启用宏的工作簿，扩展名却是 .xlsx，Excel 不会打开这样的文件；请把它改名为 .xlsm 后再试',
    en: '"{file}" holds a macro-enabled workbook under the extension .xlsx, which Excel will not open; rename it to .xlsm and try again',
  },
  'file.noMacrosUnderMacroName': {
    zh: '“{file}”的内容是不含宏的工作簿，扩展名却是 .xlsm，Excel 不会打开这样的文件；请把它改名为 .xlsx 后再试',
    en: '"{file}" holds a workbook without macros under the extension .xlsm, which Excel will not open; rename it to .xlsx and try again',
  },
  'file.openDocument': {
    zh: '“{file}”是 OpenDocument 电子表格（.ods），本工具无法处理；请在 WPS 或 LibreOffice 中打开，另存为 Excel 工作簿（.xlsx）后再试',
    en: '"{file}" is an OpenDocument spreadsheet (.ods), which this tool cannot process; open it in WPS or LibreOffice and save it as an Excel workbook (.xlsx)',
  },
  'sheet.notWorksheet': {
    zh: '“{file}”中的“{sheet}”是图表工作表，不是台账；请指定台账所在的工作表',
    en: '"{sheet}" in "{file}" is a chart sheet, not a ledger; name the sheet that holds the ledger',
  },
  'sheet.isOwnReport': {
    zh: '“{file}”中的工作表“{sheet}”是本工具写出的报表，不是台账；请指定台账所在的工作表',
    en: 'The sheet "{sheet}" in "{file}" is a report the tool wrote, not a ledger; name the sheet that holds the ledger',
  },
  'sheet.unknown': {
    zh: '“{file}”中没有名为“{sheet}”的工作表；现有工作表：{sheets}',
    en: '"{file}" has no sheet named "{sheet}"; its sheets are: {sheets}',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof CATALOGUE;
