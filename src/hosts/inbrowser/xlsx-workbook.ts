import { rangeRef } from '../../core';
/**
 * An .xlsx/.xlsm file as an in-memory workbook for the fake Excel: sheet names and order,
 * visibility, the active sheet, values, merged areas and number formats — read with the file host's
 * own pieces (src/hosts/xlsx: zip, package parts, sheet reader, styles). Formulas are kept as their
 * cached values; fills, fonts, borders, widths, conditional formats and validation are not read.
 */
import type { CellValue as CoreCellValue, Language, MessageCode } from '../../core';
import { WorkbookError } from '../xlsx/workbook';
import { readRelationships, readSheetEntries, relsPathOf, resolveTarget, workbookUses1904 } from '../xlsx/package-parts';
import { readSharedStrings, readSheetXml } from '../xlsx/sheet-reader';
import { StyleSheet } from '../xlsx/styles';
import { packageFailure } from '../xlsx/failures';
import { readEntry, readZip, type ZipEntry } from '../xlsx/zip';
import { attr, findElement } from '../xlsx/xml';
import { FakeWorkbook, type SheetSpec } from './fake-workbook';

const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';


export interface ReadXlsxOptions {
  /** The file's name, for messages. */
  fileName: string;
  language?: Language;
}

/**
 * Reads the package into a FakeWorkbook. Throws WorkbookError (the file host's messages) when the
 * file is not a workbook, is encrypted or damaged.
 */
export function readXlsxWorkbook(bytes: Uint8Array, options: ReadXlsxOptions): FakeWorkbook {
  const language = options.language ?? 'zh';
  const fail = (code: MessageCode, params: Record<string, string | number> = {}): never => {
    throw new WorkbookError(code, { file: options.fileName, ...params }, language);
  };
  // Failures of the package or its parts are told as the file host tells them (packageFailure).
  try {
    const entries = readZip(bytes);
    return readPackage(new Map(entries.map((e) => [e.name, e])), () => fail('file.notWorkbook'));
  } catch (e) {
    const failure = packageFailure(e);
    if (failure) return fail(failure.code, failure.params);
    throw e;
  }
}

function readPackage(entries: Map<string, ZipEntry>, fail: (code: 'file.notWorkbook') => never): FakeWorkbook {
  const decoder = new TextDecoder();
  const text = (name: string) => decoder.decode(readEntry(entries.get(name)!));
  const rootRels = entries.has('_rels/.rels') ? readRelationships(text('_rels/.rels')) : [];
  const workbookPart = resolveTarget('', rootRels.find((r) => r.type === REL_OFFICE_DOCUMENT)?.target ?? 'xl/workbook.xml');
  const workbookRelsPart = relsPathOf(workbookPart);
  if (!entries.has(workbookPart) || !entries.has(workbookRelsPart)) fail('file.notWorkbook');
  const workbookXml = text(workbookPart);
  const rels = readRelationships(text(workbookRelsPart));
  const partOf = (type: string, rid?: string) => {
    const rel = rels.find((r) => r.type === type && (rid === undefined || r.id === rid));
    const part = rel ? resolveTarget(workbookPart, rel.target) : undefined;
    return part && entries.has(part) ? part : undefined;
  };
  const date1904 = workbookUses1904(workbookXml);
  const stylesPart = partOf(REL_STYLES);
  const styles = stylesPart ? new StyleSheet(text(stylesPart)) : null;
  const sstPart = partOf(REL_SHARED_STRINGS);
  const sharedStrings = sstPart ? readSharedStrings(text(sstPart)) : [];

  const specs: SheetSpec[] = [];
  for (const entry of readSheetEntries(workbookXml)) {
    const part = partOf(REL_WORKSHEET, entry.rid);
    if (!part) continue; // chart sheets, dialog sheets: not worksheets
    const grid = readSheetXml(text(part), { name: entry.name, sharedStrings, formatOf: styles ? styles.formatOf : () => null, date1904 });
    const numberFormats = grid.numberFormats ?? [];
    // A 1904 workbook keeps its own serials, as Excel does: the host has to detect the date system.
    const values: (CoreCellValue | null)[][] = grid.values;
    specs.push({
      name: entry.name,
      values,
      numberFormats: numberFormats.map((row) => (row ? Array.from(row, (f) => f ?? null) : [])),
      merges: grid.merges.map(rangeRef),
      visibility: entry.state === 'hidden' ? 'Hidden' : entry.state === 'veryHidden' ? 'VeryHidden' : 'Visible',
    });
  }
  if (!specs.length) fail('file.notWorkbook');
  const view = findElement(workbookXml, 'workbookView');
  const activeTab = Number((view && attr(view.tag, 'activeTab')) ?? 0);
  const active = specs[activeTab]?.visibility === 'Visible' ? specs[activeTab].name : undefined;
  return FakeWorkbook.fromSheets(specs, { activeSheet: active, date1904 });
}
