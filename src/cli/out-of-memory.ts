import { quotedNames, type Language } from '../core';
import { messageLanguage, parseArgs } from './args';
import { say } from './messages';
import { printable } from './printable';

/** What the supervisor says, in the user's language, when the command's heap passed its cap. */
export function outOfMemoryMessage(argv: readonly string[]): string {
  const language = messageLanguage(argv);
  return say(language, 'job.outOfMemory', { files: workbooksNamed(argv, language) });
}

/** The workbooks a command line names, quoted for a message; the child has already refused a line it cannot read. */
export function workbooksNamed(argv: readonly string[], language: Language): string {
  let files: string[] = [];
  try {
    const args = parseArgs(argv, language);
    // The previous meeting's file is read too, and may be what was too large.
    if (args.command === 'run') files = [args.ledger, ...(args.previous ? [args.previous] : [])];
    else if (args.command === 'meeting') files = [...args.ledgers.map((l) => l.file), ...(args.previous ? [args.previous] : [])];
  } catch {
    // Not a command that reads workbooks: said by the child already.
  }
  return files.length > 0 ? quotedNames(files.map(printable), language) : language === 'zh' ? '工作簿' : 'the workbook';
}
