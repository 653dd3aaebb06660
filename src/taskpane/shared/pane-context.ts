import { createContext, useContext } from 'react';
import type { Language } from '../../core';
import { STRINGS, type Strings } from '../../ui';

export interface PaneText {
  language: Language;
  t: Strings;
}

const PaneTextContext = createContext<PaneText>({ language: 'zh', t: STRINGS.zh });

export const PaneTextProvider = PaneTextContext.Provider;

/** The UI language and its strings, set once by TaskPane. */
export function usePaneText(): PaneText {
  return useContext(PaneTextContext);
}
