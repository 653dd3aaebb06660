import { readEntry, writeZip, ZipFormatError, type DeflateCodec, type ZipEntry, type ZipOutput } from './zip';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** UTF-8 of a string or of pieces, encoded a few megabytes at a time so no giant string is built. */
function encodeUtf8(content: string | string[]): Uint8Array {
  if (typeof content === 'string') return encoder.encode(content);
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  const flush = () => {
    chunks.push(encoder.encode(batch.join('')));
    batch = [];
    batchLength = 0;
  };
  for (const piece of content) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 1 << 22) flush();
  }
  flush();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The package as the job sees it: parts by name, read on demand, and the parts it has changed or dropped. */
export class Package {
  readonly entries = new Map<string, ZipEntry>();
  /** New content by part: a string, or pieces of one too large to join. */
  readonly written = new Map<string, string | string[]>();
  /** Parts left out of the output (the add-in's own parts that nothing refers to any more). */
  readonly removed = new Set<string>();
  constructor(
    readonly order: ZipEntry[],
    private readonly codec: DeflateCodec,
  ) {
    for (const e of order) this.entries.set(e.name, e);
  }
  has(name: string) {
    return !this.removed.has(name) && (this.written.has(name) || this.entries.has(name));
  }
  /** Every part name in the package as it stands. */
  names(): string[] {
    return [...new Set([...this.entries.keys(), ...this.written.keys()])].filter((n) => !this.removed.has(n));
  }
  text(name: string): string {
    const w = this.written.get(name);
    if (w !== undefined) return typeof w === 'string' ? w : w.join('');
    const entry = this.removed.has(name) ? undefined : this.entries.get(name);
    if (!entry) throw new ZipFormatError('notZip', `missing part ${name}`);
    return decoder.decode(readEntry(entry, this.codec));
  }
  write(name: string, xml: string | string[]) {
    this.removed.delete(name);
    this.written.set(name, xml);
  }
  remove(name: string) {
    if (!this.has(name)) return;
    this.written.delete(name);
    this.removed.add(name);
  }
  toBytes(): Uint8Array {
    const outputs: ZipOutput[] = [];
    for (const e of this.order) {
      if (this.removed.has(e.name)) continue;
      const w = this.written.get(e.name);
      outputs.push(w === undefined ? { copy: e } : { name: e.name, data: encodeUtf8(w) });
    }
    for (const [name, xml] of this.written) if (!this.entries.has(name)) outputs.push({ name, data: encodeUtf8(xml) });
    return writeZip(outputs, this.codec);
  }
}
