/**
 * Bytes gathered before they go to the deflater: large enough to deflate well (each block is
 * compressed on its own; 1 MB blocks make a 100,000-row output 0.5% larger than 4 MB ones), small
 * enough that the blocks in flight to the deflate thread (six at most) stay a few megabytes — with
 * 4 MB blocks they were 24 MB of the peak when a report of 100 MB was written.
 */
export const BLOCK_BYTES = 1 << 20;

const encoder = new TextEncoder();

/**
 * UTF-8 gathered into blocks of a megabyte as text and bytes come, each block handed on as
 * it fills: how every large written part reaches the deflater, never joined into one string or
 * one buffer. Each block handed on is a buffer of its own, which a deflater on another thread
 * takes without a copy. Text is encoded straight into the block, so the strings it came in die
 * young; a block ends before a character that does not fit whole (encodeInto writes whole
 * characters only). `tryText`/`tryBytes` take the common small piece without a generator.
 */
export class Utf8Blocks {
  private block = new Uint8Array(BLOCK_BYTES);
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
      yield this.next();
      rest = rest.slice(read);
    }
  }

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

  /** The last block, if anything is in it. */
  *end(): Generator<Uint8Array> {
    if (this.used > 0) yield this.next();
  }

  /** The block as filled so far, a buffer of its own (copied out unless full); a new one starts. */
  private next(): Uint8Array {
    const filled = this.used === BLOCK_BYTES ? this.block : this.block.slice(0, this.used);
    this.block = new Uint8Array(BLOCK_BYTES);
    this.used = 0;
    return filled;
  }
}
