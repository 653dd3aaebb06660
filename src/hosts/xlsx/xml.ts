/**
 * String-level XML helpers for editing OOXML parts in place. Parts are edited by splicing, never
 * parsed into a tree and serialised again, so everything the job does not touch — attribute order,
 * namespace prefixes, extension lists, whitespace — stays exactly as the producing program wrote it.
 */

import { fitCellText, MAX_CELL_CHARS } from '../../core';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A part the readers cannot take as XML: something never closed, not well-formed, out of the order
 * the schema requires, or past Excel's limits. `offset` counts characters of the part's text (-1
 * when unknown); `part` and `sheet` are filled in by whoever knows them.
 */
export class XmlFormatError extends Error {
  constructor(
    readonly kind: 'unclosed' | 'malformed' | 'missing' | 'mergesOverlap' | 'order' | 'limits' | 'encoding' | 'declaredEncoding' | 'utf16' | 'tagTooLong' | 'tooManyCells' | 'tooManyStyles' | 'cellFormatsFull' | 'prefixed' | 'sharedString',
    /**
     * The construct at fault as it reads in the part (`<c r="B5">`, `<!--`, `&#x110000;`) or a
     * count; for `sharedString`, the cell, the 0-based number it gives and the list's length ("B5 1473 1460").
     */
    readonly construct: string,
    readonly offset: number,
    readonly part = '',
    readonly sheet = '',
  ) {
    super(`${part || 'XML'}${offset >= 0 ? ` at ${offset}` : ''}: ${kind} ${construct}`);
    this.name = 'XmlFormatError';
  }
  /** The same error naming its part (and sheet), unless it names one already. */
  in(part: string, sheet = ''): XmlFormatError {
    return this.part ? this : new XmlFormatError(this.kind, this.construct, this.offset, part, sheet || this.sheet);
  }
  /** The same error placed at `offset`, unless it knows where it is already. */
  at(offset: number): XmlFormatError {
    return this.offset >= 0 ? this : new XmlFormatError(this.kind, this.construct, offset, this.part, this.sheet);
  }
}

/** Runs `read` on a part's text, naming the part in any XmlFormatError it throws. */
export function inPart<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw e instanceof XmlFormatError ? e.in(part) : e;
  }
}

function charReference(e: string): string {
  const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  // XML 1.0's Char production (2.2): no C0 control but tab, LF and CR, no surrogate, not U+FFFE or
  // U+FFFF, nothing past U+10FFFF (String.fromCodePoint would throw a RangeError). A sheet name
  // holding &#x1; was copied into the rewritten workbook part, which no XML reader then opens.
  if (!isXmlChar(code)) throw new XmlFormatError('malformed', `&${e};`, -1);
  return String.fromCodePoint(code);
}

/** Whether XML 1.0 allows the character `code` in a document, written or referred to (the Char production). */
export function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return code < 0xd800 || (code > 0xdfff && code < 0xfffe) || (code > 0xffff && code <= 0x10ffff);
}

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,10}|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === '#' ? charReference(e) : ENTITIES[e]));
}

