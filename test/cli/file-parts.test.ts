import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FILE_PART_BYTES, withFileParts } from '../../src/cli/file-parts';

/** A file read in parts gives exactly its bytes where asked, nothing it was not asked for, and never outlives the read. */
describe('a file read only where it is asked for', () => {
  let dir: string;
  let file: string;
  const size = FILE_PART_BYTES * 5 + 123;
  const content = Uint8Array.from({ length: size }, (_, i) => (i * 7 + 1) % 251 || 1); // no zero byte: a zero is a byte not read
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-parts-'));
    file = path.join(dir, 'previous.xlsx');
    fs.writeFileSync(file, content);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const unreadable = (e: unknown) => new Error(`unreadable: ${(e as NodeJS.ErrnoException).code}`);
  const openFiles = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);

  it.each([
    ['the first bytes', 0, 8],
    ['a range across two parts', FILE_PART_BYTES - 10, 20],
    ['the last bytes, in the short last part', size - 22, 22],
    ['one byte at a part boundary', FILE_PART_BYTES * 3, 1],
    ['the whole file', 0, size],
  ])('gives %s as they are in the file, and leaves the parts not asked for unread', (_name, offset, length) => {
    withFileParts(file, size, unreadable, (bytes, load) => {
      load(offset, length);
      expect(Buffer.from(bytes.subarray(offset, offset + length)).equals(Buffer.from(content.subarray(offset, offset + length)))).toBe(true);
      const first = Math.floor(offset / FILE_PART_BYTES);
      const last = Math.floor((offset + length - 1) / FILE_PART_BYTES);
      for (let part = 0; part * FILE_PART_BYTES < size; part++) {
        const read = bytes.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES);
        expect({ part, read: read.every((b) => b !== 0) }).toEqual({ part, read: part >= first && part <= last });
      }
    });
  });

  it('leaves zeros past the end of a file cut short after it was measured, and does not wait for the missing bytes', () => {
    const short = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(short, content.subarray(0, FILE_PART_BYTES + 100));
    withFileParts(short, size, unreadable, (bytes, load) => {
      load(0, size);
      expect(bytes[FILE_PART_BYTES + 99]).toBe(content[FILE_PART_BYTES + 99]);
      expect(bytes.subarray(FILE_PART_BYTES + 100).every((b) => b === 0)).toBe(true);
    });
  });

  it("says a file it cannot open in the caller's words", () => {
    expect(() => withFileParts(path.join(dir, 'gone.xlsx'), 10, unreadable, () => 0)).toThrow('unreadable: ENOENT');
  });

  it('closes the file when the read ends, normally or not, and refuses to read after', () => {
    const before = openFiles();
    let later: ((offset: number, length: number) => void) | undefined;
    expect(withFileParts(file, size, unreadable, (_bytes, load) => ((later = load), 'done'))).toBe('done');
    expect(() => withFileParts(file, size, unreadable, () => {
      throw new Error('the reader failed');
    })).toThrow('the reader failed');
    expect(openFiles()).toBe(before);
    expect(() => later!(0, 8)).toThrow(/after it was closed/);
  });
});
