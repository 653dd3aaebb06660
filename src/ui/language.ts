import type { Language } from '../core';

/**
 * The pane's language from Office's display language (`Office.context.displayLanguage`, e.g.
 * 'zh-CN', 'zh-TW', 'en-US'): Chinese unless the display language is known and not Chinese.
 * The users are Chinese grassroots staff, so an unknown language means Chinese.
 */
export function detectLanguage(displayLanguage?: string): Language {
  const tag = displayLanguage?.trim().toLowerCase();
  if (!tag) return 'zh';
  return tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_') ? 'zh' : 'en';
}

/** The HTML `lang` of a language, for the document and Fluent's provider: zh-CN or en. */
export function languageTag(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}
