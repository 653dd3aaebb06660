import { Deflate, Inflate } from 'fflate';

/**
 * A minimal zip container that can copy entries it does not change byte for byte — local header,
 * compressed data and all — and deflate only the parts the job writes. Re-compressing untouched
 * parts would be slower and is what loses fidelity in general-purpose libraries.
 *
 * Ledgers arrive by e-mail, USB stick and chat from other offices, so the reader trusts nothing
 * (APPNOTE 6.3.10 names each field checked): the central directory must lie inside the file, each
 * local header must repeat the central one (name, method, CRC and sizes), records may not overlap
 * (the "overlapped" zip bomb points many entries at one stream), names are unique and stay inside
 * the package, and every entry read is inflated within its declared size and its CRC-32 checked.
 * Zip64 (locator, record and extra fields) is read; a writer may use it for any entry.
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
  /** The CRC-32 the central directory declares for the inflated data. */
  crc: number;
  /** Where the local header starts in the file, for messages. */
  offset: number;
  /** Where in `central` a zip64 extra field keeps the local-header offset (the 32-bit field then reads 0xffffffff). */
  zip64OffsetAt?: number;
  /** The central record keeps a size or offset in a zip64 extra field: a package copying it needs a zip64 end record. */
  zip64?: boolean;
  /** Brings `record` into memory, for a package read from a file only where it is looked at (LoadBytes). */
  load?: () => void;
}

/**
 * Fills bytes [offset, offset + length) of the buffer `readZip` was given, before they are read:
 * a package read from a file only where the reader looks (its directory, the headers it checks,
 * the parts it reads), the rest of the buffer left as zeros never touched. The command reads the
 * 2 MB state sheet of a previous 20 MB output so.
 */
export type LoadBytes = (offset: number, length: number) => void;

/** Why a package cannot be read; `workbook.ts` maps each reason to a catalogue message. */
export type ZipFailure =
  /** No zip at all (no end-of-central-directory record). */
  | 'notZip'
  /** A zip cut short: it starts as one, but its directory, at the end, is missing (a download or copy that stopped). */
  | 'truncated'
  /** A compound file (a password-protected workbook or a legacy .xls), or an encrypted entry. */
  | 'encrypted'
  /** A zip feature Excel never writes: a compression method other than store and deflate, a split archive. */
  | 'unsupported'
  /** Structure that contradicts itself: sizes, offsets, local against central header, a broken deflate stream. */
  | 'damaged'
  /** The inflated data is not what the CRC-32 says it is. */
  | 'checksum'
  /** An entry that would inflate past the reader's limit. */
  | 'tooLarge'
  /** Two entries of one name (OPC part names compare without case). */
  | 'duplicateName'
  /** A name that is absolute, climbs out with `..`, uses backslashes or a drive letter. */
  | 'outsideName';

export class ZipFormatError extends Error {
  constructor(
    readonly reason: ZipFailure,
    detail: string,
    /** The entry at fault, where in the file, and for 'tooLarge' its size and the limit (bytes). */
    readonly where: { part?: string; offset?: number; size?: number; limit?: number; total?: boolean } = {},
  ) {
    super(detail);
    this.name = 'ZipFormatError';
  }
}

/** How much one package may make the reader build. */
export interface ZipLimits {
  /** Largest inflated entry, in bytes. */
  maxEntrySize: number;
  /** Most bytes one job may inflate, all parts together (a package of many bombs, each under the entry limit). */
  maxTotalSize?: number;
}

