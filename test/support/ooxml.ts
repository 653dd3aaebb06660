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
