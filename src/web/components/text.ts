import { createContext, useContext } from 'react';
import type { Language } from '../../core';
import { webText, type WebText } from '../messages';

export interface PageText {
  language: Language;
  /** `t('run.start')`, `t('result.download', { name })`: the page's catalogue in `language`. */
  t: WebText;
}

const PageTextContext = createContext<PageText>({ language: 'zh', t: webText('zh') });

export const WebTextProvider = PageTextContext.Provider;

/** The page's language and its text. */
export function useWebText(): PageText {
  return useContext(PageTextContext);
}