/**
 * 128 MiB an entry: a 100,000-row ledger sheet is about 75 MB, and a sheet much past this one could
 * not be triaged within the command's memory cap anyway (src/cli/supervise.ts: the heap, plus this,
 * plus the input file, stay under 1 GiB). An entry declaring more is refused before anything is
 * inflated. 512 MiB in all: a package of many bombs, each under the entry limit, is refused in
 * seconds rather than minutes.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntrySize: 128 * 1024 * 1024, maxTotalSize: 512 * 1024 * 1024 };


const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
/** WinZip AES (APPNOTE appendix E): an encrypted entry whatever its flags say. */
const METHOD_AES = 99;
/** Compound File Binary: how Excel saves a password-protected (encrypted) workbook. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

const damaged = (detail: string, where: ZipFormatError['where'] = {}) => new ZipFormatError('damaged', detail, where);

/** A little-endian reader that refuses to read past the end (a DataView would throw a RangeError). */
class Bytes {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly load?: LoadBytes,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length() {
    return this.bytes.length;
  }
  private check(at: number, n: number, what: string) {
    if (!(at >= 0 && at + n <= this.bytes.length)) throw damaged(`${what} runs past the end of the file`, { offset: at });
    this.load?.(at, n);
  }
  /** Brings [at, at + n) into memory (inside the file) when it is read otherwise than field by field. */
  ensure(at: number, n: number) {
    const from = Math.max(0, at);
    const to = Math.min(this.bytes.length, at + n);
    if (to > from) this.load?.(from, to - from);
  }
  u16(at: number, what = 'a header'): number {
    this.check(at, 2, what);
    return this.view.getUint16(at, true);
  }
  u32(at: number, what = 'a header'): number {
    this.check(at, 4, what);
    return this.view.getUint32(at, true);
  }
  /** A 64-bit field as a number; anything past 2^53 is no offset or size this file can hold. */
  u64(at: number, what = 'a header'): number {
    this.check(at, 8, what);
    const value = this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 0x100000000;
    if (!Number.isSafeInteger(value)) throw damaged(`${what} holds an impossible 64-bit value`, { offset: at });
    return value;
  }
}

/** The end-of-central-directory record: the last signature whose comment fits in the file. */
function findEnd(b: Bytes): number {
  // The record is 22 bytes and its comment at most 0xffff: it starts no further back than this.
  const earliest = Math.max(0, b.length - 22 - 0xffff);
  b.ensure(earliest, b.length - earliest);
  for (let i = b.length - 22; i >= earliest; i--) {
    if (b.view.getUint32(i, true) === SIG_END && i + 22 + b.view.getUint16(i + 20, true) <= b.length) return i;
  }
  return -1;
}

interface Directory {
  count: number;
  start: number;
  size: number;
  /** Where the records that follow the central directory begin (zip64 end record or end record). */
  limit: number;
}

function readDirectory(b: Bytes, end: number): Directory {
  const disk = b.u16(end + 4);
  const directoryDisk = b.u16(end + 6);
  let count = b.u16(end + 10);
  let size = b.u32(end + 12);
  let start = b.u32(end + 16);
  let limit = end;
  const locator = end - 20;
  if (locator >= 0 && b.u32(locator) === SIG_ZIP64_LOCATOR) {
    // APPNOTE 4.3.14–4.3.15: the zip64 end record holds the true count, size and offset.
    const record = b.u64(locator + 8, 'the zip64 locator');
    if (record + 56 > locator || b.u32(record, 'the zip64 end record') !== SIG_ZIP64_END)
      throw damaged('the zip64 locator points at no zip64 end record', { offset: locator });
    if (b.u32(record + 16) !== 0 || b.u32(record + 20) !== 0 || b.u32(locator + 4) !== 0 || b.u32(locator + 16) > 1)
      throw new ZipFormatError('unsupported', 'a split (multi-disk) zip64 archive');
    count = b.u64(record + 32, 'the zip64 end record');
    size = b.u64(record + 40, 'the zip64 end record');
    start = b.u64(record + 48, 'the zip64 end record');
    limit = record;
  } else {
    if (disk !== 0 || directoryDisk !== 0) throw new ZipFormatError('unsupported', 'a split (multi-disk) archive');
    if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw damaged('zip64 markers without a zip64 end record', { offset: end });
  }
  if (start + size > limit) throw damaged('the central directory runs past its end record', { offset: start });
  // Every central header takes at least 46 bytes: a count the directory cannot hold is a lie.
  if (count * 46 > size) throw damaged(`the central directory cannot hold ${count} entries`, { offset: start });
  return { count, start, size, limit };
}

