import { parseArgs as parseOptions } from 'util';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { parseIsoDay, parsePeriod, PLAUSIBLE_DAYS, type Day, type Language } from '../core';
import { CommandError } from './messages';

dayjs.extend(customParseFormat);

/** What `run` and `meeting` both take. */
interface CommonArgs {
  asOf?: Day;
  rules?: string;
  period?: { from: Day; to: Day };
  out?: string;
  /** The previous meeting's output to compare with (default: the output already there, or the ledger itself). */
  previous?: string;
  force: boolean;
  json: boolean;
  mask: boolean;
  language: Language;
}

export interface RunArgs extends CommonArgs {
  command: 'run';
  ledger: string;
  sheet?: string;
}

/** `tricolor meeting`: several units' ledgers in one joint meeting. */
export interface MeetingArgs extends CommonArgs {
  command: 'meeting';
  ledgers: { file: string; unit?: string }[];
}

export type ParsedArgs = RunArgs | MeetingArgs | { command: 'help'; language: Language } | { command: 'version' };

/** A command-line mistake (exit status 2, where other failures give 1). */
export class UsageError extends CommandError {}

/** A strict YYYY-MM-DD date (dayjs rejects 2026-02-30 in strict mode). */
function parseDateArg(option: string, value: string, language: Language): Day {
  const d = dayjs(value, 'YYYY-MM-DD', true);
  const day = d.isValid() ? parseIsoDay(value) : null;
  if (day === null) throw new UsageError('args.badDate', { option, value }, language);
  // The window a ledger's own dates are read in (PLAUSIBLE_DAYS): 9999-12-31 is a typo, and would
  // put next revisits past the last date Excel can show.
  if (day < PLAUSIBLE_DAYS.earliest || day > PLAUSIBLE_DAYS.latest) throw new UsageError('args.dateOutOfRange', { option, value }, language);
  return day;
}

/** The language of messages when the command line names none: TRICOLOR_LANG starting with "en", else Chinese. */
export function environmentLanguage(): Language {
  return /^en/i.test(process.env.TRICOLOR_LANG ?? '') ? 'en' : 'zh';
}

/** What `--lang` gives on the command line, unchecked; undefined when it is not there. */
function langOption(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  return argv[at].includes('=') ? argv[at].split('=')[1] : String(argv[at + 1]);
}

/** The language the command answers in: a valid `--lang`, else the environment's (parseArgs refuses an invalid one). */
export function messageLanguage(argv: readonly string[]): Language {
  const v = langOption(argv);
  return v === 'zh' || v === 'en' ? v : environmentLanguage();
}

export function parseArgs(argv: readonly string[], defaultLanguage: Language): ParsedArgs {
  const v = langOption(argv);
  if (v !== undefined && v !== 'zh' && v !== 'en') throw new UsageError('args.badLang', { value: v }, defaultLanguage);
  const language = v ?? defaultLanguage;
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help', language };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'meeting') throw new UsageError('args.unknownCommand', { command }, language);
  const meeting = command === 'meeting';
  const { values, positionals } = readOptions(rest, language);
  if (meeting && values.sheet !== undefined) throw new UsageError('args.notForMeeting', { option: '--sheet' }, language);
  let period: { from: Day; to: Day } | undefined;
  if (values.period !== undefined) {
    period = parsePeriod(values.period) ?? undefined;
    if (!period) throw new UsageError('args.badPeriod', { value: values.period }, language);
  }
  const common = {
    ...(values['as-of'] !== undefined ? { asOf: parseDateArg('--as-of', values['as-of'], language) } : {}),
    ...(values.rules !== undefined ? { rules: values.rules } : {}),
    ...(period ? { period } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.previous !== undefined ? { previous: values.previous } : {}),
    force: values.force ?? false,
    json: values.json ?? false,
    mask: !values['no-mask'],
    language,
  };
  if (meeting) {
    if (positionals.length === 0) throw new UsageError('args.missingLedgers', {}, language);
    return { command: 'meeting', ledgers: positionals.map((arg) => ledgerWithUnit(arg, language)), ...common };
  }
  if (positionals.length === 0) throw new UsageError('args.missingLedger', {}, language);
  if (positionals.length > 1) throw new UsageError('args.oneLedger', { file: positionals[1] }, language);
  return { command: 'run', ledger: positionals[0], ...(values.sheet !== undefined ? { sheet: values.sheet } : {}), ...common };
}

