/**
 * The dialog's own words, in the one catalogue shape (src/core/messages); the message it shows
 * comes in its URL, already worded by the command. ES5 and nothing of the core, not even its
 * `Catalogue` type (the ES5 build would check the core as ES5): the page also runs in Internet
 * Explorer 11 (webpack.config.js), so the entries are read by key and have no placeholders.
 */
export const DIALOG_MESSAGES = {
  'close': { zh: '关闭', en: 'Close' },
  'title.done': { zh: '三色台账', en: 'Tricolor Ledger' },
  'title.error': { zh: '三色台账：出错了', en: 'Tricolor Ledger: something went wrong' },
} as const satisfies Record<string, { zh: string; en: string }>;
