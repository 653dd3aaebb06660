/**
 * Bytes gathered before they go to the deflater: large enough to deflate well (each block is
 * compressed on its own; 1 MB blocks make a 100,000-row output 0.5% larger than 4 MB ones), small
 * enough that the blocks in flight to the deflate thread (eight at most) stay a few megabytes — with
 * 4 MB blocks they were 24 MB of the peak when a report of 100 MB was written.
 */
export const BLOCK_BYTES = 1 << 20;

const encoder = new TextEncoder();

/**
 * Blocks the deflater has finished with, to be filled again. New memory is dear: the first touch
 * of each 4 KB page costs about 10 µs on the machines we measure on, 2.7 ms a megabyte — a third
 * of a second for the 125 MB a 100,000-row run writes when every block is new. Refilled, the same
 * few blocks carry it all. Only a block no one else can still see comes back here: one the deflate
 * thread was given (transferred, so every view of it here is detached) and has compressed, or the
 * one a part was being encoded into when it ended (its last bytes copied out).
 */
const spareBlocks: Uint8Array[] = [];
/**
 * The blocks in flight to the deflate thread (eight at most) and the two being filled: the ledger
 * sheet's, deflated behind the reports (DeflateOptions), and a report's.
 */
const MAX_SPARE_BLOCKS = 10;

/** Gives back a block the deflater has compressed and no one refers to, to be filled again. */
export function reuseBlock(block: Uint8Array): void {
  if (block.byteLength === BLOCK_BYTES && block.byteOffset === 0 && block.buffer.byteLength === BLOCK_BYTES && spareBlocks.length < MAX_SPARE_BLOCKS) spareBlocks.push(block);
}

/** How many blocks wait to be filled again (for tests). */
export function spareBlockCount(): number {
  return spareBlocks.length;
}

function emptyBlock(): Uint8Array {
  return spareBlocks.pop() ?? new Uint8Array(BLOCK_BYTES);
}

/**
 * UTF-8 gathered into blocks of a megabyte as text and bytes come, each block handed on as
 * it fills: how every large written part reaches the deflater, never joined into one string or
 * one buffer. Each block handed on is a buffer of its own, which a deflater on another thread
 * takes without a copy. Text is encoded straight into the block, so the strings it came in die
 * young. Every block but the last is exactly BLOCK_BYTES: the same bytes make the same blocks,
 * however they came. `tryText`/`tryBytes` take the common small piece without a generator.
 */
export class Utf8Blocks {
  private block = emptyBlock();
  private used = 0;

  /**
   * Encodes `text` into the blocks, handing on each block as it fills. Text that fits the current
   * block (nearly every piece: a row, a cell) is written without a generator of its own.
   */
  *text(text: string): Generator<Uint8Array> {
    if (this.tryText(text)) return;
    for (let rest = text; ; ) {
      const { read, written } = encoder.encodeInto(rest, this.used === 0 ? this.block : this.block.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // The next character does not fit whole: its bytes are split across the two blocks, so that
      // every block but the last is BLOCK_BYTES long whatever came as text and what as bytes. A
      // re-run copies as bytes what the first run encoded, and blocks ending where the text
      // happened to leave them deflated differently: a second run's file was not the first's.
      const units = rest.codePointAt(read)! > 0xffff ? 2 : 1;
      const size = encoder.encodeInto(rest.slice(read, read + units), this.spill).written;
      const room = BLOCK_BYTES - this.used;
      this.block.set(this.spill.subarray(0, room), this.used);
      this.used = BLOCK_BYTES;
      yield this.next();
      this.block.set(this.spill.subarray(room, size));
      this.used = size - room;
      rest = rest.slice(read + units);
    }
  }
  /** One character's UTF-8, on its way across a block's end. */
  private readonly spill = new Uint8Array(4);

  /** Encodes `text` whole into the current block if it surely fits there (three bytes a UTF-16 unit at most); false, writing nothing, if not. */
  tryText(text: string): boolean {
    if (text.length * 3 > BLOCK_BYTES - this.used) return false;
    this.used += encoder.encodeInto(text, this.used === 0 ? this.block : this.block.subarray(this.used)).written;
    return true;
  }

  /** Copies `bytes` into the current block if they fit there without filling it; false, copying nothing, if not. */
  tryBytes(bytes: Uint8Array): boolean {
    if (bytes.length >= BLOCK_BYTES - this.used) return false;
    this.block.set(bytes, this.used);
    this.used += bytes.length;
    return true;
  }

  /** Copies `bytes` into the blocks, handing on each block as it fills. */
  *bytes(bytes: Uint8Array): Generator<Uint8Array> {
    for (let from = 0; from < bytes.length; ) {
      const n = Math.min(bytes.length - from, BLOCK_BYTES - this.used);
      this.block.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used === BLOCK_BYTES) yield this.next();
    }
  }

  /** The last block, if anything is in it. The block being filled is done with: it is kept for the next part. */
  *end(): Generator<Uint8Array> {
    if (this.used > 0) yield this.next();
    reuseBlock(this.block);
  }

  /** The block as filled so far, a buffer of its own (copied out unless full); the next starts empty. */
  private next(): Uint8Array {
    if (this.used < BLOCK_BYTES) {
      const filled = this.block.slice(0, this.used);
      this.used = 0;
      return filled;
    }
    const full = this.block;
    this.block = emptyBlock();
    this.used = 0;
    return full;
  }
}