/** Zip64 extra field (APPNOTE 4.5.3): the 64-bit values of exactly the fields that read 0xffffffff, in order. */
function readZip64Extra(
  b: Bytes,
  from: number,
  to: number,
  fields: { size: number; compressedSize: number; offset?: number },
): { size: number; compressedSize: number; offset?: number; offsetAt?: number; present: boolean } {
  const out: { size: number; compressedSize: number; offset?: number; offsetAt?: number; present: boolean } = { ...fields, present: false };
  for (let at = from; at + 4 <= to; ) {
    const id = b.u16(at);
    const length = b.u16(at + 2);
    if (at + 4 + length > to) throw damaged('an extra field runs past its header', { offset: at });
    if (id === ZIP64_EXTRA) {
      out.present = true;
      let p = at + 4;
      const take = (): number => {
        if (p + 8 > at + 4 + length) throw damaged('a zip64 extra field is too short', { offset: at });
        const value = b.u64(p, 'a zip64 extra field');
        p += 8;
        return value;
      };
      if (fields.size === 0xffffffff) out.size = take();
      if (fields.compressedSize === 0xffffffff) out.compressedSize = take();
      if (fields.offset === 0xffffffff) {
        out.offsetAt = p;
        out.offset = take();
      }
    }
    at += 4 + length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder();

function decodeName(raw: Uint8Array, flags: number, offset: number): string {
  // Part names are ASCII IRIs (OPC, ECMA-376 Part 2, 9.1.1). Other bytes are read as UTF-8, as
  // Excel writes them; without the UTF-8 flag a tool may have written them in a local code page
  // (such an entry is never one the job reads), so only a name flagged UTF-8 must be UTF-8.
  if (!(flags & FLAG_UTF8)) return lenientUtf8.decode(raw);
  try {
    return utf8.decode(raw);
  } catch {
    throw damaged('an entry name flagged UTF-8 is not UTF-8', { offset, part: lenientUtf8.decode(raw) });
  }
}

/**
 * A name that could reach outside the package when written to disk by any tool, or that no OPC
 * package has: absolute, a drive letter, backslashes, `.`/`..` or empty segments, NUL.
 */
function outsidePackage(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[A-Za-z]:/.test(name)) return true;
  const segments = name.split('/');
  // A directory entry ("xl/") ends with one empty segment; no other segment may be empty.
  if (segments[segments.length - 1] === '') segments.pop();
  return segments.some((s) => s === '' || s === '.' || s === '..');
}

/** Reads the central directory and checks every record against it; entry data is read lazily with `readEntry`. */
export function readZip(bytes: Uint8Array, load?: LoadBytes): ZipEntry[] {
  const b = new Bytes(bytes, load);
  b.ensure(0, CFB_MAGIC.length);
  if (isCompoundFile(bytes)) throw new ZipFormatError('encrypted', 'compound file (encrypted or legacy .xls)');
  const end = findEnd(b);
  if (end < 0) {
    // Every zip starts with a local file header: one that has it and no directory was cut short.
    const startsAsZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    throw new ZipFormatError(startsAsZip ? 'truncated' : 'notZip', 'no zip end-of-central-directory record');
  }
  const dir = readDirectory(b, end);
  // The names are read as bytes, not field by field.
  b.ensure(dir.start, dir.size);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = dir.start;
  const directoryEnd = dir.start + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > directoryEnd || b.u32(at) !== SIG_CENTRAL) throw damaged('damaged central directory', { offset: at });
    const flags = b.u16(at + 8);
    const method = b.u16(at + 10);
    const crc = b.u32(at + 16);
    const nameLength = b.u16(at + 28);
    const extraLength = b.u16(at + 30);
    const commentLength = b.u16(at + 32);
    const centralEnd = at + 46 + nameLength + extraLength + commentLength;
    if (centralEnd > directoryEnd) throw damaged('a central header runs past the central directory', { offset: at });
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decodeName(rawName, flags, at);
    const big = readZip64Extra(b, at + 46 + nameLength, at + 46 + nameLength + extraLength, {
      size: b.u32(at + 24),
      compressedSize: b.u32(at + 20),
      offset: b.u32(at + 42),
    });
    const { size, compressedSize } = big;
    const offset = big.offset!;
    const where = { part: name, offset: at };
    if (outsidePackage(name)) throw new ZipFormatError('outsideName', `entry name ${JSON.stringify(name)} points outside the package`, where);
    const key = name.toLowerCase();
    if (names.has(key)) throw new ZipFormatError('duplicateName', `entry ${name} appears twice`, where);
    names.add(key);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === METHOD_AES) throw new ZipFormatError('encrypted', `entry ${name} is encrypted`, where);
    const local = readLocal(b, offset, { name, rawName, method, crc, size, compressedSize, flags }, dir.start);
    entries.push({
      name,
      record: bytes.subarray(offset, local.recordEnd),
      central: bytes.subarray(at, centralEnd),
      method,
      compressedSize,
      size,
      dataOffset: local.dataOffset,
      flags,
      crc,
      offset,
      ...(big.offsetAt !== undefined ? { zip64OffsetAt: big.offsetAt - at } : {}),
      ...(big.present && (big.size !== b.u32(at + 24) || big.compressedSize !== b.u32(at + 20) || big.offsetAt !== undefined) ? { zip64: true } : {}),
      ...(load ? { load: () => load(offset, local.recordEnd - offset) } : {}),
    });
    at = centralEnd;
  }
  // An end record that counts fewer entries than the directory holds would drop the rest unread:
  // parts the output would then lose, with the package's relationships still pointing at them.
  if (at + 4 <= dir.limit && b.u32(at) === SIG_CENTRAL) throw damaged(`the central directory holds more than the ${dir.count} entries its end record counts`, { offset: at });
  // Two entries sharing bytes is how the non-recursive zip bomb multiplies one stream.
  const byOffset = entries.slice().sort((x, y) => x.offset - y.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.offset + prev.record!.length > byOffset[i].offset)
      throw damaged(`entries ${prev.name} and ${byOffset[i].name} overlap`, { part: byOffset[i].name, offset: byOffset[i].offset });
  }
  return entries;
}

