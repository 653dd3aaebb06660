import { checkElementsNested, checkReferences, checkTagsClosed, inPart, rootElement, withoutSpreadsheetPrefix, withSpreadsheetPrefix, XmlFormatError } from './xml';
import { Inflate } from 'fflate';
import { spliceAscii, spliceBytes, spliceText, type SpliceOp } from './part-splice';
import { BLOCK_BYTES, Utf8Blocks } from './utf8-blocks';
import { ASCII_SHEET_SIZES, AsciiSheet } from './ascii-sheet';
import {
  checkedEntry,
  dataOf,
  deflateEntry,
  DEFAULT_ZIP_LIMITS,
  readEntry,
  writeZipPieces,
  ZipFormatError,
  type ByteFacts,
  type DeflateCodec,
  type DeflatedContent,
  type PartAhead,
  type ZipEntry,
  type ZipLimits,
  type ZipOutput,
} from './zip';

const decoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * A part's bytes as text. XML parts are UTF-8 here (Excel, WPS and LibreOffice write nothing
 * else); bytes that are not UTF-8 are damage, never silently replaced by U+FFFD, since a rewritten
 * part would carry the replacement into the user's file. A part of ASCII only (a sheet whose text
 * is all in sharedStrings) takes the fast decoder; others the strict one (searching the decoded
 * text for U+FFFD instead raised the peak memory of a 100,000-row run by 70 MB).
 */
export function decodePart(bytes: Uint8Array, name: string, ascii = byteFacts(bytes).ascii): string {
  if (ascii) return decoder.decode(bytes);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new XmlFormatError('encoding', 'UTF-8', decoder.decode(bytes).indexOf('\uFFFD'), name);
  }
}

/**
 * The encoding a part's XML declaration names (`<?xml version="1.0" encoding="GB2312"?>`), or null.
 * Only UTF-8 is read: the parts are decoded as UTF-8 and what is written into them is UTF-8, so a
 * part declared ISO-8859-1 or GBK — even one of ASCII only, which reads the same — would carry the
 * add-in's Chinese under a name that makes every reader garble it.
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const from = startsWithBom(bytes) ? 3 : 0;
  // A declaration is short; its attributes are ASCII.
  const head = latin1.decode(bytes.subarray(from, from + 256));
  return /^<\?xml\s[^?>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head)?.[2] ?? null;
}
const latin1 = new TextDecoder('latin1');

const startsWithBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * What one pass over a part's bytes, four at a time, says: whether they are all ASCII (no byte
 * with the high bit set; about 25 ms for 75 MB), and where the first C0 control character XML
 * forbids stands (all but tab, LF and CR), or -1. In UTF-8 such a byte is always that character,
 * never part of another. Only a word holding some byte below 0x20 is looked at byte by byte.
 * Self-contained: the codec's thread runs it from its source text (DeflateCodec.inflateAhead).
 */
export function byteFacts(bytes: Uint8Array): ByteFacts {
  const forbidden = (b: number) => b < 0x20 && b !== 0x9 && b !== 0xa && b !== 0xd;
  let high = 0;
  let i = 0;
  const n = bytes.length;
  for (; i < n && (bytes.byteOffset + i) & 3; i++) {
    high |= bytes[i];
    if (forbidden(bytes[i])) return { ascii: false, control: i };
  }
  const start = i;
  // A part of a few bytes may end before the first four-byte boundary: it has no words, and a view at its unaligned end would throw.
  const words = n - i >= 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >> 2) : new Uint32Array(0);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    high |= word;
    // Some byte below 0x20 (the test may also fire beside one, never miss one).
    if (((word - 0x20202020) & ~word & 0x80808080) === 0) continue;
    for (let k = start + w * 4, end = k + 4; k < end; k++) if (forbidden(bytes[k])) return { ascii: false, control: k };
  }
  for (i = start + words.length * 4; i < n; i++) {
    high |= bytes[i];
    if (forbidden(bytes[i])) return { ascii: false, control: i };
  }
  return { ascii: (high & 0x80808080) === 0, control: -1 };
}

/** What byteFacts says of a part that sheetSource kept as an AsciiSheet. */
const ASCII_BYTES = { ascii: true, control: -1 };

/** U+FFFE and U+FFFF, which XML 1.0 forbids too: three bytes each in UTF-8, looked for in the text. */
const NONCHARACTER = /[\uFFFE\uFFFF]/;

