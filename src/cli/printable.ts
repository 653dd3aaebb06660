// C0 controls but tab and line feed, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text with control characters shown as the symbols that stand for them (ESC as ␛): what is
 * printed quotes cells, sheet names and file names, and an escape sequence in one would otherwise
 * clear the user's screen or retitle the window.
 */
export function printable(s: string): string {
  return s
    .replace(CONTROL_CHARS, (c) => (c.charCodeAt(0) < 0x20 ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : c === '\u007f' ? '\u2421' : '\ufffd'))
    .replace(BIDI_CONTROLS, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Characters that reorder the text around them (a right-to-left override in a file name): printed,
 * they make a line read other than it is, `台账.xlsx` showing what is written backwards. Shown by code.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
