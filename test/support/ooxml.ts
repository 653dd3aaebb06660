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
  const reason = !schemasAvailable()
    ? `ISO schemas not found at ${SCHEMA_DIR}`
    : !xmllintAvailable()
      ? 'xmllint not installed (apt-get install libxml2-utils)'
      : null;
  // CI has ../shared and installs xmllint: there a missing piece is a failure, never a skip.
  if (reason && process.env.CI) throw new Error(`schema validation cannot run in CI: ${reason}`);
  return reason;
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

/** One open element while scanning. */
interface Frame {
  /** prefix → namespace URI in scope ('' is the default namespace). */
  scope: Map<string, string>;
  ignorable: Set<string>;
  /**
   * keep: written out; drop: left out with its content; ext: <extLst><ext> content, copied as is;
   * ac: mc:AlternateContent (tag left out, only its mc:Fallback's content is kept);
   * unwrap: mc:Fallback (tag left out, content processed as the parent's).
   */
  mode: 'keep' | 'drop' | 'ext' | 'ac' | 'unwrap';
  local: string;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*')/g;

function splitQName(q: string): [string, string] {
  const i = q.indexOf(':');
  return i < 0 ? ['', q] : [q.slice(0, i), q.slice(i + 1)];
}

/**
 * Reduce a part to what the ISO schemas describe: drop mc:Ignorable and every attribute and element
 * in an ignorable namespace, replace mc:AlternateContent by its mc:Fallback content (or nothing),
 * and drop xml:space. <extLst><ext> content is left as it is (ECMA-376 Part 3; see the schemas' README).
 *
 * A single pass over the tags, copying untouched stretches as slices: a 100,000-row Excel sheet
 * (x14ac:dyDescent on every row) takes about a second, where a DOM ran out of memory.
 * mc:ProcessContent and mc:MustUnderstand are not used in SpreadsheetML parts and are not handled.
 */
export function prepareForSchema(xml: string): string {
  // Parts without markup compatibility or xml:space go through untouched.
  if (!/Ignorable|AlternateContent|xml:space|markup-compatibility/.test(xml)) return xml;
  const out: string[] = [];
  let copyFrom = 0; // xml[copyFrom, here) is still to be copied
  const root: Frame = { scope: new Map([['xml', XML_NS]]), ignorable: new Set(), mode: 'keep', local: '' };
  const stack: Frame[] = [root];
  /** Leave xml[from, to) out of the output. */
  const skip = (from: number, to: number) => {
    if (from > copyFrom) out.push(xml.slice(copyFrom, from));
    copyFrom = to;
  };
  let m: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(xml))) {
    const top = stack[stack.length - 1];
    const from = m.index;
    const to = TOKEN.lastIndex;
    // Text between tags: dropped inside a dropped element and directly inside AlternateContent.
    if (top.mode === 'drop' || top.mode === 'ac') skip(copyFrom, from);
    const qname = m[2];
    if (qname === undefined) {
      // Comment, CDATA, PI: kept unless inside something dropped.
      if (top.mode === 'drop' || top.mode === 'ac') skip(from, to);
      continue;
    }
    if (m[1] === '/') {
      const frame = stack.pop();
      if (!frame || stack.length === 0) throw new Error(`prepareForSchema: unbalanced </${qname}>`);
      if (frame.mode !== 'keep' && frame.mode !== 'ext') skip(from, to);
      continue;
    }
    const selfClosing = m[4] === '/';
    const attrs = m[3];
    // Inside something dropped or inside ext content: only track nesting.
    if (top.mode === 'drop' || top.mode === 'ext') {
      if (top.mode === 'drop') skip(from, to);
      if (!selfClosing) stack.push({ scope: top.scope, ignorable: top.ignorable, mode: top.mode, local: '' });
      continue;
    }
    // Namespace declarations on this element.
    let scope = top.scope;
    let ignorableDecl: string | null = null;
    if (attrs && (attrs.includes('xmlns') || attrs.includes(':'))) {
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(attrs))) {
        const name = a[1];
        const value = a[3].slice(1, -1);
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (scope === top.scope) scope = new Map(top.scope);
          scope.set(name === 'xmlns' ? '' : name.slice(6), value);
        }
      }
      ATTR.lastIndex = 0;
      while ((a = ATTR.exec(attrs))) {
        const [p, l] = splitQName(a[1]);
        if (p && l === 'Ignorable' && scope.get(p) === MC_NS) ignorableDecl = a[3].slice(1, -1);
      }
    }
    let ignorable = top.ignorable;
    if (ignorableDecl) {
      ignorable = new Set(top.ignorable);
      for (const prefix of ignorableDecl.trim().split(/\s+/)) {
        const uri = scope.get(prefix);
        if (uri) ignorable.add(uri);
      }
    }
    const [prefix, local] = splitQName(qname);
    const ns = scope.get(prefix) ?? '';
    let mode: Frame['mode'] = 'keep';
    if (ns === MC_NS) {
      if (local === 'AlternateContent') mode = 'ac';
      else if (local === 'Fallback' && top.mode === 'ac') mode = 'unwrap';
      else mode = 'drop';
    } else if (top.mode === 'ac') {
      mode = 'drop'; // stray content directly inside AlternateContent
    } else if (ignorable.has(ns)) {
      mode = 'drop';
    } else if (local === 'ext' && top.local === 'extLst') {
      mode = 'ext';
    }
    if (mode === 'keep' || mode === 'ext') {
      // Rewrite the tag only when some attribute must go.
      if (attrs && attrs.includes(':')) {
        let changed = false;
        const kept = attrs.replace(ATTR, (whole, name: string) => {
          const [p] = splitQName(name);
          if (!p || p === 'xmlns') return whole;
          const uri = scope.get(p);
          if (uri === MC_NS || (uri && ignorable.has(uri)) || name === 'xml:space') {
            changed = true;
            return '';
          }
          return whole;
        });
        if (changed) {
          skip(from, to);
          out.push(`<${qname}${kept.replace(/\s+$/, '')}${selfClosing ? '/>' : '>'}`);
        }
      }
    } else {
      skip(from, to);
    }
    if (!selfClosing) stack.push({ scope, ignorable, mode, local });
  }
  if (stack.length !== 1) throw new Error('prepareForSchema: unclosed elements');
  out.push(xml.slice(copyFrom));
  return out.join('');
}

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
      for (const i of indices) {
        let prepared = parts[i].xml;
        try {
          prepared = prepareForSchema(prepared);
        } catch {
          // Not well-formed: validate it as it is, so xmllint reports where it breaks.
        }
        fs.writeFileSync(tmpName[i], prepared);
      }
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

