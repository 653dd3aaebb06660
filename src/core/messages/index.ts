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
  return compileTemplate(template)(params);
}

/** A name (a sheet, a file, a column) quoted as the messages quote one: “台账” in Chinese, "台账" in English. */
export function quotedName(name: string, language: Language): string {
  return language === 'zh' ? `“${name}”` : `"${name}"`;
}

/** Names quoted and listed as the messages list them: “一月台账”、“二月台账”, or "a", "b". */
export function quotedNames(names: readonly string[], language: Language): string {
  return names.map((name) => quotedName(name, language)).join(language === 'zh' ? '、' : ', ');
}

let onMissingPlaceholder: (name: string, template: string) => void = () => undefined;

/** What `fill` does on a placeholder it has no value for; the tests make it throw (test/support/jest-setup.ts). */
export function whenPlaceholderMissing(handler: (name: string, template: string) => void): void {
  onMissingPlaceholder = handler;
}

/**
 * `fill` for a template used many times, split once (a reason worded for most rows of a ledger):
 * the function joins the literal parts and the values. `fill` is this, used once.
 */
export function compileTemplate(template: string): (params?: Record<string, string | number>) => string {
  const parts = template.split(/\{(\w+)\}/);
  if (parts.length === 1) return () => template;
  return (params = {}) => {
    let text = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      if (name in params) text += String(params[name]);
      else {
        onMissingPlaceholder(name, template);
        text += `{${name}}`;
      }
      text += parts[i + 1];
    }
    return text;
  };
}

/** The names of a template's placeholders, in order: what its callers must give. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** The `{name}` placeholders of a template, as a type: `'Row {row} of {sheet}'` → `'row' | 'sheet'`. */
type PlaceholderIn<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderIn<Rest> : never;

/**
 * What an entry must be filled with, for the compiler to check: nothing when neither language has
 * a placeholder, else a value for each. An entry typed only as `string` (a catalogue built at run
 * time) takes any params.
 */
export type ParamsOf<Entry extends { readonly zh: string; readonly en: string }> = string extends Entry['zh'] | Entry['en']
  ? [params?: Record<string, string | number>]
  : [PlaceholderIn<Entry['zh'] | Entry['en']>] extends [never]
    ? []
    : [params: Readonly<Record<PlaceholderIn<Entry['zh'] | Entry['en']>, string | number>>];

/** A catalogue read in one language: `text(key, params)` is the key's text with its placeholders filled. */
export type Text<C extends Catalogue> = <K extends keyof C & string>(key: K, ...params: ParamsOf<C[K]>) => string;

/**
 * The accessor every app uses: `textIn(CATALOGUE, language)` gives `text(key, params)`, where the
 * compiler checks the key and that every placeholder is given.
 */
export function textIn<C extends Catalogue>(catalogue: C, language: Language): Text<C> {
  return (key, ...params) => fill(catalogue[key][language], params[0] as Record<string, string | number> | undefined);
}

/** The message for `code` in `language`, with `{name}` placeholders filled from `params`. */
export function message(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  return fill(CATALOGUE[code][language], params);
}
