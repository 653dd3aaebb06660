/**
 * A zip writer for tests that can write what the package reader must refuse or take apart:
 * duplicate names, names outside the package, wrong CRCs and sizes, stored or deflated entries,
 * data descriptors and zip64 (extra fields, end record and locator). It shares no code with
 * src/hosts/xlsx/zip.ts, so a bug there cannot hide in both.
 */
import { unzipSync } from 'fflate';
import * as zlib from 'zlib';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** Overrides: what the headers declare, whatever the data is. */
  crc?: number;
  size?: number;
  /** The compressed bytes to write instead of deflating `data`. */
  compressed?: Uint8Array;
  flags?: number;
  /** A different name in the local header. */
  localName?: string;
  /** A different CRC in the local header only. */
  localCrc?: number;
}

export interface ZipOptions {
  /** Zip64 extra fields on every entry (sizes and offset), and the zip64 end record and locator. */
  zip64?: boolean;
  /** Sizes and CRC after the data (general purpose flag bit 3), signature included. */
  descriptor?: boolean;
}

const u16 = (v: number) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v: number) => [...u32(v >>> 0), ...u32(Math.floor(v / 0x100000000))];

export function crcOf(data: Uint8Array): number {
  return zlib.crc32(data) >>> 0;
}

export function writeRawZip(entries: readonly RawEntry[], options: ZipOptions = {}): Uint8Array {
  const bytes: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array | number[]) => {
    const a = b instanceof Uint8Array ? b : Uint8Array.from(b);
    bytes.push(a);
    offset += a.length;
  };
  const centrals: number[][] = [];
  const enc = new TextEncoder();
  for (const e of entries) {
    const method = e.method ?? 8;
    const compressed = e.compressed ?? (method === 8 ? new Uint8Array(zlib.deflateRawSync(e.data)) : e.data);
    const crc = e.crc ?? crcOf(e.data);
    const size = e.size ?? e.data.length;
    const name = [...enc.encode(e.name)];
    const localName = e.localName === undefined ? name : [...enc.encode(e.localName)];
    const flags = (e.flags ?? 0x800) | (options.descriptor ? 8 : 0);
    const z = options.zip64;
    const localExtra = z ? [...u16(1), ...u16(16), ...u64(size), ...u64(compressed.length)] : [];
    const start = offset;
    const inLocal = (v: number) => (options.descriptor ? 0 : v);
    push([
      ...u32(0x04034b50), ...u16(z ? 45 : 20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0x21),
      ...u32(inLocal(e.localCrc ?? crc)), ...u32(z ? 0xffffffff : inLocal(compressed.length)), ...u32(z ? 0xffffffff : inLocal(size)),
      ...u16(localName.length), ...u16(localExtra.length), ...localName, ...localExtra,
    ]);
    push(compressed);
    if (options.descriptor) push([...u32(0x08074b50), ...u32(crc), ...(z ? [...u64(compressed.length), ...u64(size)] : [...u32(compressed.length), ...u32(size)])]);
    const centralExtra = z ? [...u16(1), ...u16(24), ...u64(size), ...u64(compressed.length), ...u64(start)] : [];
    centrals.push([
      ...u32(0x02014b50), ...u16(z ? 45 : 20), ...u16(z ? 45 : 20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0x21),
      ...u32(crc), ...u32(z ? 0xffffffff : compressed.length), ...u32(z ? 0xffffffff : size),
      ...u16(name.length), ...u16(centralExtra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(z ? 0xffffffff : start),
      ...name, ...centralExtra,
    ]);
  }
  const cdStart = offset;
  for (const c of centrals) push(c);
  const cdSize = offset - cdStart;
  if (options.zip64) {
    const recordAt = offset;
    push([...u32(0x06064b50), ...u64(44), ...u16(45), ...u16(45), ...u32(0), ...u32(0), ...u64(entries.length), ...u64(entries.length), ...u64(cdSize), ...u64(cdStart)]);
    push([...u32(0x07064b50), ...u32(0), ...u64(recordAt), ...u32(1)]);
    push([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(0xffff), ...u16(0xffff), ...u32(0xffffffff), ...u32(0xffffffff), ...u16(0)]);
  } else {
    push([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cdSize), ...u32(cdStart), ...u16(0)]);
  }
  const out = new Uint8Array(offset);
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The parts of a package in zip order, read by fflate (not by the reader under test). */
export function partsOf(bytes: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** The package with `name` changed by `edit` (as text) and zipped again with fresh CRCs. */
export function editPart(bytes: Uint8Array, name: string, edit: (xml: string) => string, options: ZipOptions = {}): Uint8Array {
  const parts = partsOf(bytes);
  const part = parts.find((p) => p.name === name);
  if (!part) throw new Error(`no part ${name}`);
  part.data = new TextEncoder().encode(edit(new TextDecoder().decode(part.data)));
  return writeRawZip(parts, options);
}

/** `xml` with every unprefixed element put in SpreadsheetML's namespace under `x:` (as the .NET Open XML SDK writes). */
export function prefixSpreadsheetMl(xml: string): string {
  return xml
    .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
    .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
}

/** A raw deflate stream of `n` zero bytes: a few MB of zeros make a few KB, the makings of an inflate bomb. */
export function zeros(n: number): Uint8Array {
  return new Uint8Array(zlib.deflateRawSync(new Uint8Array(n), { level: 9 }));
}
