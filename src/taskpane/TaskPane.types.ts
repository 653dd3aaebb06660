import type { AddinHost } from '../addin/host';
import type { Language } from '../core';
import type { SaveTextFile } from '../ui';

export interface TaskPaneProps {
  /** Everything the pane reads or writes goes through the host; the pane never calls Office.js. */
  host: AddinHost;
  /** The UI language (see `detectLanguage`). */
  language: Language;
  /** Today as YYYY-MM-DD, from the entry point: components never read the clock. */
  today: string;
  /** How an exported preset reaches the user; a browser download unless given (tests pass a recorder). */
  saveTextFile?: SaveTextFile;
}

/** The pane's sections, one tab each. */
export type PaneSection = 'ledger' | 'triage' | 'revisit' | 'rules' | 'summary';
export const PANE_SECTIONS: readonly PaneSection[] = ['ledger', 'triage', 'revisit', 'rules', 'summary'];