// Regular expressions rather than a DOM: these helpers must also read 100,000-row outputs.

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replace the five XML entities and character references. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e],
  );
}

/** Attributes of a start tag's attribute text (prefixes kept: 'r:id'). */
function attributes(attrText: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let a: RegExpExecArray | null;
  while ((a = re.exec(attrText))) map.set(a[1], decodeXmlText(a[2] ?? a[3]));
  return map;
}

/** Every start tag <prefix:local …> (any prefix) with its attributes. */
function tags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*?)/?>`, 'g');
  const out: Map<string, string>[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attributes(m[1]));
  return out;
}

/** Text of a <si> or <is>: its <t>s (directly or in runs), never the phonetic <rPh>. */
function stringItemText(inner: string): string {
  const noPhonetic = inner.replace(/<(?:[\w.-]+:)?rPh(?=[\s/>])(?:[^>]*?\/>|[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>)/g, '');
  let s = '';
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(noPhonetic))) s += decodeXmlText(m[1]);
  return s;
}

/** 1 for A, 27 for AA: the column of a cell reference such as AB12. */
function columnNumberOf(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '') n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A for 1, AA for 27. */
function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Resolve a relationship target against the part that owns the .rels. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target));
}

function relsOf(zip: Map<string, Uint8Array>, part: string): Map<string, string>[] {
  const relsPath = part ? `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`.replace(/^\.\//, '') : '_rels/.rels';
  const b = zip.get(relsPath);
  return b ? tags(partText(b), 'Relationship') : [];
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
 * Read one sheet's cell values from a package: a small, independent reader so fixture tests do not
 * depend on the engine's own reader. Formulas give their cached values; _xHHHH_ escapes are left as
 * written.
 */
export function readSheetValues(bytes: Uint8Array, sheetName?: string): SheetValues {
  const zip = readZip(bytes);
  const text = (p: string) => {
    const b = zip.get(p);
    if (!b) throw new Error(`missing part ${p}`);
    return partText(b);
  };
  const office = relsOf(zip, '').find((r) => /\/officeDocument$/.test(r.get('Type') ?? ''));
  if (!office) throw new Error('no officeDocument relationship');
  const wbPath = resolveTarget('', office.get('Target')!);
  const wb = text(wbPath);
  const rels = relsOf(zip, wbPath);
  const sheets = tags(wb, 'sheet').map((a) => ({ name: a.get('name')!, rid: a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '' }));
  const pr = tags(wb, 'workbookPr')[0];
  const date1904 = !!pr && ['1', 'true'].includes(pr.get('date1904') ?? '');
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.get('Type') ?? ''));
  const sst: string[] = [];
  if (sstRel) {
    const re = /<(?:[\w.-]+:)?si>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si\/>/g;
    const xml = text(resolveTarget(wbPath, sstRel.get('Target')!));
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) sst.push(m[1] === undefined ? '' : stringItemText(m[1]));
  }
  const chosen = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!chosen) throw new Error(`no sheet named ${sheetName}`);
  const sheetRel = rels.find((r) => r.get('Id') === chosen.rid);
  if (!sheetRel) throw new Error(`no relationship ${chosen.rid}`);
  const doc = text(resolveTarget(wbPath, sheetRel.get('Target')!));
  const cells = new Map<string, string | number | boolean>();
  // Rows and cells without an r attribute follow the one before (ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4).
  const rowOrCellRe = /<(?:[\w.-]+:)?row\b([^>]*?)\/?>|<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
  const refIn = (attributes: string) => /(?:^|\s)r\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
  let rowNumber = 0;
  let column = 0;
  let m: RegExpExecArray | null;
  while ((m = rowOrCellRe.exec(doc))) {
    if (m[1] !== undefined) {
      rowNumber = Number(refIn(m[1]) ?? rowNumber + 1);
      column = 0;
      continue;
    }
    // Two targeted matches instead of a full attribute map: big sheets hold millions of cells.
    const named = refIn(m[2]);
    column = named ? columnNumberOf(named) : column + 1;
    const ref = named ?? `${columnName(column)}${rowNumber}`;
    const inner = m[3];
    if (inner === undefined) continue;
    const t = /(?:^|\s)t\s*=\s*["']([^"']*)["']/.exec(m[2])?.[1] ?? 'n';
    if (t === 'inlineStr') {
      const is = /<(?:[\w.-]+:)?is>([\s\S]*?)<\/(?:[\w.-]+:)?is>/.exec(inner);
      if (is) cells.set(ref, stringItemText(is[1]));
      continue;
    }
    const v = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(inner);
    if (!v) continue;
    const raw = decodeXmlText(v[1]);
    if (t === 's') cells.set(ref, sst[Number(raw)]);
    else if (t === 'str' || t === 'e') cells.set(ref, raw);
    else if (t === 'b') cells.set(ref, raw === '1' || raw === 'true');
    else cells.set(ref, Number(raw));
  }
  const merges = tags(doc, 'mergeCell').map((x) => x.get('ref')!);
  return { sheets: sheets.map((s) => s.name), cells, merges, date1904 };
}
