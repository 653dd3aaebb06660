/**
 * The reference the fuzz suite holds the file host to: a namespace-aware DOM parser (xmldom) over
 * parts unzipped by fflate — no code shared with src/hosts/xlsx. It reads a sheet's cell values the
 * way ECMA-376 Part 1 defines them (18.3.1.4 c, 18.3.1.96 v, 18.4.8 si) and throws on anything
 * that is not well-formed XML, so a case it cannot read is one where refusing is the right answer.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { CellValue } from '../../src/core';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export class ReferenceError_ extends Error {}

function parse(xml: string, part: string): Element {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new ReferenceError_(`${part}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    // xmldom wraps what onError throws in its ParseError.
    throw new ReferenceError_(`${part}: ${(e as Error).message}`);
  }
  if (!doc.documentElement) throw new ReferenceError_(`${part}: no root`);
  return doc.documentElement;
}

/** Whether a part is well-formed XML. */
export function wellFormed(xml: string, part: string): boolean {
  try {
    parse(xml, part);
    return true;
  } catch (e) {
    if (e instanceof ReferenceError_) return false;
    throw e;
  }
}

const children = (e: Element, ns: string, local: string): Element[] =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);

const strict = new TextDecoder('utf-8', { fatal: true });

function text(files: Record<string, Uint8Array>, name: string): string {
  const data = files[name];
  if (!data) throw new ReferenceError_(`no part ${name}`);
  try {
    return strict.decode(data);
  } catch {
    throw new ReferenceError_(`${name}: not UTF-8`);
  }
}

function resolve(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.') parts.push(s);
  }
  return parts.join('/');
}

/** Text of a string item: every <t> that is not in a phonetic run (<rPh>). */
function itemText(e: Element): string {
  let out = '';
  const walk = (n: Element) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      if (el.namespaceURI !== MAIN) continue;
      if (el.localName === 't') out += el.textContent ?? '';
      else if (el.localName !== 'rPh') walk(el);
    }
  };
  walk(e);
  return decodeEscapes(out);
}

const decodeEscapes = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function columnOf(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?([1-9]\d*)$/.exec(ref);
  if (!m) throw new ReferenceError_(`cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  if (col > 16384 || row > 1048576) throw new ReferenceError_(`cell reference ${ref} outside the grid`);
  return { row: row - 1, col: col - 1 };
}

/** The part of the worksheet named `sheet` in a package. */
export function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const rootRels = parse(text(files, '_rels/.rels'), '_rels/.rels');
  const office = children(rootRels, PACKAGE_REL, 'Relationship').find((r) => r.getAttribute('Type')?.endsWith('/officeDocument'));
  const workbookPart = resolve('', office?.getAttribute('Target') ?? 'xl/workbook.xml');
  const workbook = parse(text(files, workbookPart), workbookPart);
  const entry = children(children(workbook, MAIN, 'sheets')[0] ?? workbook, MAIN, 'sheet').find((s) => s.getAttribute('name') === sheet);
  if (!entry) throw new ReferenceError_(`no sheet ${sheet}`);
  const rid = entry.getAttributeNS(REL, 'id');
  const relsPart = workbookPart.replace(/([^/]*)$/, '_rels/$1.rels');
  const rel = children(parse(text(files, relsPart), relsPart), PACKAGE_REL, 'Relationship').find((r) => r.getAttribute('Id') === rid);
  if (!rel) throw new ReferenceError_(`no relationship ${rid}`);
  return resolve(workbookPart, rel.getAttribute('Target')!);
}

function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const name = Object.keys(files).find((n) => /^xl\/sharedStrings\.xml$/i.test(n));
  if (!name) return [];
  return children(parse(text(files, name), name), MAIN, 'si').map(itemText);
}

/** Every non-blank value of a sheet as `row,col` → value. */
export function referenceValues(bytes: Uint8Array, sheet: string): Map<string, CellValue> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new ReferenceError_(`unzip: ${(e as Error).message}`);
  }
  const part = sheetPart(files, sheet);
  const sst = sharedStrings(files);
  const root = parse(text(files, part), part);
  const data = children(root, MAIN, 'sheetData')[0];
  const values = new Map<string, CellValue>();
  if (!data) return values;
  let row = -1;
  for (const r of children(data, MAIN, 'row')) {
    const rAttr = r.getAttribute('r');
    row = rAttr ? Number(rAttr) - 1 : row + 1;
    if (!Number.isInteger(row) || row < 0 || row >= 1048576) throw new ReferenceError_(`row ${rAttr}`);
    let col = -1;
    for (const c of children(r, MAIN, 'c')) {
      const ref = c.getAttribute('r');
      if (ref) {
        const pos = columnOf(ref);
        if (pos.row !== row) throw new ReferenceError_(`cell ${ref} in row ${row + 1}`);
        col = pos.col;
      } else col++;
      const type = c.getAttribute('t') || 'n';
      const v = children(c, MAIN, 'v')[0];
      let value: CellValue = null;
      if (type === 'inlineStr') {
        const is = children(c, MAIN, 'is')[0];
        value = is ? itemText(is) : '';
      } else if (v) {
        const raw = v.textContent ?? '';
        if (type === 's') {
          value = sst[Number(raw)];
          if (value === undefined) throw new ReferenceError_(`shared string ${raw}`);
        } else if (type === 'str') value = decodeEscapes(raw);
        else if (type === 'b') value = raw === '1' || raw === 'true';
        else if (type === 'e' || type === 'd') value = raw;
        else if (raw.trim() !== '') {
          value = Number(raw);
          if (!Number.isFinite(value)) throw new ReferenceError_(`number ${raw}`);
        }
      }
      if (value !== null) values.set(`${row},${col}`, value);
    }
  }
  return values;
}

/** The same map for a grid as the file host reads it. */
export function gridValues(values: CellValue[][]): Map<string, CellValue> {
  const map = new Map<string, CellValue>();
  values.forEach((cells, r) => cells.forEach((v, c) => v !== null && v !== undefined && map.set(`${r},${c}`, v)));
  return map;
}
