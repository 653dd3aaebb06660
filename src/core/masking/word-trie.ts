/**
 * Words held character by character, to find in a text in one pass: from each position the trie is
 * walked only as far as the text goes on like a word, and no further than the longest word it
 * holds. For a row whose cells list thousands of names or address parts, where looking for each in
 * turn cost their number times the text's length (100 rows of 10,000 names and 6,400 address parts
 * ran for 73 s). Words longer than MAX_TRIE_WORD (several names left unsplit) are looked for whole,
 * as before: walked in the trie, one such word made every position of a text that repeats its
 * start cost its length (3–5 s a cell).
 */
export class WordTrie {
  private readonly root: TrieNode = { next: new Map() };
  private readonly long: string[] = [];
  /** The long words that occur in the text looked at last (a text is looked at from every position). */
  private longIn: { text: string; words: string[] } = { text: '', words: [] };

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length > MAX_TRIE_WORD) {
        this.long.push(word);
        continue;
      }
      let node = this.root;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: new Map() }));
        node = child;
      }
      node.word = true;
    }
  }

  /** The length of the longest word that starts at `at` in `text`, 0 if none does. */
  longestAt(text: string, at: number): number {
    let node: TrieNode | undefined = this.root;
    let longest = 0;
    for (let k = at; k < text.length; k++) {
      node = node.next.get(text.charCodeAt(k));
      if (!node) break;
      if (node.word) longest = k + 1 - at;
    }
    for (const word of this.longWordsIn(text)) if (word.length > longest && text.startsWith(word, at)) longest = word.length;
    return longest;
  }

  /** The words that occur in `text`. */
  occurring(text: string): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let k = i; k < text.length; k++) {
        node = node.next.get(text.charCodeAt(k));
        if (!node) break;
        if (node.word) found.add(text.slice(i, k + 1));
      }
    }
    for (const word of this.longWordsIn(text)) found.add(word);
    return found;
  }

  private longWordsIn(text: string): readonly string[] {
    if (this.long.length === 0) return NO_WORDS;
    if (this.longIn.text !== text) this.longIn = { text, words: this.long.filter((word) => text.includes(word)) };
    return this.longIn.words;
  }
}

/** Longer than a person's name or a part of an address. */
const MAX_TRIE_WORD = 64;
const NO_WORDS: readonly string[] = [];

interface TrieNode {
  next: Map<number, TrieNode>;
  word?: boolean;
}
