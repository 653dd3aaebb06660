import * as fs from 'fs';
import type { LoadBytes } from '../hosts/xlsx';

/** The piece of a file read at a time when only some of it is: a central directory, a part's record. */
export const FILE_PART_BYTES = 1 << 16;

/**
 * `read` given a file of `size` bytes in a buffer filled only where it asks (LoadBytes): a package
 * reader brings in its directory and the parts it reads, and the rest of the buffer stays zeros the
 * process never touches (the 2 MB state sheet of a 20 MB previous output). A file cut short after
 * it was measured leaves zeros, which the reader finds damaged. `unreadable` makes the caller's
 * message of a file-system error. The file is closed when `read` ends; bytes asked for after that
 * are a caller's bug, refused rather than read from whatever file the descriptor names by then.
 */
export function withFileParts<T>(file: string, size: number, unreadable: (e: unknown) => Error, read: (bytes: Uint8Array, load: LoadBytes) => T): T {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw unreadable(e);
  }
  let open = true;
  try {
    const bytes = new Uint8Array(size);
    const loaded = new Uint8Array(Math.ceil(size / FILE_PART_BYTES));
    const load: LoadBytes = (offset, length) => {
      if (!open) throw new Error(`${file} was read after it was closed`);
      for (let chunk = Math.floor(offset / FILE_PART_BYTES); chunk * FILE_PART_BYTES < offset + length; chunk++) {
        if (loaded[chunk]) continue;
        const start = chunk * FILE_PART_BYTES;
        const end = Math.min(size, start + FILE_PART_BYTES);
        try {
          for (let at = start, got = 1; at < end && got > 0; at += got) got = fs.readSync(fd, bytes, at, end - at, at);
        } catch (e) {
          throw unreadable(e);
        }
        loaded[chunk] = 1;
      }
    };
    return read(bytes, load);
  } finally {
    open = false;
    fs.closeSync(fd);
  }
}