/** The local header at `offset`, checked against the central one; where its data starts and its record ends. */
function readLocal(
  b: Bytes,
  offset: number,
  c: { name: string; rawName: Uint8Array; method: number; crc: number; size: number; compressedSize: number; flags: number },
  directoryStart: number,
): { dataOffset: number; recordEnd: number } {
  const where = { part: c.name, offset };
  if (offset + 30 > directoryStart || b.u32(offset) !== SIG_LOCAL) throw damaged(`no local header for ${c.name}`, where);
  const flags = b.u16(offset + 6);
  const nameLength = b.u16(offset + 26);
  const extraLength = b.u16(offset + 28);
  const dataStart = offset + 30 + nameLength + extraLength;
  if (dataStart > directoryStart) throw damaged(`the local header of ${c.name} runs into the central directory`, where);
  b.ensure(offset + 30, nameLength);
  const localName = b.bytes.subarray(offset + 30, offset + 30 + nameLength);
  if (localName.length !== c.rawName.length || localName.some((x, i) => x !== c.rawName[i]))
    throw damaged(`the local header names another entry than ${c.name}`, where);
  if (b.u16(offset + 8) !== c.method || (flags & FLAG_ENCRYPTED) !== (c.flags & FLAG_ENCRYPTED))
    throw damaged(`the local header of ${c.name} disagrees with the central directory`, where);
  const local = readZip64Extra(b, offset + 30 + nameLength, dataStart, { size: b.u32(offset + 22), compressedSize: b.u32(offset + 18) });
  const localMatches = b.u32(offset + 14) === c.crc && local.size === c.size && local.compressedSize === c.compressedSize;
  const dataEnd = dataStart + c.compressedSize;
  if (dataEnd > directoryStart) throw damaged(`the data of ${c.name} runs past the end of the entries`, where);
  if (!(c.flags & FLAG_DESCRIPTOR) && !(flags & FLAG_DESCRIPTOR)) {
    // Without a data descriptor the local header carries the CRC and sizes itself (APPNOTE 4.4.4).
    if (!localMatches) throw damaged(`the local header of ${c.name} declares another CRC or size than the central directory`, where);
    return { dataOffset: dataStart - offset, recordEnd: dataEnd };
  }
  // With one, the descriptor after the data must agree; a writer that set the flag but wrote the
  // values in the local header instead is taken at its header's word.
  const recordEnd = readDescriptor(b, dataEnd, c, local.present, directoryStart);
  if (recordEnd < 0 && !localMatches) throw damaged(`the data descriptor of ${c.name} disagrees with the central directory`, { part: c.name, offset: dataEnd });
  return { dataOffset: dataStart - offset, recordEnd: recordEnd < 0 ? dataEnd : recordEnd };
}

/**
 * Where the data descriptor after an entry's data ends (APPNOTE 4.3.9: signature optional, sizes 8
 * bytes each when the entry is zip64), or -1 when none there has the central directory's CRC and sizes.
 */
