/**
 * TextDecoder and TextEncoder, which jsdom lacks (browsers and node have both) and the file host's
 * reader needs: node's own, put on the test's globals. Import it before anything that reads a
 * workbook, in tests that read real files under jsdom.
 */
import { TextDecoder, TextEncoder } from 'util';

if (typeof globalThis.TextDecoder === 'undefined') Object.assign(globalThis, { TextDecoder, TextEncoder });

export {};