const OPTIONS = {
  sheet: { type: 'string' },
  previous: { type: 'string' },
  'as-of': { type: 'string' },
  rules: { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean', short: 'f' },
  json: { type: 'boolean' },
  'no-mask': { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const WORKBOOK_NAME = /\.xls[xm]?$/i;

/** The options and file names after the command, by node's own parser; its English errors told in the user's language. */
function readOptions(args: string[], language: Language) {
  try {
    return parseOptions({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const option = /'(?:-\w, )?(-[^' <]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // `run -x.xlsx`: Node reads a file whose name starts with '-' as the short options -x, -., …
      const file = args.find((a) => a.startsWith(option) && a !== option && WORKBOOK_NAME.test(a));
      if (file) throw new UsageError('args.dashFile', { file }, language);
      throw new UsageError('args.unknownOption', { option }, language);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(/does not take an argument/.test(message) ? 'args.noValue' : 'args.missingValue', { option }, language);
    throw e;
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `台账.xlsx=青山镇司法所` names the unit; a file name may hold '=' itself, so only a workbook name before it counts. */
function ledgerWithUnit(arg: string, language: Language): { file: string; unit?: string } {
  const m = /^(.+\.xls[xm])=(.*)$/i.exec(arg);
  if (!m) return { file: arg };
  // `台账.xlsx=` with the unit left out: said as such, not as a file that cannot be found.
  if (m[2].trim() === '') throw new UsageError('args.emptyUnit', { file: m[1] }, language);
  // A control character (an escape sequence pasted from a terminal) would be printed into the paper's headings.
  if (CONTROL.test(m[2])) throw new UsageError('args.controlInUnit', { file: m[1] }, language);
  return { file: m[1], unit: m[2].trim() };
}

export const HELP = `三色台账 tricolor —— 矛盾纠纷工作台账红黄绿三色预警、回访清单与联席会议汇总
Tricolor Ledger — red/yellow/green triage, revisit lists and joint-meeting summaries for dispute ledgers

用法 Usage:
  tricolor run 台账.xlsx [选项 options]
  tricolor meeting 台账1.xlsx[=单位] 台账2.xlsx[=单位] … [选项 options]

  run      给一个台账分级、排定回访，写出 台账.tricolor.xlsx（原文件不动）
           triage one ledger, schedule revisits, write LEDGER.tricolor.xlsx (the input is untouched)
  meeting  三调联动联席会议：把派出所、司法所、法庭等各单位的台账合在一次会议里，同一纠纷只算一次，
           写出一个工作簿（联席会议汇总、各单位的回访清单）；单位名取自台账标题或“填报单位”，
           也可写成 文件=单位
           the joint meeting of several units' ledgers, a dispute held by two units counted once;
           the unit comes from the ledger's title or 填报单位 line, or FILE=UNIT

选项 Options:
  --sheet 名称         台账所在工作表（默认自动识别）
                       the ledger sheet (found automatically when omitted)
  --as-of YYYY-MM-DD   以哪一天计算到期与逾期（默认今天）
                       the day revisits are due by (default: today)
  --rules 预设.json    使用自定义的分级规则预设（默认“333”预设）
                       a triage preset file (default: the "333 default" preset)
  --period 期间        联席会议汇总的期间：2026-11-01..2026-11-30、2026-11 或 2026-Q4（默认本月）
                       the meeting period: FROM..TO, a month or a quarter (default: the as-of month)
  --out 文件           输出文件（run 默认在原文件旁写 台账.tricolor.xlsx；meeting 默认在第一个台账旁写
                       联席会议汇总.tricolor.xlsx）
                       output file (run: LEDGER.tricolor.xlsx beside the input; meeting:
                       联席会议汇总.tricolor.xlsx beside the first ledger)
  --previous 文件      上次会议数据所在的文件，即上次输出的 .tricolor.xlsx（默认取台账自身保存的数据
                       或已有的输出文件）
                       the previous meeting's output to compare with (default: the data the
                       ledger keeps, or the existing output file)
  --force              覆盖已存在的输出文件   overwrite an existing output file
  --json               向标准输出打印一个 JSON 结果   print one JSON document to stdout
  --no-mask            汇总与清单中不遮蔽姓名、证件号、电话（默认遮蔽）
                       do not mask names, ID and phone numbers in the report sheets
  --lang zh|en         提示语言（默认中文）   message language (default Chinese)
  -h, --help           显示本帮助   show this help
  -v, --version        显示版本     show the version

原文件从不被修改；输出只增加“建议等级、判定依据、下次回访日期（及人工定级）”列、
条件格式，“回访清单”“联席会议汇总”两张工作表，以及一张隐藏的工作表 _tricolor：
它保存上次会议数据——每次联席会议各纠纷的编号、行号、等级和状态，以及历次会议的红黄件数
（不含姓名、电话），供下次会议比较变化。下次会议时，run 从台账自身或旁边的 台账.tricolor.xlsx
读取上次会议数据（加 --force 覆盖旧输出前先读取）。
The input is never modified; the output adds only the add-in's columns, conditional formats,
the sheets 回访清单 and 联席会议汇总, and a hidden sheet _tricolor that keeps the previous meeting's
data: each meeting's disputes by key, row, level and status, and each meeting's red and yellow
counts (no names or phone numbers), so the next meeting sees what changed. run reads it from the
workbook itself or from LEDGER.tricolor.xlsx beside it (before --force overwrites it).

退出状态 Exit status: 0 成功 success, 1 无法处理的输入 bad input, 2 用法错误 usage error.
`;