function readDescriptor(b: Bytes, at: number, c: { name: string; crc: number; size: number; compressedSize: number }, zip64: boolean, limit: number): number {
  const signed = at + 4 <= limit && b.u32(at) === SIG_DESCRIPTOR ? 4 : 0;
  const p = at + signed;
  const fits = (n: number) => p + n <= limit;
  const matches32 = fits(12) && b.u32(p) === c.crc && b.u32(p + 4) === c.compressedSize && b.u32(p + 8) === c.size;
  if (matches32 && !zip64) return p + 12;
  const matches64 = fits(20) && b.u32(p) === c.crc && b.u64(p + 4) === c.compressedSize && b.u64(p + 12) === c.size;
  if (matches64) return p + 20;
  if (matches32) return p + 12;
  return -1;
}

/**
 * Raw deflate, pluggable: fflate (pure JavaScript) runs in every host; the command passes Node's
 * native zlib, several times faster on a 100,000-row sheet.
 */
export interface DeflateCodec {
  /**
   * One entry's content, given in pieces, as one raw deflate stream, returned in pieces: a written
   * part is never held whole, neither as bytes nor compressed (a 100,000-row ledger writes 130 MB).
   * A part of more than one piece is large: it may be compressed faster and less tightly. A codec
   * that compresses on another thread takes the pieces now (a piece's buffer may go with it, so
   * the caller must not use a piece again), or later for a part given `behind`, and returns a
   * function that waits for the result, called only when the package is put together.
   */
  deflate(pieces: Iterable<Uint8Array>, options?: DeflateOptions): Uint8Array[] | (() => Uint8Array[]);
  /**
   * `deflate` with the CRC-32 of the pieces counted where they are compressed: a codec with a
   * thread of its own counts it there, off the job's thread (0.1 s of a 100,000-row run). Takes the
   * pieces now as `deflate` does; the result, or the function that waits for it, gives both.
   */
  deflateCounted?(pieces: Iterable<Uint8Array>, options?: DeflateOptions): CountedDeflate | (() => CountedDeflate);
  /** Takes every piece still to be taken of the parts given `behind` (DeflateOptions): called before the package is put together. */
  settle?(): void;
  /**
   * Lets go of the parts given `behind` whose pieces are not all taken, without taking them: the
   * package is done with (its job failed before it settled). Called by withPackage.
   */
  abandon?(): void;
  /**
   * Inflates `data`, whose inflated size the zip declares as `size`. It must never build more than
   * `size` bytes: a stream that holds more throws (a header that lies about the size is how an
   * inflate bomb gets past a size check). fflate: the streaming `Inflate` with a running count;
   * Node: `zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) })`. Any error it throws
   * is reported as a damaged entry; the reader checks the length and CRC of what it returns.
   */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** CRC-32 of new entries and of entries read, continued from `previous`; the portable table-driven one when not given. */
  crc32?(data: Uint8Array, previous?: number): number;
  /**
   * Starts `inflate` on a thread of the codec's own, for a part the job will read soon (the ledger
   * sheet, while the shared strings are read), and counts its CRC-32 and byteFacts there too.
   */
  inflateAhead?(data: Uint8Array, size: number): PartAhead;
}

/** How a part is to be deflated. */
export interface DeflateOptions {
  /**
   * Its pieces may be taken later, a few at a time while other parts are written, rather than all
   * at once: the rewritten ledger sheet, whose pieces come faster than a thread compresses them
   * (the job's thread then compressed the overflow itself) while the report sheets after it come
   * slower. Only for pieces made from what does not change until the package is settled
   * (DeflateCodec.settle): the sheet's bytes and the plan's edits, every style they name already
   * registered. An error in making them is thrown where they are taken, which may be after another
   * part's error would have been: the ledger writer checks what can fail before its first edit.
   */
  behind?: boolean;
}

/** A part being inflated on a codec's thread (DeflateCodec.inflateAhead). */
export interface PartAhead {
  /** Waits for the result: undefined when it failed for any reason, and the reader inflates the part itself, which says exactly why. */
  take(): InflatedAhead | undefined;
  /** Lets the result go untaken (the part was not read after all). */
  drop(): void;
}

/** What a codec's thread made of a part (DeflateCodec.inflateAhead): its bytes, CRC-32 and byteFacts, not yet checked against the directory. */
export interface InflatedAhead {
  bytes: Uint8Array;
  crc: number;
  facts: ByteFacts;
}

/** What one pass over a part's bytes says (package.ts' byteFacts). */
export interface ByteFacts {
  ascii: boolean;
  control: number;
}

/** Input fed to fflate's streaming inflater at a time: no chunk can yield more than ~1032 times this. */
const INFLATE_STEP = 1 << 16;

