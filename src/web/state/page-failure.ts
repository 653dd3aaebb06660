import { describeProblems, message, CATALOGUE, type Language, type MessageCode } from '../../core';
import type { JobFailure } from '../protocol';
import { RunnerFailure } from '../runner';
import { fileProblemText } from '../../ui';
import { webText } from '../messages';

/** Something the page could not do, kept as data so it can be worded in whichever language is on. */
export type PageFailure = JobFailure | { kind: 'read'; file: string };

/** What went wrong with `fileName`, from whatever the runner or the browser threw. */
export function failureFrom(error: unknown, fileName: string): PageFailure {
  if (error instanceof RunnerFailure) return error.failure;
  if (error instanceof DOMException && error.name === 'NotReadableError') return { kind: 'read', file: fileName };
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

/**
 * A failure with one of several files (a joint meeting's): the failure's text with the file named
 * before it where the text does not name it already.
 */
export function fileFailureText(failure: PageFailure, language: Language, file: string): string {
  return fileProblemText(language, file, failureText(failure, language));
}

/** A failure in the page's language: catalogue messages are worded again, anything else as it came. */
export function failureText(failure: PageFailure, language: Language): string {
  const t = webText(language);
  switch (failure.kind) {
    case 'workbook': {
      // The catalogue's advice names the command's --sheet; on the page the sheet is picked from a list.
      if (failure.code === 'ledger.notFound') return t('ledger.notFound', { sheet: String(failure.params.sheet ?? '') });
      return failure.code in CATALOGUE ? message(failure.code as MessageCode, language, failure.params) : failure.message;
    }
    case 'preset':
      return describeProblems(failure.problems, language);
    case 'read':
      return t('errors.readFailed', { file: failure.file });
    case 'unexpected':
      return t('errors.unexpected', { detail: failure.message });
  }
}
