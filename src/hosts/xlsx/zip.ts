import { deflateSync, inflateSync } from 'fflate';

/**
 * A minimal zip container that can copy entries it does not change byte for byte — local header,
 * compressed data and all — and deflate only the parts the job writes. Re-compressing untouched
 * parts would be slower and is what loses fidelity in general-purpose libraries.
 */
export interface ZipEntry {
  name: string;
  /** The original record (local header through data descriptor), present for entries read from a file. */
  record?: Uint8Array;
  /** The original central-directory header, to copy with a new offset. */
  central?: Uint8Array;
  method: number;
  compressedSize: number;
  size: number;
  /** Data start within `record`. */
  dataOffset: number;
  flags: number;
}

export class ZipFormatError extends Error {
  constructor(readonly reason: 'notZip' | 'encrypted' | 'unsupported', detail: string) {
    super(detail);
    this.name = 'ZipFormatError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
/** Compound File Binary: how Excel saves a password-protected (encrypted) workbook. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads the central directory; entry data is read lazily with `readEntry`. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (isCompoundFile(bytes)) throw new ZipFormatError('encrypted', 'compound file (encrypted or legacy .xls)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('notZip', 'no zip end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('unsupported', 'zip64 archives are not supported');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL) throw new ZipFormatError('notZip', 'damaged central directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    const centralEnd = at + 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipFormatError('encrypted', `entry ${name} is encrypted`);
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== SIG_LOCAL) throw new ZipFormatError('notZip', `damaged entry ${name}`);
    const dataOffset = 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    let recordEnd = offset + dataOffset + compressedSize;
    if (flags & 8) recordEnd += recordEnd + 4 <= bytes.length && view.getUint32(recordEnd, true) === SIG_DESCRIPTOR ? 16 : 12;
    if (recordEnd > bytes.length) throw new ZipFormatError('notZip', `truncated entry ${name}`);
    entries.push({
      name,
      record: bytes.subarray(offset, recordEnd),
      central: bytes.subarray(at, centralEnd),
      method,
      compressedSize,
      size,
      dataOffset,
      flags,
    });
    at = centralEnd;
  }
  return entries;
}

/**
 * Raw deflate, pluggable: fflate (pure JavaScript) runs in every host; the command passes Node's
 * native zlib, several times faster on a 100,000-row sheet.
 */
export interface DeflateCodec {
  deflate(data: Uint8Array): Uint8Array;
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** CRC-32 of new entries; the portable table-driven one when not given. */
  crc32?(data: Uint8Array): number;
}

export const FFLATE_CODEC: DeflateCodec = {
  deflate: (data) => deflateSync(data, { level: 6 }),
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
};

export function readEntry(entry: ZipEntry, codec: DeflateCodec = FFLATE_CODEC): Uint8Array {
  if (!entry.record) throw new Error(`entry ${entry.name} has no data`);
  const data = entry.record.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return codec.inflate(data, entry.size);
  throw new ZipFormatError('unsupported', `entry ${entry.name} uses compression method ${entry.method}`);
}

/** A part to write: either an entry to copy unchanged, or new content. */
export type ZipOutput = { copy: ZipEntry } | { name: string; data: Uint8Array };

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A fixed timestamp (1980-01-01 00:00) for new entries, so the same input gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The fields a local header and a central-directory header share, in the same order
 * (APPNOTE 4.3.7 and 4.3.12): version needed, flags, method, time, date, CRC, sizes, name length.
 */
function writeEntryFields(
  view: DataView,
  at: number,
  e: { flags: number; crc: number; compressedSize: number; size: number; nameLength: number },
) {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, e.flags, true);
  view.setUint16(at + 4, 8, true); // deflate
  view.setUint16(at + 6, DOS_TIME, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.nameLength, true);
}

export function writeZip(outputs: readonly ZipOutput[], codec: DeflateCodec = FFLATE_CODEC): Uint8Array {
  const encoder = new TextEncoder();
  const records: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const out of outputs) {
    let record: Uint8Array;
    let central: Uint8Array;
    if ('copy' in out) {
      record = out.copy.record!;
      central = out.copy.central!.slice();
      new DataView(central.buffer, central.byteOffset, central.byteLength).setUint32(42, offset, true);
    } else {
      const name = encoder.encode(out.name);
      const compressed = codec.deflate(out.data);
      const crc = (codec.crc32 ?? crc32)(out.data);
      const flags = 0x800; // names are UTF-8
      record = new Uint8Array(30 + name.length + compressed.length);
      const entry = { flags, crc, compressedSize: compressed.length, size: out.data.length, nameLength: name.length };
      const lv = new DataView(record.buffer);
      lv.setUint32(0, SIG_LOCAL, true);
      writeEntryFields(lv, 4, entry);
      record.set(name, 30);
      record.set(compressed, 30 + name.length);
      central = new Uint8Array(46 + name.length);
      const cv = new DataView(central.buffer);
      cv.setUint32(0, SIG_CENTRAL, true);
      cv.setUint16(4, 20, true); // version made by
      writeEntryFields(cv, 6, entry);
      cv.setUint32(42, offset, true);
      central.set(name, 46);
    }
    records.push(record);
    centrals.push(central);
    offset += record.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const total = offset + centralSize + 22;
  if (total > 0xffffffff || outputs.length > 0xfffe) throw new ZipFormatError('unsupported', 'output would need zip64');
  const result = new Uint8Array(total);
  let at = 0;
  for (const r of records) {
    result.set(r, at);
    at += r.length;
  }
  for (const c of centrals) {
    result.set(c, at);
    at += c.length;
  }
  const ev = new DataView(result.buffer);
  ev.setUint32(at, SIG_END, true);
  ev.setUint16(at + 8, outputs.length, true);
  ev.setUint16(at + 10, outputs.length, true);
  ev.setUint32(at + 12, centralSize, true);
  ev.setUint32(at + 16, offset, true);
  return result;
}
