/// <reference types="office-js" />
/**
 * Shows a message in dialog.html from the ribbon's function file, which has no UI of its own.
 *
 * ES5 only (no Promise, Map, URL, String.prototype.includes …): this file is also bundled into
 * the legacy fallback (legacy.ts), which must run in the Internet Explorer 11 webview of Office
 * 2016/2019. webpack.config.js compiles it to ES5.
 */

export type DialogKind = 'done' | 'error';

export interface DialogText {
  title: string;
  message: string;
  kind: DialogKind;
  lang: 'zh' | 'en';
}

/** How a shown message ended: closed by the user, left open past the time limit, or never shown. */
export type DialogOutcome = { closed: true } | { timedOut: true } | { failed: { code: number; message: string } };

/**
 * The whole dialog URL stays under Internet Explorer's 2,083 characters, with room for the
 * `_host_info` parameter Office appends. The message travels in the query string because
 * Dialog.messageChild (DialogApi 1.2) is missing on older clients.
 */
export const MAX_DIALOG_URL_LENGTH = 1800;

/** dialog.html beside the page at `pageUrl` (the function file), with the text in its query. */
export function dialogUrl(pageUrl: string, text: DialogText): string {
  const page = pageUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '') + 'dialog.html';
  const head = page + '?lang=' + text.lang + '&kind=' + text.kind + '&title=' + encodeURIComponent(text.title) + '&message=';
  let message = text.message;
  let url = head + encodeURIComponent(message);
  while (url.length > MAX_DIALOG_URL_LENGTH && message.length > 0) {
    // A CJK character is 9 characters once encoded: cut roughly what is too long, then check again.
    message = message.slice(0, Math.max(0, message.length - Math.ceil((url.length - MAX_DIALOG_URL_LENGTH) / 9) - 1));
    // Never end on half a surrogate pair: encodeURIComponent throws on it.
    if (/[\ud800-\udbff]$/.test(message)) message = message.slice(0, -1);
    url = head + encodeURIComponent(message + '…');
  }
  return url;
}

// DialogEventReceived codes (dialog-handle-errors-events.md): 12006 is the user closing the dialog
// with its X; 12002 (page not found), 12003 (not HTTPS) mean the message was never readable.
const DIALOG_CLOSED_BY_USER = 12006;
// displayDialogAsync: "this add-in already has an active dialog". Dialog.close is asynchronous,
// so opening right after closing can fail with it; retried (dialog-best-practices.md).
const DIALOG_ALREADY_OPEN = 12007;
const RETRIES = 4;
const RETRY_DELAY_MS = 400;

/** The dialog this function file shows now, if any, and how to end it. */
let current: { end: (outcome: DialogOutcome) => void } | null = null;

/**
 * Opens `url` in an Office dialog and calls `onEnd` exactly once: when the user closes it (the
 * page's close button or the window's X), when it has been open `timeoutMs`, or at once when it
 * cannot be shown (DialogApi missing, pop-up refused: 12009, …). A dialog still open from an
 * earlier command is closed first, ending that command.
 */
export function openDialog(url: string, timeoutMs: number, onEnd: (outcome: DialogOutcome) => void): void {
  if (current) current.end({ closed: true });
  const ui = typeof Office !== 'undefined' && Office.context ? Office.context.ui : undefined;
  if (!ui || typeof ui.displayDialogAsync !== 'function') {
    onEnd({ failed: { code: -1, message: 'Office.context.ui.displayDialogAsync is not available (DialogApi 1.1)' } });
    return;
  }
  let ended = false;
  let dialog: Office.Dialog | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const self = {
    end: function (outcome: DialogOutcome) {
      if (ended) return;
      ended = true;
      if (current === self) current = null;
      if (timer !== null) clearTimeout(timer);
      if (dialog && !('timedOut' in outcome)) {
        try {
          dialog.close();
        } catch {
          // Already closed by the user: nothing left to close.
        }
      }
      onEnd(outcome);
    },
  };
  current = self;

  const attempt = function (retriesLeft: number) {
    ui.displayDialogAsync(url, { height: 40, width: 32, displayInIframe: true }, function (result) {
      if (ended) {
        if (result.status === Office.AsyncResultStatus.Succeeded) result.value.close();
        return;
      }
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        if (result.error.code === DIALOG_ALREADY_OPEN && retriesLeft > 0) {
          setTimeout(function () { attempt(retriesLeft - 1); }, RETRY_DELAY_MS);
          return;
        }
        self.end({ failed: { code: result.error.code, message: result.error.message } });
        return;
      }
      dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, function () {
        self.end({ closed: true });
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, function (arg) {
        const code = 'error' in arg ? arg.error : DIALOG_CLOSED_BY_USER;
        self.end(code === DIALOG_CLOSED_BY_USER ? { closed: true } : { failed: { code: code, message: 'the dialog page could not be shown' } });
      });
      timer = setTimeout(function () { self.end({ timedOut: true }); }, timeoutMs);
    });
  };
  attempt(RETRIES);
}
