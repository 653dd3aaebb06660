import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import dayjs from 'dayjs';
import { DEFAULT_PRESET, describeProblem, parseIsoDay, PresetError, validatePreset, type Language, type TriagePreset } from '../core';
import { processWorkbook, WorkbookError, type DeflateCodec } from '../hosts/xlsx';
import { HELP, parseArgs, UsageError, type RunArgs } from './args';
import { formatSummary, jobToJson } from './report';

/** Exit codes: 0 done, 1 the input cannot be processed, 2 the command line is wrong. */
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;
/** Above this size the job takes long enough to deserve progress lines. */
const PROGRESS_BYTES = 2 * 1024 * 1024;

const say = {
  zh: {
    notFound: (f: string) => `找不到文件“${f}”；请检查路径`,
    isDirectory: (f: string) => `“${f}”是文件夹，不是工作簿；请给出 .xlsx 或 .xlsm 文件`,
    extension: (f: string, want: string) => `输出文件“${f}”的扩展名应为 ${want}，与原工作簿${want === '.xlsm' ? '（含宏）' : '（不含宏）'}一致，否则 Excel 无法打开`,
    sameAsInput: (f: string) => `输出文件“${f}”就是输入文件；原台账从不被修改，请换一个 --out`,
    exists: (f: string) => `输出文件“${f}”已存在；加 --force 覆盖，或用 --out 另指定`,
    rulesUnreadable: (f: string, e: string) => `无法读取规则预设“${f}”：${e}`,
    rulesInvalid: (f: string, e: string) => `规则预设“${f}”有误：${e}；请改正这些字段后再试`,
    failed: (f: string, e: string) => `处理“${f}”时出错：${e}；未写出任何文件`,
    stage: { read: '读取工作簿…', triage: '分级与排定回访…', write: '写出结果…' },
  },
  en: {
    notFound: (f: string) => `File "${f}" not found; check the path`,
    isDirectory: (f: string) => `"${f}" is a folder, not a workbook; name an .xlsx or .xlsm file`,
    extension: (f: string, want: string) => `The output "${f}" must end in ${want} like the input workbook, or Excel will not open it`,
    sameAsInput: (f: string) => `The output "${f}" is the input itself; the ledger is never modified, choose another --out`,
    exists: (f: string) => `The output "${f}" exists; add --force to overwrite it, or choose another --out`,
    rulesUnreadable: (f: string, e: string) => `Cannot read the rule preset "${f}": ${e}`,
    rulesInvalid: (f: string, e: string) => `The rule preset "${f}" is invalid: ${e}; fix these fields and try again`,
    failed: (f: string, e: string) => `Processing "${f}" failed: ${e}; no file was written`,
    stage: { read: 'Reading the workbook…', triage: 'Triaging and scheduling…', write: 'Writing the result…' },
  },
};

class InputError extends Error {}

/**
 * Node's native zlib: the same raw deflate as fflate, several times faster. Parts above 16 MB (the
 * ledger sheet and due-list of a 100,000-row ledger) use level 1, which deflates about three times
 * faster than level 6 for a file about a third larger; smaller parts use level 6 like Excel.
 */
const BIG_PART_BYTES = 16 * 1024 * 1024;
const NODE_CODEC: DeflateCodec = {
  deflate: (data) => zlib.deflateRawSync(data, { level: data.length > BIG_PART_BYTES ? 1 : 6 }),
  inflate: (data) => zlib.inflateRawSync(data),
  crc32: (data) => zlib.crc32(data),
};

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Today's date, YYYY-MM-DD: the only place the clock is read. */
  today: () => string;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  today: () => dayjs().format('YYYY-MM-DD'),
};

export function main(argv: readonly string[], io: Io = defaultIo): number {
  const language: Language = /^en/i.test(process.env.TRICOLOR_LANG ?? '') ? 'en' : 'zh';
  let args;
  try {
    args = parseArgs(argv, language);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`tricolor: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }
  try {
    run(args, io);
    return 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof WorkbookError) {
      io.stderr(`tricolor: ${e.message}\n`);
      return EXIT_INPUT;
    }
    // Anything else is our bug; still no stack trace for the user, but enough to report it.
    io.stderr(`tricolor: ${say[args.language].failed(args.ledger, e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_INPUT;
  }
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function defaultOutput(input: string): string {
  const ext = path.extname(input);
  const keep = ext.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  return path.join(path.dirname(input), `${path.basename(input, ext)}.tricolor${keep}`);
}

function loadPreset(file: string | undefined, language: Language): TriagePreset {
  if (!file) return DEFAULT_PRESET;
  const t = say[language];
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(t.rulesUnreadable(file, (e as Error).message));
  }
  try {
    return validatePreset(json);
  } catch (e) {
    if (e instanceof PresetError) throw new InputError(t.rulesInvalid(file, e.problems.map((p) => describeProblem(p, language)).join('；')));
    throw e;
  }
}

function run(args: RunArgs, io: Io) {
  const t = say[args.language];
  const input = path.resolve(args.ledger);
  if (!fs.existsSync(input)) throw new InputError(t.notFound(args.ledger));
  if (fs.statSync(input).isDirectory()) throw new InputError(t.isDirectory(args.ledger));
  const output = path.resolve(args.out ?? defaultOutput(input));
  // A macro-enabled package must keep .xlsm and a plain one must not take it: Excel checks the pair.
  const macros = path.extname(input).toLowerCase() === '.xlsm';
  if ((path.extname(output).toLowerCase() === '.xlsm') !== macros) throw new InputError(t.extension(output, macros ? '.xlsm' : '.xlsx'));
  if (output === input) throw new InputError(t.sameAsInput(output));
  if (fs.existsSync(output) && !args.force) throw new InputError(t.exists(output));
  const preset = loadPreset(args.rules, args.language);
  const asOf = args.asOf ?? parseIsoDay(io.today())!;

  const bytes = fs.readFileSync(input);
  const progress = bytes.length > PROGRESS_BYTES;
  const result = processWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    fileName: path.basename(input),
    sheet: args.sheet,
    asOf,
    period: args.period,
    preset,
    language: args.language,
    mask: args.mask,
    codec: NODE_CODEC,
    onProgress: progress ? (stage) => io.stderr(`${t.stage[stage]}\n`) : undefined,
  });

  // Write beside the target and rename: a failure never leaves a half-written workbook.
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const temp = `${output}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, result.bytes);
    fs.renameSync(temp, output);
  } finally {
    if (fs.existsSync(temp)) fs.unlinkSync(temp);
  }
  if (args.json) io.stdout(`${JSON.stringify(jobToJson(result.job, output, asOf), null, 2)}\n`);
  else io.stdout(`${formatSummary(result.job, output, args.language)}\n`);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
