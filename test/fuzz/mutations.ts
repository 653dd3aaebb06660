/**
 * Seeded mutations of a workbook package, each a damaged or hostile file of a kind that reaches
 * the file host from other offices: cut short, bits flipped in the deflate data or the XML,
 * closing tags lost, merged areas and row numbers past Excel's grid, inflate bombs, duplicate
 * entries, comments, CDATA and processing instructions around cells, zip64 re-packaging.
 */
import { readZip } from '../../src/hosts/xlsx';
import { partsOf, prefixSpreadsheetMl, writeRawZip, zeros, type RawEntry } from './zip-tools';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG, the same sequence everywhere for a seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}
export type Rng = ReturnType<typeof prng>;

export interface Fixture {
  file: string;
  bytes: Uint8Array;
  /** The ledger sheet's part, and the parts the job reads. */
  sheetPart: string;
  readParts: string[];
}

export interface Mutant {
  label: string;
  bytes: Uint8Array;
  /**
   * 'original': the mutation leaves the XML as it was (a zip-level change), so a run that succeeds
   * must read the original's values. 'mutated': the XML changed, so the reference reads the mutant.
   */
  reference: 'original' | 'mutated';
  limits?: { maxEntrySize: number };
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function editText(parts: RawEntry[], name: string, edit: (xml: string) => string): RawEntry[] {
  return parts.map((p) => (p.name === name ? { ...p, data: enc.encode(edit(dec.decode(p.data))) } : p));
}

/** A part the job reads, the ledger sheet half the time. */
function readPart(rng: Rng, f: Fixture): string {
  return rng.next() < 0.5 ? f.sheetPart : rng.pick(f.readParts);
}

function flipBits(bytes: Uint8Array, rng: Rng, from: number, to: number, count: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < count && to > from; i++) out[from + rng.int(to - from)] ^= 1 << rng.int(8);
  return out;
}

