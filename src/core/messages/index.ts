import type { Language } from '../model';
import { CATALOGUE, type MessageCode } from './catalogue';

export { CATALOGUE };
export type { MessageCode };

/**
 * The one shape of every table of user-facing text: per key, the Chinese and the English, with
 * `{name}` placeholders. The core's messages (catalogue.ts), the command's (src/cli/messages.ts)
 * and the summary's labels are tables of this shape, filled by `fill`.
 */
export type Catalogue<Key extends string = string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

/**
 * `template` with its `{name}` placeholders filled from `params`. A placeholder without a value
 * is left as written, so a missing one shows instead of vanishing (the catalogue tests require
 * every placeholder to be given).
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    onMissingPlaceholder(name, template);
    return whole;
  });
}

let onMissingPlaceholder: (name: string, template: string) => void = () => undefined;

/** What `fill` does on a placeholder it has no value for; the tests make it throw (test/support/jest-setup.ts). */
export function whenPlaceholderMissing(handler: (name: string, template: string) => void): void {
  onMissingPlaceholder = handler;
}

/** The names of a template's placeholders, in order: what its callers must give. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** The message for `code` in `language`, with `{name}` placeholders filled from `params`. */
export function message(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  return fill(CATALOGUE[code][language], params);
}
