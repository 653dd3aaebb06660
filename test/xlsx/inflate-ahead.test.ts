import * as zlib from 'zlib';
import { DEFAULT_PRESET, parseIsoDay } from '../../src/core';
import { processWorkbook } from '../../src/hosts/xlsx';
import { Package } from '../../src/hosts/xlsx/package';
import { readZip, type DeflateCodec, type ZipLimits } from '../../src/hosts/xlsx/zip';
import { NODE_CODEC } from '../../src/cli/node-codec';
import { ThreadedDeflate } from '../../src/cli/threaded-codec';
import { makeBigLedger } from '../../scripts/sample/make-big-ledger';
import { crcOf, writeRawZip } from '../fuzz/zip-tools';
import { smallLedger } from './small-ledger';

/**
 * The command inflates the ledger sheet on its second thread while it reads the shared strings and
 * the top of each sheet (Package.inflateAhead). It must change nothing but when the work is done:
 * the same text, the same refusals of a damaged part, the same limits.
 */

const threaded = new ThreadedDeflate();
afterAll(() => threaded.close());

/** The threaded codec, counting what each of its ways of inflating is asked to do. */
function counting(): { codec: DeflateCodec; inflatedHere: number; inflatedAhead: number } {
  const counts = { inflatedHere: 0, inflatedAhead: 0 };
  const codec: DeflateCodec = {
    ...threaded.codec,
    inflate: (data, size) => {
      counts.inflatedHere++;
      return threaded.codec.inflate(data, size);
    },
    inflateAhead: (data, size) => {
      counts.inflatedAhead++;
      return threaded.codec.inflateAhead!(data, size);
    },
  };
  return Object.assign(counts, { codec });
}

/** A part of about 2.6 MB, ASCII, as a sheet's rows are. */
const LARGE = `<worksheet><sheetData>${Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')}</sheetData></worksheet>`;
const large = new TextEncoder().encode(LARGE);

describe('inflating on the second thread', () => {
  it('gives the bytes zlib inflates and their CRC-32, and leaves the caller its compressed bytes', () => {
    const compressed = zlib.deflateRawSync(large);
    // A view on a larger buffer, as an entry's data is a view on the whole file.
    const file = new Uint8Array(compressed.length + 20);
    file.set(compressed, 10);
    const view = file.subarray(10, 10 + compressed.length);
    const done = threaded.codec.inflateAhead!(view, large.length).result();
    expect(done).not.toBeNull();
    expect(Buffer.from(done!.data).equals(Buffer.from(large))).toBe(true);
    expect(done!.crc >>> 0).toBe(zlib.crc32(large) >>> 0);
    expect(Buffer.from(view).equals(compressed)).toBe(true);
  });

  it.each([
    ['a stream cut short', (c: Buffer) => c.subarray(0, c.length >> 1), large.length],
    ['a stream with a damaged block', (c: Buffer) => Buffer.concat([c.subarray(0, 100), Buffer.alloc(64, 0xff), c.subarray(164)]), large.length],
    ['a stream longer than its declared size', (c: Buffer) => c, large.length - 1],
  ])('comes back with nothing for %s', (_name, damage, size) => {
    expect(threaded.codec.inflateAhead!(damage(zlib.deflateRawSync(large)), size).result()).toBeNull();
  });
});

