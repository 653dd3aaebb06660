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
export interface PartDeflater {
  /** Takes the next piece of the part (an empty one is skipped). */
  push(piece: Uint8Array): void;
  /**
   * Takes the next piece already compressed, by `middle` on another thread (a piece some other
   * follows): the pieces before it are compressed first, so the stream is the one `push` makes.
   */
  pushCompressed(compressed: Uint8Array): void;
  /** A piece of a part that other pieces follow, compressed as `push` compresses it; nothing is kept. */
  middle(piece: Uint8Array): Uint8Array;
  /** The part's compressed stream, as the buffers it is made of. */
  end(): Uint8Array[];
}

/**
 * One part deflated piece by piece as above; `compressed` is told of each piece once it is no
 * longer needed (the deflate thread hands its buffer back to be filled again). Self-contained —
 * zlib is passed in, nothing else is referred to — because the deflate thread (threaded-codec.ts)
 * runs it from its source text: both threads make the same stream from the same code.
 */
export function partDeflater(zlib: typeof import('zlib'), compressed?: (piece: Uint8Array) => void): PartDeflater {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const out: Uint8Array[] = [];
  let held: Uint8Array | undefined;
  let large = false;
  const middle = (piece: Uint8Array) => zlib.deflateRawSync(piece, { ...sync, level: 1 });
  const flushHeld = () => {
    if (!held) return;
    large = true;
    out.push(middle(held));
    compressed?.(held);
    held = undefined;
  };
  return {
    push(piece) {
      if (piece.length === 0) return;
      flushHeld();
      held = piece;
    },
    pushCompressed(piece) {
      flushHeld();
      large = true;
      out.push(piece);
    },
    middle,
    end() {
      if (held) {
        out.push(zlib.deflateRawSync(held, { ...sync, level: large ? 1 : 6 }));
        compressed?.(held);
      }
      held = undefined;
      // The final block: empty, so the stream ends however its last piece was flushed.
      out.push(zlib.deflateRawSync(new Uint8Array(0)));
      return out;
    },
  };
}

export function deflatePieces(pieces: Iterable<Uint8Array>): Uint8Array[] {
  const deflater = partDeflater(zlib);
  for (const piece of pieces) deflater.push(piece);
  return deflater.end();
}

/**
 * A part inflated by zlib into one output buffer of the declared size and a byte more (room to see
 * a stream that holds more): zlib's default 16 KB chunks were joined at the end, the part held
 * twice and copied once. The result is a view on that larger buffer (or, for a small part, on
 * Node's shared pool): never transfer or write through its `.buffer` unless it is the buffer's
 * whole start. Self-contained, as partDeflater is: the codec's thread runs it from its source text.
 */
export function inflateWithZlib(zlib: typeof import('zlib'), data: Uint8Array, size: number): Uint8Array {
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, size + 1) });
}

export const NODE_CODEC: DeflateCodec = {
  deflate: deflatePieces,
  inflate: (data, size) => inflateWithZlib(zlib, data, size),
  crc32: (data, previous) => zlib.crc32(data, previous),
};
