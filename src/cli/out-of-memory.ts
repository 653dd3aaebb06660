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
    if (args.command === 'run') files = [args.ledger];
    else if (args.command === 'meeting') files = args.ledgers.map((l) => l.file);
  } catch {
    // Not a command that reads workbooks: said by the child already.
  }
  return files.length > 0 ? quotedNames(files.map(printable), language) : language === 'zh' ? '工作簿' : 'the workbook';
}