describe('a part inflated ahead', () => {
  const zip = (entries: { name: string; data: Uint8Array; crc?: number }[]) => readZip(writeRawZip(entries));
  const small = new TextEncoder().encode('<a/>');

  it('reads as the same text, inflated once, on the second thread', () => {
    const c = counting();
    const pkg = new Package(zip([{ name: 'xl/worksheets/sheet1.xml', data: large }]), c.codec);
    pkg.inflateAhead('xl/worksheets/sheet1.xml');
    expect(pkg.text('xl/worksheets/sheet1.xml')).toBe(LARGE);
    expect([c.inflatedAhead, c.inflatedHere]).toEqual([1, 0]);
  });

  it('is not sent for a part too small to be worth the round trip', () => {
    const c = counting();
    const pkg = new Package(zip([{ name: 'a.xml', data: small }]), c.codec);
    pkg.inflateAhead('a.xml');
    expect(pkg.text('a.xml')).toBe('<a/>');
    expect([c.inflatedAhead, c.inflatedHere]).toEqual([0, 1]);
  });

  it('is refused with the CRC message a part read on the job thread gets, when its CRC is wrong', () => {
    const entries = [{ name: 'xl/worksheets/sheet1.xml', data: large, crc: (crcOf(large) ^ 1) >>> 0 }];
    const read = (ahead: boolean) => {
      const pkg = new Package(zip(entries), counting().codec);
      if (ahead) pkg.inflateAhead('xl/worksheets/sheet1.xml');
      try {
        pkg.text('xl/worksheets/sheet1.xml');
      } catch (e) {
        return e;
      }
      throw new Error('read a part whose CRC is wrong');
    };
    const [asBefore, withAhead] = [read(false), read(true)];
    expect(withAhead).toEqual(expect.objectContaining({ reason: 'checksum' }));
    expect(String(withAhead)).toBe(String(asBefore));
  });

  it.each([
    ['counted once against the total when read', [large.length + small.length], true],
    ['still counted when read, so a part past the total is refused as before', [large.length + small.length - 1], false],
  ])('is %s', (_name, [maxTotalSize], fits) => {
    const limits: ZipLimits = { maxEntrySize: 1 << 24, maxTotalSize };
    const pkg = new Package(zip([{ name: 'big.xml', data: large }, { name: 'a.xml', data: small }]), counting().codec, limits);
    pkg.inflateAhead('big.xml');
    expect(pkg.text('big.xml')).toBe(LARGE);
    if (fits) expect(pkg.text('a.xml')).toBe('<a/>');
    else expect(() => pkg.text('a.xml')).toThrow(expect.objectContaining({ reason: 'tooLarge' }));
  });

  it('is no longer counted once abandoned (the largest sheet was not the ledger)', () => {
    const limits: ZipLimits = { maxEntrySize: 1 << 24, maxTotalSize: large.length };
    const pkg = new Package(zip([{ name: 'big.xml', data: large }, { name: 'other.xml', data: large }]), counting().codec, limits);
    pkg.inflateAhead('big.xml');
    expect(() => pkg.text('other.xml')).toThrow(expect.objectContaining({ reason: 'tooLarge' }));
    pkg.abandonAhead();
    expect(pkg.text('other.xml')).toBe(LARGE);
  });

  it('is left to be read on the job thread when larger than a part may be', () => {
    const c = counting();
    const pkg = new Package(zip([{ name: 'big.xml', data: large }]), c.codec, { maxEntrySize: large.length - 1, maxTotalSize: 1 << 30 });
    pkg.inflateAhead('big.xml');
    expect(c.inflatedAhead).toBe(0);
    expect(() => pkg.text('big.xml')).toThrow(expect.objectContaining({ reason: 'tooLarge' }));
  });
});

describe('the job with the ledger sheet inflated ahead', () => {
  it('writes the same file as with zlib on its own thread, having inflated the ledger sheet on the other', () => {
    const ledger = makeBigLedger(3000);
    const options = { asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, language: 'zh' as const, mask: true, fileName: 'big.xlsx' };
    const c = counting();
    const ahead = processWorkbook(ledger, { ...options, codec: c.codec }).bytes;
    const here = processWorkbook(ledger, { ...options, codec: NODE_CODEC }).bytes;
    expect(c.inflatedAhead).toBe(1);
    expect(Buffer.from(ahead).equals(Buffer.from(here))).toBe(true);
  });

  it('writes the same file when the largest sheet, inflated ahead, is not the ledger', () => {
    // A data sheet larger than the ledger: inflated ahead, then not wanted.
    const withDump = smallLedger([{ name: '数据', rows: Array.from({ length: 30_000 }, (_, i) => [i, i * 2, i * 3]) }]);
    const options = { asOf: parseIsoDay('2026-11-30')!, preset: DEFAULT_PRESET, language: 'zh' as const, mask: true, fileName: 'big.xlsx' };
    const c = counting();
    const ahead = processWorkbook(withDump, { ...options, codec: c.codec });
    const here = processWorkbook(withDump, { ...options, codec: NODE_CODEC });
    expect(c.inflatedAhead).toBe(1);
    expect(ahead.job.plan.sheet).toBe('台账');
    expect(Buffer.from(ahead.bytes).equals(Buffer.from(here.bytes))).toBe(true);
  });
});
