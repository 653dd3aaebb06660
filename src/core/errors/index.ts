import { message, type MessageCode } from '../messages';
import type { Language } from '../model';
import { describeProblems, type PresetProblem } from '../rules/problems';

/** Values that fill a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Every failure a user is told about has one of the classes below. Each carries a stable `code` —
 * the key of its message in the core's catalogue, one code to one message — and the `params` that
 * fill it, so any host or UI can word it in either language (`describe`) and a test or a script
 * tells failures apart by code, never by text. The message (`message`) is in the language the
 * failure was raised in.
 *
 * The readers' low-level reasons (a damaged zip entry, an unclosed tag: ZipFormatError and
 * XmlFormatError in hosts/xlsx) are not shown as they are: hosts/xlsx/failures.ts turns each into
 * a WorkbookError by name. The command's own mistakes (an unknown option) use the command's
 * catalogue the same way (src/cli/args.ts, UsageError).
 */
export class TricolorError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    language: Language = 'zh',
  ) {
    super(message(code, language, params));
    this.name = new.target.name;
  }

  /** The same failure in `language`. */
  describe(language: Language): string {
    return message(this.code, language, this.params);
  }
}

/** The sheet (or no sheet of the workbook) holds a ledger: no header row of a dispute ledger was found. */
export class LedgerNotFoundError extends TricolorError {}

/** The ledger cannot take the add-in's columns (they would pass column XFD). */
export class LedgerWriteError extends TricolorError {}

/** A workbook file that cannot be processed: not a workbook, encrypted, damaged, too large, no such sheet. */
export class WorkbookError extends TricolorError {}

const MB = 1024 * 1024;

/**
 * The largest workbook file a host reads from the user's disk: a 100,000-row ledger is 13 MB, and
 * what passes this is pictures, or no ledger at all. The command's memory budget counts it
 * (src/cli/supervise.ts). Every host that reads a file the user chose checks its size first — the
 * command, the web page's worker, the pane's other-units ledgers and the pane outside Excel — so a
 * film-sized file is refused unread. The add-in's own outputs are not held to it.
 */
export const MAX_WORKBOOK_BYTES = 128 * MB;

/** A size and the limit it passes, in whole megabytes, as the messages of a file too large give them. */
export function sizeParams(bytes: number, limit: number): { size: number; limit: number } {
  return { size: Math.ceil(bytes / MB), limit: Math.floor(limit / MB) };
}

/** Refuses a workbook file larger than MAX_WORKBOOK_BYTES by its size alone, before it is read into memory. */
export function checkWorkbookFileSize(bytes: number, file: string, language: Language): void {
  if (bytes > MAX_WORKBOOK_BYTES) throw new WorkbookError('file.tooLarge', { file, ...sizeParams(bytes, MAX_WORKBOOK_BYTES) }, language);
}

/**
 * Refuses the files of one joint meeting together larger than MAX_WORKBOOK_BYTES, by their sizes
 * alone, where a host holds them all at once (the web page's worker reads every unit's file before
 * the meeting is run); each file is checked first, by name.
 */
export function checkMeetingFilesSize(files: readonly { bytes: number; file: string }[], language: Language): void {
  for (const f of files) checkWorkbookFileSize(f.bytes, f.file, language);
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  if (total > MAX_WORKBOOK_BYTES) throw new WorkbookError('meeting.filesTooLarge', sizeParams(total, MAX_WORKBOOK_BYTES), language);
}

/** The ledger sheet is protected: found before anything is written. */
export class SheetProtectedError extends TricolorError {
  constructor(sheet: string, language: Language) {
    super('ledger.sheetProtected', { sheet }, language);
  }
}

/**
 * Excel did not answer a sync in time (Excel on the web can wait forever on a busy workbook,
 * office-js#6678). Giving up does not cancel the batch already sent, so the message must not say
 * that nothing was written: Excel may still apply it. A re-run gives the same result either way.
 */
export class SyncTimeoutError extends TricolorError {
  constructor(
    readonly seconds: number,
    language: Language = 'zh',
  ) {
    super('excel.syncTimeout', { seconds }, language);
  }
}

/**
 * A triage preset that cannot be used; `problems` names every bad field (not just the first), each
 * with its code, so a county editing the file fixes it in one pass, in either language.
 */
export class PresetError extends TricolorError {
  constructor(
    readonly problems: readonly PresetProblem[],
    language: Language = 'en',
  ) {
    super('preset.invalid', { detail: describeProblems(problems, language) }, language);
  }

  override describe(language: Language): string {
    return message(this.code, language, { detail: describeProblems(this.problems, language) });
  }
}
