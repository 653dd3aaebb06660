/**
 * Finds the ledger's party names inside free text, so that a party of one dispute mentioned in
 * another dispute's description is masked too. Names are indexed by their first two characters,
 * then by length: at each position of a text a lookup asks one set per length that the names
 * starting so have, which keeps it linear in the text's length even with 100,000 rows of parties,
 * however many names share two characters. (Compared one by one, names sharing them — 5,000 to a
 * row, in 60 rows — made a 753 KB file run for 104 s.)
 * Single-character names are not indexed (too many false hits), nor ones longer than a name is;
 * each dispute still masks its own.
 */
export class NameIndex {
  /** Keyed by the first two code units as one number, so a lookup at each position of a text cuts no string until a name may start there. */
  private readonly byPrefix = new Map<number, { names: Set<string>; lengths: number[] }>();

  add(name: string): void {
    const n = name.trim();
    if (n.length < 2 || n.length > MAX_INDEXED_NAME_CHARS) return;
    const prefix = prefixAt(n, 0);
    const bucket = this.byPrefix.get(prefix);
    if (!bucket) this.byPrefix.set(prefix, { names: new Set([n]), lengths: [n.length] });
    else if (!bucket.names.has(n)) {
      bucket.names.add(n);
      if (!bucket.lengths.includes(n.length)) bucket.lengths.push(n.length);
    }
  }

  /** The indexed names that occur in any of the texts, in the order found. */
  find(...texts: string[]): string[] {
    const found = new Set<string>();
    if (this.byPrefix.size === 0) return [];
    for (const text of texts) {
      for (let i = 0; i + 1 < text.length; i++) {
        const bucket = this.byPrefix.get(prefixAt(text, i));
        if (!bucket) continue;
        if (bucket.names.size <= FEW_NAMES) {
          // Most buckets hold a name or two: compared where they stand, no string cut.
          for (const name of bucket.names) if (text.startsWith(name, i)) found.add(name);
          continue;
        }
        for (const length of bucket.lengths) {
          if (i + length > text.length) continue;
          const name = text.slice(i, i + length);
          if (bucket.names.has(name)) found.add(name);
        }
      }
    }
    return [...found];
  }
}

/** Up to this many names starting alike are each compared in place. */
const FEW_NAMES = 8;

/** Longer than any person's or unit's name: a party cell that long holds several, unsplit. */
const MAX_INDEXED_NAME_CHARS = 40;

/** The two code units at `i` as one number. */
function prefixAt(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/** Own parties first, then the other names found, without repeats or blanks. */
export function mergeNames(own: readonly string[], found: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of own) if (n.trim() !== '') out.add(n.trim());
  for (const n of found) out.add(n);
  return [...out];
}
