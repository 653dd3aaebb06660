/// <reference types="office-js" />
/**
 * Fallback ribbon commands for clients that cannot run the add-in (commands.html loads this
 * before commands.js).
 *
 * Office 2016 and 2019 (volume-licensed) run add-ins in Internet Explorer 11, and some other
 * Windows builds in the old Edge (EdgeHTML). Neither can parse the add-in's bundles (ES2017
 * syntax, and regular expressions with look-behind in the engine), so commands.js never registers
 * anything there and a button would silently do nothing. This file is compiled to ES5 and
 * registers every command as a global first; commands.js replaces them when it runs. When it
 * cannot run, the button says why instead.
 */
import { LEGACY_MESSAGES } from './legacy-messages';
import { COMMAND_NAMES } from './names';
import { dialogUrl, openDialog } from './show-dialog';

const TIMEOUT_MS = 60000;

const globals = window as unknown as Record<string, unknown>;
for (let i = 0; i < COMMAND_NAMES.length; i++) {
  globals[COMMAND_NAMES[i]] = function (event: Office.AddinCommands.Event) {
    const tag = Office.context && Office.context.displayLanguage;
    const lang = !tag || /^zh\b/i.test(tag) ? 'zh' : 'en';
    openDialog(dialogUrl(window.location.href, { title: LEGACY_MESSAGES.title[lang], message: LEGACY_MESSAGES.message[lang], kind: 'error', lang: lang }), TIMEOUT_MS, function () {
      event.completed();
    });
  };
}

// Office.js only calls into a function file that has initialised it; commands.js uses
// Office.onReady, which works beside this.
if (typeof Office !== 'undefined' && !Office.initialize) Office.initialize = function () {};
