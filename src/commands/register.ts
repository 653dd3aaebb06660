/// <reference types="office-js" />
import type { AddinHost } from '../addin/host';
import type { Language } from '../core';
import { createOfficeAddinHost } from './host';
import { commandTitle, failureMessage } from './messages';
import type { CommandName } from './names';
import { dialogUrl, openDialog, type DialogKind, type DialogOutcome } from './show-dialog';

/** What a command gets: a host on the open workbook, the user's language and the time it was clicked. */
export interface CommandContext {
  host: AddinHost;
  language: Language;
  now: Date;
}

/** A ribbon command: does its work through the host and returns what to tell the user. */
export type Command = (context: CommandContext) => Promise<string>;

/** What Office calls for an ExecuteFunction button. Resolves once event.completed() has been called. */
export type CommandHandler = (event: Office.AddinCommands.Event) => Promise<void>;

/**
 * How long a message may stay open before the command tells Office it has finished anyway.
 * Office runs no other command of the add-in until completed() is called, and a dialog closed with
 * Esc raises no event on some builds (office-js#5200), so the wait must end. It waits at all because
 * completed() can take the function file's dialog down with it (office-js#428, Outlook for Mac).
 */
export const COMPLETE_AFTER_MS = 60_000;

let hostFactory: () => AddinHost = createOfficeAddinHost;

/** For tests only: the host the commands get (undefined restores the Office.js host). */
export function setHostFactory(factory: (() => AddinHost) | undefined): void {
  hostFactory = factory ?? createOfficeAddinHost;
}

const handlers = new Map<CommandName, CommandHandler>();

/** The commands registered so far, by name. */
export function registeredCommands(): ReadonlyMap<CommandName, CommandHandler> {
  return handlers;
}

/**
 * Registers `command` as the ExecuteFunction `name` (its <FunctionName> in manifest.xml). The
 * returned handler always ends with event.completed(), and always shows the outcome in
 * dialog.html: the command's own message when it succeeds, the error when it fails. A failure is
 * never swallowed: if even the dialog cannot open, the message goes to the console.
 */
export function registerCommand(name: CommandName, command: Command): CommandHandler {
  if (handlers.has(name)) throw new Error(`registerCommand: ${name} is registered twice`);
  const handler: CommandHandler = async (event) => {
    try {
      const language = officeLanguage();
      let kind: DialogKind = 'done';
      let message: string;
      try {
        message = await command({ host: hostFactory(), language, now: new Date() });
      } catch (error) {
        kind = 'error';
        message = failureMessage(name, error, language);
        console.error(`[三色台账] ${name}:`, error);
      }
      const outcome = await showMessage({ title: commandTitle(name, kind === 'done', language), message, kind, lang: language });
      if ('failed' in outcome) console.error(`[三色台账] ${name}: the message could not be shown (${outcome.failed.code} ${outcome.failed.message}): ${message}`);
    } catch (error) {
      console.error(`[三色台账] ${name}: unexpected failure`, error);
    } finally {
      event.completed();
    }
  };
  handlers.set(name, handler);
  // Office looks the function up by name: through Office.actions.associate where office.js has it,
  // and as a global on older clients. Both point at the same handler.
  (globalThis as Record<string, unknown>)[name] = handler;
  if (typeof Office !== 'undefined' && Office.actions && typeof Office.actions.associate === 'function') Office.actions.associate(name, handler);
  return handler;
}

/** Chinese unless Office's display language is known and is not Chinese. */
export function officeLanguage(): Language {
  const tag = typeof Office !== 'undefined' && Office.context ? Office.context.displayLanguage : undefined;
  return !tag || /^zh\b/i.test(tag) ? 'zh' : 'en';
}

function showMessage(text: Parameters<typeof dialogUrl>[1]): Promise<DialogOutcome> {
  return new Promise((resolve) => openDialog(dialogUrl(globalThis.location.href, text), COMPLETE_AFTER_MS, resolve));
}