/** Characters XML 1.0 forbids even escaped; a ledger cell can hold them after a paste. */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Anything escapeText changes. Most text has none, and one test is cheaper than four replaces. */
// eslint-disable-next-line no-control-regex
const NEEDS_TEXT_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes element text: quotes need no escaping there, and Excel writes formulas with bare quotes. */
export function escapeText(s: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A cell holding `text` as an inline string: how the add-in writes every text of its own (its
 * columns, its report and state sheets), with no shared string to add and nothing Excel would read
 * as a number or date. `ref` is its reference, or '' for a cell right after the one written before
 * it; `styleAttribute` is the cell's ` s="…"`, or '' for none.
 */
export function inlineStringCell(ref: string, styleAttribute: string, cellText: string): string {
  const text = cellText.length > MAX_CELL_CHARS ? fitCellText(cellText) : cellText;
  const written = NEEDS_ANY_ESCAPE.test(text) ? escapeText(ooxmlEscaped(text)) : text;
  return `<c${ref === '' ? '' : ` r="${ref}"`}${styleAttribute} t="inlineStr"><is><t>${written}</t></is></c>`;
}

/**
 * What either escape looks for, in one test: most cells' text needs neither, and a report of
 * 80,000 lines has a million cells (three searches of each cost 60 ms more than one).
 */
const NEEDS_ANY_ESCAPE = new RegExp(`${NEEDS_TEXT_ESCAPE.source}|_x[0-9A-Fa-f]{4}_`);

/**
 * A cell's text with OOXML's own escapes (ST_Xstring, which decodeOoxmlEscapes reads): a character
 * XML cannot hold as _xHHHH_ (kept, not dropped), and a literal "_x000B_" a user typed as
 * _x005F_x000B_ (written raw, Excel showed a control character in its place).
 */
function ooxmlEscaped(s: string): string {
  if (s.indexOf('_x') < 0 && !HAS_INVALID_XML_CHAR.test(s)) return s;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(INVALID_XML_CHARS, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
/** INVALID_XML_CHARS for a test: without the global flag, which makes `test` resume where it last stopped. */
const HAS_INVALID_XML_CHAR = new RegExp(INVALID_XML_CHARS.source);

/** Escapes an attribute value (double-quoted). */
export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** OOXML writes characters XML cannot hold as _xHHHH_ in cell text (ECMA-376 Part 1, 22.9.2.19). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTR_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag's text, unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  // Hot path (every row and cell of a 100,000-row sheet): a plain search before any regex.
  if (tag.indexOf(name) < 0) return undefined;
  let re = ATTR_PATTERNS.get(name);
  if (!re) ATTR_PATTERNS.set(name, (re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** setAttr's expression for each attribute name, made once: a row's `spans` is set on every row of a 100,000-row sheet. */
const SET_ATTR_PATTERNS = new Map<string, RegExp>();

/** The start tag with attribute `name` set to `value` (added at the end when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  let re = SET_ATTR_PATTERNS.get(name);
  if (!re) SET_ATTR_PATTERNS.set(name, (re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`)));
  const escaped = `"${escapeXml(value)}"`;
  const m = re.exec(tag);
  if (m) return tag.slice(0, m.index + m[1].length) + escaped + tag.slice(m.index + m[0].length);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}=${escaped}${tag.slice(close)}`;
}

/** Where an element sits in a part: [start, end) covering `<name …>…</name>` or `<name …/>`. */
export interface ElementSpan {
  start: number;
  end: number;
  /** The start tag text. */
  tag: string;
}

/**
 * Comments, processing instructions and CDATA sections (XML 1.0, 2.5–2.7) can hold anything,
 * `</sheetData>` and `<c r="A1">` included, so no search may look inside them. Parts rarely have
 * any (Excel writes none), so a part without `<!` or `<?` past its declaration is searched with
 * plain `indexOf`, and only a part with them pays for the careful scan.
 */
export function hasSpecialMarkup(xml: string): boolean {
  if (xml.length > CACHED_LENGTH) return xml.indexOf('<!') >= 0 || xml.indexOf('<?', declarationEnd(xml)) >= 0;
  if (lastSpecial.xml === xml) return lastSpecial.special;
  const special = xml.indexOf('<!') >= 0 || xml.indexOf('<?', declarationEnd(xml)) >= 0;
  lastSpecial = { xml, special };
  return special;
}

/**
 * One part is searched many times in a row (the skeleton of the ledger sheet, a few kilobytes):
 * its answer is kept. A whole sheet is not, so the module never holds on to 90 MB of text.
 */
const CACHED_LENGTH = 1 << 20;
let lastSpecial: { xml: string; special: boolean } = { xml: '', special: false };

/** Where the XML declaration (`<?xml …?>`) ends, 0 when the part has none. */
function declarationEnd(xml: string): number {
  if (!xml.startsWith('<?xml')) return 0;
  const end = xml.indexOf('?>');
  return end < 0 ? 0 : end + 2;
}

/**
 * `at` is a `<!` or `<?` in `xml`: the index just past the comment, CDATA section or processing
 * instruction that starts there. A DOCTYPE is refused: OPC forbids DTDs in a package's XML
 * (ECMA-376 Part 2, 8.1.4), and their entities are how the "billion laughs" attack is made.
 */
export function skipSpecial(xml: string, at: number): number {
  const [open, close] = xml.startsWith('<!--', at)
    ? ['<!--', '-->']
    : xml.startsWith('<![CDATA[', at)
      ? ['<![CDATA[', ']]>']
      : xml[at + 1] === '?'
        ? ['<?', '?>']
        : [];
  if (!open) throw new XmlFormatError('malformed', xml.slice(at, at + 9), at);
  // A processing instruction starts with its target, a name (production 16): `<? ?>` is none.
  if (open === '<?' && !isNameStart(xml.charCodeAt(at + 2))) throw new XmlFormatError('malformed', short(xml.slice(at, at + 12)), at);
  const end = xml.indexOf(close!, at + open.length);
  if (end < 0) throw new XmlFormatError('unclosed', open, at);
  // A comment holds no `--` but the one that closes it (XML 1.0, production 15), nor ends `--->`:
  // copied into the output, such a comment made a part that no XML reader opens.
  if (open === '<!--' && xml.indexOf('--', at + 4) !== end) throw new XmlFormatError('malformed', short(xml.slice(at, end + 3)), at);
  return end + close!.length;
}

/**
 * Every tag ends before the next one starts: outside comments, CDATA and processing instructions
 * a `<` is followed by its `>` before any other `<` (XML allows no `<` in attribute values or
 * text). Checked once for every part read, in one pass, because the readers' expressions look for
 * a tag's `>` (`<mergeCell[^>]*>`): in a part of many tags that never close, each would search to
 * the end of the part — hours for a few megabytes. With this holding, each search stops at its
 * tag's end and every reader is linear.
 */
/** An XML declaration (`<?xml` then a space or `?>`), not a processing instruction such as `<?xml-stylesheet`. */
const MISPLACED_DECLARATION = /^<\?xml(?=[\s?])/i;

export function checkTagsClosed(xml: string, from = 0): void {
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const next = at + 1 < xml.length ? xml.charCodeAt(at + 1) : 0;
    if (next === 33 || next === 63) {
      // The XML declaration stands at the very start or nowhere (2.8): after anything, even
      // whitespace, no parser reads the part, and a part rewritten from it would be unreadable too.
      if (next === 63 && at > 0 && MISPLACED_DECLARATION.test(xml.slice(at, at + 6))) throw new XmlFormatError('malformed', '<?xml', at);
      at = xml.indexOf('<', skipSpecial(xml, at)); // <!-- -->, <![CDATA[ ]]>, <? ?>: skipped whole
      continue;
    }
    const close = xml.indexOf('>', at + 1);
    const following = xml.indexOf('<', at + 1);
    if (close < 0 || (following >= 0 && following < close)) {
      const end = following < 0 ? Math.min(xml.length, at + 40) : Math.min(following, at + 40);
      throw new XmlFormatError('unclosed', xml.slice(at, end), at);
    }
    // A tag starts with its element's name (`<1a/>`, `< c>` and `</ c>` name none).
    if (!isNameStart(next === 47 ? xml.charCodeAt(at + 2) : next)) throw new XmlFormatError('malformed', short(xml.slice(at, close + 1)), at);
    at = following;
  }
}

/**
 * A tag's attributes after its name, up to its `>` or `/>`: a quoted value is taken whole (XML lets
 * one hold `>` and `/>`, though not `<`), and each character has one way to be read, so a tag that
 * does not close costs one pass. Read up to the first `>` instead, `<rPh a=">"/>` seemed to open an
 * element whose end tag was then searched for to the end of the text, once for each such tag
 * (200,000 of them in a 50 KB file: 90 s).
 */
export const TAG_ATTRIBUTES = String.raw`(?:[^>"'/]|\/(?!>)|"[^"<]*"|'[^'<]*')*`;

/**
 * A start or end tag after its `<`: `/` if an end tag, the name, then attributes up to `>` or `/>`
 * (`/` if empty). Quoted values are skipped whole: XML lets a value hold '>' and '/>' (some writers
 * leave them raw).
 */
// The name is taken whole (the lookahead): a tag that does not close (`<xaaa…"/>`, its quote never
// ended) was tried again with every split of its name between the name and the attributes, which
// both may hold its characters (a 42 KB file whose name ran to 200,000 characters took 68 s).
const TAG_BODY = String.raw`(\/?)([^\s/>"']+)(?![^\s/>"'])${TAG_ATTRIBUTES}(\/?)>`;

/** Parts up to this many characters have every element's nesting checked (`checkElementsNested`); larger ones, what follows their root. */
export const NESTING_CHECKED_CHARS = 1 << 20;

/**
 * Elements nest as XML requires (2.1, 3): each end tag closes the element opened last, there is one
 * root, before and after it stand only white space, comments and processing instructions, and every
 * prefix used is declared (Namespaces in XML 1.0, 5), and every start tag's attributes are
 * well-formed, none given twice (3.1).
 * Excel asks to repair a part that breaks this; copied into an output unchanged, it would be ours to
 * repair. Checked whole in a part of up to a megabyte of text (a small ledger) or given `whole`
 * (the workbook, relationships, content types, styles: parts the add-in may rewrite, large only
 * when built so); in a larger one (a large ledger's sheet or shared strings, whose rows and items
 * their readers check one by one), that nothing follows the root.
 * Assumes `checkTagsClosed` has passed.
 */
export function checkElementsNested(xml: string, whole = false): void {
  // Text with no markup at all (a package's `mimetype`) is no XML part: nothing to check.
  if (xml.indexOf('<') < 0) return;
  if (xml.length > NESTING_CHECKED_CHARS) {
    if (!whole) return checkNothingAfterRoot(xml);
    checkRunsBetweenTags(xml);
  }
  const tag = new RegExp(`<(?:[!?]|${TAG_BODY})`, 'g');
  // The elements open: each one's name, where its start tag stands (to name the innermost one left
  // open), and the namespace prefixes it declares.
  const open: { name: string; at: number; declared: string[] }[] = [];
  // Namespace prefixes in scope (Namespaces in XML 1.0, 5), with how many open elements declare each.
  // A prefix used undeclared (`<x:row>`, `r:id` without xmlns:r) names no namespace: Excel asks to
  // repair the part.
  const inScope = new Map<string, number>();
  let rootClosed = false;
  let textFrom = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m.index > textFrom) strayTagStart(xml, textFrom, m.index);
    // Outside the root only white space may stand between tags.
    if (open.length === 0 && !onlyXmlSpace(xml, textFrom, m.index)) throw new XmlFormatError('malformed', short(xml.slice(textFrom, m.index).trim()), textFrom);
    if (m[2] === undefined) {
      tag.lastIndex = skipSpecial(xml, m.index);
    } else if (m[1] === '/') {
      const innermost = open[open.length - 1];
      if (innermost?.name !== m[2]) {
        // The end of an element further out: the ones inside it were never closed (a cell without
        // </c> before its row's end), said as the sheet reader says it. Else an end tag of nothing open.
        if (!open.some((e) => e.name === m[2])) throw new XmlFormatError('malformed', short(m[0]), m.index);
        throw unclosedAt(xml, innermost.at);
      }
      open.pop();
      leaveScope(inScope, innermost.declared);
      if (open.length === 0) rootClosed = true;
    } else {
      if (open.length === 0 && rootClosed) throw new XmlFormatError('malformed', short(m[0]), m.index);
      if (!attributesOfTagWellFormed(m[0], m[2], m[3])) throw new XmlFormatError('malformed', short(m[0]), m.index);
      const declared = enterScope(inScope, m[0]);
      if (!prefixesInScope(inScope, m[2], m[0])) throw new XmlFormatError('malformed', short(m[0]), m.index);
      if (m[3] === '/') {
        leaveScope(inScope, declared);
        if (open.length === 0) rootClosed = true;
      } else open.push({ name: m[2], at: m.index, declared });
    }
    textFrom = tag.lastIndex;
  }
  strayTagStart(xml, textFrom, xml.length);
  if (open.length > 0) throw unclosedAt(xml, open[open.length - 1].at);
  if (!onlyXmlSpace(xml, textFrom, xml.length)) throw new XmlFormatError('malformed', short(xml.slice(textFrom).trim()), textFrom);
}

/**
 * Refuses a `<` in text between tags: one that starts no tag the pattern reads (`<xaaa"/>`, its
 * quote never ended) was passed over as text, and the part copied into the output as it came.
 */
function strayTagStart(xml: string, from: number, to: number): void {
  const at = xml.indexOf('<', from);
  if (at >= 0 && at < to) throw new XmlFormatError('malformed', short(xml.slice(at, at + 40)), at);
}

/** A start tag's attributes, name and quoted value (values are skipped whole: one may hold "a:b="). */
const ATTRIBUTE = /\s([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Puts the prefixes a start tag declares (xmlns:p) in scope; returns them. */
function enterScope(inScope: Map<string, number>, tag: string): string[] {
  const declared: string[] = [];
  if (tag.indexOf('xmlns:') < 0) return declared;
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(tag); a; a = ATTRIBUTE.exec(tag)) {
    if (!a[1].startsWith('xmlns:')) continue;
    const prefix = a[1].slice(6);
    inScope.set(prefix, (inScope.get(prefix) ?? 0) + 1);
    declared.push(prefix);
  }
  return declared;
}

function leaveScope(inScope: Map<string, number>, declared: readonly string[]) {
  for (const prefix of declared) inScope.set(prefix, inScope.get(prefix)! - 1);
}

/** Whether the prefix of an element's name and of each of its attributes is in scope (xml and xmlns always are). */
function prefixesInScope(inScope: Map<string, number>, name: string, tag: string): boolean {
  const inScopeOrBuiltIn = (qualified: string) => {
    const colon = qualified.indexOf(':');
    if (colon < 0) return true;
    const prefix = qualified.slice(0, colon);
    return prefix === 'xml' || prefix === 'xmlns' || (inScope.get(prefix) ?? 0) > 0;
  };
  if (!inScopeOrBuiltIn(name)) return false;
  if (tag.indexOf(':', name.length + 1) < 0) return true;
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(tag); a; a = ATTRIBUTE.exec(tag)) if (!inScopeOrBuiltIn(a[1])) return false;
  return true;
}

/** Whether xml[from, to) is XML's white space only (not JavaScript's: no-break and ideographic spaces are text). */
function onlyXmlSpace(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

/** An element whose start tag at `at` is never closed, quoted as the readers quote one. */
function unclosedAt(xml: string, at: number): XmlFormatError {
  return new XmlFormatError('unclosed', short(xml.slice(at, xml.indexOf('>', at) + 1)), at);
}

/** The end of a large part: the root's end tag, then only white space, comments and processing instructions. */
function checkNothingAfterRoot(xml: string): void {
  checkPartEnd(xml, xml);
}

/**
 * What `checkElementsNested` checks of a large part, also when the part is read in pieces: `head`
 * its beginning (as far as its root's start tag at least), `xml` the text ending where it ends.
 */
export function checkPartEnd(head: string, xml: string): void {
  const root = rootElement(head);
  if (!root || root.tag.endsWith('/>')) return;
  let end = xml.length;
  for (;;) {
    while (end > 0 && isSpace(xml.charCodeAt(end - 1))) end--;
    // A comment or processing instruction at the very end is skipped (rare; never written by Excel).
    // Searched strictly before `end`: found at `end` itself (two comments side by side), it never moved.
    const special = xml.endsWith('-->', end) ? xml.lastIndexOf('<!--', end - 3) : xml.endsWith('?>', end) ? xml.lastIndexOf('<?', end - 2) : -1;
    if (special < 0 || special >= end) break;
    end = special;
  }
  const last = xml.lastIndexOf('<', end - 1);
  const close = `</${root.prefix}${root.name}`;
  if (last < 0 || !xml.startsWith(close, last) || !onlyXmlSpace(xml, last + close.length, end - 1) || xml.charCodeAt(end - 1) !== 62)
    throw new XmlFormatError('malformed', short(xml.slice(Math.max(0, last), end)), Math.max(0, last));
}

/** A piece of markup as quoted in a message: long ones cut short. */
export const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The text with comments and processing instructions removed and each CDATA section replaced by
 * its content escaped, so the plain expressions of the readers see what an XML parser would see.
 * For reading only: offsets change, and the part is never written back from it.
 */
export function withoutSpecialMarkup(xml: string): string {
  if (!hasSpecialMarkup(xml)) return xml;
  let out = '';
  let copied = 0;
  const re = /<[!?]/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m.index < declarationEnd(xml)) continue;
    const end = skipSpecial(xml, m.index);
    out += xml.slice(copied, m.index);
    if (xml.startsWith('<![CDATA[', m.index)) out += escapeText(xml.slice(m.index + 9, end - 3));
    copied = re.lastIndex = end;
  }
  return out + xml.slice(copied);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of the end tag `</name>` (whitespace allowed before `>`) from `from`, outside comments and CDATA; -1 when there is none. */
export function findEndTag(xml: string, name: string, from: number, special = hasSpecialMarkup(xml)): { start: number; end: number } | null {
  if (!special) {
    // `</name` found plainly, then its `>` after any whitespace: a search for `</name>` alone
    // passed a `</row >` and found the next row's end, and the add-in's cells went into that row.
    const open = `</${name}`;
    for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + open.length)) {
      let end = at + open.length;
      while (end < xml.length && isSpace(xml.charCodeAt(end))) end++;
      if (xml.charCodeAt(end) === 62) return { start: at, end: end + 1 };
    }
    return null;
  }
  // The careful way: what a plain search would find may sit in a comment.
  const re = new RegExp(`<(?:[!?]|/${escapeRegExp(name)}\\s*>)`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].length === 2) re.lastIndex = skipSpecial(xml, m.index);
    else return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/**
 * Every element named `name` (with its prefix, if the part uses one) in `xml` from `from`, not
 * nested in another of the same name, outside comments and CDATA. Good for the flat lists OOXML is
 * made of (sheets, rows, xfs). An element that is never closed is a damaged part.
 */
