import type { MessageCode } from '../../core';
import { MAX_GRID_CELLS } from './sheet-reader';
import { EXCEL_CELL_FORMATS } from './styles';
import { XmlFormatError } from './xml';
import { ZipFormatError } from './zip';

/** A catalogue message for a package that cannot be read: its code and the parameters besides the file's name. */
export interface PackageFailure {
  code: MessageCode;
  params: Record<string, string | number>;
}

const MB = 1024 * 1024;

/** Compression methods by number (APPNOTE 4.4.5), for the message that names the one Excel never writes. */
const METHODS: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 97: 'WavPack', 98: 'PPMd' };

/**
 * What to tell the user about an error from the package reader (zip.ts) or a part's scanner
 * (sheet-reader.ts, xml.ts): what the file is and what to do. Null for any other error, which is
 * a bug to report as such. Every host that opens a package maps failures through this.
 */
export function packageFailure(e: unknown): PackageFailure | null {
  if (e instanceof ZipFormatError) {
    const part = e.where.part ?? '';
    switch (e.reason) {
      case 'notZip':
        return { code: 'file.notWorkbook', params: {} };
      case 'truncated':
        return { code: 'file.truncated', params: {} };
      case 'encrypted':
        return { code: 'file.encrypted', params: {} };
      case 'unsupported': {
        const method = /compression method (\d+)/.exec(e.message);
        return { code: 'file.unsupportedZip', params: { detail: method ? (METHODS[Number(method[1])] ?? `method ${method[1]}`) : 'split archive' } };
      }
      case 'damaged':
        return part ? { code: 'file.damagedEntry', params: { part, offset: e.where.offset ?? 0 } } : { code: 'file.damaged', params: { offset: e.where.offset ?? 0 } };
      case 'checksum':
        return { code: 'file.checksum', params: { part } };
      case 'tooLarge': {
        const sizes = { size: Math.ceil((e.where.size ?? 0) / MB), limit: Math.floor((e.where.limit ?? 0) / MB) };
        return e.where.total ? { code: 'file.packageTooLarge', params: { part, ...sizes } } : { code: 'file.partTooLarge', params: { part, ...sizes } };
      }
      case 'duplicateName':
        return { code: 'file.duplicateEntry', params: { part } };
      case 'outsideName':
        return { code: 'file.entryOutside', params: { part } };
    }
  }
  if (e instanceof XmlFormatError) {
    // Offsets are shown counting from 1, as an editor's column does.
    const where = { part: e.part, offset: e.offset >= 0 ? e.offset + 1 : 1, tag: e.construct };
    switch (e.kind) {
      case 'unclosed':
        return { code: 'file.unclosedTag', params: where };
      case 'malformed':
        return { code: 'file.badXml', params: where };
      case 'missing':
        return { code: 'file.missingElement', params: { part: e.part, tag: e.construct } };
      case 'mergesOverlap':
        return { code: 'file.mergesOverlap', params: { sheet: e.sheet || e.part } };
      case 'order':
        return { code: 'file.cellOrder', params: where };
      case 'encoding':
        return { code: 'file.notUtf8', params: { part: e.part, offset: where.offset } };
      case 'tagTooLong':
        return { code: 'file.tagTooLong', params: where };
      case 'utf16':
        return { code: 'file.utf16', params: { part: e.part } };
      case 'declaredEncoding':
        return { code: 'file.declaredEncoding', params: { part: e.part, encoding: e.construct } };
      case 'limits':
        return { code: 'file.beyondSheetLimits', params: { sheet: e.sheet || e.part, tag: e.construct } };
      case 'tooManyCells':
        return { code: 'file.sheetTooLarge', params: { sheet: e.sheet || e.part, cells: Number(e.construct), limit: MAX_GRID_CELLS } };
      case 'tooManyStyles': {
        const [list, count] = e.construct.split(' ');
        return { code: 'file.tooManyStyles', params: { part: e.part, list, count: Number(count) } };
      }
      case 'cellFormatsFull':
        return { code: 'file.cellFormatsFull', params: { part: e.part, count: Number(e.construct), limit: EXCEL_CELL_FORMATS } };
      case 'prefixed':
        return { code: 'file.prefixedXml', params: {} };
      case 'sharedString': {
        const [cell, number, count] = e.construct.split(' ');
        return { code: 'file.missingSharedString', params: { sheet: e.sheet || e.part, cell, number: Number(number) + 1, count: Number(count) } };
      }
    }
  }
  return null;
}
