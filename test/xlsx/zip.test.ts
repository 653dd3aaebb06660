import { zipSync, unzipSync, strToU8 } from 'fflate';
import { crc32, readEntry, readZip, writeZip, isCompoundFile } from '../../src/hosts/xlsx/zip';

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

  it('writes the same bytes for the same input, so a re-run is reproducible', () => {
    const a = writeZip([{ name: 'x.xml', data: strToU8('<x/>') }]);
    const b = writeZip([{ name: 'x.xml', data: strToU8('<x/>') }]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.each([
    ['a text file', strToU8('hello, not a zip')],
    ['a truncated archive', zipSync({ 'a.xml': strToU8('<a/>') }).slice(0, 20)],
  ])('rejects %s as not a zip', (_name, bytes) => {
    expect(() => readZip(bytes)).toThrow(expect.objectContaining({ reason: 'notZip' }));
  });

  it('recognises an encrypted workbook by its compound-file signature', () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(isCompoundFile(cfb)).toBe(true);
    expect(() => readZip(cfb)).toThrow(expect.objectContaining({ reason: 'encrypted' }));
  });
});
