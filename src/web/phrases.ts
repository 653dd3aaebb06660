import type { Language } from '../core';
import { webText } from './messages';

/*
 * The page's texts that need a choice before they are filled (a unit of size, a plural), each
 * chosen here by key from its catalogue (messages.ts), so no component branches on the language.
 */

/** A file's size as the chooser says it: 1.5 MB, or at least 1 KB. */
export function fileSizeText(language: Language, bytes: number): string {
  const t = webText(language);
  return bytes >= 1024 * 1024 ? t('file.sizeMB', { size: (bytes / 1024 / 1024).toFixed(1) }) : t('file.sizeKB', { size: Math.max(1, Math.round(bytes / 1024)) });
}

/** How many corrections this run reads the ledger with. */
export function correctedCountText(language: Language, n: number): string {
  return webText(language)(n === 1 ? 'ledger.correctedCount.one' : 'ledger.correctedCount', { n });
}

/** A joint meeting's total, every dispute once: 合计 3 件 / Total 3 disputes. */
export function meetingTotalText(language: Language, n: number): string {
  return webText(language)(n === 1 ? 'meeting.total.one' : 'meeting.total', { n });
}
