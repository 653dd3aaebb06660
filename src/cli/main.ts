import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkWorkbookFileSize,
  MAX_WORKBOOK_BYTES,
  sizeParams,
  DEFAULT_PRESET,
  defaultPeriod,
  describeProblems,
  formatDay,
  localIsoDay,
  MEETING_OUTPUT_NAME,
  outputNameFor,
  parseIsoDay,
  PresetError,
  presetFileTooLarge,
  runMeetingJob,
  validatePreset,
  type Day,
  type Language,
  type MeetingLedger,
  type MeetingSummary,
  type PreviousMeetingData,
  type TriagePreset,
  TricolorError,
  holdsMacros,
} from '../core';
import { processWorkbook, readLedgerWorkbook, readStateRows, writeReportPieces, type DeflateCodec, type LoadBytes } from '../hosts/xlsx';
import { withFileParts } from './file-parts';
import { NODE_CODEC } from './node-codec';
import { withDeflateThread } from './threaded-codec';
import { environmentLanguage, HELP, parseArgs, UsageError, type MeetingArgs, type RunArgs } from './args';
import { formatMeeting, formatSummary, jobToJson, meetingToJson } from './report';
import { CLI_MESSAGES, CommandError, say, type CliMessage } from './messages';
import { printable } from './printable';
import { supervisorGone } from './supervise';
import { writeStdout } from './stdout';

/** Exit codes: 0 done, 1 the input cannot be processed, 2 the command line is wrong. */
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;
/** Above this size the job takes long enough to deserve progress lines. */
const PROGRESS_BYTES = 2 * 1024 * 1024;

/**
 * A full collection between the job and the writing, where the command runs with `--expose-gc`
 * (supervise.ts): the job's working data has just died, and V8 sizes the heap the writer grows
 * into by what is live after its last full collection. Measured at 100,000 rows (median of five,
 * with the glibc setting of supervise.ts, 32 MB semi-spaces then): peak 424 → 386 MiB, and 474 →
 * 437 MiB with three quarters due, no slower. Elsewhere (the tests) it does nothing.
 */
function collectBeforeWriting() {
  (globalThis as { gc?: () => void }).gc?.();
}




export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Today's date, YYYY-MM-DD: the only place the clock is read. */
  today: () => string;
}

const defaultIo: Io = {
  stdout: writeStdout,
  stderr: (s) => process.stderr.write(s),
  today: () => localIsoDay(new Date()),
};

/** Output with control characters shown as symbols (printable). JSON is unchanged: it escapes them itself. */
function printableIo(io: Io): Io {
  return { ...io, stdout: (s) => io.stdout(printable(s)), stderr: (s) => io.stderr(printable(s)) };
}

export function main(argv: readonly string[], given: Io = defaultIo): number {
  const io = printableIo(given);
  const language = environmentLanguage();
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
    if (args.command === 'meeting') meeting(args, io);
    else run(args, io);
    return 0;
  } catch (e) {
    // What the command or the core says went wrong, in the user's language (src/core/errors,
    // CommandError). Anything else is our bug: still no stack trace for the user, but enough to report it.
    const told = e instanceof CommandError || e instanceof TricolorError;
    const what = args.command === 'meeting' ? args.ledgers.map((l) => l.file).join('、') : args.ledger;
    const code = told ? e.code : 'job.failed';
    const said = told ? e.message : say(args.language, 'job.failed', { file: what, problem: unexpectedProblem(e, args.language) });
    io.stderr(`tricolor: ${said}\n`);
    // A script reading --json gets a document on failure too: what went wrong, by code and in words.
    try {
      if (args.json) io.stdout(`${JSON.stringify({ error: { code, message: said } }, null, 2)}\n`);
    } catch {
      // Standard output is what failed (output.cannotPrint): stderr has said so.
    }
    return EXIT_INPUT;
  }
}

/**
 * What an error nothing else has put in words says: a system error by its code in the user's words
 * (a folder deleted under the command: Node's "ENOENT: no such file or directory, uv_cwd"), anything
 * else as it is, for a report.
 */
