/**
 * String-level XML helpers for editing OOXML parts in place. Parts are edited by splicing, never
 * parsed into a tree and serialised again, so everything the job does not touch — attribute order,
 * namespace prefixes, extension lists, whitespace — stays exactly as the producing program wrote it.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Characters XML 1.0 forbids even escaped; a ledger cell can hold them after a paste. */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes element text: quotes need no escaping there, and Excel writes formulas with bare quotes. */
export function escapeText(s: string): string {
  return s.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

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

/** The start tag with attribute `name` set to `value` (added at the end when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, pre: string) => pre + escaped);
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
 * Every element named `name` (with an optional prefix-free name) in `xml` from `from`, not nested in
 * another of the same name. Good for the flat lists OOXML is made of (sheets, rows, xfs).
 */
export function findElements(xml: string, name: string, from = 0, to = xml.length): ElementSpan[] {
  const spans: ElementSpan[] = [];
  const open = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tag = m[0];
    if (tag.endsWith('/>')) {
      spans.push({ start: m.index, end: m.index + tag.length, tag });
      continue;
    }
    const close = xml.indexOf(`</${name}>`, m.index + tag.length);
    if (close < 0) break;
    const end = close + name.length + 3;
    spans.push({ start: m.index, end, tag });
    open.lastIndex = end;
  }
  return spans;
}

export function findElement(xml: string, name: string, from = 0): ElementSpan | undefined {
  return findElements(xml, name, from)[0];
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
export function insertBeforeFirst(xml: string, insert: string, before: readonly string[], container: { start: number; end: number }): string {
  let at = -1;
  for (const name of before) {
    const span = findElements(xml, name, container.start, container.end)[0];
    if (span && (at < 0 || span.start < at)) at = span.start;
  }
  if (at < 0) at = xml.lastIndexOf('</', container.end - 1);
  return splice(xml, at, at, insert);
}
