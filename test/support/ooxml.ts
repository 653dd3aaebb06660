/**
 * Test helpers for .xlsx packages: unzip a package and validate its XML parts against the
 * ISO/IEC 29500 transitional schemas in ../shared/schemas/ooxml with xmllint.
 *
 * Parts written by Excel use Markup Compatibility (ECMA-376 Part 3), which the ISO schemas do not
 * know, so each part is first reduced the way a consumer that understands no extension would read
 * it (see ../shared/schemas/ooxml/README.md). xmllint runs once per schema for a whole batch.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** ../shared beside the repository root. */
export const SCHEMA_DIR = path.resolve(__dirname, '../../../shared/schemas/ooxml');

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface ValidationResult {
  path: string;
  ok: boolean;
  /** xmllint's messages with the temporary file name replaced by the part path. */
  errors: string[];
  /** The schema file used, or null when no offline schema covers this part. */
  schema: string | null;
}

/** Unzip a package into part name → bytes. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files));
}

/** Read a part as UTF-8 text (BOM removed). */
export function partText(bytes: Uint8Array): string {
  const s = strFromU8(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function schemasAvailable(): boolean {
  return fs.existsSync(path.join(SCHEMA_DIR, 'sml.xsd'));
}

let xmllintChecked: boolean | undefined;
export function xmllintAvailable(): boolean {
  if (xmllintChecked === undefined) {
    const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    xmllintChecked = r.status === 0;
  }
  return xmllintChecked;
}

/**
 * Why schema validation cannot run here, or null when it can. Tests use this to skip with a
 * visible reason instead of passing silently.
 */
export function validationSkipReason(): string | null {
  if (!schemasAvailable()) return `ISO schemas not found at ${SCHEMA_DIR}`;
  if (!xmllintAvailable()) return 'xmllint not installed (apt-get install libxml2-utils)';
  return null;
}

// ---------------------------------------------------------------- which schema

/** Root element namespace → schema file, for the transitional namespaces. */
const SCHEMA_BY_ROOT_NS: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'sml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'dml-chart.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'dml-spreadsheetDrawing.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing': 'dml-chartDrawing.xsd',
  // a:theme (xl/theme/theme1.xml)
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'dml-main.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'opc-relationships.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'shared-documentPropertiesExtended.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'shared-documentPropertiesCustom.xsd',
};

/** Namespaces we know have no usable offline schema, with the reason. */
const NO_SCHEMA_REASON: Record<string, string> = {
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties':
    'opc-coreProperties.xsd imports the Dublin Core schemas from dublincore.org, which are not available offline',
  'http://purl.oclc.org/ooxml/spreadsheetml/main': 'strict-conformance SpreadsheetML; only the transitional schemas are shipped',
};

/** The root element's local name and namespace, read without a full parse. */
export function rootElement(xml: string): { local: string; ns: string | null } | null {
  const re = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
  let m: RegExpExecArray | null;
  let pos = 0;
  // Skip the declaration, comments and processing instructions before the root.
  for (;;) {
    const rest = xml.slice(pos);
    const skip = /^\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/.exec(rest);
    if (!skip) break;
    pos += skip[0].length;
  }
  re.lastIndex = pos;
  if (!(m = re.exec(xml))) return null;
  const qname = m[1];
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : '';
  const local = colon >= 0 ? qname.slice(colon + 1) : qname;
  const attrRe = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let a: RegExpExecArray | null;
  let ns: string | null = null;
  while ((a = attrRe.exec(m[2]))) {
    const name = a[1];
    if ((prefix && name === `xmlns:${prefix}`) || (!prefix && name === 'xmlns')) ns = a[2] ?? a[3];
  }
  return { local, ns };
}

/** The schema for a part, or a reason why none applies. */
export function schemaFor(partPath: string, xml: string): { schema: string } | { schema: null; reason: string } {
  const root = rootElement(xml);
  if (!root) return { schema: null, reason: 'no root element found (not XML?)' };
  // Path and root must agree for the two package-level kinds.
  if (partPath.replace(/^\//, '') === '[Content_Types].xml' && root.local !== 'Types') {
    return { schema: null, reason: `[Content_Types].xml has root <${root.local}>` };
  }
  const ns = root.ns ?? '';
  const schema = SCHEMA_BY_ROOT_NS[ns];
  if (schema) return { schema };
  return { schema: null, reason: NO_SCHEMA_REASON[ns] ?? `no ISO transitional schema for root <${root.local}> in namespace "${ns}"` };
}

// ---------------------------------------------------------------- markup-compatibility preprocessing

/* eslint-disable @typescript-eslint/no-explicit-any -- xmldom's node types are loose */

function isElement(n: any): boolean {
  return n && n.nodeType === 1;
}

/** Is this an <ext> inside an <extLst>? Its content is open and stays untouched. */
function isExtensionContent(el: any): boolean {
  return el.localName === 'ext' && el.parentNode && el.parentNode.localName === 'extLst';
}

function processElement(el: any, inheritedIgnorable: Set<string>): void {
  let ignorable = inheritedIgnorable;
  const decl = el.getAttributeNS(MC_NS, 'Ignorable');
  if (decl) {
    ignorable = new Set(inheritedIgnorable);
    for (const prefix of decl.trim().split(/\s+/)) {
      const uri = el.lookupNamespaceURI(prefix);
      if (uri) ignorable.add(uri);
    }
  }
  // Attributes: mc:*, ignorable namespaces, xml:space.
  for (let i = el.attributes.length - 1; i >= 0; i--) {
    const attr = el.attributes.item(i);
    const ns = attr.namespaceURI;
    if (ns === MC_NS || (ns && ignorable.has(ns)) || (ns === XML_NS && attr.localName === 'space')) {
      el.removeAttributeNode(attr);
    }
  }
  if (isExtensionContent(el)) return;
  let child = el.firstChild;
  while (child) {
    const next = child.nextSibling;
    if (isElement(child)) {
      if (child.namespaceURI === MC_NS) {
        if (child.localName === 'AlternateContent') {
          // A consumer that understands no extension takes mc:Fallback (ECMA-376 Part 3, 10.2).
          let fallback: any = null;
          for (let c = child.firstChild; c; c = c.nextSibling) {
            if (isElement(c) && c.namespaceURI === MC_NS && c.localName === 'Fallback') fallback = c;
          }
          const first = fallback ? fallback.firstChild : null;
          if (fallback) {
            while (fallback.firstChild) el.insertBefore(fallback.firstChild, child);
          }
          el.removeChild(child);
          // Process the moved-in children in turn (they sit before `next`).
          child = first ?? next;
          continue;
        }
        el.removeChild(child);
      } else if (child.namespaceURI && ignorable.has(child.namespaceURI)) {
        el.removeChild(child);
      } else {
        processElement(child, ignorable);
      }
    }
    child = next;
  }
}

/**
 * Reduce a part to what the ISO schemas describe: drop mc:Ignorable and every attribute and element
 * in an ignorable namespace, replace mc:AlternateContent by its mc:Fallback content (or nothing),
 * and drop xml:space. <extLst><ext> content is left as it is.
 */
export function prepareForSchema(xml: string): string {
  // Parts with no markup compatibility and no xml:space go through untouched (big sheets stay fast).
  if (!/Ignorable|AlternateContent|xml:space|markup-compatibility/.test(xml)) return xml;
  const errors: string[] = [];
  const doc: any = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement) {
    // Leave it to xmllint to report the well-formedness error with a line number.
    return xml;
  }
  processElement(doc.documentElement, new Set());
  return new XMLSerializer().serializeToString(doc);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------- xmllint

export interface PartToValidate {
  path: string;
  xml: string;
}

/**
 * Validate many parts: one xmllint process per schema (schema loading dominates the cost).
 * Results come back in input order.
 */
export function validateParts(parts: PartToValidate[]): ValidationResult[] {
  const skip = validationSkipReason();
  if (skip) throw new Error(`cannot validate: ${skip}`);
  const results: ValidationResult[] = parts.map((p) => ({ path: p.path, ok: false, errors: [], schema: null }));
  const bySchema = new Map<string, number[]>();
  parts.forEach((p, i) => {
    const pick = schemaFor(p.path, p.xml);
    if (pick.schema === null) {
      results[i].errors.push(pick.reason);
      return;
    }
    results[i].schema = pick.schema;
    const list = bySchema.get(pick.schema) ?? [];
    list.push(i);
    bySchema.set(pick.schema, list);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ooxml-validate-'));
  try {
    const tmpName = parts.map((p, i) => path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(p.path).replace(/[^\w.-]/g, '_') || 'part'}`));
    for (const [schema, indices] of bySchema) {
      for (const i of indices) fs.writeFileSync(tmpName[i], prepareForSchema(parts[i].xml));
      // Chunks keep the command line short.
      for (let start = 0; start < indices.length; start += 100) {
        const chunk = indices.slice(start, start + 100);
        runXmllint(path.join(SCHEMA_DIR, schema), chunk.map((i) => tmpName[i]), (file, line) => {
          const i = tmpName.indexOf(file);
          if (i >= 0) results[i].errors.push(line.split(file).join(parts[i].path));
        }, (file, ok) => {
          const i = tmpName.indexOf(file);
          if (i >= 0) results[i].ok = ok;
        });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // A part is only ok when xmllint said "validates" and reported nothing else.
  for (const r of results) if (r.errors.length) r.ok = false;
  return results;
}

function runXmllint(
  schema: string,
  files: string[],
  onError: (file: string, line: string) => void,
  onVerdict: (file: string, ok: boolean) => void,
): void {
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  let current: string | null = null;
  for (const line of lines) {
    const file = files.find((f) => line.startsWith(f));
    if (file) {
      current = file;
      if (line === `${file} validates`) onVerdict(file, true);
      else if (line === `${file} fails to validate`) onVerdict(file, false);
      else onError(file, line);
    } else if (current) {
      // Continuation lines (the source excerpt and caret of a parser error) belong to the last file.
      onError(current, line);
    } else if (/schemas? parser error|failed to compile|WXS schema/.test(line)) {
      throw new Error(`xmllint could not load ${schema}: ${line}`);
    }
  }
}

/** Validate one part. */
export function validatePart(partPath: string, xml: string): { ok: boolean; errors: string[]; schema: string | null } {
  const [r] = validateParts([{ path: partPath, xml }]);
  return { ok: r.ok, errors: r.errors, schema: r.schema };
}

/** Does this part name hold XML (by extension, as the content-types defaults do)? */
export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Validate every XML part of a package. Non-XML parts (images, .bin) are not returned. */
export function validatePackage(bytes: Uint8Array): ValidationResult[] {
  const zip = readZip(bytes);
  const parts: PartToValidate[] = [];
  for (const [name, data] of zip) if (isXmlPart(name)) parts.push({ path: name, xml: partText(data) });
  return validateParts(parts);
}

/** Check well-formedness only (for parts no schema covers). Returns xmllint's messages per part. */
export function checkWellFormed(parts: PartToValidate[]): ValidationResult[] {
  if (!xmllintAvailable()) throw new Error('cannot check: xmllint not installed');
  const results: ValidationResult[] = parts.map((p) => ({ path: p.path, ok: true, errors: [], schema: null }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ooxml-wf-'));
  try {
    const files = parts.map((p, i) => {
      const f = path.join(dir, `${String(i).padStart(4, '0')}.xml`);
      fs.writeFileSync(f, p.xml);
      return f;
    });
    const r = spawnSync('xmllint', ['--noout', '--nonet', ...files], { encoding: 'utf8' });
    let current = -1;
    for (const line of r.stderr.split('\n').filter(Boolean)) {
      const i = files.findIndex((f) => line.startsWith(f));
      if (i >= 0) current = i;
      if (current >= 0) {
        results[current].ok = false;
        results[current].errors.push(line.split(files[current]).join(parts[current].path));
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

// ---------------------------------------------------------------- reading cell values (for tests)

/* eslint-disable @typescript-eslint/no-explicit-any -- xmldom's node types are loose */
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function parseXml(bytes: Uint8Array): any {
  return new DOMParser().parseFromString(partText(bytes), 'text/xml');
}

function elements(parent: any, local: string): any[] {
  return Array.from(parent.getElementsByTagNameNS(MAIN_NS, local) as ArrayLike<any>);
}

/** Text of a <si> or <is>: its <t>, or its runs' <t>s, never the phonetic <rPh>. */
function stringItemText(si: any): string {
  let s = '';
  for (let n = si.firstChild; n; n = n.nextSibling) {
    if (n.localName === 't') s += n.textContent;
    else if (n.localName === 'r') for (const t of elements(n, 't')) s += t.textContent;
  }
  return s;
}

/** Resolve a relationship target against the part that owns the .rels. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

export interface SheetValues {
  /** Worksheet names in workbook order. */
  sheets: string[];
  /** A1 address → value (number, string or boolean) of the requested sheet. */
  cells: Map<string, string | number | boolean>;
  /** Merged ranges as written, e.g. 'A1:Q1'. */
  merges: string[];
  date1904: boolean;
}

/**
 * Read one sheet's cell values from a package: a small, independent reader so fixture tests
 * do not depend on the engine's own reader. Formulas give their cached values.
 */
export function readSheetValues(bytes: Uint8Array, sheetName?: string): SheetValues {
  const zip = readZip(bytes);
  const get = (p: string) => {
    const b = zip.get(p);
    if (!b) throw new Error(`missing part ${p}`);
    return b;
  };
  const rootRels = parseXml(get('_rels/.rels'));
  const officeRel = Array.from(rootRels.getElementsByTagName('Relationship') as ArrayLike<any>).find((r) => /\/officeDocument$/.test(r.getAttribute('Type')));
  const wbPath = resolveTarget('', officeRel.getAttribute('Target'));
  const wb = parseXml(get(wbPath));
  const relsPath = `${path.posix.dirname(wbPath)}/_rels/${path.posix.basename(wbPath)}.rels`;
  const rels = Array.from(parseXml(get(relsPath)).getElementsByTagName('Relationship') as ArrayLike<any>);
  const target = (id: string) => resolveTarget(wbPath, rels.find((r) => r.getAttribute('Id') === id).getAttribute('Target'));
  const sheets = elements(wb, 'sheet').map((s) => ({ name: s.getAttribute('name') as string, rid: s.getAttributeNS(REL_NS, 'id') as string }));
  const pr = elements(wb, 'workbookPr')[0];
  const date1904 = !!pr && ['1', 'true'].includes(pr.getAttribute('date1904'));
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.getAttribute('Type')));
  const sst = sstRel ? elements(parseXml(get(resolveTarget(wbPath, sstRel.getAttribute('Target')))), 'si').map(stringItemText) : [];
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new Error(`no sheet named ${sheetName}`);
  const doc = parseXml(get(target(chosen.rid)));
  const cells = new Map<string, string | number | boolean>();
  for (const c of elements(doc, 'c')) {
    const ref = c.getAttribute('r') as string;
    const t = c.getAttribute('t') || 'n';
    const v = elements(c, 'v')[0]?.textContent ?? null;
    if (t === 'inlineStr') {
      const is = elements(c, 'is')[0];
      if (is) cells.set(ref, stringItemText(is));
    } else if (v === null) {
      continue;
    } else if (t === 's') {
      cells.set(ref, sst[Number(v)]);
    } else if (t === 'str' || t === 'e') {
      cells.set(ref, v);
    } else if (t === 'b') {
      cells.set(ref, v === '1' || v === 'true');
    } else {
      cells.set(ref, Number(v));
    }
  }
  const merges = elements(doc, 'mergeCell').map((m) => m.getAttribute('ref') as string);
  return { sheets: sheets.map((s) => s.name), cells, merges, date1904 };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