/**
 * fflate's streaming inflater, stopped as soon as the output passes `size`. A damaged stream ends
 * with fflate's error (every symbol advances the bit position, so it cannot loop).
 */
export function inflateBounded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > size) throw damaged(`the data inflates to more than the declared ${size} bytes`);
    out.set(chunk, written);
    written += chunk.length;
  });
  feed(inflater, data);
  return written === size ? out : out.subarray(0, written);
}

/** Gives fflate's streaming inflater `data` a step at a time, the last step marked final. */
function feed(inflater: Inflate, data: Uint8Array): void {
  if (data.length === 0) inflater.push(data, true);
  for (let at = 0; at < data.length; at += INFLATE_STEP) inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
}

/** fflate's streaming deflater, fed piece by piece. */
function deflatePieces(pieces: Iterable<Uint8Array>): Uint8Array[] {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 6 }, (chunk) => {
    if (chunk.length > 0) out.push(chunk);
  });
  for (const piece of pieces) if (piece.length > 0) deflater.push(piece, false);
  deflater.push(new Uint8Array(0), true);
  return out;
}

export const FFLATE_CODEC: DeflateCodec = {
  deflate: deflatePieces,
  inflate: inflateBounded,
};

/** Entries whose CRC has been checked once: a part read again (the ledger sheet, three times) is not checked again. */
const verified = new WeakSet<ZipEntry>();

/** An entry's data as stored in the file: compressed, for method 8. */
export function dataOf(entry: ZipEntry): Uint8Array {
  return entry.record!.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/**
 * The inflated data of an entry, checked: declared size within `limits` before anything is built,
 * inflated size equal to the declared one, CRC-32 equal to the central directory's.
 * An entry the job only copies is checked as it is copied (checkCopied).
 */
export function readEntry(entry: ZipEntry, codec: DeflateCodec = FFLATE_CODEC, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Uint8Array {
  if (!entry.record) throw new Error(`entry ${entry.name} has no data`);
  const where = { part: entry.name, offset: entry.offset };
  if (entry.size > limits.maxEntrySize)
    throw new ZipFormatError('tooLarge', `entry ${entry.name} inflates to ${entry.size} bytes`, { ...where, size: entry.size, limit: limits.maxEntrySize });
  // Brought in once it is to be read: a part refused for its size is not read from the file first.
  entry.load?.();
  const data = dataOf(entry);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = codec.inflate(data, entry.size);
    } catch (e) {
      // fflate's codes, Node's Z_DATA_ERROR or ERR_BUFFER_TOO_LARGE: a stream that cannot be trusted.
      throw damaged(`entry ${entry.name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`, where);
    }
  } else throw new ZipFormatError('unsupported', `entry ${entry.name} uses compression method ${entry.method}`, where);
  return checkedEntry(entry, out, () => (codec.crc32 ?? crc32)(out));
}

/**
 * An entry's inflated bytes as readEntry gives them, checked against the directory: their size
 * and, the first time, their CRC-32 (`crcOf`, counted only then, or given by a thread that counted
 * it as it inflated: DeflateCodec.inflateAhead). Throws what readEntry throws for either.
 */
export function checkedEntry(entry: ZipEntry, bytes: Uint8Array, crcOf: () => number): Uint8Array {
  const where = { part: entry.name, offset: entry.offset };
  if (verified.has(entry)) {
    if (bytes.length !== entry.size) throw sizeMismatch(entry, bytes.length, where);
  } else confirmEntry(entry, bytes.length, crcOf() >>> 0, where);
  return bytes;
}

const sizeMismatch = (entry: ZipEntry, size: number, where: ZipFormatError['where']) => damaged(`entry ${entry.name} holds ${size} bytes, not the declared ${entry.size}`, where);

