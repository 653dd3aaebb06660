import { WordIndex } from '../masking';

/**
 * Finds the ledger's party names inside free text, so that a party of one dispute mentioned in
 * another dispute's description is masked too: one WordIndex of every name, looked for in one pass
 * of each text (masking/word-index.ts).
 * Single-character names are not indexed (too many false hits), nor ones longer than a name is;
 * each dispute still masks its own.
 */
export class NameIndex {
  private readonly words = new WordIndex();

  add(name: string): void {
    const n = name.trim();
    if (n.length >= 2 && n.length <= MAX_INDEXED_NAME_CHARS) this.words.add(n);
  }

  /** The indexed names that occur in any of the texts, in the order found. */
  find(...texts: string[]): string[] {
    return this.words.occurring(...texts);
  }
}

/** Longer than any person's or unit's name: a party cell that long holds several, unsplit. */
const MAX_INDEXED_NAME_CHARS = 40;

/** Own parties first, then the other names found, without repeats or blanks. */
export function mergeNames(own: readonly string[], found: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of own) if (n.trim() !== '') out.add(n.trim());
  for (const n of found) out.add(n);
  return [...out];
}
