import { readEntry, readZip } from '../../src/hosts/xlsx';

/** Parts the job may rewrite; anything else must come out byte-identical. */
export const EDITABLE_PARTS = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;
/** Parts the job may add: its sheets, and the drawings and charts of its report sheets with their relationships. */
export const ADDED_PARTS = /^xl\/(worksheets\/sheet|worksheets\/_rels\/sheet|drawings\/drawing|drawings\/_rels\/drawing|charts\/chart)\d+\.xml(\.rels)?$/;

export interface PackageDiff {
  /** Parts present in both whose content differs. */
  changed: string[];
  added: string[];
  removed: string[];
  /** Unchanged parts whose compressed record differs (they were re-compressed). */
  recompressed: string[];
}

export function diffPackages(before: Uint8Array, after: Uint8Array): PackageDiff {
  const a = new Map(readZip(before).map((e) => [e.name, e]));
  const b = new Map(readZip(after).map((e) => [e.name, e]));
  const diff: PackageDiff = { changed: [], added: [], removed: [], recompressed: [] };
  for (const [name, entry] of a) {
    const other = b.get(name);
    if (!other) diff.removed.push(name);
    else if (!Buffer.from(readEntry(entry)).equals(Buffer.from(readEntry(other)))) diff.changed.push(name);
    else if (!Buffer.from(entry.record!).equals(Buffer.from(other.record!))) diff.recompressed.push(name);
  }
  for (const name of b.keys()) if (!a.has(name)) diff.added.push(name);
  return diff;
}

export function partOf(bytes: Uint8Array, name: string): string {
  const entry = readZip(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(readEntry(entry));
}

export function partNames(bytes: Uint8Array): string[] {
  return readZip(bytes).map((e) => e.name);
}

/** Every cell element of a worksheet, by reference. */
export function cellsOf(sheetXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) cells.set(m[1], m[0]);
  return cells;
}
