import { createContext, useContext } from 'react';
import type { Language } from '../../core';
import { WEB_STRINGS, type WebStrings } from '../strings';

export interface WebText {
  language: Language;
  t: WebStrings;
}

const WebTextContext = createContext<WebText>({ language: 'zh', t: WEB_STRINGS.zh });

export const WebTextProvider = WebTextContext.Provider;

/** The page's language and its strings. */
export function useWebText(): WebText {
  return useContext(WebTextContext);
}
