/**
 * A rewritten part described as edits of the old one, in order: runs of the old text to copy and
 * new text to insert between them. The ledger writer makes the 90 MB sheet of a 100,000-row
 * ledger so, row by row as the package asks; the package builds the new part from the old part's
 * bytes — copying runs of bytes and encoding only what is new — so neither the new part nor the
 * list of edits is ever held whole. An ASCII part's text is as small as its bytes and is kept
 * instead of them: its runs are encoded from the text.
 */
export type SpliceOp = string | { from: number; to: number };

/**
 * The new part as pieces of text, made as they are asked for: runs of the old text sliced (V8
 * keeps slices of a large string without copying), new text as it is.
 */
export function* spliceText(old: string, ops: Iterable<SpliceOp>): Generator<string> {
  for (const op of ops) yield typeof op === 'string' ? op : old.slice(op.from, op.to);
}

/** Bytes of new content gathered before they go to the deflater: large enough to deflate well, small enough not to matter. */
const BLOCK_BYTES = 1 << 22;

/**
 * The new part as UTF-8, in blocks of a few megabytes, from the old part's text and the bytes it
 * was decoded from: runs are copied from the bytes, new text is encoded into the block. Each block
 * is a buffer of its own (a deflater on another thread may take it). When the old part is not
 * ASCII, character offsets are turned into byte offsets by one walk along the text, as the runs
 * come in order.
 */
export function* spliceBytes(old: string, bytes: Uint8Array, ascii: boolean, ops: Iterable<SpliceOp>): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const toByte = ascii ? (offset: number) => offset : utf8OffsetWalker(old);
  let block = new Uint8Array(BLOCK_BYTES);
  let used = 0;
  for (const op of ops) {
    if (typeof op === 'string') {
      for (let read = 0; ; ) {
        const { read: r, written } = encoder.encodeInto(read === 0 ? op : op.slice(read), block.subarray(used));
        read += r;
        used += written;
        if (read >= op.length) break;
        yield used === BLOCK_BYTES ? block : block.slice(0, used);
        block = new Uint8Array(BLOCK_BYTES);
        used = 0;
      }
      continue;
    }
    if (op.to <= op.from) continue;
    let from = toByte(op.from);
    const to = toByte(op.to);
    while (from < to) {
      const n = Math.min(to - from, BLOCK_BYTES - used);
      block.set(bytes.subarray(from, from + n), used);
      used += n;
      from += n;
      if (used === BLOCK_BYTES) {
        yield block;
        block = new Uint8Array(BLOCK_BYTES);
        used = 0;
      }
    }
  }
  if (used > 0) yield block.subarray(0, used).slice();
}

/**
 * Byte offsets in the UTF-8 of `text` of character offsets asked for in increasing order, found by
 * walking the text once. Offsets never fall inside a surrogate pair (they are at markup).
 */
function utf8OffsetWalker(text: string): (offset: number) => number {
  let char = 0;
  let byte = 0;
  return (offset) => {
    if (offset < char) throw new RangeError('offsets must come in increasing order');
    let b = byte;
    let i = char;
    for (; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) b += 1;
      else if (c < 0x800) b += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        b += 4;
        i++;
      } else b += 3;
    }
    char = i;
    byte = b;
    return b;
  };
}
