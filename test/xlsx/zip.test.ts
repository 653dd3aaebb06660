import { zipSync, unzipSync, strToU8 } from 'fflate';
import * as zlib from 'zlib';
import { crc32, deflateEntry, readEntry, readZip, writeZip, writeZipPieces, isCompoundFile, FFLATE_CODEC } from '../../src/hosts/xlsx/zip';
import { byteFacts, utf8Pieces } from '../../src/hosts/xlsx/package';
import { BLOCK_BYTES, spareBlockCount, Utf8Blocks } from '../../src/hosts/xlsx/utf8-blocks';
import { NODE_CODEC } from '../../src/cli/node-codec';
import type { PartDeflater } from '../../src/cli/node-codec';
import { ThreadedDeflate } from '../../src/cli/threaded-codec';

const threaded = new ThreadedDeflate();
afterAll(() => threaded.close());

describe('the zip container', () => {
  it('computes the standard CRC-32 check value of "123456789"', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('reads every entry of an archive written by another library', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a/>'), 'dir/b.bin': new Uint8Array([1, 2, 3]) });
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', 'dir/b.bin']);
    expect(Buffer.from(readEntry(entries[1]))).toEqual(Buffer.from([1, 2, 3]));
  });

  it('copies unchanged entries record for record and writes new ones another library can read', () => {
    const original = zipSync({ 'keep.xml': strToU8('<keep/>'.repeat(100)), 'change.xml': strToU8('<old/>') });
    const [keep] = readZip(original);
    const out = writeZip([{ copy: keep }, { name: 'change.xml', data: strToU8('<new/>') }]);
    const [keptAgain] = readZip(out);
    expect(Buffer.from(keptAgain.record!)).toEqual(Buffer.from(keep.record!));
    const files = unzipSync(out);
    expect(Buffer.from(files['keep.xml']).toString()).toBe('<keep/>'.repeat(100));
    expect(Buffer.from(files['change.xml']).toString()).toBe('<new/>');
  });

  it('leaves the file it copies entries from as it was, when the file is a Node Buffer (as the command reads it)', () => {
    // A copied entry's central header gets its new offset: written into a copy, not into the file.
    // Buffer's slice() is a view, and the command's input lost its directory to the first run.
    const file = Buffer.from(zipSync({ 'first.xml': strToU8('<first/>'), 'keep.xml': strToU8('<keep/>'.repeat(100)) }));
    const before = Buffer.from(file);
    const [, keep] = readZip(file);
    writeZip([{ copy: keep }]);
    expect(file.equals(before)).toBe(true);
    expect(readZip(file).map((e) => e.name)).toEqual(['first.xml', 'keep.xml']);
  });

  it('gives the package as pieces that, written one after another, are the package another library reads', () => {
    const [keep] = readZip(zipSync({ 'keep.xml': strToU8('<keep/>') }));
    const outputs = [{ copy: keep }, { name: 'new.xml', data: strToU8('<new/>') }];
    const pieces = writeZipPieces(outputs);
    expect(pieces.length).toBeGreaterThan(2);
    const joined = Buffer.concat(pieces);
    expect(joined.equals(Buffer.from(writeZip(outputs)))).toBe(true);
    expect(Object.keys(unzipSync(joined))).toEqual(['keep.xml', 'new.xml']);
  });

  it('writes the same bytes for the same input, so a re-run is reproducible', () => {
    const a = writeZip([{ name: 'x.xml', data: strToU8('<x/>') }]);
    const b = writeZip([{ name: 'x.xml', data: strToU8('<x/>') }]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.each([
    ['a text file', strToU8('hello, not a zip'), 'notZip'],
    ['an empty file', new Uint8Array(0), 'notZip'],
    ['an archive cut short, its directory lost', zipSync({ 'a.xml': strToU8('<a/>') }).slice(0, 20), 'truncated'],
    ['an archive cut one byte short', zipSync({ 'a.xml': strToU8('<a/>') }).slice(0, -1), 'truncated'],
  ])('rejects %s', (_name, bytes, reason) => {
    expect(() => readZip(bytes)).toThrow(expect.objectContaining({ reason }));
  });

  it('recognises an encrypted workbook by its compound-file signature', () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(isCompoundFile(cfb)).toBe(true);
    expect(() => readZip(cfb)).toThrow(expect.objectContaining({ reason: 'encrypted' }));
  });

  describe('deflating on a second thread', () => {
    const parts = Array.from({ length: 5 }, (_, p) =>
      Array.from({ length: 3 + p }, (_, i) => strToU8(`<row r="${i}">${'第'.repeat(200_000 + p * 1000)}${i}</row>`)),
    );

    it('writes the same bytes as zlib on the job thread, with several parts in flight at once', () => {
      const direct = parts.map((pieces) => deflateEntry(pieces, NODE_CODEC));
      // Every part is handed over before the first result is asked for (the pieces go with it).
      const inFlight = parts.map((pieces) => deflateEntry(pieces, threaded.codec));
      expect(inFlight.map((d) => [d.crc, d.size])).toEqual(direct.map((d) => [d.crc, d.size]));
      inFlight.forEach((d, p) => expect(Buffer.concat(d.compressed)).toEqual(Buffer.concat(direct[p].compressed)));
    });

    it('compresses on the job’s thread a piece the deflate thread has no room for, to the same bytes', () => {
      // Pieces made faster than the thread compresses them: past the few it may have queued, the job's thread compresses them itself.
      const pieces = Array.from({ length: 40 }, (_, i) => strToU8(`<row r="${i}">${'第'.repeat(90_000)}${i}</row>`));
      const direct = deflateEntry(
        pieces.map((p) => p.slice()),
        NODE_CODEC,
      );
      const here = jest.spyOn((threaded as unknown as { here: PartDeflater }).here, 'middle');
      try {
        const content = deflateEntry(pieces, threaded.codec);
        expect(here).toHaveBeenCalled();
        expect(here.mock.calls.length).toBeLessThan(pieces.length);
        expect([content.crc, content.size]).toEqual([direct.crc, direct.size]);
        expect(Buffer.concat(content.compressed)).toEqual(Buffer.concat(direct.compressed));
      } finally {
        here.mockRestore();
      }
    });

    describe('a part deflated behind the parts after it', () => {
      /**
       * `count` pieces, counted as they are taken, faster than the thread compresses them (as the
       * ledger sheet's come); throws at piece `failAt`, if given.
       */
      const counted = (count: number, failAt = -1) => {
        const made = { pieces: 0 };
        const ready = Array.from({ length: count }, (_, i) => strToU8(`<row r="${i}">${'第'.repeat(90_000)}${i}</row>`));
        function* pieces() {
          for (let i = 0; i < count; i++) {
            if (i === failAt) throw new Error(`piece ${i} cannot be made`);
            made.pieces++;
            yield ready[i];
          }
        }
        return { made, pieces };
      };
      const reportPieces = (count: number) => Array.from({ length: count }, (_, i) => strToU8(`<row r="${i}">${'黄'.repeat(200_000)}${i}</row>`));
      /** Pieces that come slower than the thread takes them, as the reports' do: each once the thread has at most one waiting. */
      const queued = () => (threaded as unknown as { queued(): number }).queued();
      function* slowly(pieces: Uint8Array[]) {
        for (const piece of pieces) {
          const since = Date.now();
          while (queued() > 1 && Date.now() - since < 5000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          yield piece;
        }
      }

      it('is taken while the thread has room, the rest while later parts are written, and every part is the bytes zlib on the job thread makes', () => {
        const sheet = counted(30);
        const direct = [deflateEntry(counted(30).pieces(), NODE_CODEC), deflateEntry(reportPieces(12), NODE_CODEC)];
        const caughtUp = threaded.caughtUp;
        const behind = deflateEntry(sheet.pieces(), threaded.codec, { behind: true });
        // Pieces come faster than the thread compresses them: it has its fill long before the last.
        expect(sheet.made.pieces).toBeLessThan(30);
        const report = deflateEntry(slowly(reportPieces(12)), threaded.codec);
        // Between the report's pieces, the thread was given more of the sheet.
        expect(threaded.caughtUp).toBeGreaterThan(caughtUp);
        threaded.codec.settle!();
        expect(sheet.made.pieces).toBe(30);
        [behind, report].forEach((d, p) => {
          expect([d.crc, d.size]).toEqual([direct[p].crc, direct[p].size]);
          expect(Buffer.concat(d.compressed)).toEqual(Buffer.concat(direct[p].compressed));
        });
      });

      it('is taken whole when its result is asked for, settled or not', () => {
        const sheet = counted(30);
        const behind = deflateEntry(sheet.pieces(), threaded.codec, { behind: true });
        expect(behind.size).toBe(deflateEntry(counted(30).pieces(), NODE_CODEC).size);
        expect(sheet.made.pieces).toBe(30);
      });

      it('throws an error in making its pieces where they are taken, and is not taken again', () => {
        const sheet = counted(30, 20);
        // Taken at once (a thread that keeps up while this one waits for a core, as on a loaded
        // machine, leaves room for all twenty), while the report is written, or when the package
        // settles, as the thread's pace has it: wherever, the error comes out; the report, when
        // written whole first, as zlib makes it.
        let behind: ReturnType<typeof deflateEntry> | undefined;
        let report: ReturnType<typeof deflateEntry> | undefined;
        expect(() => {
          behind = deflateEntry(sheet.pieces(), threaded.codec, { behind: true });
          report = deflateEntry(reportPieces(12), threaded.codec);
          threaded.codec.settle!();
        }).toThrow('piece 20 cannot be made');
        if (report) expect(Buffer.concat(report.compressed)).toEqual(Buffer.concat(deflateEntry(reportPieces(12), NODE_CODEC).compressed));
        expect(() => threaded.codec.settle!()).not.toThrow();
        expect(sheet.made.pieces).toBe(20);
        // Waited for, it says so again at once (the thread has let go of it: no wait for a reply that never comes).
        const since = Date.now();
        if (behind) expect(() => behind!.compressed).toThrow('piece 20 cannot be made');
        expect(Date.now() - since).toBeLessThan(1000);
        // The codec goes on: a part after it is the bytes zlib on the job thread makes.
        const after = deflateEntry(reportPieces(3), threaded.codec);
        expect(Buffer.concat(after.compressed)).toEqual(Buffer.concat(deflateEntry(reportPieces(3), NODE_CODEC).compressed));
      });

      it('is let go untaken when its package is done with, and the next part is not held up by it', () => {
        let closed = false;
        const sheet = counted(30);
        function* closing() {
          try {
            yield* sheet.pieces();
          } finally {
            closed = true;
          }
        }
        deflateEntry(closing(), threaded.codec, { behind: true });
        threaded.codec.abandon!();
        expect(closed).toBe(true);
        const taken = sheet.made.pieces;
        const after = deflateEntry(slowly(reportPieces(6)), threaded.codec);
        threaded.codec.settle!();
        expect(sheet.made.pieces).toBe(taken);
        expect(Buffer.concat(after.compressed)).toEqual(Buffer.concat(deflateEntry(reportPieces(6), NODE_CODEC).compressed));
        // The thread's reply to the part let go is dropped as it comes.
        expect((threaded as unknown as { replies: Map<number, unknown> }).replies.size).toBe(0);
      });

      it('is taken at once by a codec without a thread', () => {
        const sheet = counted(12);
        deflateEntry(sheet.pieces(), NODE_CODEC, { behind: true });
        expect(sheet.made.pieces).toBe(12);
      });
    });

    it('deflates a small part of one piece in place, as zlib on the job thread does', () => {
      const small = strToU8('<worksheet/>');
      const content = deflateEntry([small], threaded.codec);
      expect(Buffer.concat(content.compressed)).toEqual(Buffer.concat(deflateEntry([small], NODE_CODEC).compressed));
      expect([content.crc, content.size]).toEqual([zlib.crc32(small) >>> 0, small.length]);
    });

    it('leaves the caller its pieces when they share a buffer (a copy is handed over)', () => {
      const shared = strToU8('x'.repeat(300_000));
      const halves = [shared.subarray(0, 150_000), shared.subarray(150_000)];
      const content = deflateEntry(halves, threaded.codec);
      expect(Buffer.from(zlib.inflateRawSync(Buffer.concat(content.compressed))).toString()).toBe('x'.repeat(300_000));
      expect(shared.length).toBe(300_000);
    });
  });

  it('continues a CRC-32 over pieces to the CRC of the whole', () => {
    const whole = strToU8('123456789');
    expect(crc32(whole.subarray(4), crc32(whole.subarray(0, 4)))).toBe(0xcbf43926);
    expect(NODE_CODEC.crc32!(whole.subarray(4), NODE_CODEC.crc32!(whole.subarray(0, 4)))).toBe(0xcbf43926);
  });

  // A written part is deflated a block (a megabyte) at a time; other readers must see one entry.
  describe.each([
    ['Node zlib', NODE_CODEC],
    ['Node zlib on a second thread', threaded.codec],
    ['fflate', FFLATE_CODEC],
  ])('a part written in pieces (%s)', (_name, codec) => {
    const text = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行 😀</t></is></c></row>`).join('');
    const pieces = [text.slice(0, 1000), text.slice(1000, 600_000), text.slice(600_000)].map((p) => strToU8(p));

    it('is one entry that inflates to the pieces joined, with their CRC and size', () => {
      const out = writeZip([{ name: 'sheet.xml', pieces }], codec);
      const [entry] = readZip(out);
      expect(entry.size).toBe(Buffer.byteLength(text));
      expect(entry.crc).toBe(zlib.crc32(text) >>> 0);
      expect(Buffer.from(readEntry(entry, codec)).toString()).toBe(text);
      expect(Buffer.from(unzipSync(out)['sheet.xml']).toString()).toBe(text);
    });

    it('writes an empty part as a valid empty stream', () => {
      const out = writeZip([{ name: 'empty.xml', pieces: [] }], codec);
      expect(unzipSync(out)['empty.xml'].length).toBe(0);
    });
  });

  describe('a part inflated ahead on the second thread', () => {
    const ascii = Buffer.from(Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''));
    const chinese = Buffer.from('<t>拿菜刀追砍</t>'.repeat(10_000));
    const control = Buffer.concat([ascii.subarray(0, 1000), Buffer.from([0x01]), ascii.subarray(1000, 2000)]);

    it.each([
      ['ASCII', ascii],
      ['with Chinese', chinese],
      ['with a control character', control],
    ])('gives the bytes, CRC-32 and byte facts the job would find itself (%s)', (_name, part) => {
      const data = zlib.deflateRawSync(part);
      const ahead = threaded.codec.inflateAhead!(data, part.length).take();
      expect(ahead).toBeDefined();
      expect(Buffer.from(ahead!.bytes).equals(part)).toBe(true);
      expect(ahead!.crc >>> 0).toBe(zlib.crc32(part) >>> 0);
      expect(ahead!.facts).toEqual(byteFacts(part));
    });

    it.each([
      ['a damaged stream', (data: Buffer) => Buffer.concat([data.subarray(0, 100), Buffer.from([0xff, 0xff, 0xff]), data.subarray(103)]), 0],
      ['a stream holding more than declared', (data: Buffer) => data, -1],
      ['a stream cut short', (data: Buffer) => data.subarray(0, data.length >> 1), 0],
    ])('gives nothing for %s, for the job to inflate and say why', (_name, damage, sizeChange) => {
      const data = damage(zlib.deflateRawSync(ascii));
      expect(() => NODE_CODEC.inflate(data, ascii.length + sizeChange)).toThrow();
      expect(threaded.codec.inflateAhead!(data, ascii.length + sizeChange).take()).toBeUndefined();
    });

    it('keeps nothing of a part let go untaken, before or after its result comes', () => {
      const data = zlib.deflateRawSync(ascii);
      threaded.codec.inflateAhead!(data, ascii.length).drop();
      const taken = threaded.codec.inflateAhead!(data, ascii.length);
      const late = threaded.codec.inflateAhead!(data, ascii.length);
      expect(Buffer.from(taken.take()!.bytes).equals(ascii)).toBe(true);
      // Its reply may have come with the one taken, or may come later: either way it is let go.
      late.drop();
      expect((threaded as unknown as { replies: Map<number, unknown> }).replies.size).toBe(0);
    });

    it('leaves the bytes it was given, and the file they are a view of, as they were', () => {
      const deflated = zlib.deflateRawSync(ascii);
      // As a part's data is: a Node Buffer's view into the whole file read.
      const file = Buffer.concat([Buffer.from('before'), deflated, Buffer.from('after')]);
      const before = Buffer.from(file);
      const data = file.subarray(6, 6 + deflated.length);
      expect(Buffer.from(threaded.codec.inflateAhead!(data, ascii.length).take()!.bytes).equals(ascii)).toBe(true);
      expect(file.equals(before)).toBe(true);
    });
  });

  it('fills the blocks the deflate thread gives back again, and every part written so still reads back as written', () => {
    // Two large parts, the second made while the first is still being compressed: the blocks the
    // thread has finished with carry the second part's bytes, and neither part may see the other's.
    const partText = (tag: string) => Array.from({ length: 150_000 }, (_, i) => `<${tag} n="${i}">第${i}行</${tag}>`).join('');
    const [first, second] = [partText('a'), partText('b')];
    const firstDeflated = threaded.codec.deflate(utf8Pieces(first));
    const secondDeflated = threaded.codec.deflate(utf8Pieces(second));
    const inflated = [firstDeflated, secondDeflated].map((d) => Buffer.from(zlib.inflateRawSync(Buffer.concat(typeof d === 'function' ? d() : d))).toString());
    expect(inflated).toEqual([first, second]);
    expect(Buffer.byteLength(first)).toBeGreaterThan(3 * BLOCK_BYTES);
    // More than the one block each part ends with: blocks came back from the thread.
    expect(spareBlockCount()).toBeGreaterThan(1);
  });

  it.each([
    // '<x>' then BLOCK_BYTES - 4 characters: a block's end falls between the emoji's halves.
    ['after other pieces', ['<x>', 'a'.repeat(BLOCK_BYTES - 4) + '😀' + '表'.repeat(10), '</x>']],
    ['inside one long piece', ['a'.repeat(BLOCK_BYTES - 1) + '😀' + '表'.repeat(10)]],
  ])('encodes a part a block at a time, the blocks joined being its UTF-8 (%s)', (_name, content) => {
    const pieces = [...utf8Pieces(content)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).toString()).toBe(content.join(''));
  });

  it.each([
    ['a three-byte character', '表'],
    ['a four-byte character', '😀'],
  ])('makes the same blocks of the same bytes whether they came as text or as bytes (%s across a block end)', (_name, wide) => {
    // Every block but the last is BLOCK_BYTES long: a re-run copies as bytes what the first run
    // encoded as text, and blocks of other lengths deflated to another file.
    const text = 'a'.repeat(BLOCK_BYTES - 1) + wide.repeat(1000) + 'b'.repeat(BLOCK_BYTES);
    const asText = new Utf8Blocks();
    const fromText = [...asText.text(text), ...asText.end()];
    const asBytes = new Utf8Blocks();
    const fromBytes = [...asBytes.bytes(new TextEncoder().encode(text)), ...asBytes.end()];
    expect(fromText.map((b) => b.length)).toEqual(fromBytes.map((b) => b.length));
    expect(fromText.slice(0, -1).every((b) => b.length === BLOCK_BYTES)).toBe(true);
    expect(fromText.every((b, i) => Buffer.from(b).equals(Buffer.from(fromBytes[i])))).toBe(true);
  });
});
