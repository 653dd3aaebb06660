/**
 * Many words found in a text in one pass: the names of a row's parties or of a whole ledger, the
 * parts of an address. A burst trie: words that share a prefix are held in a short list until more
 * than BURST of them do, and only then split by their next character. So a list of a few names
 * costs one small array, 200,000 names of a ledger cost about one node per distinct start (not one
 * per character, as a plain trie would), and at any position of a text a lookup follows the text
 * down at most as many nodes as the longest word has characters, then compares at most BURST words
 * in place: linear in the text, however many words share a start. (Looked for one by one, 10,000
 * names in each of 100 rows ran for 73 s; indexed by their first two characters only, 5,000 names
 * sharing them in each of 60 rows, 104 s.)
 *
 * Words longer than MAX_WALKED (several names left unsplit in one cell) are not walked: compared at
 * every position of a text that repeats their start, one such word costs its length there (3–5 s a
 * cell of 32,767 characters). Their occurrences are found by the engine's `indexOf`, each searched
 * for again only once a lookup has passed it. (That search can cost the text's length times the
 * word's, as `includes` can: a handout masks a window of at most 1,000 characters of a text,
 * core/report/excerpt.ts, which bounds both.)
 */
export class WordIndex {
  private readonly root: Node = { next: null, words: [], end: false };
  private readonly long: string[] = [];
  /** For the text looked at last from `at` on: each long word's first occurrence at or after `at` (-1: none). */
  private longCursor: { text: string; at: number; next: number[] } = { text: '', at: 0, next: [] };

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  /** Adds a word (as it is: callers trim and choose); the empty word is never found. */
  add(word: string): void {
    if (word.length === 0) return;
    if (word.length > MAX_WALKED) {
      if (!this.long.includes(word)) this.long.push(word);
      this.longCursor = { text: '', at: 0, next: [] };
      return;
    }
    insert(this.root, 0, word);
  }

  /** The length of the longest word that starts at `at` in `text`, 0 if none does. */
  longestAt(text: string, at: number): number {
    let longest = 0;
    let node: Node | undefined = this.root;
    for (let depth = 0; node; depth++) {
      if (node.next === null) {
        for (const word of node.words) if (word.length > longest && text.startsWith(word, at)) longest = word.length;
        break;
      }
      if (node.end) longest = depth;
      if (at + depth >= text.length) break;
      node = node.next.get(text.charCodeAt(at + depth));
    }
    return this.long.length === 0 ? longest : Math.max(longest, this.longestLongAt(text, at));
  }

  /** The words that occur in any of the texts, each once, in the order found (by position, shorter first). */
  occurring(...texts: string[]): string[] {
    const found = new Set<string>();
    for (const text of texts) {
      if (this.root.next === null) {
        // A few words: each looked for by the engine's own search.
        for (const word of this.root.words) if (text.includes(word)) found.add(word);
      } else {
        for (let at = 0; at < text.length; at++) this.collectAt(text, at, found);
      }
      for (const word of this.long) if (text.includes(word)) found.add(word);
    }
    return [...found];
  }

  /** Adds to `found` every walked word that starts at `at`. */
  private collectAt(text: string, at: number, found: Set<string>): void {
    let node: Node | undefined = this.root;
    for (let depth = 0; node; depth++) {
      if (node.next === null) {
        for (const word of node.words) if (text.startsWith(word, at)) found.add(word);
        return;
      }
      if (node.end) found.add(text.slice(at, at + depth));
      if (at + depth >= text.length) return;
      node = node.next.get(text.charCodeAt(at + depth));
    }
  }

  /**
   * The longest long word at `at`. A text is looked at from left to right (maskNames), so each long
   * word's next occurrence is kept and searched for again only once passed: a word that occurs at
   * every position of a text repeating it is searched for once per masked occurrence, not once per
   * position (which cost its length at each: quadratic).
   */
  private longestLongAt(text: string, at: number): number {
    let cursor = this.longCursor;
    if (cursor.text !== text || at < cursor.at) cursor = this.longCursor = { text, at, next: this.long.map((word) => text.indexOf(word, at)) };
    cursor.at = at;
    let longest = 0;
    for (let k = 0; k < this.long.length; k++) {
      let next = cursor.next[k];
      if (next !== -1 && next < at) cursor.next[k] = next = text.indexOf(this.long[k], at);
      if (next === at && this.long[k].length > longest) longest = this.long[k].length;
    }
    return longest;
  }
}

/**
 * A WordIndex for each list it is given, made once per list (the same list is looked for in each
 * cell of a row), of the words `wordOf` makes of the list's items ('' leaves an item out).
 */
export function indexPerList(wordOf: (item: string) => string = (item) => item): (list: readonly string[]) => WordIndex {
  const made = new WeakMap<readonly string[], WordIndex>();
  return (list) => {
    let index = made.get(list);
    if (!index) {
      index = new WordIndex();
      for (const item of list) index.add(wordOf(item));
      made.set(list, index);
    }
    return index;
  };
}

/** How many words sharing a prefix are held in one list, compared in place, before they are split by their next character. */
const BURST = 8;
/** Longer than a person's name or a part of an address. */
const MAX_WALKED = 64;

/**
 * A node of the trie: while few words share its prefix, the words themselves (`words`, `next` null);
 * then children by their next code unit (`next`), and `end` where a word is the prefix itself.
 */
interface Node {
  next: Map<number, Node> | null;
  words: string[];
  end: boolean;
}

function insert(start: Node, startDepth: number, word: string): void {
  let node = start;
  for (let depth = startDepth; ; depth++) {
    if (node.next === null) {
      if (node.words.includes(word)) return;
      node.words.push(word);
      if (node.words.length > BURST) burst(node, depth);
      return;
    }
    if (depth === word.length) {
      node.end = true;
      return;
    }
    const code = word.charCodeAt(depth);
    const child = node.next.get(code);
    if (!child) {
      node.next.set(code, { next: null, words: [word], end: false });
      return;
    }
    node = child;
  }
}

/** Splits a list grown past BURST by the words' next character (each word there is at least `depth` long). */
function burst(node: Node, depth: number): void {
  const words = node.words;
  node.words = NO_WORDS;
  node.next = new Map();
  for (const word of words) insert(node, depth, word);
}

const NO_WORDS: string[] = [];