/**
 * A character XML 1.0 forbids even in text (2.2) — a raw control character, U+FFFE or U+FFFF — at
 * character `at` of a part. Written back as it was, it made the output's part one no XML reader
 * opens (a paste of NUL bytes into an inline string); escaped, the readers refuse it already.
 */
function forbiddenCharacterAt(name: string, at: number, code: number): XmlFormatError {
  return new XmlFormatError('malformed', `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, at, name);
}

/**
 * Whether a part's root element, looked for in its first 64 KB, has no namespace prefix: a part
 * whose prefix is taken off to be read (withoutSpreadsheetPrefix) is read from its text, as is one
 * whose root is not found there or cannot be read (to be reported as the whole part's reading does).
 */
function unprefixedRoot(bytes: Uint8Array): boolean {
  try {
    const root = rootElement(decoder.decode(bytes.subarray(0, 1 << 16)));
    return !!root && root.prefix === '';
  } catch {
    return false;
  }
}

/** Parts of at least this many characters are deflated when written (report and ledger sheets of large ledgers). */
const DEFLATE_AT_ONCE_CHARS = 1 << 20;

/**
 * UTF-8 of a string or of pieces of one, in blocks of a megabyte made as the deflater asks for
 * them (Utf8Blocks): a written part is never joined into one string or one buffer, and a report's
 * row strings die young instead of waiting, thousands at a time, to be joined.
 */
export function* utf8Pieces(content: string | Iterable<string>): Generator<Uint8Array> {
  // A small part (most of them) is one exact buffer.
  if (typeof content === 'string' && content.length * 3 <= BLOCK_BYTES) {
    if (content !== '') yield encoder.encode(content);
    return;
  }
  const blocks = new Utf8Blocks();
  for (const piece of typeof content === 'string' ? [content] : content) if (!blocks.tryText(piece)) yield* blocks.text(piece);
  yield* blocks.end();
}

const BEHIND = { behind: true };

/**
 * Pieces made as they are taken, an XmlFormatError in making them naming the part wherever they
 * are taken: a part deflated behind is made while the parts after it are written.
 */
function* namingPart(name: string, pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  const taking = pieces[Symbol.iterator]();
  for (;;) {
    const next = inPart(name, () => taking.next());
    if (next.done) return;
    yield next.value;
  }
}

/** The package as the job sees it: parts by name, read on demand, and the parts it has changed or dropped. */
export class Package {
  readonly entries = new Map<string, ZipEntry>();
  /**
   * New content by part: a string, or pieces of one too large to join; a large part is deflated as
   * soon as it is written, so the job holds its compressed bytes rather than its text.
   */
  readonly written = new Map<string, string | string[] | DeflatedContent>();
  /** Parts left out of the output (the add-in's own parts that nothing refers to any more). */
  readonly removed = new Set<string>();
  /**
   * The text of the largest part read so far, or a large ASCII sheet's bytes (`sheet`): the ledger
   * sheet, which header detection, the full read and the writer each ask for. Kept, it is inflated
   * and decoded once instead of three times. A sheet kept as bytes stays while other parts are read
   * whole: the shared strings, read while it is scanned or inflated (OpenWorkbook.readAhead), are
   * larger in a ledger of long texts, and are not asked for again.
   */
  private largest: { name: string; text: string | undefined; size: number; original?: Uint8Array; sheet?: AsciiSheet } | undefined;
  /**
   * Parts read whose SpreadsheetML prefix (`x:`) was taken off (withoutSpreadsheetPrefix): the job
   * sees them as any other part, and what it writes into them gets the prefix back on the way out.
   */
  private readonly prefixes = new Map<string, string>();
  /** Bytes inflated so far, against ZipLimits.maxTotalSize. */
  private inflated = 0;
  /** Parts being inflated on the codec's thread (prefetch), each taken by its reading. */
  private readonly ahead = new Map<string, PartAhead>();
  constructor(
    readonly order: ZipEntry[],
    private readonly codec: DeflateCodec,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    for (const e of order) this.entries.set(e.name, e);
  }
  /**
   * The name a part has in the package, for a name that may differ from it in case: OPC part names
   * are compared without case, and a relationship may say worksheets/SHEET1.xml for sheet1.xml.
   */
  partName(name: string): string {
    if (this.entries.has(name) || this.written.has(name)) return name;
    const wanted = name.toLowerCase();
    // The package's own entries by their lower case, indexed once (a lookup per relationship of
    // 12,000 sheets went through every name each time); parts written since are few.
    this.entriesByLowerCase ??= new Map([...this.entries.keys()].reverse().map((n) => [n.toLowerCase(), n]));
    for (const known of this.written.keys()) if (known.toLowerCase() === wanted) return known;
    const entry = this.entriesByLowerCase.get(wanted);
    return entry !== undefined && !this.removed.has(entry) ? entry : name;
  }
  private entriesByLowerCase: Map<string, string> | undefined;
  has(name: string) {
    return !this.removed.has(name) && (this.written.has(name) || this.entries.has(name));
  }
  /** Every part name in the package as it stands. */
  names(): string[] {
    return [...new Set([...this.entries.keys(), ...this.written.keys()])].filter((n) => !this.removed.has(n));
  }
  text(name: string): string {
    const w = this.written.get(name);
    if (w !== undefined) return typeof w === 'string' ? w : Array.isArray(w) ? w.join('') : this.inflateWritten(w, name);
    const entry = this.removed.has(name) ? undefined : this.entries.get(name);
    if (!entry) throw new ZipFormatError('notZip', `missing part ${name}`);
    if (this.largest?.name === name) {
      const { sheet } = this.largest;
      // Kept as bytes (sheetSource, which made one only of ASCII without control characters):
      // decoded whole now, and checked as any part read is.
      if (sheet) return this.checkedText(name, sheet.bytes, ASCII_BYTES);
      // Let go while the job ran (releaseText): decoded again from the bytes, already checked.
      this.largest.text ??= decodePart(this.largest.original!, name, false);
      return this.largest.text;
    }
    const { bytes, facts } = this.inflate(name, entry);
    return this.checkedText(name, bytes, facts);
  }
  /**
   * A worksheet part to be read whole and perhaps rewritten: a large part of ASCII bytes only (a
   * ledger sheet as Excel, WPS and LibreOffice write it) as an AsciiSheet, which its reader checks
   * piece by piece as it goes; any other part as its text, checked as `text` checks it.
   */
  sheetSource(name: string): string | AsciiSheet {
    if (this.largest?.name === name && !this.written.has(name)) return this.largest.sheet ?? this.text(name);
    const entry = this.unwritten(name);
    if (!entry || entry.size < ASCII_SHEET_SIZES.minBytes) return this.text(name);
    const { bytes, facts } = this.inflate(name, entry);
    if (!facts.ascii || facts.control >= 0 || !unprefixedRoot(bytes)) return this.checkedText(name, bytes, facts);
    const sheet = new AsciiSheet(bytes, () => this.text(name));
    if (!this.largest?.sheet || bytes.length >= this.largest.size) this.largest = { name, text: undefined, size: bytes.length, sheet };
    return sheet;
  }
  /** Whether `sheet` is the part the package keeps (sheetSource gives it again without inflating it). */
  keeps(sheet: AsciiSheet): boolean {
    return this.largest?.sheet === sheet;
  }
  /** The entry of a part as the file has it: none once the part is written or removed. */
  private unwritten(name: string): ZipEntry | undefined {
    return this.written.has(name) || this.removed.has(name) ? undefined : this.entries.get(name);
  }
  /**
   * Starts inflating a large part on the codec's thread, where it has one, to be taken when the
   * part is read: the ledger sheet (75 MB at 100,000 rows: inflate, CRC-32 and byteFacts, 0.2 s)
   * while the job reads the shared strings. Only a part the reader would inflate as it stands: no
   * larger than a part may be, and within the limit on all parts read so far (checked again, with
   * everything else, when it is read). True when it is under way, or the part is kept already.
   */
  prefetch(name: string): boolean {
    const entry = this.unwritten(name);
    const { inflateAhead } = this.codec;
    const { maxEntrySize, maxTotalSize = Infinity } = this.limits;
    if (!inflateAhead || !entry?.record || entry.method !== 8 || entry.size < ASCII_SHEET_SIZES.minBytes) return false;
    if (entry.size > maxEntrySize || this.inflated + entry.size > maxTotalSize) return false;
    if (this.ahead.has(name) || this.largest?.name === name) return true;
    entry.load?.();
    this.ahead.set(name, inflateAhead(dataOf(entry), entry.size));
    return true;
  }
  /**
   * Lets go of the parts inflated ahead and never read, and of those deflated behind and never
   * taken (the workbook is done with; after a job that failed, for the codec's next package).
   */
  dropUntaken() {
    for (const part of this.ahead.values()) part.drop();
    this.ahead.clear();
    this.codec.abandon?.();
  }
  /**
   * Reads a part ahead of its first use (OpenWorkbook.readAhead): its bytes are counted against
   * the limit on all parts read only when `charge` is called, where it is first used, so that the
   * limit is crossed where, and at the part where, it always was; and the part read is not kept
   * as the largest (whatever was stays, as it would have). A reading that fails leaves nothing
   * behind: the part is read again, and refused, where it is first used.
   */
  readAhead<T>(name: string, read: () => T): { value: T; charge: () => void } | undefined {
    const before = this.inflated;
    const largest = this.largest;
    try {
      const value = read();
      const size = this.inflated - before;
      return {
        value,
        charge: () => {
          this.checkRoom(name, size);
          this.inflated += size;
        },
      };
    } catch {
      return undefined;
    } finally {
      this.inflated = before;
      this.largest = largest;
    }
  }
  /** Refuses `size` more bytes read, for part `name`, past the limit on all parts read. */
  private checkRoom(name: string, size: number) {
    const total = this.limits.maxTotalSize;
    if (total !== undefined && this.inflated + size > total)
      throw new ZipFormatError('tooLarge', `the parts read reach ${this.inflated + size} bytes`, { part: name, size: this.inflated + size, limit: total, total: true });
  }
  /**
   * A part's bytes, inflated and CRC-checked, counted against the limit on all parts read, and what
   * byteFacts says of them (found by the codec's thread when the part was inflated there).
   */
  private inflate(name: string, entry: ZipEntry): { bytes: Uint8Array; facts: ByteFacts } {
    this.checkRoom(name, entry.size);
    const pending = this.ahead.get(name);
    this.ahead.delete(name);
    const ahead = pending?.take();
    // Inflated ahead, it is checked here as readEntry checks it; else (or when that failed, so
    // that the reason is said as it always was) inflated now.
    const bytes = ahead ? checkedEntry(entry, ahead.bytes, () => ahead.crc) : readEntry(entry, this.codec, this.limits);
    this.inflated += bytes.length;
    const declared = declaredEncoding(bytes);
    if (declared !== null && !/^utf-8$/i.test(declared)) throw new XmlFormatError('declaredEncoding', declared, 0, name);
    return { bytes, facts: ahead ? ahead.facts : byteFacts(bytes) };
  }
  /** A part's text from its bytes: refused when it is not UTF-8, holds a character XML forbids or a tag left open, or does not nest. */
  private checkedText(name: string, bytes: Uint8Array, { ascii, control }: { ascii: boolean; control: number }): string {
    if (control >= 0) {
      // A part in UTF-16 (its first character, '<' or a space, with a NUL beside it; or its
      // byte-order mark) is said to be in UTF-16 — OPC allows it, this reader does not — not to be
      // damaged nor to hold a NUL. Two NULs are no character of either: a part of NUL bytes.
      const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      if (bom || (bytes[0] === 0) !== (bytes[1] === 0)) throw new XmlFormatError('utf16', 'UTF-16', 0, name);
      decodePart(bytes, name, false);
      // Offsets count characters, as in every XmlFormatError (the decoder drops a byte-order mark).
      throw forbiddenCharacterAt(name, decoder.decode(bytes.subarray(0, control)).length, bytes[control]);
    }
    const decoded = decodePart(bytes, name, ascii);
    const noncharacter = ascii ? -1 : decoded.search(NONCHARACTER);
    if (noncharacter >= 0) throw forbiddenCharacterAt(name, noncharacter, decoded.charCodeAt(noncharacter));
    inPart(name, () => {
      checkTagsClosed(decoded);
      checkReferences(decoded);
      // A large sheet's elements are checked by its reader (rows and cells as read, the rest around
      // its data), and the shared strings are never written; any other part the add-in may rewrite
      // (a workbook of thousands of sheets or names, a stylesheet) is checked whole, however large.
      checkElementsNested(decoded, !/^(worksheet|sst)$/.test(rootElement(decoded)?.name ?? ''));
    });
    const plain = withoutSpreadsheetPrefix(decoded);
    if (plain) this.prefixes.set(name, plain.prefix);
    const text = plain ? plain.xml : decoded;
    // The bytes stay with the text only where offsets in one are offsets in the other, as the
    // decoder made them: not once a prefix has been taken off. Nor for ASCII, whose text is as
    // small as its bytes and is kept instead of them, to be written from (not decoded twice).
    // A byte-order mark is not in the text (the decoder drops it): nor in the bytes offsets are taken in.
    const original = plain || ascii ? undefined : startsWithBom(bytes) ? bytes.subarray(3) : bytes;
    if (!this.largest || this.largest.name === name || (!this.largest.sheet && text.length >= this.largest.size)) this.largest = { name, text, size: text.length, original };
    return text;
  }
  /**
   * Lets the text of a part go while its bytes are kept, to be decoded again when next asked for:
   * the text of a ledger sheet with Chinese in it (twice its bytes) need not live through the job
   * between reading and writing. Nothing happens for a part whose bytes are not kept (its text is
   * what there is).
   */
  releaseText(name: string) {
    if (this.largest?.name === name && this.largest.original) this.largest.text = undefined;
  }
  /**
   * The bytes the text of a part was decoded from, while they are kept (the largest part read, not
   * ASCII, not rewritten, its prefix not taken off): what `writeSplice` copies runs of.
   */
  original(name: string): Uint8Array | undefined {
    return this.largest?.name === name && !this.written.has(name) ? this.largest.original : undefined;
  }
  /**
   * Rewrites a part as edits of its text: built from its original bytes where they are kept (runs
   * copied, new text encoded; an AsciiSheet's bytes are its text), from slices of its text
   * otherwise; either way made as the deflater asks, never held whole. Made from a large ASCII
   * sheet's bytes, the part may be deflated behind the parts written after it (DeflateOptions):
   * `edits` must then be made from what does not change until the package settles (settle), as
   * the ledger writer's are. (Not a sheet with other characters: its text, in the heap, would live
   * through the reports' writing.)
   */
  writeSplice(name: string, edits: Iterable<SpliceOp>) {
    const sheet = this.largest?.name === name && !this.written.has(name) ? this.largest.sheet : undefined;
    if (sheet) return this.setWritten(name, deflateEntry(namingPart(name, spliceAscii(sheet.bytes, edits)), this.codec, BEHIND));
    const old = this.text(name);
    const original = this.original(name);
    if (!original) return this.write(name, spliceText(old, edits));
    this.setWritten(name, deflateEntry(spliceBytes(old, original, edits), this.codec));
  }
  /** Takes what is left of the parts deflated behind (DeflateCodec.settle), before the package is put together. */
  settle() {
    this.codec.settle?.();
  }
  /**
   * The text of a worksheet part up to and including sheet row `rows` (1-based), closed after it:
   * only as much is inflated and decoded as those rows need, so the top of a 100,000-row sheet is
   * read in a moment (the web page's preview of the ledger it has just written, or the title of an
   * earlier run's due-list, larger than a part read whole may be). What follows the rows (merged
   * areas, …) is not there, and the CRC, which covers the whole part, is not checked: for the job's
   * own output, or to look at a cell and decide, never to copy from. At most `maxEntrySize` is
   * inflated. The whole part when it is written or stored.
   */
  textOfRows(name: string, rows: number): string {
    const entry = this.unwritten(name);
    if (!entry?.record || entry.method !== 8) return this.text(name);
    entry.load?.();
    const decoder = new TextDecoder();
    // The text as decoded pieces, each scanned once (scanned as one growing string, it was copied
    // whole at each piece), with the end of the text before it, where a tag may have been cut off.
    const pieces: string[] = [];
    let length = 0;
    let carry = '';
    let rowTags = 0;
    let cut = -1;
    let prefix = '';
    const limit = this.limits.maxEntrySize;
    let inflated = 0;
    const inflater = new Inflate((chunk) => {
      if (cut >= 0) return;
      // Bounded as a part read whole is: a part with no rows (or one endless row) is inflated to the end.
      inflated += chunk.length;
      if (inflated > limit)
        throw new ZipFormatError('tooLarge', `entry ${name} inflates past ${limit} bytes`, { part: name, offset: entry.offset, size: Math.max(inflated, entry.size), limit });
      const piece = decoder.decode(chunk, { stream: true });
      const window = carry + piece;
      // The (rows + 1)-th <row> tag has r > rows (numbers only grow): every row wanted is complete before it.
      // With or without a namespace prefix (<x:row>, as the .NET Open XML SDK writes it).
      const tag = /<([\w.-]+:)?row[\s>/]/g;
      let end = 0;
      for (let m = tag.exec(window); m; m = tag.exec(window)) {
        end = tag.lastIndex;
        if (++rowTags > rows) {
          cut = length - carry.length + m.index;
          prefix = m[1] ?? '';
          break;
        }
      }
      pieces.push(piece);
      length += piece.length;
      // A tag cut off at the end of this piece (a prefix and all) is counted with the next one.
      carry = window.slice(Math.max(end, window.length - 16));
    });
    const data = dataOf(entry);
    // Fed a kilobyte first, then twice as much each time up to 64 KB: deflate may grow each step a
    // thousandfold, and a part whose first row is all that is wanted was inflated and decoded whole
    // from one 64 KB step (40 sheets of 15 MB, looked at for their <sheetData> when no ledger was
    // found: 2.4 s).
    try {
      for (let at = 0, step = 1 << 10; at < data.length && cut < 0; at += step, step = Math.min(step * 2, 1 << 16))
        inflater.push(data.subarray(at, at + step), at + step >= data.length);
    } catch (e) {
      if (e instanceof ZipFormatError) throw e;
      throw new ZipFormatError('damaged', `entry ${name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`, { part: name, offset: entry.offset });
    }
    const text = pieces.join('');
    return cut < 0 ? text : `${text.slice(0, cut)}</${prefix}sheetData></${prefix}worksheet>`;
  }
  /**
   * New content for a part: a string, pieces of one, or pieces made as they are asked for (a
   * report sheet's rows), which are encoded and deflated now, never held whole.
   */
  write(name: string, xml: string | string[] | Iterable<string>) {
    const length = typeof xml === 'string' ? xml.length : Array.isArray(xml) ? xml.reduce((n, piece) => n + piece.length, 0) : Infinity;
    this.setWritten(name, length >= DEFLATE_AT_ONCE_CHARS ? deflateEntry(utf8Pieces(this.asWritten(name, xml)), this.codec) : (xml as string | string[]));
  }
  private setWritten(name: string, content: string | string[] | DeflatedContent) {
    this.removed.delete(name);
    // The part's old text is no longer its content: a rewritten ledger sheet's 90 MB go now.
    if (this.largest?.name === name) this.largest = undefined;
    this.written.set(name, content);
  }
  /** A part's content as it goes into the file: with the prefix it was read with, if any. */
  private asWritten(name: string, xml: string | Iterable<string>): string | Iterable<string> {
    const prefix = this.prefixes.get(name);
    if (!prefix) return xml;
    if (typeof xml === 'string') return withSpreadsheetPrefix(xml, prefix);
    return (function* () {
      for (const piece of xml) yield withSpreadsheetPrefix(piece, prefix);
    })();
  }
  /** A written part read back after it was deflated (nothing does this on the way to the output). */
  private inflateWritten(content: DeflatedContent, name: string): string {
    const joined = new Uint8Array(content.compressed.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of content.compressed) {
      joined.set(c, at);
      at += c.length;
    }
    const text = decodePart(this.codec.inflate(joined, content.size), name);
    return this.prefixes.has(name) ? (withoutSpreadsheetPrefix(text)?.xml ?? text) : text;
  }
  remove(name: string) {
    if (!this.has(name)) return;
    this.written.delete(name);
    this.removed.add(name);
  }
  private newContent(name: string, content: string | string[] | DeflatedContent): ZipOutput {
    return typeof content === 'string' || Array.isArray(content) ? { name, pieces: utf8Pieces(this.asWritten(name, content)) } : { name, deflated: content };
  }
  /** The new package as the buffers it is made of, in order: a file is written from them as they are. */
  toPieces(): Uint8Array[] {
    this.settle();
    const outputs: ZipOutput[] = [];
    for (const e of this.order) {
      if (this.removed.has(e.name)) continue;
      const w = this.written.get(e.name);
      outputs.push(w === undefined ? { copy: e } : this.newContent(e.name, w));
    }
    for (const [name, xml] of this.written) if (!this.entries.has(name)) outputs.push(this.newContent(name, xml));
    return writeZipPieces(outputs, this.codec);
  }
}
