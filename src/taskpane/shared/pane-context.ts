import { createContext, useContext } from 'react';
import type { Language } from '../../core';
import { uiText, type UiText } from '../../ui';

export interface PaneText {
  language: Language;
  /** `t('ledger.heading')`, `t('jobs.goTo', { sheet, cell })`: the UI catalogue in `language`. */
  t: UiText;
}

const PaneTextContext = createContext<PaneText>({ language: 'zh', t: uiText('zh') });

export const PaneTextProvider = PaneTextContext.Provider;

/** The UI language and its text, set once by TaskPane. */
export function usePaneText(): PaneText {
  return useContext(PaneTextContext);
}
