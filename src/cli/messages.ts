import { fill, type Catalogue, type Language } from '../core';

/**
 * Everything the command says, in the one catalogue shape (per key, Chinese and English, `{name}`
 * placeholders; src/core/messages). The core's own messages (a damaged file, a ledger not found)
 * come from the core's catalogue.
 */
export const CLI_MESSAGES = {
  // The command line
  'args.unknownOption': { zh: '未知选项 {option}；运行 tricolor --help 查看用法', en: 'Unknown option {option}; run tricolor --help for usage' },
  'args.dashFile': {
    zh: '“{file}”以“-”开头，会被当作选项；若这是文件名，请写成 ./{file}',
    en: '"{file}" starts with "-" and is read as options; if it is a file, write it as ./{file}',
  },
  'args.missingValue': { zh: '选项 {option} 需要一个值', en: 'Option {option} needs a value' },
  'args.noValue': { zh: '选项 {option} 不带值', en: 'Option {option} takes no value' },
  'args.missingLedger': { zh: '请给出台账文件，例如：tricolor run 台账.xlsx', en: 'Name the ledger file, e.g. tricolor run ledger.xlsx' },
  'args.oneLedger': {
    zh: 'run 一次处理一个台账，“{file}”多余；几个单位的台账一起开会请用 tricolor meeting',
    en: "run takes one ledger, \"{file}\" is one too many; for several units' ledgers in one meeting use tricolor meeting",
  },
  'args.missingLedgers': {
    zh: '请给出各单位的台账文件，例如：tricolor meeting 派出所台账.xlsx 司法所台账.xlsx=青山镇司法所',
    en: 'Name each unit’s ledger file, e.g. tricolor meeting police.xlsx justice.xlsx=Justice office',
  },
  'args.emptyUnit': {
    zh: '“{file}=”后没有写单位名称；请写成 {file}=青山镇司法所，或去掉“=”，由台账的标题或填报单位识别单位',
    en: 'No unit after "{file}="; write it as {file}=Justice office, or leave out the "=" and the unit is read from the ledger\'s title',
  },
  'args.controlInUnit': {
    zh: '“{file}=”后的单位名称含有控制字符（如终端的颜色代码），会被印进汇总的标题；请只写单位名称，如 {file}=青山镇司法所',
    en: 'The unit after "{file}=" holds control characters (a terminal\'s colour codes, say), which would be printed in the paper\'s headings; write the unit\'s name only, e.g. {file}=Justice office',
  },
  'args.notForMeeting': { zh: '选项 {option} 只用于 run；meeting 会在每个台账中自动识别台账工作表', en: 'Option {option} is for run only; meeting finds the ledger sheet in each workbook' },
  'args.unknownCommand': {
    zh: '未知命令“{command}”；可用的命令是 run 和 meeting。运行 tricolor --help 查看用法',
    en: 'Unknown command "{command}"; the commands are run and meeting. See tricolor --help',
  },
  'args.badDate': { zh: '{option} 的日期“{value}”无效，请写成 YYYY-MM-DD，例如 2026-11-30', en: 'The date "{value}" for {option} is not valid; write it as YYYY-MM-DD, e.g. 2026-11-30' },
  'args.dateOutOfRange': { zh: '{option} 的日期“{value}”不在 1990—2100 年之间，请核对', en: 'The date "{value}" for {option} is outside 1990–2100; please check it' },
  'args.periodAfterAsOf': {
    zh: '会议期间从 {from} 开始，晚于截至日期 {asOf}，还没有可统计的内容；请检查 --period 或 --as-of',
    en: 'The meeting period starts on {from}, after the as-of date {asOf}, so there is nothing to count yet; check --period or --as-of',
  },
  'args.badPeriod': {
    zh: '--period 的“{value}”无效，请写成 起..止（2026-11-01..2026-11-30）、月份（2026-11）或季度（2026-Q4）',
    en: 'The period "{value}" is not valid; write FROM..TO (2026-11-01..2026-11-30), a month (2026-11) or a quarter (2026-Q4)',
  },
  'args.badLang': { zh: '--lang 只能是 zh 或 en，而不是“{value}”', en: '--lang must be zh or en, not "{value}"' },

  // Files
  'file.notFound': { zh: '找不到文件“{file}”；请检查路径', en: 'File "{file}" not found; check the path' },
  'file.nameNotUtf8': {
    zh: '找不到文件“{file}”：文件名中有本工具无法识别的字符（常见于从 Windows 压缩包解出的 GBK 编码文件名）；请把文件改名后再试',
    en: 'File "{file}" not found: its name holds characters the command cannot read (often a GBK name from a zip made on Windows); rename the file and try again',
  },
  'file.isDirectory': { zh: '“{file}”是文件夹，不是工作簿；请给出 .xlsx 或 .xlsm 文件', en: '"{file}" is a folder, not a workbook; name an .xlsx or .xlsm file' },
  'file.notAFile': { zh: '“{file}”不是普通文件（可能是设备或管道）；请给出 .xlsx 或 .xlsm 工作簿文件', en: '"{file}" is not a regular file (a device or a pipe?); name an .xlsx or .xlsm workbook file' },
  'file.problemIn': { zh: '“{file}”：{message}', en: '"{file}": {message}' },
  'file.unreadable': { zh: '无法读取“{file}”：{problem}', en: 'Cannot read "{file}": {problem}' },
  'output.extension': {
    zh: '输出文件“{file}”的扩展名应为 {extension}，与原工作簿{kind}一致，否则 Excel 无法打开；本工具只写 .xlsx/.xlsm 工作簿',
    en: 'The output "{file}" must end in {extension} like the input workbook{kind}, or Excel will not open it; only .xlsx/.xlsm workbooks are written',
  },
  'output.kindMacros': { zh: '（含宏）', en: ' (with macros)' },
  'output.kindPlain': { zh: '（不含宏）', en: ' (without macros)' },
  'output.sameAsInput': { zh: '输出文件“{file}”就是输入文件；原台账从不被修改，请换一个 --out', en: 'The output "{file}" is the input itself; the ledger is never modified, choose another --out' },
  'output.isDirectory': { zh: '输出“{file}”是一个文件夹；请用 --out 给出一个工作簿的文件名（如 台账.tricolor.xlsx）', en: 'The output "{file}" is a folder; give --out a workbook\'s file name (such as ledger.tricolor.xlsx)' },
  'output.exists': { zh: '输出文件“{file}”已存在；加 --force 覆盖，或用 --out 另指定', en: 'The output "{file}" exists; add --force to overwrite it, or choose another --out' },
  'output.cannotWrite': { zh: '无法写出“{file}”：{problem}；未写出任何文件', en: 'Cannot write "{file}": {problem}; no file was written' },
  'output.cannotPrint': {
    zh: '无法向标准输出写出结果：{problem}；未写出“{file}”。请检查输出重定向的去处后再运行',
    en: 'Cannot write the result to standard output: {problem}; "{file}" was not written. Check where the output is redirected and run again',
  },
  'output.cannotWriteFolder': {
    zh: '无法在文件夹“{folder}”中写入输出：{problem}；请用 --out 换一个可写的位置，未写出任何文件',
    en: 'Cannot write the output in the folder "{folder}": {problem}; choose a writable place with --out; no file was written',
  },
  'previous.none': {
    zh: '“{file}”中没有上次会议数据（隐藏工作表 _tricolor）；请给出上次会议输出的 .tricolor.xlsx 文件',
    en: '"{file}" holds no previous meeting\'s data (the hidden sheet _tricolor); name the .tricolor.xlsx a previous meeting wrote',
  },
  'meeting.sameLedger': {
    zh: '“{file}”与“{other}”是同一份台账；联席会议的每个单位只需给出一次',
    en: '"{file}" is the same ledger as "{other}"; give each unit\'s ledger once',
  },
  'previous.outputUnreadable': {
    zh: '注意：将被替换的“{file}”不是能读取的工作簿，读不出上次会议数据；本次不与上次会议比较',
    en: 'Note: "{file}", which is being replaced, is no workbook the tool can read, so it holds no previous meeting to compare with',
  },
  'previous.notUsed': {
    zh: '注意：本次没有与“{file}”中的会议数据比较——其中没有早于本次会议期间（{from} 起）、又比本工作簿自己记下的更近的会议',
    en: 'Note: this run is not compared with the meetings in "{file}": none of them is before this period (from {from}) and more recent than what the workbook keeps itself',
  },
  'previous.tooLarge': {
    zh: '“{file}”有 {size} MB，超过本工具能读取的 {limit} MB；--previous 应为上次会议输出的 .tricolor.xlsx 文件，请检查是否选错了文件',
    en: '"{file}" is {size} MB, over the {limit} MB the tool can read; --previous names the .tricolor.xlsx a previous meeting wrote: check that this is the file meant',
  },
  'rules.tooLarge': {
    zh: '规则预设“{file}”有 {size} MB，不是规则预设文件（默认预设约 60 KB，上限 {limit} MB）；请选择导出的 .json 规则文件',
    en: 'The rule preset "{file}" is {size} MB, which no preset is (the default is about 60 KB; the limit is {limit} MB); choose an exported .json rules file',
  },
  'rules.notAFile': {
    zh: '规则预设“{file}”不是普通文件（可能是设备或管道）；请选择导出的 .json 规则文件',
    en: 'The rule preset "{file}" is not a regular file (a device or a pipe?); choose an exported .json rules file',
  },
  'rules.unreadable': { zh: '无法读取规则预设“{file}”：{problem}', en: 'Cannot read the rule preset "{file}": {problem}' },
  'rules.invalid': { zh: '规则预设“{file}”有误：{problems}；请改正这些字段后再试', en: 'The rule preset "{file}" is invalid: {problems}; fix these fields and try again' },
  'rules.notUtf8': {
    zh: '文件不是 UTF-8 编码（记事本“ANSI”保存的是 GBK）；请在记事本中“另存为”并选 UTF-8 编码后再试',
    en: 'the file is not UTF-8 (Notepad\'s "ANSI" is another encoding); save it again as UTF-8 and try again',
  },
  'rules.utf16': {
    zh: '文件是 UTF-16 编码（记事本的“Unicode”）；请在记事本中“另存为”并选 UTF-8 编码后再试',
    en: 'the file is UTF-16 (Notepad\'s "Unicode"); save it again as UTF-8 and try again',
  },
  'rules.empty': { zh: '文件是空的；请用面板或网页导出的预设文件', en: 'the file is empty; use a preset exported by the pane or the web page' },
  'rules.notJson': { zh: '内容不是有效的 JSON，请用面板或网页导出的预设文件', en: 'it is not valid JSON; use a preset exported by the pane or the web page' },
  'rules.notJsonAt': {
    zh: '内容不是有效的 JSON（第 {position} 个字符处有误），请用面板或网页导出的预设文件',
    en: 'it is not valid JSON (wrong at character {position}); use a preset exported by the pane or the web page',
  },
  // What went wrong with a file, in the user's words rather than Node's ("ENOENT: no such file …").
  'problem.ENOENT': { zh: '找不到这个文件，请检查路径', en: 'there is no such file; check the path' },
  // Said of a file read and of a folder written in: access, not reading.
  'problem.EACCES': { zh: '没有访问它的权限，请检查权限', en: 'access to it is not permitted; check its permissions' },
  'problem.EPERM': { zh: '没有访问它的权限，请检查权限', en: 'access to it is not permitted; check its permissions' },
  'problem.EISDIR': { zh: '这是一个文件夹，不是文件；请给出文件的路径', en: 'it is a folder, not a file; name a file' },
  'problem.ENOSPC': { zh: '磁盘空间不足，请清理后再试', en: 'the disk is full; free some space and try again' },
  // What to do is the sentence's around it (output.cannotWriteFolder: 请用 --out 换一个可写的位置): not said twice.
  'problem.EROFS': { zh: '该位置只读', en: 'that place is read-only' },
  'problem.ENOTDIR': { zh: '路径中有一段是文件而不是文件夹，请检查路径', en: 'a part of the path is a file, not a folder; check the path' },
  'problem.ENAMETOOLONG': { zh: '文件名或路径太长，请换一个短一些的名称或位置', en: 'the file name or path is too long; choose a shorter name or place' },
  'problem.EIO': { zh: '读写设备时出错（磁盘、U 盘或网络位置可能有故障），请把文件复制到本机硬盘后再试', en: 'the device failed to read or write (a faulty disk, USB stick or network place?); copy the file to a local disk and try again' },
  'problem.ELOOP': { zh: '路径中的链接互相指向、形成了循环，请检查路径', en: 'links in the path point at each other in a loop; check the path' },
  'problem.EMFILE': { zh: '同时打开的文件太多，请关闭一些程序后再试', en: 'too many files are open; close some programs and try again' },
  'problem.EBUSY': { zh: '文件正被其他程序占用，请关闭占用它的程序后再试', en: 'another program is using the file; close it and try again' },
  'problem.cwdGone': {
    zh: '命令所在的文件夹已不存在（可能已被删除或移走）；请进入一个存在的文件夹再运行，或写出文件的完整路径',
    en: 'the folder the command runs in no longer exists (deleted or moved?); change to a folder that exists, or give full paths',
  },
  // Any other system error: its code, never Node's English sentence.
  'problem.other': { zh: '系统报告错误（{code}），请检查路径和文件后再试', en: 'the system reported an error ({code}); check the path and the file and try again' },
  'job.failed': { zh: '处理“{file}”时出错：{problem}；未写出任何文件', en: 'Processing "{file}" failed: {problem}; no file was written' },
  // {files} is the command's workbooks, each quoted ('“a.xlsx”、“b.xlsx”'): what was being processed
  // is named, and the cause is said as it is — a small file can hold text that needs the memory.
  'job.outOfMemory': {
    zh: '处理{files}时中止：所需内存超出了本工具的上限（约 1 GB）。如果台账很大，请按年度或按单位拆成几个文件，再分别处理；未写出任何文件',
    en: 'Stopped while processing {files}: it needs more memory than the tool may use (about 1 GB). If the ledger is large, split it into several files (by year or by unit) and process each; no file was written',
  },

  // Progress
  'stage.read': { zh: '读取工作簿…', en: 'Reading the workbook…' },
  'stage.triage': { zh: '分级与排定回访…', en: 'Triaging and scheduling…' },
  'stage.write': { zh: '写出结果…', en: 'Writing the result…' },

  // After a run
  'run.sheet': { zh: '台账工作表“{sheet}”，表头在第 {header} 行，共 {disputes} 件纠纷', en: 'Ledger sheet "{sheet}", header on row {header}, {disputes} disputes' },
  'run.levels': { zh: '  红色 {red} 件\u3000黄色 {yellow} 件\u3000绿色 {green} 件', en: '  red {red}   yellow {yellow}   green {green}' },
  'run.due': { zh: '  今日到期回访 {dueToday} 件，逾期 {overdue} 件', en: '  revisits due today {dueToday}, overdue {overdue}' },
  'run.needsReview': { zh: '  人工定级低于建议等级、需复核 {count} 件', en: '  manual level below the suggestion, to review: {count}' },
  'run.cellsToCheck': { zh: '  需核对的单元格 {count} 处（其余内容已照常处理）', en: '  cells to check: {count} (everything else was processed as usual)' },
  'run.moreIssues': { zh: '    ……另有 {count} 条提示，见 --json 输出', en: '    … {count} more, see --json' },
  'period': { zh: '联席会议期间 {from} 至 {to}', en: 'Meeting period {from} to {to}' },
  'output': { zh: '输出：{file}', en: 'Output: {file}' },
  'output.pastReadLimit': {
    zh: '注意：输出“{file}”有 {size} MB，超过本工具能读取的 {limit} MB，不能再用本工具处理或作为 --previous；请把其中的图片移出，或把台账按年度或按单位拆成几个文件',
    en: 'Note: the output "{file}" is {size} MB, over the {limit} MB the tool can read, so it cannot be processed again or given as --previous; move its pictures out, or split the ledger by year or by unit',
  },

  // After a meeting
  'meeting.period': { zh: '联席会议期间 {from} 至 {to}，{units} 个单位：', en: 'Meeting period {from} to {to}, {units} units:' },
  'meeting.unit': {
    zh: '  {unit}（{file}，工作表“{sheet}”）：{disputes} 件，本期登记 {registered} 件，在办 {open} 件',
    en: '  {unit} ({file}, sheet "{sheet}"): {disputes} disputes, {registered} registered this period, {open} open',
  },
  'meeting.shared': { zh: '同一纠纷记在几个单位台账上的 {count} 件，合并为一件统计：', en: '{count} disputes held by more than one unit, counted once:' },
  'meeting.sharedSerial': { zh: '{unit} 序号{serial}', en: '{unit} no. {serial}' },
  'meeting.sharedRow': { zh: '{unit} 第{row}行', en: '{unit} row {row}' },
  'meeting.sharedJoin': { zh: ' ＝ ', en: ' = ' },
  'meeting.moreShared': { zh: '    ……另有 {count} 件，见 --json 输出', en: '    … {count} more, see --json' },
  'meeting.totals': {
    zh: '合计 {disputes} 件；本期登记 {registered} 件；在办 红{red} 黄{yellow} 绿{green}',
    en: 'Total {disputes}; registered this period {registered}; open red {red} yellow {yellow} green {green}',
  },
  'meeting.compared': { zh: '已与上次会议数据比较（{source}）', en: "Compared with the previous meeting's data ({source})" },
  'meeting.notCompared': { zh: '未找到上次会议数据，本次未作比较', en: 'No previous meeting data found; nothing compared' },
  'meeting.cellsToCheck': { zh: '需核对的单元格 {count} 处（其余内容已照常处理），见 --json 输出', en: 'cells to check: {count} (everything else was processed as usual), see --json' },
} as const satisfies Catalogue;

export type CliMessage = keyof typeof CLI_MESSAGES;

/**
 * A mistake the command reports — an option it cannot take, a file it cannot read or write — with
 * its code, a key of CLI_MESSAGES, as the core's failures carry theirs (src/core/errors).
 */
export class CommandError extends Error {
  constructor(
    readonly code: CliMessage,
    readonly params: Record<string, string | number>,
    language: Language,
  ) {
    super(say(language, code, params));
    this.name = new.target.name;
  }
}

/** What the command says, in `language`. */
export function say(language: Language, key: CliMessage, params: Record<string, string | number> = {}): string {
  return fill(CLI_MESSAGES[key][language], params);
}
