import { sheetRef } from '../../core';
import { attr, escapeXml, type ElementSpan, findElement, findElements, innerXml, insertBeforeFirst, requireElement, setAttr, splice, spreadsheetPrefix, unescapeXml, XmlFormatError } from './xml';

/** Resolves a relationship target against the folder of the part that owns the .rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/**
 * A target with its %XX escapes decoded (`sheet%201.xml` names the part `sheet 1.xml`, as OPC reads
 * a target: a URI), or null when it has none or they are not valid UTF-8. Tried after the target as
 * written: .NET's packaging names some zip entries in their escaped form.
 */
export function percentDecodedTarget(target: string): string | null {
  if (target.indexOf('%') < 0) return null;
  try {
    const decoded = decodeURIComponent(target);
    return decoded === target ? null : decoded;
  } catch {
    return null;
  }
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** TargetMode="External": a URL or file outside the package (a hyperlink), not a part. */
  external?: boolean;
}

export function readRelationships(xml: string): Relationship[] {
  return findElements(xml, 'Relationship').map((r) => ({
    id: attr(r.tag, 'Id') ?? '',
    type: attr(r.tag, 'Type') ?? '',
    target: attr(r.tag, 'Target') ?? '',
    ...(attr(r.tag, 'TargetMode') === 'External' ? { external: true } : {}),
  }));
}

/** A whole relationships part for parts the add-in writes: rId1, rId2 … in the order given. */
export function relationshipsXml(rels: readonly { type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('') +
    `</Relationships>`
  );
}

/** The target of `part` written relative to the folder of `ownerPart`, as Excel writes them (../charts/chart1.xml). */
export function relativeTarget(ownerPart: string, part: string): string {
  const from = ownerPart.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const ids = new Set(readRelationships(xml).map((r) => r.id));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = requireElement(xml, 'Relationships');
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (root.tag.endsWith('/>')) return { xml: splice(xml, root.start, root.end, `${root.tag.slice(0, -2)}>${rel}</Relationships>`), id };
  return { xml: insertBeforeFirst(xml, rel, [], root), id };
}

export function removeContentTypeOverride(xml: string, partName: string): string {
  const found = findElements(xml, 'Override').find((o) => attr(o.tag, 'PartName') === `/${partName}`);
  return found ? splice(xml, found.start, found.end, '') : xml;
}

export function addContentTypeOverride(xml: string, partName: string, contentType: string): string {
  const exists = findElements(xml, 'Override').some((o) => attr(o.tag, 'PartName') === `/${partName}`);
  if (exists) return xml;
  const root = requireElement(xml, 'Types');
  return insertBeforeFirst(xml, `<Override PartName="/${escapeXml(partName)}" ContentType="${contentType}"/>`, [], root);
}

/** The main part's content type of a template, and of the workbook saved from it (as Excel saves an .xltx as .xlsx). */
const TEMPLATE_TO_WORKBOOK: ReadonlyMap<string, string> = new Map([
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  ['application/vnd.ms-excel.template.macroEnabled.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
]);

/**
 * The content types with a template's workbook part (.xltx, .xltm) declared a workbook's: the output
 * is a workbook (.xlsx, .xlsm), and Excel refuses one whose main part says it is a template.
 */
export function workbookNotTemplate(xml: string, workbookPart: string): string {
  const override = workbookOverride(xml, workbookPart);
  const workbookType = override && TEMPLATE_TO_WORKBOOK.get(attr(override.tag, 'ContentType') ?? '');
  if (!override || !workbookType) return xml;
  return splice(xml, override.start, override.start + override.tag.length, setAttr(override.tag, 'ContentType', workbookType));
}

/**
 * Whether the content types declare the workbook part macro-enabled (.xlsm, .xltm), undefined when
 * they declare it no workbook type at all. Excel opens a package only under the extension its
 * workbook's type goes with.
 */
export function declaresMacros(xml: string, workbookPart: string): boolean | undefined {
  const override = workbookOverride(xml, workbookPart);
  const type = override && attr(override.tag, 'ContentType');
  if (!type || !/^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml|ms-excel)\./.test(type) || !type.endsWith('.main+xml')) return undefined;
  return type.includes('macroEnabled');
}

/** The content types' <Override> of the workbook part (part names compare without case, as OPC says). */
function workbookOverride(xml: string, workbookPart: string): ElementSpan | undefined {
  return findElements(xml, 'Override').find((o) => attr(o.tag, 'PartName')?.toLowerCase() === `/${workbookPart.toLowerCase()}`);
}

