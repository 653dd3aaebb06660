import type { Language } from '../model';
import { CATALOGUE, type MessageCode } from './catalogue';

export { CATALOGUE };
export type { MessageCode };

/** The message for `code` in `language`, with `{name}` placeholders filled from `params`. */
export function message(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  const template: string = CATALOGUE[code][language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