/** Indexes of every occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string | RegExp): number[] {
  const at: number[] = [];
  const re = typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g') : new RegExp(needle.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index);
  return at;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

type Operator = (rng: Rng, f: Fixture) => Mutant;

export const OPERATORS: Record<string, Operator> = {
  truncate(rng, f) {
    const at = rng.next() < 0.3 ? f.bytes.length - 1 - rng.int(200) : rng.int(f.bytes.length);
    return { label: `cut at ${at} of ${f.bytes.length}`, bytes: f.bytes.slice(0, Math.max(0, at)), reference: 'original' };
  },

  flipDeflate(rng, f) {
    const name = readPart(rng, f);
    const entry = readZip(f.bytes).find((e) => e.name === name)!;
    const start = entry.offset + entry.dataOffset;
    const bits = 1 + rng.int(4);
    return { label: `${bits} bit(s) flipped in the deflate data of ${name}`, bytes: flipBits(f.bytes, rng, start, start + entry.compressedSize, bits), reference: 'original' };
  },

  flipAnywhere(rng, f) {
    const bits = 1 + rng.int(3);
    // Headers and directory are a small part of the file: aim at them a third of the time.
    const directory = f.bytes.length - Math.min(f.bytes.length, 3000);
    const from = rng.next() < 0.33 ? directory : 0;
    return { label: `${bits} bit(s) flipped from byte ${from}`, bytes: flipBits(f.bytes, rng, from, f.bytes.length, bits), reference: 'original' };
  },

  flipXml(rng, f) {
    const name = readPart(rng, f);
    const parts = partsOf(f.bytes);
    const part = parts.find((p) => p.name === name)!;
    const bits = 1 + rng.int(3);
    // Within the sheet data most of the time: that is where a flip changes what is read.
    const text = dec.decode(part.data);
    const dataAt = text.indexOf('<sheetData');
    const from = dataAt > 0 && rng.next() < 0.8 ? Buffer.byteLength(text.slice(0, dataAt)) : 0;
    const data = flipBits(part.data, rng, from, part.data.length, bits);
    return { label: `${bits} bit(s) flipped in the XML of ${name}`, bytes: writeRawZip(parts.map((p) => (p === part ? { ...p, data } : p))), reference: 'mutated' };
  },

  dropClosingTag(rng, f) {
    const name = readPart(rng, f);
    const parts = partsOf(f.bytes);
    const text = dec.decode(parts.find((p) => p.name === name)!.data);
    const tags = ['</c>', '</row>', '</si>', '</t>', '</v>', '</sheetData>', '</is>', '</sheets>', '</mergeCells>', '</Relationships>', '</cellXfs>'];
    const present = tags.filter((t) => text.includes(t));
    const tag = present.length ? rng.pick(present) : '>';
    const spots = occurrences(text, tag);
    const at = rng.pick(spots);
    return {
      label: `${tag} removed at ${at} of ${name}`,
      bytes: writeRawZip(editText(parts, name, (xml) => xml.slice(0, at) + xml.slice(at + tag.length))),
      reference: 'mutated',
    };
  },

  hugeMerge(rng, f) {
    const ref = rng.pick(['A306:XFD1048576', 'A1:XFD1048576', `B${2 + rng.int(40)}:C1048576`, `A${1 + rng.int(20)}:XFD${1 + rng.int(20)}`, 'A1:XFE2', 'A1:A1048577']);
    const parts = editText(partsOf(f.bytes), f.sheetPart, (xml) =>
      /<mergeCells\b[^>]*>/.test(xml)
        ? xml.replace(/<mergeCells\b[^>]*>/, (m) => `${m}<mergeCell ref="${ref}"/>`)
        : xml.replace(/<\/sheetData>|<sheetData\/>/, (m) => `${m}<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`),
    );
    return { label: `merged area ${ref} added`, bytes: writeRawZip(parts), reference: 'mutated' };
  },

  hugeRow(rng, f) {
    const r = rng.pick(['4294967295', '1048577', '1048576', '0', '-1', '1e3', '0x10', '99999999999', '2147483648']);
    const parts = partsOf(f.bytes);
    const text = dec.decode(parts.find((p) => p.name === f.sheetPart)!.data);
    const rows = occurrences(text, /<row\b[^>]*\br="\d+"/);
    const at = rng.pick(rows);
    const alsoCells = rng.next() < 0.5;
    const edited = text.slice(0, at) + text.slice(at).replace(/(<row\b[^>]*\br=")(\d+)(")([^]*?)(<\/row>|$)/, (_m, a, n: string, b, body: string, end) => {
      const cells = alsoCells ? body.replace(new RegExp(`(r="[A-Z]+)${n}"`, 'g'), `$1${r}"`) : body;
      return `${a}${r}${b}${cells}${end}`;
    });
    return { label: `a row numbered ${r}${alsoCells ? ' with its cells' : ''}`, bytes: writeRawZip(editText(parts, f.sheetPart, () => edited)), reference: 'mutated' };
  },

  bomb(rng, f) {
    const name = readPart(rng, f);
    const parts = partsOf(f.bytes);
    const kind = rng.int(3);
    const size = (3 + rng.int(4)) * 1024 * 1024;
    const compressed = zeros(size);
    const part = parts.find((p) => p.name === name)!;
    if (kind === 0) {
      // The header lies: the original size and CRC, a stream of megabytes.
      return { label: `${size >> 20} MB of zeros declared as ${name}'s ${part.data.length} bytes`, bytes: writeRawZip(parts.map((p) => (p === part ? { ...p, compressed } : p))), reference: 'original' };
    }
    const bomb = parts.map((p) => (p === part ? { ...p, data: new Uint8Array(size), compressed } : p));
    if (kind === 1) return { label: `${name} replaced by ${size >> 20} MB of zeros, limit 2 MB`, bytes: writeRawZip(bomb), reference: 'mutated', limits: { maxEntrySize: 2 * 1024 * 1024 } };
    return { label: `${name} declared as 300 MB`, bytes: writeRawZip(parts.map((p) => (p === part ? { ...p, size: 300 * 1024 * 1024, compressed: zeros(1) } : p))), reference: 'original' };
  },

  duplicate(rng, f) {
    const parts = partsOf(f.bytes);
    const part = rng.pick(parts);
    const name = rng.next() < 0.5 ? part.name : part.name.toUpperCase();
    const copy = { ...part, name, data: rng.next() < 0.5 ? part.data : enc.encode('<x/>') };
    const at = rng.int(parts.length + 1);
    return { label: `${part.name} again as ${name}`, bytes: writeRawZip([...parts.slice(0, at), copy, ...parts.slice(at)]), reference: 'original' };
  },

  markup(rng, f) {
    const parts = partsOf(f.bytes);
    const name = rng.next() < 0.75 ? f.sheetPart : rng.pick(f.readParts.filter((p) => p.endsWith('.xml')));
    let text = dec.decode(parts.find((p) => p.name === name)!.data);
    const labels: string[] = [];
    for (let n = 1 + rng.int(4); n > 0; n--) {
      const what = rng.int(3);
      if (what === 0) {
        // A comment or processing instruction between two tags, holding markup that must not be read.
        const inserts = ['<!-- a note -->', '<!-- <c r="A1" t="inlineStr"><is><t>红 砍死 杀人</t></is></c> -->', '<!-- </sheetData> -->', '<!-- </row></sheetData> -->', '<?tricolor x="</c>"?>', '<!---->'];
        const insert = rng.pick(inserts);
        const spots = occurrences(text, '><').map((i) => i + 1);
        const at = rng.pick(spots);
        text = text.slice(0, at) + insert + text.slice(at);
        labels.push(`${insert} at ${at}`);
      } else {
        // A value or text wrapped in CDATA, or a cell commented out.
        const spots = occurrences(text, /<(v|t)(?: [^>]*)?>[^<]+<\/\1>|<c\b[^>]*>(?:(?!<\/c>)[^])*<\/c>/);
        if (!spots.length) continue;
        const at = rng.pick(spots);
        const m = /^<(v|t)((?: [^>]*)?)>([^<]+)<\/\1>|^<c\b[^>]*>(?:(?!<\/c>)[^])*<\/c>/.exec(text.slice(at))!;
        const replacement = m[1] ? `<${m[1]}${m[2] ?? ''}><![CDATA[${unescape(m[3])}]]></${m[1]}>` : `<!--${m[0].replace(/--/g, '- -')}-->`;
        text = text.slice(0, at) + replacement + text.slice(at + m[0].length);
        labels.push(m[1] ? `CDATA at ${at}` : `cell commented out at ${at}`);
      }
    }
    return { label: `${name}: ${labels.join(', ')}`, bytes: writeRawZip(editText(parts, name, () => text)), reference: 'mutated' };
  },

  phonetics(rng, f) {
    // Phonetic guides (<rPh>) after a string item's text, by the hundred thousand: closed where they
    // open, or around a reading of their own. Never text; read in one pass (each <rPh/> was once
    // searched for an end tag to the end of the part: minutes for a 50 KB file).
    const parts = partsOf(f.bytes);
    const itemEnd = /<\/t><\/(?:si|is)>/;
    const candidates = ['xl/sharedStrings.xml', f.sheetPart].filter((name) => {
      const part = parts.find((p) => p.name === name);
      return !!part && itemEnd.test(dec.decode(part.data));
    });
    if (candidates.length === 0) return { label: 'no string item to add phonetic guides to', bytes: f.bytes, reference: 'original' };
    const name = rng.pick(candidates);
    const text = dec.decode(parts.find((p) => p.name === name)!.data);
    const at = rng.pick(occurrences(text, itemEnd)) + '</t>'.length;
    const guide = rng.pick(['<rPh/>', '<rPh sb="0" eb="1"/>', '<rPh sb="0" eb="1"><t>du</t></rPh>']);
    // Fewer runs with a reading inside: the reference's DOM takes 15 µs for each (our reader 1.5).
    const count = guide.includes('<t>') ? 20_000 + rng.int(30_000) : 60_000 + rng.int(90_000);
    const edited = text.slice(0, at) + guide.repeat(count) + text.slice(at);
    return { label: `${name}: ${count} × ${guide} at ${at}`, bytes: writeRawZip(editText(parts, name, () => edited)), reference: 'mutated' };
  },

  zip64(rng, f) {
    const descriptor = rng.next() < 0.5;
    return { label: `re-packed as zip64${descriptor ? ' with data descriptors' : ''}`, bytes: writeRawZip(partsOf(f.bytes), { zip64: true, descriptor }), reference: 'original' };
  },

  prefixed(_rng, f) {
    const parts = partsOf(f.bytes).map((p) =>
      [f.sheetPart, 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'].includes(p.name) ? { ...p, data: enc.encode(prefixSpreadsheetMl(dec.decode(p.data))) } : p,
    );
    return { label: 'SpreadsheetML parts written with the x: prefix', bytes: writeRawZip(parts), reference: 'mutated' };
  },

  moveCell(rng, f) {
    const parts = partsOf(f.bytes);
    const text = dec.decode(parts.find((p) => p.name === f.sheetPart)!.data);
    const spots = occurrences(text, /<c r="[A-Z]+\d+"/);
    const at = rng.pick(spots);
    const to = rng.pick(['A', 'B', 'M', 'Z', 'AA', 'XFD', 'XFE']);
    const edited = text.slice(0, at) + text.slice(at).replace(/^<c r="[A-Z]+(\d+)"/, `<c r="${to}$1"`);
    return { label: `a cell moved to column ${to} at ${at}`, bytes: writeRawZip(editText(parts, f.sheetPart, () => edited)), reference: 'mutated' };
  },
};