/** A <sheet> entry of workbook.xml. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: string;
  /** Position among the sheets, as localSheetId counts. */
  index: number;
  span: { start: number; end: number; tag: string };
}

export function readSheetEntries(workbookXml: string): SheetEntry[] {
  const p = spreadsheetPrefix(workbookXml);
  const sheets = findElement(workbookXml, `${p}sheets`);
  if (!sheets) return [];
  return findElements(workbookXml, `${p}sheet`, sheets.start, sheets.end).map((s, index) => {
    try {
      return {
        name: attr(s.tag, 'name') ?? '',
        sheetId: Number(attr(s.tag, 'sheetId')),
        rid: ridOf(s.tag) ?? '',
        state: attr(s.tag, 'state') ?? 'visible',
        index,
        span: s,
      };
    } catch (e) {
      // A reference XML forbids in a name (&#x1;): said at its <sheet>, not at the part's start.
      throw e instanceof XmlFormatError ? e.at(s.start) : e;
    }
  });
}

/** The r:id attribute, whatever prefix the workbook binds to the relationships namespace. */
function ridOf(tag: string): string | undefined {
  // Either quote: XML allows both, and some writers use single quotes.
  const m = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

export function workbookUses1904(workbookXml: string): boolean {
  const pr = findElement(workbookXml, `${spreadsheetPrefix(workbookXml)}workbookPr`);
  // An xsd:boolean: whitespace around it is collapsed (date1904=" 1 " is the 1904 system).
  const v = pr ? attr(pr.tag, 'date1904')?.trim() : undefined;
  return v === '1' || v === 'true';
}

/** The defined name holding the print-title rows of the sheet at `sheetIndex`, if it has one. */
function printTitlesName(workbookXml: string, sheetIndex: number): ElementSpan | undefined {
  const names = findElement(workbookXml, 'definedNames');
  return names && findElements(workbookXml, 'definedName', names.start, names.end).find(
    (d) => attr(d.tag, 'name') === '_xlnm.Print_Titles' && attr(d.tag, 'localSheetId') === String(sheetIndex),
  );
}

/** Whether the sheet at `sheetIndex` prints `rows` as its title rows (setPrintTitles wrote them so, whatever the sheet is named now). */
export function printsTitleRows(workbookXml: string, sheetIndex: number, rows: [number, number]): boolean {
  const name = printTitlesName(workbookXml, sheetIndex);
  return !!name && unescapeXml(innerXml(workbookXml, name)).endsWith(`!$${rows[0]}:$${rows[1]}`);
}

/** Sets or adds the print-title rows of one sheet (a defined name local to it). */
export function setPrintTitles(workbookXml: string, sheetIndex: number, sheetName: string, rows: [number, number]): string {
  const value = `${sheetRef(sheetName)}!$${rows[0]}:$${rows[1]}`;
  const el = `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeXml(value)}</definedName>`;
  const names = findElement(workbookXml, 'definedNames');
  if (names) {
    const existing = printTitlesName(workbookXml, sheetIndex);
    if (existing) return splice(workbookXml, existing.start, existing.end, el);
    return insertBeforeFirst(workbookXml, el, [], names);
  }
  const wb = requireElement(workbookXml, 'workbook');
  const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
  return insertBeforeFirst(workbookXml, `<definedNames>${el}</definedNames>`, after, wb);
}

/** Appends a <sheet> entry, declaring the relationships prefix on it if the workbook binds none. */
const MAX_SHEET_ID = 4294967295;

export function addSheetEntry(workbookXml: string, name: string, rid: string, hidden: boolean): string {
  const entries = readSheetEntries(workbookXml);
  // One past the highest, as Excel numbers them; if that would pass the unsignedInt the schema
  // allows (a workbook already holds 4294967295), the lowest one not in use.
  let sheetId = 1;
  for (const e of entries) if (Number.isSafeInteger(e.sheetId)) sheetId = Math.max(sheetId, e.sheetId + 1);
  if (sheetId > MAX_SHEET_ID) {
    const used = new Set(entries.map((e) => e.sheetId));
    for (sheetId = 1; used.has(sheetId); sheetId++);
  }
  const prefix = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbookXml)?.[1];
  const idAttr = prefix
    ? `${prefix}:id="${rid}"`
    : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"`;
  const el = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${hidden ? ' state="hidden"' : ''} ${idAttr}/>`;
  const sheets = requireElement(workbookXml, 'sheets');
  return insertBeforeFirst(workbookXml, el, [], sheets);
}

export { setAttr };