/** Marks an entry checked once its inflated size and CRC-32 are the directory's; throws what either differing means. */
function confirmEntry(entry: ZipEntry, size: number, crc: number, where: ZipFormatError['where']): void {
  if (size !== entry.size) throw sizeMismatch(entry, size, where);
  if (crc !== entry.crc) throw new ZipFormatError('checksum', `entry ${entry.name} has CRC-32 ${hex(crc)}, the directory says ${hex(entry.crc)}`, where);
  verified.add(entry);
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * Checks an entry the job copies without reading it (an image, a pivot cache, document
 * properties) as `readEntry` checks a part it reads: inflated size and CRC-32 as declared. Copied
 * unchecked, a damaged picture went into the output as it came, a file Excel asks to repair, with
 * no word from us. It is inflated a step at a time and let go, never held whole, and stopped as
 * soon as it passes its declared size. An entry of a method the reader does not know is copied as it is.
 */
function checkCopied(entry: ZipEntry, codec: DeflateCodec): void {
  if (verified.has(entry) || (entry.method !== 0 && entry.method !== 8)) return;
  const where = { part: entry.name, offset: entry.offset };
  const data = dataOf(entry);
  const crcOf = codec.crc32 ?? crc32;
  let crc = 0;
  let size = 0;
  if (entry.method === 0) {
    crc = crcOf(data) >>> 0;
    size = data.length;
  } else {
    const tooLarge = damaged(`entry ${entry.name} inflates to more than the declared ${entry.size} bytes`, where);
    try {
      const inflater = new Inflate((chunk) => {
        size += chunk.length;
        if (size > entry.size) throw tooLarge;
        crc = crcOf(chunk, crc) >>> 0;
      });
      feed(inflater, data);
    } catch (e) {
      if (e === tooLarge) throw e;
      throw damaged(`entry ${entry.name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`, where);
    }
  }
  confirmEntry(entry, size, crc, where);
}

/** A part to write: an entry to copy unchanged, or new content, whole or in pieces made as they are deflated. */
export type ZipOutput =
  | { copy: ZipEntry }
  | { name: string; data: Uint8Array }
  | { name: string; pieces: Iterable<Uint8Array> }
  | { name: string; deflated: DeflatedContent };

/** New content already deflated, with what its headers need. */
export interface DeflatedContent {
  compressed: Uint8Array[];
  crc: number;
  size: number;
}

/** A part's compressed stream and the CRC-32 of what was compressed. */
export interface CountedDeflate {
  compressed: Uint8Array[];
  crc: number;
}

/** New content deflated piece by piece, with its CRC and size counted on the way. */
export function deflateEntry(pieces: Iterable<Uint8Array>, codec: DeflateCodec, options?: DeflateOptions): DeflatedContent {
  return deflateCounted(pieces, (sized) => (codec.deflateCounted ? codec.deflateCounted(sized, options) : countingCrcHere(sized, codec, options)));
}

/** A codec's `deflate` with the CRC-32 counted here, as it takes the pieces: for a codec that does not count it itself. */
function countingCrcHere(pieces: Iterable<Uint8Array>, codec: DeflateCodec, options?: DeflateOptions): CountedDeflate | (() => CountedDeflate) {
  const crcOf = codec.crc32 ?? crc32;
  let crc = 0;
  function* counted() {
    for (const piece of pieces) {
      crc = crcOf(piece, crc) >>> 0;
      yield piece;
    }
  }
  const compressed = codec.deflate(counted(), options);
  // The CRC is final once the codec has taken every piece: now, or when its result is waited for.
  return typeof compressed === 'function' ? () => ({ compressed: compressed(), crc }) : { compressed, crc };
}

/** deflateEntry through a deflate that counts the CRC (the codec's, or countingCrcHere): only the size is counted here. */
function deflateCounted(pieces: Iterable<Uint8Array>, deflate: (pieces: Iterable<Uint8Array>) => CountedDeflate | (() => CountedDeflate)): DeflatedContent {
  let size = 0;
  function* sized() {
    for (const piece of pieces) {
      size += piece.length;
      yield piece;
    }
  }
  const counted = deflate(sized());
  if (typeof counted !== 'function') return { ...counted, size };
  // Its pieces may still be being taken (a part deflated behind, DeflateOptions): the CRC and size are final once the result is waited for.
  let result: CountedDeflate | undefined;
  const done = () => (result ??= counted());
  return {
    get compressed() {
      return done().compressed;
    },
    get crc() {
      return done().crc;
    },
    get size() {
      done();
      return size;
    },
  };
}

/** Slicing-by-8 tables (Intel's method): eight bytes per step, several times the byte-wise speed. */
const CRC_TABLES = (() => {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let t = 1; t < 8; t++) tables[t * 256 + n] = (tables[(t - 1) * 256 + n] >>> 8) ^ tables[tables[(t - 1) * 256 + n] & 0xff];
  return tables;
})();