function unexpectedProblem(e: unknown, language: Language): string {
  const system = e as NodeJS.ErrnoException | undefined;
  if (system?.syscall === 'uv_cwd') return say(language, 'problem.cwdGone');
  if (typeof system?.code === 'string' && /^E[A-Z]+$/.test(system.code)) return fileProblem(e, language);
  return e instanceof Error ? e.message : String(e);
}

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function defaultOutput(input: string): string {
  return path.join(path.dirname(input), outputNameFor(path.basename(input)));
}

/** What went wrong reading a file, in the user's words, not Node's ("ENOENT: no such file …"). */
function fileProblem(e: unknown, language: Language): string {
  // JSON.parse says what is wrong in English; the user is told where (its position, from 0), not how.
  if (e instanceof Error && e.name === 'SyntaxError') {
    const position = /position (\d+)/.exec(e.message)?.[1];
    return position === undefined ? say(language, 'rules.notJson') : say(language, 'rules.notJsonAt', { position: Number(position) + 1 });
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = `problem.${code}`;
  return key in CLI_MESSAGES ? say(language, key as CliMessage) : say(language, 'problem.other', { code: typeof code === 'string' ? code : '?' });
}

/**
 * The output must keep the input's kind: Excel refuses a macro workbook named .xlsx and the reverse.
 * A folder given as the output (`--out 结果/`) is said to be one, not to have the wrong extension.
 */
function checkOutputName(output: string, given: string | undefined, extension: '.xlsx' | '.xlsm', language: Language) {
  // path.resolve drops a trailing slash: 结果.xlsx/ names a folder whatever its extension.
  if (given !== undefined && /[\\/]$/.test(given)) throw new CommandError('output.isDirectory', { file: output }, language);
  if (path.extname(output).toLowerCase() === extension) return;
  if (given !== undefined && isFolder(output)) throw new CommandError('output.isDirectory', { file: output }, language);
  throw new CommandError('output.extension', { file: output, extension, kind: say(language, extension === '.xlsm' ? 'output.kindMacros' : 'output.kindPlain') }, language);
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A preset file whose text cannot be JSON at all, and what to tell the user. */
class PresetTextError extends Error {
  constructor(readonly said: 'rules.utf16' | 'rules.empty') {
    super(said);
  }
}

function loadPreset(file: string | undefined, language: Language): TriagePreset {
  if (!file) return DEFAULT_PRESET;
  let json: unknown;
  let size = 0;
  try {
    const stat = fs.statSync(file);
    // A device or a pipe has no size to check and may never end (/dev/zero filled the memory).
    if (!stat.isFile() && !stat.isDirectory()) throw new CommandError('rules.notAFile', { file }, language);
    size = stat.size;
  } catch (e) {
    if (e instanceof CommandError) throw e;
    // Not there or not readable: reading it says which.
  }
  const tooLarge = presetFileTooLarge(size);
  if (tooLarge) throw new CommandError('rules.tooLarge', { file, ...tooLarge }, language);
  try {
    const bytes = fs.readFileSync(file);
    // Notepad's "Unicode" is UTF-16, which starts with its byte-order mark.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new PresetTextError('rules.utf16');
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses. Anything but UTF-8
    // (Notepad's "ANSI" is GBK on Chinese Windows) is refused, not read as garbled words.
    const text = strictUtf8.decode(bytes).replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new PresetTextError('rules.empty');
    json = JSON.parse(text);
  } catch (e) {
    const problem =
      e instanceof PresetTextError
        ? say(language, e.said)
        : (e as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
          ? say(language, 'rules.notUtf8')
          : fileProblem(e, language);
    throw new CommandError('rules.unreadable', { file, problem }, language);
  }
  try {
    return validatePreset(json);
  } catch (e) {
    if (e instanceof PresetError) throw new CommandError('rules.invalid', { file, problems: describeProblems(e.problems, language) }, language);
    throw e;
  }
}

/** What to say of a file the system would not let the command read, naming the file and the problem. */
function unreadableFile(file: string, e: unknown, language: Language): CommandError {
  return new CommandError('file.unreadable', { file, problem: fileProblem(e, language) }, language);
}

/** A workbook file's full path and size, or a message naming the file and what to do (about a ledger, or about the previous meeting's output). */
function checkWorkbookFile(file: string, language: Language, role: 'ledger' | 'previous'): { full: string; size: number } {
  const full = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch (e) {
    // Not there; anything else (links that point at each other in a loop) is said as what it is.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // A name in another encoding than UTF-8 (GBK, as a zip made on Chinese Windows leaves it)
      // reaches the command with U+FFFD for its bytes: the file is there, under a name it cannot spell.
      if (file.includes('\uFFFD')) throw new CommandError('file.nameNotUtf8', { file }, language);
      throw new CommandError('file.notFound', { file }, language);
    }
    throw unreadableFile(file, e, language);
  }
  if (stat.isDirectory()) throw new CommandError('file.isDirectory', { file }, language);
  if (!stat.isFile()) throw new CommandError('file.notAFile', { file }, language);
  // The whole file is held in memory beside the command's capped heap (supervise.ts): refused unread.
  if (role === 'previous') {
    if (stat.size > MAX_WORKBOOK_BYTES) throw new CommandError('previous.tooLarge', { file, ...sizeParams(stat.size, MAX_WORKBOOK_BYTES) }, language);
  } else checkWorkbookFileSize(stat.size, file, language);
  return { full, size: stat.size };
}

/** A ledger's bytes, or a message naming the file and what to do. */
function readWorkbookFile(file: string, language: Language): Uint8Array {
  const { full } = checkWorkbookFile(file, language, 'ledger');
  try {
    const bytes = fs.readFileSync(full);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (e) {
    throw unreadableFile(file, e, language);
  }
}

/**
 * `read` given a previous output read only where the package reader looks (withFileParts): its
 * state sheet is 2 MB of a 20 MB file, whose ledger and due-list were read and paged in for nothing.
 */
function readPartsOfWorkbookFile<T>(file: string, language: Language, read: (bytes: Uint8Array, load: LoadBytes) => T): T {
  const { full, size } = checkWorkbookFile(file, language, 'previous');
  return withFileParts(full, size, (e) => unreadableFile(file, e, language), read);
}

/**
 * An output that is there already: a folder is never replaced (the move onto it failed only after
 * the whole job, with the advice for a --rules folder); a file only with --force.
 */
function refuseExistingOutput(output: string, force: boolean, language: Language) {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(output);
  } catch {
    return; // not there (or not reachable: said when it is written)
  }
  if (stat.isDirectory()) throw new CommandError('output.isDirectory', { file: output }, language);
  if (!force) throw new CommandError('output.exists', { file: output }, language);
}

/** The previous meeting's data kept in another workbook (a previous output), or null when it has none. */
function previousFrom(file: string, language: Language): PreviousMeetingData | null {
  const rows = readPartsOfWorkbookFile(file, language, (bytes, load) => readStateRows(bytes, { fileName: path.basename(file), language, codec: NODE_CODEC, load }));
  return rows ? { rows, source: path.basename(file) } : null;
}

/**
 * Whether two paths name one file: through symlinks, `..` and hard links. A path that does not
 * exist yet is the same file only if its folder's real path and name match.
 */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      try {
        return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
      } catch {
        return path.resolve(p);
      }
    }
  };
  if (real(a) === real(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * What the command says it did (the summary, or --json's document), said once the output is
 * written and before it is moved into place. When it cannot be said (standard output on a full
 * disk), the run has failed: the new workbook is not moved in, and a file the output would have
 * replaced (--force) is still there.
 */
function printResult(io: Io, output: string, language: Language, result: () => string) {
  try {
    io.stdout(`${result()}\n`);
  } catch (e) {
    throw new CommandError('output.cannotPrint', { file: output, problem: fileProblem(e, language) }, language);
  }
}

/** Signals that end a run: the temporary file goes with them. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Writes a temporary file beside the target and moves it into place, so a failure or Ctrl-C never
 * leaves a half-written workbook or the temporary file. `beforeMove` runs between the two: what
 * fails there (the summary that cannot be printed) leaves the target as it was. Without --force the move fails if the
 * output has appeared meanwhile (another run, another program): it is never overwritten.
 */
function writeOutput(output: string, pieces: readonly Uint8Array[], language: Language, force: boolean, mode: number, beforeMove: () => void) {
  const folder = path.dirname(output);
  // Short, whatever the output's name: a name near the file system's 255 bytes would not fit a longer one.
  const temp = path.join(folder, `.tricolor-${process.pid}.tmp`);
  const removeTemp = () => {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already moved into place, or never written.
    }
  };
  // Synchronous writes hold the event loop, so a signal is handled once the file is complete or
  // removed; the handler then ends the run as the signal would have.
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemp();
    process.exit(128 + os.constants.signals[signal]);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    try {
      fs.mkdirSync(folder, { recursive: true });
      // A file of that name left by a run killed outright (its number used again) would keep its own permissions.
      removeTemp();
      writePieces(temp, pieces, mode);
    } catch (e) {
      // mkdir says EEXIST when a file stands where the folder should be.
      const problem = (e as NodeJS.ErrnoException).code === 'EEXIST' ? say(language, 'problem.ENOTDIR') : fileProblem(e, language);
      throw new CommandError('output.cannotWriteFolder', { folder, problem }, language);
    }
    // Whoever ran the command through its supervisor has been told it failed when that was killed outright.
    if (supervisorGone()) {
      removeTemp();
      process.exit(1);
    }
    beforeMove();
    try {
      if (force) fs.renameSync(temp, output);
      else moveWithoutReplacing(temp, output);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CommandError('output.exists', { file: output }, language);
      throw new CommandError('output.cannotWrite', { file: output, problem: fileProblem(e, language) }, language);
    }
  } finally {
    removeTemp();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

/** A new file written from the package's buffers in order, never joined into one. */
function writePieces(file: string, pieces: readonly Uint8Array[], mode: number) {
  const fd = fs.openSync(file, 'w', mode);
  try {
    for (const piece of pieces) for (let at = 0; at < piece.length; ) at += fs.writeSync(fd, piece, at);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The output's permissions, no wider than any of the files it is made from (its ledgers, the
 * previous meeting's file, the output it replaces; the umask narrows them further): a ledger its
 * owner alone may read (0600) holds names, ID numbers and addresses, and so does its output, which
 * was made readable by everyone (0644 under the usual umask). The owner may always read and write it.
 */
function outputMode(inputs: readonly string[]): number {
  let mode = 0o666;
  for (const file of inputs) {
    try {
      mode &= fs.statSync(file).mode;
    } catch {
      // Read already: nothing else to narrow it by.
    }
  }
  return (mode & 0o666) | 0o600;
}

/** A hard link fails if the target exists; a file system without links (FAT on a USB stick) gets an exclusive copy. */
function moveWithoutReplacing(from: string, to: string) {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

/**
 * The previous meeting's data kept outside the ledgers: the file the user names, else the output a
 * previous run left where this one goes (read before it is replaced). A ledger's own hidden sheet
 * is read with the ledger; the core takes the latest meeting of all of them.
 */
function lastMeeting(args: RunArgs | MeetingArgs, output: string, io: Io): PreviousMeetingData | null {
  if (!args.previous) {
    if (!fs.existsSync(output)) return null;
    // The file about to be replaced (--force) may be anything: one that cannot be read holds no
    // meeting to compare with, and is no reason to refuse the run the user asked for.
    try {
      return previousFrom(output, args.language);
    } catch (e) {
      if (!(e instanceof CommandError || e instanceof TricolorError)) throw e;
      io.stderr(`${say(args.language, 'previous.outputUnreadable', { file: output })}\n`);
      return null;
    }
  }
  const named = previousFrom(args.previous, args.language);
  if (!named) throw new CommandError('previous.none', { file: args.previous }, args.language);
  return named;
}

/**
 * Runs `read` on one of several files: a message about the workbook that does not name it (没有找到
 * 矛盾纠纷台账 …) gets its name in front, so the user knows which of the meeting's files to look at.
 */
function namingFile<T>(file: string, language: Language, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof TricolorError && !e.message.includes(file)) throw new CommandError('file.problemIn', { file, message: e.message }, language);
    throw e;
  }
}

function meeting(args: MeetingArgs, io: Io) {
  const { language } = args;
  const first = path.resolve(args.ledgers[0].file);
  const output = path.resolve(args.out ?? path.join(path.dirname(first), MEETING_OUTPUT_NAME));
  checkOutputName(output, args.out, '.xlsx', language);
  for (const l of args.ledgers) if (sameFile(l.file, output)) throw new CommandError('output.sameAsInput', { file: output }, language);
  refuseExistingOutput(output, args.force, language);
  const preset = loadPreset(args.rules, language);
  const asOf = asOfFor(args, io);

  // The same ledger given twice (by one path, another or a copy: the same bytes) would be counted
  // as two units' disputes.
  const byContent = new Map<string, string>();
  const ledgers: MeetingLedger[] = args.ledgers.map((l) => {
    const fileName = path.basename(l.file);
    const bytes = readWorkbookFile(l.file, language);
    const digest = createHash('sha256').update(bytes).digest('hex');
    const copyOf = byContent.get(digest);
    if (copyOf !== undefined) throw new CommandError('meeting.sameLedger', { file: l.file, other: copyOf }, language);
    byContent.set(digest, l.file);
    const read = namingFile(fileName, language, () => readLedgerWorkbook(bytes, { fileName, language, codec: NODE_CODEC, period: args.period ?? defaultPeriod(asOf) }));
    return { file: fileName, unit: l.unit, input: read.input };
  });
  const previous = lastMeeting(args, output, io);
  const job = runMeetingJob(ledgers, { asOf, period: args.period, preset, language, mask: args.mask, previous });
  collectBeforeWriting();
  const pieces = withDeflateThread((codec) => writeReportPieces(job.plan.reports, job.plan.state, { codec }));
  const result = () => (args.json ? JSON.stringify(meetingToJson(job, output), null, 2) : formatMeeting(job, output, language));
  writeOutput(output, pieces, language, args.force, outputMode([...args.ledgers.map((l) => l.file), output, ...(args.previous ? [args.previous] : [])]), () =>
    printResult(io, output, language, result),
  );
  for (const notice of job.notices) io.stderr(`${notice}\n`);
  warnIfTooLargeToReadAgain(output, pieces, language, io);
  warnIfPreviousUnused(args, job, io);
}

function run(args: RunArgs, io: Io) {
  // The deflate thread is started first: it starts up while the file is read and checked, and is
  // ready to inflate the ledger sheet the moment the package is opened (Package.prefetch).
  const { output, asOf, result } = withDeflateThread((codec) => runJob(args, io, codec));
  const said = () => (args.json ? JSON.stringify(jobToJson(result.job, output, asOf), null, 2) : formatSummary(result.job, output, args.language));
  writeOutput(output, result.pieces, args.language, args.force, outputMode([args.ledger, output, ...(args.previous ? [args.previous] : [])]), () =>
    printResult(io, output, args.language, said),
  );
  for (const notice of result.job.notices) io.stderr(`${notice}\n`);
  warnIfTooLargeToReadAgain(output, result.pieces, args.language, io);
  warnIfPreviousUnused(args, result.job, io);
}

/** `run` up to the output's pieces: the file read and checked, the job run and the workbook written. */
function runJob(args: RunArgs, io: Io, codec: DeflateCodec) {
  const { language } = args;
  const input = path.resolve(args.ledger);
  // Read first, as before any other check: a ledger that cannot be read is what the user hears of.
  const bytes = readWorkbookFile(args.ledger, language);
  const output = path.resolve(args.out ?? defaultOutput(input));
  // A macro-enabled package must keep .xlsm and a plain one must not take it: Excel checks the pair.
  // Anything but .xlsx/.xlsm (x.xls, x.csv) would be a workbook under a name that lies about it.
  const macros = holdsMacros(input);
  const want = macros ? '.xlsm' : '.xlsx';
  checkOutputName(output, args.out, want, language);
  if (sameFile(input, output)) throw new CommandError('output.sameAsInput', { file: output }, language);
  refuseExistingOutput(output, args.force, language);
  const preset = loadPreset(args.rules, args.language);
  const asOf = asOfFor(args, io);

  const previous = lastMeeting(args, output, io);
  const progress = bytes.length > PROGRESS_BYTES;
  // A message about the workbook names it (工作簿中没有找到矛盾纠纷台账 does not by itself).
  const result = namingFile(path.basename(input), language, () =>
    processWorkbook(bytes, {
      previous,
      fileName: path.basename(input),
      sheet: args.sheet,
      asOf,
      period: args.period,
      preset,
      language: args.language,
      mask: args.mask,
      codec,
      onProgress: (stage) => {
        if (stage === 'write') collectBeforeWriting();
        if (progress) io.stderr(`${say(language, `stage.${stage}`)}\n`);
      },
    }),
  );
  return { output, asOf, result };
}

/**
 * A --previous file whose meetings were not compared with (all of this period or later, or older
 * than what the workbook keeps itself): said, rather than left to a paper with no comparison. One
 * sharing no dispute with the ledger was left aside by the job, which says so itself.
 */
function warnIfPreviousUnused(args: RunArgs | MeetingArgs, job: { summary: MeetingSummary; previousIgnored: boolean }, io: Io) {
  if (!args.previous || job.previousIgnored) return;
  if (job.summary.changes?.source !== path.basename(args.previous))
    io.stderr(`${say(args.language, 'previous.notUsed', { file: args.previous, from: formatDay(job.summary.period.from) })}\n`);
}

/**
 * The as-of day, and a meeting period that starts after it refused: a period not yet begun has
 * nothing to count (--period 2027-01 with --as-of 2026-11-30 printed a paper of zeros titled 2027年1月).
 */
function asOfFor(args: RunArgs | MeetingArgs, io: Io): Day {
  const asOf = args.asOf ?? parseIsoDay(io.today())!;
  if (args.period && args.period.from > asOf)
    throw new CommandError('args.periodAfterAsOf', { from: formatDay(args.period.from), asOf: formatDay(asOf) }, args.language);
  return asOf;
}

/**
 * An input just under the size the tool reads can give an output just over it (the add-in's sheets
 * added to 127 MB of pictures): written, since the user asked for it, but they are told that it
 * will not be read again, rather than finding out on the next run.
 */
function warnIfTooLargeToReadAgain(output: string, pieces: readonly Uint8Array[], language: Language, io: Io) {
  const size = pieces.reduce((sum, piece) => sum + piece.length, 0);
  if (size > MAX_WORKBOOK_BYTES) io.stderr(`${say(language, 'output.pastReadLimit', { file: output, ...sizeParams(size, MAX_WORKBOOK_BYTES) })}\n`);
}

/**
 * Ends the job's process as soon as its work is done. Left to end by itself, Node first stops the
 * deflate thread and frees both heaps, which the supervisor waits for: at 100,000 rows 90–100 ms
 * from `main`'s return to the supervisor's exit, against 55–60 ms this way (2026-12-07). The file
 * is in place and standard output written synchronously by then; standard error is waited for
 * where it is not written synchronously (a pipe on macOS), and where it never drains the process
 * ends by itself as before.
 */
function endNow(code: number): void {
  process.exitCode = code;
  if (process.stderr.writableLength === 0) process.exit(code);
  else process.stderr.once('drain', () => process.exit(code));
}

if (require.main === module) endNow(main(process.argv.slice(2)));
