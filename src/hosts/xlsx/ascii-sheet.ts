/**
 * A large worksheet part of ASCII bytes only — what Excel, WPS and LibreOffice write for a ledger,
 * whose text is all in the shared strings — kept as the bytes it was inflated to, never decoded
 * into one string. The 75 MB sheet of a 100,000-row ledger made into one string cost 18,000 page
 * faults (0.2 s) and its encoding again when written. The reader takes it in pieces of about
 * 64 KB, each cut after a row's end and decoded on its own: short-lived strings in the young
 * generation, whose memory is used again and again. The writer copies runs of its bytes, and
 * slices the few bits of text it looks at (row tags, the part outside the sheet data).
 *
 * In ASCII a character is a byte: offsets into the text are offsets into the bytes.
 */

const decoder = new TextDecoder();

/**
 * `minBytes`: parts at least this large are kept as bytes; smaller ones are decoded whole (their
 * text costs little). `pieceBytes`: about how much of the part each piece the reader is given
 * holds (it ends at the first row end past this); 64 KB pieces are young-generation strings. Tests
 * lower both, to put the fixture workbooks and the fuzz suite's mutants through this path.
 */
export const ASCII_SHEET_SIZES = { minBytes: 4 << 20, pieceBytes: 1 << 16 };

/** Slices up to this long are made from their character codes (row tags, cells): no decoder call. */
const SHORT_SLICE = 128;

/** One piece of the part as text, and where it starts in the part. */
export interface SheetPiece {
  base: number;
  text: string;
}

/** What the ledger writer reads of a part's text: a string is one, and so is an AsciiSheet. */
export interface SheetText {
  readonly length: number;
  slice(from: number, to?: number): string;
  lastIndexOf(search: string, position?: number): number;
}

export class AsciiSheet implements SheetText {
  /** Every piece has been checked as the whole part's reading checks it (set by the sheet reader). */
  checked = false;

  /**
   * @param bytes the part inflated and CRC-checked, every byte below 0x80 and none a control
   *   character XML forbids (checked by the package before it makes one)
   * @param whole the part's text decoded whole and checked as every part read is: what a reader
   *   falls back to when the pieces will not do (markup the pieces cannot be cut around, damage
   *   to be reported as the whole-part reading reports it)
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly whole: () => string,
  ) {}

  get length(): number {
    return this.bytes.length;
  }

  /** The text of [from, to), as String.prototype.slice gives it for offsets within the part. */
  slice(from: number, to = this.bytes.length): string {
    const start = Math.max(0, Math.min(from, this.bytes.length));
    const end = Math.max(start, Math.min(to, this.bytes.length));
    if (end - start <= SHORT_SLICE) return String.fromCharCode.apply(null, this.bytes.subarray(start, end) as unknown as number[]);
    return decoder.decode(this.bytes.subarray(start, end));
  }

  /** Where `search` (ASCII) last starts at or before `position`, -1 when nowhere. */
  lastIndexOf(search: string, position = this.bytes.length): number {
    const b = this.bytes;
    const first = search.charCodeAt(0);
    for (let at = Math.min(position, b.length - search.length); at >= 0; at--) {
      if (b[at] !== first) continue;
      let k = 1;
      while (k < search.length && b[at + k] === search.charCodeAt(k)) k++;
      if (k === search.length) return at;
    }
    return -1;
  }

  /**
   * The part as consecutive pieces of text covering it whole, each ending just after a `</row>`
   * (the last, at the part's end). In a part without comments, CDATA or processing instructions,
   * which the reader makes sure of piece by piece, `</row>` is always a row's end tag: XML allows
   * no raw `<` in text or attribute values. A part with no `</row>` is one piece.
   */
  *pieces(): Generator<SheetPiece> {
    const b = this.bytes;
    const n = b.length;
    for (let from = 0; from < n; ) {
      const to = rowEndAfter(b, Math.min(n, from + ASCII_SHEET_SIZES.pieceBytes));
      yield { base: from, text: decoder.decode(b.subarray(from, to)) };
      from = to;
    }
  }
}

/** Just past the first `</row>` at or after `at`, or the end of the bytes. */
function rowEndAfter(b: Uint8Array, at: number): number {
  for (let lt = b.indexOf(60, at); lt >= 0; lt = b.indexOf(60, lt + 1)) {
    if (b[lt + 1] === 47 && b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) return lt + 6;
  }
  return b.length;
}