/** CRC-32 of `data`, continued from `previous` (the CRC of the bytes before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = CRC_TABLES;
  let c = ~previous;
  let i = 0;
  for (const end = data.length - 8; i <= end; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
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

/** A copied entry's central header with its record's new offset: in the zip64 extra field when the original kept it there. */
function movedCentral(entry: ZipEntry, offset: number): Uint8Array {
  // A copy by the constructor: the entry's header is a view into the file, and a Node Buffer's slice() is one too.
  const central = new Uint8Array(entry.central!);
  const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
  if (entry.zip64OffsetAt !== undefined) {
    view.setUint32(entry.zip64OffsetAt, offset >>> 0, true);
    view.setUint32(entry.zip64OffsetAt + 4, Math.floor(offset / 0x100000000), true);
  } else view.setUint32(42, offset, true);
  return central;
}

/** The package as one buffer (what a download or a test wants). */
export function writeZip(outputs: readonly ZipOutput[], codec: DeflateCodec = FFLATE_CODEC): Uint8Array {
  return joinBytes(writeZipPieces(outputs, codec));
}

/** Buffers one after another in one buffer. */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    joined.set(p, at);
    at += p.length;
  }
  return joined;
}

/**
 * The package as the buffers it is made of, in order — entries' records (copied ones as they came),
 * then the central directory — so a file can be written from them without first joining tens of
 * megabytes into one more buffer at the run's peak.
 */
export function writeZipPieces(outputs: readonly ZipOutput[], codec: DeflateCodec = FFLATE_CODEC): Uint8Array[] {
  const encoder = new TextEncoder();
  const records: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const out of outputs) {
    if ('copy' in out) {
      out.copy.load?.();
      checkCopied(out.copy, codec);
      records.push(out.copy.record!);
      centrals.push(movedCentral(out.copy, offset));
      offset += out.copy.record!.length;
      continue;
    }
    const name = encoder.encode(out.name);
    const { compressed, crc, size } = 'deflated' in out ? out.deflated : deflateEntry('data' in out ? [out.data] : out.pieces, codec);
    const compressedSize = compressed.reduce((n, c) => n + c.length, 0);
    if (size > 0xffffffff || compressedSize > 0xffffffff) throw new ZipFormatError('unsupported', `entry ${out.name} would need zip64 sizes`);
    const flags = 0x800; // names are UTF-8
    const header = new Uint8Array(30 + name.length);
    const entry = { flags, crc, compressedSize, size, nameLength: name.length };
    const lv = new DataView(header.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    writeEntryFields(lv, 4, entry);
    header.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, 20, true); // version made by
    writeEntryFields(cv, 6, entry);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    records.push(header);
    for (const c of compressed) records.push(c);
    centrals.push(central);
    offset += header.length + compressedSize;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset > 0xffffffff) throw new ZipFormatError('unsupported', 'output would need zip64 offsets');
  // Copied zip64 records need a zip64 end record beside them: readers such as fflate look for the
  // zip64 extra fields only in a package that has one (APPNOTE 4.3.14).
  const zip64 = outputs.length > 0xfffe || outputs.some((o) => 'copy' in o && o.copy.zip64);
  const tail = new Uint8Array((zip64 ? 56 + 20 : 0) + 22);
  const ev = new DataView(tail.buffer);
  const setU64 = (p: number, v: number) => {
    ev.setUint32(p, v >>> 0, true);
    ev.setUint32(p + 4, Math.floor(v / 0x100000000), true);
  };
  let at = 0;
  if (zip64) {
    ev.setUint32(at, SIG_ZIP64_END, true);
    setU64(at + 4, 44); // size of the record after this field
    ev.setUint16(at + 12, 45, true); // version made by: 4.5, zip64
    ev.setUint16(at + 14, 45, true); // version needed
    setU64(at + 24, outputs.length);
    setU64(at + 32, outputs.length);
    setU64(at + 40, centralSize);
    setU64(at + 48, offset);
    at += 56;
    ev.setUint32(at, SIG_ZIP64_LOCATOR, true);
    setU64(at + 8, offset + centralSize); // where the zip64 end record starts
    ev.setUint32(at + 16, 1, true); // disks
    at += 20;
  }
  ev.setUint32(at, SIG_END, true);
  ev.setUint16(at + 8, zip64 ? 0xffff : outputs.length, true);
  ev.setUint16(at + 10, zip64 ? 0xffff : outputs.length, true);
  ev.setUint32(at + 12, zip64 ? 0xffffffff : centralSize, true);
  ev.setUint32(at + 16, zip64 ? 0xffffffff : offset, true);
  return [...records, ...centrals, tail];
}
