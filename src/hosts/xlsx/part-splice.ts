import { Utf8Blocks } from './utf8-blocks';

/**
 * A rewritten part described as edits of the old one, in order: runs of the old text to copy and
 * new text to insert between them. The ledger writer makes the 90 MB sheet of a 100,000-row
 * ledger so, row by row as the package asks; the package builds the new part from the old part's
 * bytes — copying runs of bytes and encoding only what is new — so neither the new part nor the
 * list of edits is ever held whole. A small ASCII part's text is as small as its bytes and is kept
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

/**
 * The new part as UTF-8, in blocks of a megabyte, from the old part's text and the bytes it
 * was decoded from (a part with other characters than ASCII: an ASCII part is written from its
 * text or its bytes alone): runs are copied from the bytes, new text is encoded into the block.
 * Character offsets are turned into byte offsets by one walk along the text, as the runs come in order.
 */
export function spliceBytes(old: string, bytes: Uint8Array, ops: Iterable<SpliceOp>): Generator<Uint8Array> {
  return spliceRuns(bytes, ops, utf8OffsetWalker(old));
}

/** The new part as UTF-8 from an ASCII part's bytes (AsciiSheet), where offsets into its text are offsets into them. */
export function spliceAscii(bytes: Uint8Array, ops: Iterable<SpliceOp>): Generator<Uint8Array> {
  return spliceRuns(bytes, ops, (offset) => offset);
}

function* spliceRuns(bytes: Uint8Array, ops: Iterable<SpliceOp>, toByte: (offset: number) => number): Generator<Uint8Array> {
  const blocks = new Utf8Blocks();
  for (const op of ops) {
    if (typeof op === 'string') {
      if (!blocks.tryText(op)) yield* blocks.text(op);
    } else if (op.to > op.from) {
      const run = bytes.subarray(toByte(op.from), toByte(op.to));
      if (!blocks.tryBytes(run)) yield* blocks.bytes(run);
    }
  }
  yield* blocks.end();
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
