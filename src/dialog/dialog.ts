/// <reference types="office-js" />
/**
 * dialog.html: shows one message from the ribbon commands, with a close button.
 * URL: dialog.html?lang=zh|en&kind=done|error&title=…&message=… (built by commands/show-dialog.ts).
 *
 * ES5 only: the legacy fallback opens this page in Internet Explorer 11 too (webpack.config.js
 * compiles src/dialog to ES5). In a dialog Office.js allows only messageParent and
 * requirements.isSetSupported, so everything the page shows comes from its URL.
 */

import { DIALOG_MESSAGES } from './messages';

export interface DialogParams {
  lang: 'zh' | 'en';
  kind: 'done' | 'error';
  title: string;
  message: string;
}

/** The message and its language from the page's query string; anything missing gets a default. */
export function readParams(search: string): DialogParams {
  const values: Record<string, string> = {};
  const pairs = search.replace(/^\?/, '').split('&');
  for (let i = 0; i < pairs.length; i++) {
    const eq = pairs[i].indexOf('=');
    if (eq < 0) continue;
    values[decode(pairs[i].slice(0, eq))] = decode(pairs[i].slice(eq + 1));
  }
  const lang = values.lang === 'en' ? 'en' : 'zh';
  const kind = values.kind === 'done' ? 'done' : 'error';
  return { lang: lang, kind: kind, title: values.title || DIALOG_MESSAGES[kind === 'done' ? 'title.done' : 'title.error'][lang], message: values.message || '' };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Fills the page's #tricolor-dialog element. Text only: nothing in the URL is read as HTML. */
export function renderDialog(doc: Document, params: DialogParams, onClose: () => void): void {
  const root = doc.getElementById('tricolor-dialog');
  if (!root) throw new Error('dialog.html has no #tricolor-dialog element');
  doc.documentElement.lang = params.lang === 'zh' ? 'zh-CN' : 'en';
  doc.title = params.title;
  root.className = 'kind-' + params.kind;
  root.setAttribute('aria-labelledby', 'tricolor-dialog-title');
  root.setAttribute('aria-describedby', 'tricolor-dialog-message');

  const title = doc.createElement('h1');
  title.id = 'tricolor-dialog-title';
  title.appendChild(doc.createTextNode(params.title));
  const message = doc.createElement('p');
  message.id = 'tricolor-dialog-message';
  if (params.kind === 'error') message.setAttribute('role', 'alert');
  message.appendChild(doc.createTextNode(params.message));
  const close = doc.createElement('button');
  close.type = 'button';
  close.appendChild(doc.createTextNode(DIALOG_MESSAGES.close[params.lang]));
  close.onclick = function () {
    onClose();
  };

  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(title);
  root.appendChild(message);
  root.appendChild(close);
  close.focus();
  doc.onkeydown = function (event: KeyboardEvent) {
    if (event.key === 'Escape' || event.key === 'Esc' || event.keyCode === 27) onClose();
  };
}

let officeReady = false;

/** Asks the command that opened the dialog to close it (it then reports completion to Office). */
export function closeDialog(): void {
  if (officeReady && Office.context && Office.context.ui && typeof Office.context.ui.messageParent === 'function') {
    Office.context.ui.messageParent('close');
  } else {
    // Opened outside Office (or before Office.js is ready): a plain window can close itself.
    window.close();
  }
}

if (typeof document !== 'undefined' && document.getElementById('tricolor-dialog')) {
  renderDialog(document, readParams(window.location.search), closeDialog);
  if (typeof Office !== 'undefined') {
    Office.onReady(function () {
      officeReady = true;
    });
  }
}
