/**
 * A rewritten part described as edits of the old one: runs of the old text copied, new text
 * inserted between them. The ledger writer describes the 90 MB sheet of a 100,000-row ledger so,
 * and the package then builds the new part from the old part's bytes — copying runs of bytes and
 * encoding only what is new — instead of slicing, joining and re-encoding 90 MB of text.
 */
export class PartSplice {
  /** A string is text inserted; two numbers in a row are a run [from, to) of the old text copied. */
  readonly ops: (string | number)[] = [];

  copy(from: number, to: number): void {
    if (to <= from) return;
    const ops = this.ops;
    const n = ops.length;
    // Numbers come in pairs, so a number last is the end of the previous run: extend it when adjacent.
    if (n > 0 && ops[n - 1] === from) ops[n - 1] = to;
    else ops.push(from, to);
  }

  insert(text: string): void {
    if (text) this.ops.push(text);
  }
}

/** The new part as pieces of text: runs of the old text sliced (V8 keeps slices of a large string without copying). */
export function spliceText(old: string, splice: PartSplice): string[] {
  const out: string[] = [];
  const ops = splice.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    out.push(typeof op === 'string' ? op : old.slice(op, ops[++i] as number));
  }
  return out;
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
export function* spliceBytes(old: string, bytes: Uint8Array, ascii: boolean, splice: PartSplice): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const toByte = ascii ? (offset: number) => offset : utf8OffsetWalker(old);
  let block = new Uint8Array(BLOCK_BYTES);
  let used = 0;
  const ops = splice.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
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
    let from = toByte(op);
    const to = toByte(ops[++i] as number);
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