export function findElements(xml: string, name: string, from = 0, to = xml.length): ElementSpan[] {
  const spans: ElementSpan[] = [];
  const special = hasSpecialMarkup(xml);
  const open = new RegExp(special ? `<[!?]|<${escapeRegExp(name)}(?=[\\s/>])[^>]*>` : `<${escapeRegExp(name)}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    if (m[0].length === 2) {
      open.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const tag = m[0];
    if (tag.endsWith('/>')) {
      spans.push({ start: m.index, end: m.index + tag.length, tag });
      continue;
    }
    const close = findEndTag(xml, name, m.index + tag.length, special);
    if (!close) throw new XmlFormatError('unclosed', tag.length > 80 ? `<${name}>` : tag, m.index);
    spans.push({ start: m.index, end: close.end, tag });
    open.lastIndex = close.end;
  }
  return spans;
}

export function findElement(xml: string, name: string, from = 0): ElementSpan | undefined {
  return findElements(xml, name, from)[0];
}

/** The element a part cannot do without (<Types>, <Relationships>, <sheets>): damage when it is missing. */
export function requireElement(xml: string, name: string, from = 0): ElementSpan {
  const span = findElement(xml, name, from);
  if (!span) throw new XmlFormatError('missing', `<${name}>`, 0);
  return span;
}

/** The text between an element's start and end tags ('' for a self-closing one). */
export function innerXml(xml: string, span: ElementSpan): string {
  if (span.tag.endsWith('/>')) return '';
  const close = xml.lastIndexOf('</', span.end - 1);
  return xml.slice(span.start + span.tag.length, close);
}

/** Replaces [start, end) of `xml`. */
export function splice(xml: string, start: number, end: number, insert: string): string {
  return xml.slice(0, start) + insert + xml.slice(end);
}

/**
 * Appends `items` to a counted list element such as `<dxfs count="2">…</dxfs>` and fixes its count,
 * or creates the list before the first of `before` (schema order) when the part has none.
 * Returns the new part and the index of the first appended item.
 */
export function appendToList(
  xml: string,
  list: string,
  item: string,
  items: string[],
  container: { start: number; end: number },
  before: readonly string[],
): { xml: string; firstIndex: number } {
  const span = findElements(xml, list, container.start, container.end)[0];
  if (!span) {
    const created = `<${list} count="${items.length}">${items.join('')}</${list}>`;
    return { xml: insertBeforeFirst(xml, created, before, container), firstIndex: 0 };
  }
  const existing = countChildren(innerXml(xml, span), item);
  const body = innerXml(xml, span) + items.join('');
  const tag = setAttr(span.tag.endsWith('/>') ? span.tag.slice(0, -2) + '>' : span.tag, 'count', String(existing + items.length));
  return { xml: splice(xml, span.start, span.end, `${tag}${body}</${list}>`), firstIndex: existing };
}

export function countChildren(inner: string, item: string): number {
  return findElements(inner, item).length;
}

/** Inserts `insert` before the first element named in `before` found within `container`, else before its end tag. */
export function insertBeforeFirst(xml: string, insert: string, before: readonly string[], container: { start: number; end: number; tag?: string }): string {
  const open = xml.slice(container.start, container.end);
  if (open.endsWith('/>')) {
    // <Types/>, <sheets/>: the container is opened to take its first child.
    const name = /^<([\w.:-]+)/.exec(open)?.[1];
    if (!name) throw new XmlFormatError('malformed', open, container.start);
    return splice(xml, container.start, container.end, `${open.slice(0, -2)}>${insert}</${name}>`);
  }
  // Among the container's own children only: a user's data bar holds an <extLst> of its own, and
  // what goes before the worksheet's <extLst> was put inside the rule.
  const wanted = new Set(before);
  const first = before.length ? childElements(xml, container).find((child) => wanted.has(child.name)) : undefined;
  const at = first ? first.start : xml.lastIndexOf('</', container.end - 1);
  return splice(xml, at, at, insert);
}

/** The elements directly inside `container`, in order, with their names (not their descendants). */
export function childElements(xml: string, container: { start: number; end: number; tag?: string }): (ElementSpan & { name: string })[] {
  const children: (ElementSpan & { name: string })[] = [];
  const special = hasSpecialMarkup(xml);
  const tags = /<(?:[!?/]|([\w.:-]+)(?=[\s/>])[^>]*>)/g;
  tags.lastIndex = container.tag ? container.start + container.tag.length : xml.indexOf('>', container.start) + 1;
  for (let m = tags.exec(xml); m && m.index < container.end; m = tags.exec(xml)) {
    if (m[0] === '</') break; // the container's own end
    if (m[1] === undefined) {
      tags.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const tag = m[0];
    const name = m[1];
    if (tag.endsWith('/>')) {
      children.push({ start: m.index, end: m.index + tag.length, tag, name });
      continue;
    }
    const close = findEndTag(xml, name, m.index + tag.length, special);
    if (!close) throw new XmlFormatError('unclosed', tag.length > 80 ? `<${name}>` : tag, m.index);
    children.push({ start: m.index, end: close.end, tag, name });
    tags.lastIndex = close.end;
  }
  return children;
}

/** The root element of a part: its prefix (with the colon, '' when none), local name and namespace. */
export interface RootElement {
  prefix: string;
  name: string;
  namespace: string;
  start: number;
  tag: string;
}

/** The first element of `xml` past the declaration, comments and processing instructions; null when there is none. */
export function rootElement(xml: string): RootElement | null {
  const re = /<(?:[!?]|([\w.-]+:)?([\w.-]+)(?=[\s/>])[^>]*>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined) {
      re.lastIndex = skipSpecial(xml, m.index);
      continue;
    }
    const prefix = m[1] ?? '';
    const tag = m[0];
    const namespace = attr(tag, prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns') ?? '';
    return { prefix, name: m[2], namespace, start: m.index, tag };
  }
  return null;
}

/** SpreadsheetML, transitional (ECMA-376 Part 1) and strict (Part 1, as ISO/IEC 29500 Strict names it). */
export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT_SPREADSHEET_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

/**
 * The prefix a part gives SpreadsheetML elements: '' for the default namespace (what Excel, WPS and
 * LibreOffice write), 'x:' for `<x:worksheet xmlns:x="…">` (the .NET Open XML SDK).
 */
export function spreadsheetPrefix(xml: string): string {
  const root = rootElement(xml);
  return root && root.prefix && root.namespace === SPREADSHEET_NS ? root.prefix : '';
}

/**
 * A SpreadsheetML part written with a prefix (`<x:worksheet xmlns:x="…">`, as the .NET Open XML SDK
 * writes), in the form every reader and writer here works on: the prefix taken off every element
 * and SpreadsheetML declared the default namespace on the root — the same elements in the same
 * namespace. `withSpreadsheetPrefix` puts the prefix back on what is written, the add-in's own
 * elements included. Null when the part is not such a part, or when taking the prefix off could
 * change a meaning: an element without a prefix (it would fall into SpreadsheetML), a default
 * namespace declared anywhere, CDATA (whose text must not be touched).
 */
export function withoutSpreadsheetPrefix(xml: string): { xml: string; prefix: string } | null {
  const root = rootElement(xml);
  if (!root || !root.prefix || root.namespace !== SPREADSHEET_NS) return null;
  if (/<\/?[A-Za-z_][\w.-]*[\s/>]/.test(xml) || /\sxmlns\s*=/.test(xml) || xml.includes('<![CDATA[')) return null;
  const plain = xml.replace(new RegExp(`<(/?)${escapeRegExp(root.prefix)}`, 'g'), '<$1');
  const at = root.start + 1 + root.name.length;
  return { xml: `${plain.slice(0, at)} xmlns="${SPREADSHEET_NS}"${plain.slice(at)}`, prefix: root.prefix };
}

/** The prefix `withoutSpreadsheetPrefix` took off, back on every element of `xml` (a whole part or a piece of one cut between tags). */
export function withSpreadsheetPrefix(xml: string, prefix: string): string {
  // The default namespace was declared on the root alone (no other was allowed): the first one met is it.
  return xml
    .replace(/<(\/?)(?=[A-Za-z_][\w.-]*[\s/>])/g, `<$1${prefix}`)
    .replace(new RegExp(`(<${escapeRegExp(prefix)}[\\w.-]+) xmlns="${escapeRegExp(SPREADSHEET_NS)}"`), '$1');
}

const FRAGMENT_TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const REFERENCE = /&(?:#x[0-9a-fA-F]{1,8}|#\d{1,10}|amp|lt|gt|quot|apos);/y;

/**
 * Whether a small piece of markup (a cell's content, a shared string) is well-formed XML with no
 * comments left in it: every tag closed in order, attributes quoted, every `&` a known reference.
 * A flipped bit that turns `<v>` into `<w>` or `</t>` into `</u>` leaves text the plain
 * expressions would silently skip; this makes it damage instead.
 */
export function wellFormedFragment(xml: string): boolean {
  const open: string[] = [];
  for (let at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at)) {
    FRAGMENT_TAG.lastIndex = at;
    const m = FRAGMENT_TAG.exec(xml);
    if (!m) return false;
    if (m[1]) {
      if (m[3] || m[4] || open.pop() !== m[2]) return false;
    } else {
      // An attribute given twice (<v a="1" a="2">) is no XML, inside a cell as anywhere.
      if (m[3] && !wellFormedAttributes(m[3])) return false;
      if (!m[4]) open.push(m[2]);
    }
    at = FRAGMENT_TAG.lastIndex;
  }
  if (open.length) return false;
  // `]]>` stands in text only where a CDATA section ends (2.4), and the fragment has none left.
  if (xml.indexOf(']]>') >= 0) return false;
  for (let at = xml.indexOf('&'); at >= 0; at = xml.indexOf('&', at + 1)) if (!referenceAt(xml, at)) return false;
  return true;
}

/** Whether the `&` at `at` starts a reference XML defines without a DTD (4.1, 4.6). */
function referenceAt(xml: string, at: number): boolean {
  REFERENCE.lastIndex = at;
  return REFERENCE.test(xml);
}

/** A start or end tag at `<`, as checkElementsNested reads tags. */
const TAG_AT = new RegExp(`<${TAG_BODY}`, 'y');

/** The most characters one tag, or the text between two tags, may run to in a part checked whole. */
const MAX_TAG_CHARS = NESTING_CHECKED_CHARS;

/**
 * Refuses a run of more than MAX_TAG_CHARS without a `<` in xml[from, to): one tag of five million
 * attributes (50 MB) overflowed the backtracking stack of the expressions that read a tag — "Maximum
 * call stack size exceeded" — and nothing Excel, WPS or LibreOffice writes comes near it (a cell
 * holds 32,767 characters, a formula 8,192). A part of up to NESTING_CHECKED_CHARS never has one.
 */
function checkRunsBetweenTags(xml: string, from = 0, to = xml.length, base = 0): void {
  if (to - from <= MAX_TAG_CHARS) return;
  for (let at = xml.indexOf('<', from); at >= 0 && at < to; ) {
    const next = xml.indexOf('<', at + 1);
    const end = next < 0 || next > to ? to : next;
    if (end - at > MAX_TAG_CHARS) throw new XmlFormatError('tagTooLong', short(xml.slice(at, at + 61)), base + at);
    at = next;
  }
}

/** Whether a start tag read by TAG_BODY (`tag` whole, its `name`, `selfClosing` its `/` or '') has well-formed attributes, none given twice. */
function attributesOfTagWellFormed(tag: string, name: string, selfClosing: string): boolean {
  const end = tag.length - (selfClosing ? 2 : 1);
  return end <= name.length + 1 || wellFormedAttributes(tag.slice(name.length + 1, end));
}

/**
 * Every start tag of xml[from, to) has well-formed attributes, none given twice (XML 3.1), in a
 * part too large for checkElementsNested: the head and tail of a large sheet, around its sheet
 * data (whose rows and cells the sheet reader checks as it reads them). `<mergeCell ref="A1:B2"
 * ref="C1:D9"/>` or `<col min="1" min="3"/>` was copied into the output, which no XML reader opens.
 * Tags are checked closed already, and each end tag here must close the element open last: the
 * nesting of a large sheet's head and tail is checked nowhere else (a stray </sheetViews> there
 * was copied into the output). `open` names the elements open where the text starts, outermost
 * first; `base` is where the text starts in its part, for the offset. `children`, when given, is
 * told of each child of the outermost element (the root), and throws for one it refuses.
 */
export function checkStartTags(xml: string, from = 0, to = xml.length, base = 0, children?: (tag: string, name: string, at: number) => void, open: readonly string[] = []): void {
  checkRunsBetweenTags(xml, from, to, base);
  const stack = [...open];
  for (let at = xml.indexOf('<', from); at >= 0 && at < to; at = xml.indexOf('<', at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next === 33 || next === 63) {
      at = skipSpecial(xml, at) - 1;
      continue;
    }
    TAG_AT.lastIndex = at;
    const m = TAG_AT.exec(xml);
    if (!m) continue; // no tag the readers read: the nesting check names it
    const start = at;
    at = TAG_AT.lastIndex - 1;
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new XmlFormatError('malformed', short(m[0]), base + start);
      continue;
    }
    if (!attributesOfTagWellFormed(m[0], m[2], m[3])) throw new XmlFormatError('malformed', short(m[0]), base + start);
    if (stack.length === 1) children?.(m[0], m[2], base + start);
    if (!m[3]) stack.push(m[2]);
  }
}

/** The namespace a start tag declares as its default (`xmlns="…"`), read attribute by attribute; undefined when it declares none. */
export function declaredDefaultNamespace(tag: string): string | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let a = ATTRIBUTE.exec(tag); a; a = ATTRIBUTE.exec(tag)) if (a[1] === 'xmlns') return a[2] ?? a[3];
  return undefined;
}

/**
 * Every `&` starts a reference XML defines (`&nbsp;` is none without a DTD, which OPC forbids), and
 * `]]>` stands in text only where a CDATA section ends (2.4): from `from` to the end, outside
 * comments, CDATA sections and processing instructions. Most parts hold neither, and are passed
 * with two searches; copied into the output, either would make a part no XML reader opens.
 */
export function checkReferences(xml: string, from = 0): void {
  let amp = xml.indexOf('&', from);
  let cdataEnd = xml.indexOf(']]>', from);
  if (amp < 0 && cdataEnd < 0) return;
  const nextSpecial = specialsFrom(xml);
  let special = nextSpecial(from);
  for (;;) {
    const at = amp < 0 ? cdataEnd : cdataEnd < 0 ? amp : Math.min(amp, cdataEnd);
    if (at < 0) return;
    // Inside a comment, CDATA section or processing instruction either may stand.
    while (special >= 0 && special < at) {
      const end = skipSpecial(xml, special);
      if (end > at) break;
      special = nextSpecial(end);
    }
    const inSpecial = special >= 0 && special < at;
    if (!inSpecial) {
      if (at === amp && !referenceAt(xml, at)) throw new XmlFormatError('malformed', short(xml.slice(at, at + 12)), at);
      // In a tag `]]>` is part of a quoted value, which may hold it.
      if (at === cdataEnd) {
        const tagEnd = endOfTagAround(xml, at);
        if (tagEnd < 0) throw new XmlFormatError('malformed', ']]>', at);
        // Every other `]]>` of the same tag is in it too: looked for after it (each found in it and
        // the tag read again from its start, 250,000 of them in one attribute took 96 s).
        cdataEnd = xml.indexOf(']]>', tagEnd);
      }
    }
    const resume = inSpecial ? skipSpecial(xml, special) : at + 1;
    if (amp >= 0 && amp < resume) amp = xml.indexOf('&', resume);
    if (cdataEnd >= 0 && cdataEnd < resume) cdataEnd = xml.indexOf(']]>', resume);
    if (inSpecial) special = nextSpecial(resume);
  }
}

/**
 * Where the next comment, CDATA section or processing instruction from `from` starts (-1 if none
 * does), for `from` that only grows. Each kind's next start is kept until `from` passes it: looked
 * for afresh on every call, a part of millions of comments and no `<?` after them had its whole
 * rest searched for `<?` once per comment (8 million comments before the add-in's own `&lt;`: hours).
 */
function specialsFrom(xml: string): (from: number) => number {
  let bang = -2;
  let question = -2;
  return (from) => {
    // -1: none left; -2: not looked for yet.
    if (bang !== -1 && bang < from) bang = xml.indexOf('<!', from);
    if (question !== -1 && question < from) question = xml.indexOf('<?', from);
    return bang < 0 ? question : question < 0 ? bang : Math.min(bang, question);
  };
}

/** Where the start or end tag `at` lies in ends (after its `>`), or -1 if it lies in none (tags have been checked closed: no `<` stands in one). */
function endOfTagAround(xml: string, at: number): number {
  const lt = xml.lastIndexOf('<', at);
  if (lt < 0) return -1;
  TAG_AT.lastIndex = lt;
  return TAG_AT.test(xml) && TAG_AT.lastIndex > at ? TAG_AT.lastIndex : -1;
}

/** XML's whitespace: space, tab, line feed, carriage return. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** XML 1.0 NameStartChar, as far as ASCII goes (anything past it is allowed). */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 128;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/** The attribute names of the tag `wellFormedAttributes` reads, as offsets: one array for every tag. */
const names: number[] = [];

/** Whether text[a, aEnd) and text[b, bEnd) are the same characters. */
function sameText(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 0; k < aEnd - a; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * Whether the attributes of a start tag (` r="B5" s="3"`) are well-formed: each after whitespace,
 * a name, `=`, a quoted value without `<`, no name twice. A flipped bit in a name, an `=` or a quote shows here,
 * where the expressions that read attributes would silently pass over it.
 */
export function wellFormedAttributes(attributes: string): boolean {
  // A `<` has no place in a start tag, in a value or between attributes: one search for the tag,
  // not one per attribute to the tag's end (a row of 300,000 attributes took 11 s).
  if (attributes.includes('<')) return false;
  const ampersands = attributes.includes('&');
  const n = attributes.length;
  let i = 0;
  // Where each name stands (start, end), to refuse one given twice (a well-formedness constraint,
  // XML 3.1): `<c r="H2" r="Z2">` was read as H2 here and as Z2 by LibreOffice. Past a few names a set.
  names.length = 0;
  let seen: Set<string> | undefined;
  for (;;) {
    const before = i;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    if (i >= n) return true;
    if (i === before || !isNameStart(attributes.charCodeAt(i))) return false;
    const start = i;
    while (i < n && isNameChar(attributes.charCodeAt(i))) i++;
    if (seen) {
      const name = attributes.slice(start, i);
      if (seen.has(name)) return false;
      seen.add(name);
    } else {
      for (let k = 0; k < names.length; k += 2) if (sameText(attributes, names[k], names[k + 1], start, i)) return false;
      names.push(start, i);
      if (names.length > 16) seen = new Set(Array.from({ length: names.length / 2 }, (_, k) => attributes.slice(names[2 * k], names[2 * k + 1])));
    }
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 61) return false; // =
    i++;
    while (i < n && isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return false;
    const end = attributes.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) return false;
    // Every `&` in a value starts a reference (`customFormat="a&b"` is no XML).
    if (ampersands) for (let amp = attributes.indexOf('&', i + 1); amp >= 0 && amp < end; amp = attributes.indexOf('&', amp + 1)) if (!referenceAt(attributes, amp)) return false;
    i = end + 1;
  }
}
