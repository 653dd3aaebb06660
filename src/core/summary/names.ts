/**
 * Finds the ledger's party names inside free text, so that a party of one dispute mentioned in
 * another dispute's description is masked too. Names are indexed by their first two characters,
 * which keeps a lookup linear in the text's length even with 100,000 rows of parties.
 * Single-character names are not indexed (too many false hits); each dispute still masks its own.
 */
export class NameIndex {
  /** Keyed by the first two code units as one number, so a lookup at each position of a text cuts no string. */
  private readonly byPrefix = new Map<number, string[]>();
  private readonly seen = new Set<string>();

  add(name: string): void {
    const n = name.trim();
    if (n.length < 2 || this.seen.has(n)) return;
    this.seen.add(n);
    const prefix = prefixAt(n, 0);
    const list = this.byPrefix.get(prefix);
    if (list) list.push(n);
    else this.byPrefix.set(prefix, [n]);
  }

  /** The indexed names that occur in any of the texts, in first-seen order. */
  find(...texts: string[]): string[] {
    const found = new Set<string>();
    if (this.byPrefix.size === 0) return [];
    for (const text of texts) {
      for (let i = 0; i + 1 < text.length; i++) {
        const list = this.byPrefix.get(prefixAt(text, i));
        if (!list) continue;
        for (const name of list) if (text.startsWith(name, i)) found.add(name);
      }
    }
    return [...found];
  }
}

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
