import * as zlib from 'zlib';
import type { DeflateCodec } from '../hosts/xlsx';

/**
 * Node's native zlib behind the DeflateCodec contract: several times faster than fflate, and
 * bounded — `maxOutputLength` makes zlib stop with ERR_BUFFER_TOO_LARGE as soon as a stream holds
 * more than the zip declares, so a header that lies about an inflate bomb's size cannot make the
 * process build gigabytes. Node only, so it lives with the command: the web page's worker uses
 * fflate (FFLATE_CODEC).
 *
 * A part comes in pieces of a megabyte. Each piece is deflated on its own and ended with a
 * sync flush (an empty stored block, byte-aligned, not final), so the pieces joined are one valid
 * raw deflate stream, closed by a final empty block; no piece refers back into another, which
 * costs a fraction of a percent of compression. Parts of more than one piece (the ledger sheet and
 * due-list of a large ledger) deflate at level 1, about three times faster than level 6 for a
 * file a third larger.
 */
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const FINAL_EMPTY_BLOCK = zlib.deflateRawSync(Buffer.alloc(0));

export function deflatePieces(pieces: Iterable<Uint8Array>): Uint8Array[] {
  const out: Uint8Array[] = [];
  let held: Uint8Array | undefined;
  let large = false;
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    if (held) {
      large = true;
      out.push(zlib.deflateRawSync(held, { ...SYNC, level: 1 }));
    }
    held = piece;
  }
  if (held) out.push(zlib.deflateRawSync(held, { ...SYNC, level: large ? 1 : 6 }));
  out.push(FINAL_EMPTY_BLOCK);
  return out;
}

export const NODE_CODEC: DeflateCodec = {
  deflate: deflatePieces,
  // One output buffer of the declared size and a byte more (room to see a stream that holds more):
  // zlib's default 16 KB chunks were joined at the end, the part held twice and copied once. The
  // result is a view on that larger buffer (or, for a small part, on Node's shared pool): never
  // transfer or write through its `.buffer`.
  inflate: (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, size + 1) }),
  crc32: (data, previous) => zlib.crc32(data, previous),
};
