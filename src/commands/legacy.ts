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
import { COMMAND_NAMES } from './names';
import { dialogUrl, openDialog } from './show-dialog';

const TEXT = {
  zh: {
    title: '三色台账无法运行',
    message:
      '三色台账的命令没能加载。Office 2016、2019（批量许可版）的加载项运行环境是 Internet Explorer 或旧版 Edge，三色台账不能在其中运行。\n' +
      '请改用 Office 2021、Microsoft 365 或网页版 Excel；也可以用 tricolor 命令行处理台账文件。',
  },
  en: {
    title: 'Tricolor Ledger cannot run here',
    message:
      "Tricolor Ledger's commands did not load. Office 2016 and 2019 (volume-licensed) run add-ins in Internet Explorer or the old Edge, which cannot run Tricolor Ledger.\n" +
      'Please use Office 2021, Microsoft 365 or Excel on the web, or process the ledger file with the tricolor command.',
  },
};

const TIMEOUT_MS = 60000;

const globals = window as unknown as Record<string, unknown>;
for (let i = 0; i < COMMAND_NAMES.length; i++) {
  globals[COMMAND_NAMES[i]] = function (event: Office.AddinCommands.Event) {
    const tag = Office.context && Office.context.displayLanguage;
    const lang = !tag || /^zh\b/i.test(tag) ? 'zh' : 'en';
    const text = TEXT[lang];
    openDialog(dialogUrl(window.location.href, { title: text.title, message: text.message, kind: 'error', lang: lang }), TIMEOUT_MS, function () {
      event.completed();
    });
  };
}

// Office.js only calls into a function file that has initialised it; commands.js uses
// Office.onReady, which works beside this.
if (typeof Office !== 'undefined' && !Office.initialize) Office.initialize = function () {};
