import { foldForMatching } from '../cells';

/**
 * Reading a ledger line the way domain.md says: the text is cut into sentences and clauses, every
 * word of every class is found in one pass over a trie, and a word counts only where no negation
 * denies it, no retraction later in its sentence takes it back, and no exclusion covers it.
 */

/** A span of the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A word found in the text, with the clause and sentence it stands in. */
export interface Hit extends Span {
  clause: number;
  sentence: number;
}

/** Sentences end at 。；;！!？? and line breaks. */
const SENTENCE_END = /[。；;！!？?\n\r]/;
/**
 * Clauses end at commas and colons as well ("拖欠工资：…", "当场威胁：今晚就…"). A 、 only lists
 * within a clause ("拳打脚踢，致其头部、腰部受伤"), so it ends none.
 */
const CLAUSE_END = /[，,：:。；;！!？?\n\r]/;
/** A negation reaches across 、 (未发现持刀、扬言报复等情况) but not past a comma or a 但. */
const NEGATION_STOP = /[，,。；;！!？?\n\r]/;
const NEGATION_BREAKERS = ['但', '却', '后又', '仍然', '仍'];
/**
 * A party contesting what was said of him (张某辩称…不实, 郭某辩解：举报不实) is no finding that it
 * was untrue: between a word and a retraction it stops the retraction, as a 但 does.
 */
const CONTESTING = ['辩称', '辩解', '声辩', '狡辩', '矢口否认'];
/** How many clauses before a verdict the report it answers may start. */
const REPORT_REACH = 2;
/** How much a clause that is a verdict may say besides its retraction: 经民警核实 (5). */
const VERDICT_EXTRA = 6;
/** How far a negation reaches: 未发现有持刀, 否认曾经多次威胁对方. */
const NEGATION_REACH = 10;

const SPACE = 0x20;
/** A Han character (the unified ideographs, extension A and the compatibility block). */
function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** What one trie entry is: a word of a class, a class's exclusion, or one of the preset's lists. */
const WORD = 0;
const EXCLUDE = 1;
const EXCLUSION = 2;
const NEGATION = 3;
const NOT_NEGATION = 4;
const BREAKER = 5;
const RETRACTION = 6;
const REPORT = 7;
const CONTEST = 8;

interface TrieNode {
  /** Children by UTF-16 code unit: numbers, so scanning creates no one-character strings. */
  next: Map<number, TrieNode>;
  /** Entries ending here as kind * 65536 + class (the class only for WORD and EXCLUDE). */
  terms: number[];
}

/** The lists a scanner is built from; classes are numbered by their position. */
export interface ScannerLists {
  classes: { words: readonly string[]; exclude?: readonly string[]; context?: boolean }[];
  exclusions: readonly string[];
  negations: readonly string[];
  notNegations: readonly string[];
  retractions?: readonly string[];
  /** Words that mark a clause as a report (网传, 反映): with them, a retraction takes back only reported words. */
  reports?: readonly string[];
}

/**
 * Texts repeat down a ledger (a type, a place, a name; one description pasted into several columns
 * or rows, or one shared string behind thousands of cells): their scans are kept and shared. The
 * cache is bounded by entries and by what its scans hold (ScannedText.weight, about two bytes a
 * unit: 1M units is a few megabytes), and emptied when either is reached. Long texts are kept too:
 * a 14 KB file whose 5,400 cells all point at one 32,767-character shared string was scanned
 * 1,200 times (78 s); now once.
 */
const CACHE_SIZE = 4096;
const CACHE_WEIGHT = 1 << 20;
/** The heaviest scan kept beside the cache: any cell Excel can hold (32,767 characters, a few hits at each) weighs less, and it holds about 16 MB at most. */
const HEAVY_WEIGHT = 1 << 23;

/** Word lists compiled into one trie: a text is scanned once, whatever the number of classes. */
export class Scanner {
  private readonly root: TrieNode = { next: new Map(), terms: [] };
  private readonly cache = new Map<string, ScannedText>();
  private cachedWeight = 0;
  /** The last scan too heavy for the cache (ScannedText.weight): one is held, whatever its weight. */
  private heavy: ScannedText | undefined;
  private readonly found: number[] = [];
  /** The root's children by code unit, in an array: the first step from every character is one read. */
  private readonly starts: (TrieNode | undefined)[] = new Array(65536);
  readonly classCount: number;
  /** Classes that describe the setting: neither negation nor the preset's exclusions apply to them. */
  private readonly context: boolean[];
  /** Whether the preset says which clauses are reports: then only those are taken back. */
  private readonly reportsGiven: boolean;
  /** The longest word of any list: how far back a span that reaches a position can start. */
  private longest = 1;

  constructor(lists: ScannerLists) {
    this.classCount = lists.classes.length;
    this.context = lists.classes.map((c) => c.context === true);
    lists.classes.forEach((c, cls) => {
      for (const w of c.words) this.add(w, WORD, cls);
      for (const w of c.exclude ?? []) this.add(w, EXCLUDE, cls);
    });
    for (const w of lists.exclusions) this.add(w, EXCLUSION);
    for (const w of lists.negations) this.add(w, NEGATION);
    for (const w of lists.notNegations) this.add(w, NOT_NEGATION);
    for (const w of lists.retractions ?? []) this.add(w, RETRACTION);
    for (const w of lists.reports ?? []) this.add(w, REPORT);
    this.reportsGiven = (lists.reports?.length ?? 0) > 0;
    for (const w of NEGATION_BREAKERS) this.add(w, BREAKER);
    for (const w of CONTESTING) this.add(w, CONTEST);
  }

  private add(word: string, kind: number, cls = 0) {
    const w = foldForMatching(word.trim());
    if (!w) return;
    let node = this.root;
    for (let i = 0; i < w.length; i++) {
      const code = w.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map(), terms: [] }));
      node = child;
    }
    // A word listed twice, or in both its forms (杀人, 殺人: one word once folded), is one entry.
    const term = kind * 65536 + cls;
    if (!node.terms.includes(term)) node.terms.push(term);
    this.longest = Math.max(this.longest, w.length);
    this.starts[w.charCodeAt(0)] = this.root.next.get(w.charCodeAt(0));
  }

  /** Scans one text: every class's words that count, with their clauses. */
  scan(raw: string): ScannedText {
    const cached = this.cache.get(raw);
    if (cached) return cached;
    if (this.heavy?.raw === raw) return this.heavy;
    const scanned = this.scanText(raw);
    const weight = scanned.weight();
    // A scan heavier than the whole cache empties nothing to make room: it is kept alone, until the
    // next such scan. One long text of hits behind thousands of cells (a shared string) is then
    // scanned once, not once a cell: 3,000 cells of one 32,767-character text took 20 s.
    if (weight > CACHE_WEIGHT) {
      if (weight <= HEAVY_WEIGHT) this.heavy = scanned;
      return scanned;
    }
    if (this.cache.size >= CACHE_SIZE || this.cachedWeight + weight > CACHE_WEIGHT) {
      this.cache.clear();
      this.cachedWeight = 0;
    }
    this.cache.set(raw, scanned);
    this.cachedWeight += weight;
    return scanned;
  }

  /**
   * Words from `start` that go on past the space at `space`: a space between two Han characters
   * inside a word is passed over (以死 相逼 as typed, or an invisible character pasted in, read as a
   * space by cells/text.ts); Chinese has no spaces between the characters of a word. A class's word
   * only: staff also write a space where a comma goes (双方厮打 车主手指被咬伤), and an exclusion (打车)
   * or a negation found across it would take back what the words on either side say. Returns
   * whether any was found. Off the main walk, which it would slow by a twentieth.
   */
  private wordsAcrossSpaces(text: string, start: number, space: number, from: TrieNode): boolean {
    const found = this.found;
    let any = false;
    let node: TrieNode | undefined = from;
    for (let j = space; node && j < text.length; j++) {
      if (text.charCodeAt(j) === SPACE) {
        if (j + 1 >= text.length || !isHan(text.charCodeAt(j - 1)) || !isHan(text.charCodeAt(j + 1))) return any;
        j++;
      }
      node = node.next.get(text.charCodeAt(j));
      if (!node) return any;
      for (const term of node.terms)
        if (term < 65536) {
          found.push(start, j + 1, term);
          any = true;
        }
    }
    return any;
  }

  private scanText(raw: string): ScannedText {
    const text = foldForMatching(raw);
    const n = text.length;
    // Every entry found, as flat triples (start, end, term), in a buffer reused from scan to scan.
    const found = this.found;
    found.length = 0;
    // Whether a word was found across a space: then a span may be longer than the longest word.
    let acrossSpace = false;
    for (let i = 0; i < n; i++) {
      let node = this.starts[text.charCodeAt(i)];
      for (let j = i + 1; node; j++) {
        for (const term of node.terms) found.push(i, j, term);
        if (j >= n) break;
        const next = node.next.get(text.charCodeAt(j));
        // The walk ends at a space: a word may go on past it (wordsAcrossSpaces).
        if (next === undefined && text.charCodeAt(j) === SPACE) acrossSpace = this.wordsAcrossSpaces(text, i, j, node) || acrossSpace;
        node = next;
      }
    }
    // Clause bounds are read only around hits: a text without any word needs none of its own.
    if (found.length === 0) return new ScannedText(raw, text, NO_HITS_BY_CLASS, NO_BOUNDS);
    const bounds = boundariesOf(text);

    // Most lines hold words and nothing that excludes or denies them: collect those lists only if needed.
    let excludes: (Span & { cls: number })[] | null = null;
    let exclusions: Span[] | null = null;
    let negations: Span[] | null = null;
    let notNegations: Span[] | null = null;
    let breakers: Span[] | null = null;
    let retractions: Span[] | null = null;
    let reports: Span[] | null = null;
    let contests: Span[] | null = null;
    let scope: ReportScope | undefined;
    for (let k = 0; k < found.length; k += 3) {
      const kind = Math.floor(found[k + 2] / 65536);
      if (kind === WORD) continue;
      const span = { start: found[k], end: found[k + 1] };
      if (kind === EXCLUDE) (excludes ??= []).push({ ...span, cls: found[k + 2] % 65536 });
      else if (kind === EXCLUSION) (exclusions ??= []).push(span);
      else if (kind === NEGATION) (negations ??= []).push(span);
      else if (kind === NOT_NEGATION) (notNegations ??= []).push(span);
      else if (kind === RETRACTION) (retractions ??= []).push(span);
      else if (kind === REPORT) (reports ??= []).push(span);
      else if (kind === CONTEST) (contests ??= []).push(span);
      else (breakers ??= []).push(span);
    }

    // Every list is in text order (by start) and its spans are at most `longest` long, so what may
    // overlap or precede a span is looked up in a window of the list, not the whole of it: a cell
    // of 16,000 negations and 16,000 words made 256 million comparisons (minutes for a ledger).
    // A word found across spaces may span one after each of its characters (above).
    const longest = acrossSpace ? 2 * this.longest - 1 : this.longest;
    // A negation inside a longer word that is no denial (无故, 调解未果) denies nothing.
    const denials =
      negations &&
      negations.filter((neg) => !(notNegations && someStartingIn(notNegations, neg.start - longest, neg.end, (nn) => overlaps(nn, neg) && !within(nn, neg))));
    const hits: Hit[][] = [];
    for (let k = 0; k < found.length; k += 3) {
      const term = found[k + 2];
      if (term >= 65536) continue; // not a word (WORD is kind 0)
      const start = found[k];
      const end = found[k + 1];
      if (exclusions || excludes || denials?.length || retractions) {
        const span = { start, end };
        const setting = this.context[term];
        if (!setting && exclusions && someStartingIn(exclusions, start - longest, end, (ex) => covers(ex, span))) continue;
        if (excludes && someStartingIn(excludes, start - longest, end, (ex) => ex.cls === term && covers(ex, span))) continue;
        if (!setting && denials && denials.length && isDenied(span, denials, breakers ?? [], bounds, longest)) continue;
        if (!setting && retractions && isRetracted(span, retractions, breakers ?? [], bounds, this.reportsGiven ? (scope ??= { reports: reports ?? [], contests: contests ?? [], found, alone: new Map() }) : null)) continue;
      }
      const hit = { start, end, clause: countBefore(bounds.clauseEnds, start), sentence: countBefore(bounds.sentenceEnds, start) };
      (hits[term] ??= []).push(hit);
    }
    // In text order, the longest word first where several start together (砍死 before 砍).
    for (const list of hits) if (list) list.sort((a, b) => a.start - b.start || b.end - a.end);
    return new ScannedText(raw, text, hits, bounds);
  }
}

/** Where clauses, sentences and negation scopes end: the positions of their closing marks. */
interface Boundaries {
  /** The text's length: where its last clause ends. */
  length: number;
  clauseEnds: number[];
  sentenceEnds: number[];
  negationEnds: number[];
}

/**
 * Quoted speech is one clause with the words that introduce it: in 放出话来：“把我逼急了，大家都别想活。”
 * the threat verb and what was threatened belong together, so marks inside “…” or 「…」 (and the
 * colon that opens them) end no clause or sentence. They still end a negation's reach.
 */
function boundariesOf(text: string): Boundaries {
  const bounds: Boundaries = { length: text.length, clauseEnds: [], sentenceEnds: [], negationEnds: [] };
  let quoted = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_QUOTE || code === OPEN_CORNER) quoted++;
    else if ((code === CLOSE_QUOTE || code === CLOSE_CORNER) && quoted > 0) quoted--;
    const b = BOUNDARY.get(code);
    if (b === undefined) continue;
    if (b & ENDS_NEGATION) bounds.negationEnds.push(i);
    const opensQuote = code === COLON && (text.charCodeAt(i + 1) === OPEN_QUOTE || text.charCodeAt(i + 1) === OPEN_CORNER);
    if (quoted > 0 || opensQuote) continue;
    if (b & ENDS_CLAUSE) bounds.clauseEnds.push(i);
    if (b & ENDS_SENTENCE) bounds.sentenceEnds.push(i);
  }
  return bounds;
}
const OPEN_QUOTE = 0x201c; // “
const CLOSE_QUOTE = 0x201d; // ”
const OPEN_CORNER = 0x300c; // 「
const CLOSE_CORNER = 0x300d; // 」
const COLON = 0x3a; // : (a full-width ： is half-width by the time it is read)

/** How many marks stand before `position`: the number of the clause (or sentence) it is in. */
function countBefore(ends: readonly number[], position: number): number {
  // Ends are in increasing order: found by halving, as a long text has thousands of them.
  return firstAtLeast(ends.length, (i) => ends[i], position);
}

/** The first index i below `length` whose `valueAt(i)` (increasing with i) is at least `target`, or `length`. */
export function firstAtLeast(length: number, valueAt: (i: number) => number, target: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (valueAt(mid) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether a span of `spans` (in order of their starts) that starts in [from, to) passes `test`. */
export function someStartingIn<T extends Span>(spans: readonly T[], from: number, to: number, test: (span: T) => boolean): boolean {
  for (let k = firstAtLeast(spans.length, (i) => spans[i].start, from); k < spans.length && spans[k].start < to; k++) if (test(spans[k])) return true;
  return false;
}

const ENDS_CLAUSE = 1;
const ENDS_SENTENCE = 2;
const ENDS_NEGATION = 4;
/** What each punctuation mark ends, by code unit (built from the three patterns above). */
const BOUNDARY: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  const mark = (re: RegExp, flag: number) => {
    for (const ch of '，,、：:。；;！!？?\n\r') if (re.test(ch)) map.set(ch.charCodeAt(0), (map.get(ch.charCodeAt(0)) ?? 0) | flag);
  };
  mark(CLAUSE_END, ENDS_CLAUSE);
  mark(SENTENCE_END, ENDS_SENTENCE);
  mark(NEGATION_STOP, ENDS_NEGATION);
  return map;
})();

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * An exclusion covers a word it overlaps and reaches beyond: 跳楼价 covers 跳楼, 农药化肥 covers
 * 农药. It does not cover a longer word it lies inside (杀猪 does not cover 杀猪刀), nor a word it
 * equals: a class that lists 打药 on purpose (farm work) keeps it though 打药 is no attack.
 */
function covers(exclusion: Span, word: Span): boolean {
  return overlaps(exclusion, word) && !within(exclusion, word);
}

/** Denied when a negation ends shortly before the word in the same negation scope, with no 但 between. */
function isDenied(word: Span, denials: Span[], breakers: Span[], bounds: Boundaries, longest: number): boolean {
  // Only a negation that ends within reach before the word can deny it: one starting in that window.
  return someStartingIn(denials, word.start - NEGATION_REACH - longest, word.start, (neg) => {
    if (neg.end > word.start || word.start - neg.end > NEGATION_REACH) return false;
    if (countBefore(bounds.negationEnds, neg.start) !== countBefore(bounds.negationEnds, word.start)) return false;
    return !someStartingIn(breakers, neg.end, word.start, (b) => b.end <= word.start);
  });
}

/** What a retraction reads when the preset names report words: those, contesting words, and every term found. */
interface ReportScope {
  reports: Span[];
  contests: Span[];
  /** The scan's terms as [start, end, kind * 65536 + class] triples, in order of their starts. */
  found: readonly number[];
  /** Whether each retraction (by its start) stands alone in its clause: worked out once, whatever the words before it. */
  alone: Map<number, boolean>;
}

/**
 * Taken back when a retraction stands after the word in the same sentence with no 但 between:
 * “扬言要砍人”的传言不实. Only the nearest retraction after the word can: a later one is in the same
 * sentence only if this one is, and a 但 before this one stands before it too. (Every retraction
 * was looked at, and every 但 for each: a one-sentence cell of 6,000 words, retractions and 但 took
 * 79 s.)
 *
 * With report words (`scope`), a retraction takes back only what it names: the words of its own
 * clause (“扬言要砍人”的传言不实), or of the report in the two clauses before it when its own
 * clause is a bare verdict (网传王某扬言要砍人，经核实系谣言). A stabbing beside a rumour found
 * untrue is not taken back (张某持刀砍伤李某，网传砍死人一事系谣言), nor a report a party contests
 * (村民反映张某殴打老母亲，张某辩称反映情况不实).
 */
function isRetracted(word: Span, retractions: Span[], breakers: Span[], bounds: Boundaries, scope: ReportScope | null): boolean {
  const k = firstAtLeast(retractions.length, (i) => retractions[i].start, word.end);
  if (k === retractions.length) return false;
  const retraction = retractions[k];
  if (countBefore(bounds.sentenceEnds, retraction.start) !== countBefore(bounds.sentenceEnds, word.start)) return false;
  if (someStartingIn(breakers, word.end, retraction.start, (b) => b.end <= retraction.start)) return false;
  if (scope === null) return true;
  if (someStartingIn(scope.contests, word.end, retraction.start, (c) => c.end <= retraction.start)) return false;
  const clause = countBefore(bounds.clauseEnds, word.start);
  const retractionClause = countBefore(bounds.clauseEnds, retraction.start);
  if (retractionClause === clause) return true;
  // The report the verdict answers: a clause of the two before it holding a report word, the word
  // standing in it or between it and the verdict (网传张某扬言，要报复李某，经查传言不实).
  if (clause < retractionClause - REPORT_REACH || clause >= retractionClause) return false;
  let reported = false;
  for (let c = clause; c >= retractionClause - REPORT_REACH && !reported; c--) {
    const [reportStart, reportEnd] = clauseSpan(bounds, c);
    reported = someStartingIn(scope.reports, reportStart, reportEnd, () => true);
  }
  if (!reported) return false;
  let alone = scope.alone.get(retraction.start);
  if (alone === undefined) scope.alone.set(retraction.start, (alone = standsAlone(retraction, ...clauseSpan(bounds, retractionClause), scope.found)));
  return alone;
}

/**
 * Its clause says nothing else: a verdict a few characters long (经查传言不实, 经民警核实系谣言,
 * 经核实王某并未说过此话), with no word of any class outside the retraction. "网传不实的部分是刘某已
 * 跑路" says what else, and takes back only itself.
 */
function standsAlone(retraction: Span, start: number, end: number, found: readonly number[]): boolean {
  if (end - start - (retraction.end - retraction.start) > VERDICT_EXTRA) return false;
  for (let t = 3 * firstAtLeast(found.length / 3, (i) => found[3 * i], start); t < found.length && found[t] < end; t += 3)
    if (found[t + 2] < 65536 && (found[t] < retraction.start || found[t + 1] > retraction.end)) return false;
  return true;
}

/** Where clause `c` starts (after the mark before it) and ends (at its own mark, or the text's end). */
function clauseSpan(bounds: Boundaries, c: number): [number, number] {
  return [c === 0 ? 0 : bounds.clauseEnds[c - 1] + 1, c < bounds.clauseEnds.length ? bounds.clauseEnds[c] : bounds.length];
}

const NO_HITS: readonly Hit[] = [];
const NO_HITS_BY_CLASS: (Hit[] | undefined)[] = [];
const NO_BOUNDS: Boundaries = { length: 0, clauseEnds: [], sentenceEnds: [], negationEnds: [] };

/** One scanned text: the hits of each class and the clause boundaries, for conditions to combine. */
export class ScannedText {
  constructor(
    /** The text as written, for quoting. */
    readonly raw: string,
    /** The text as triage reads it (foldForMatching: half-width, simplified), which the positions refer to (same length as `raw`). */
    readonly text: string,
    /** Hits that count, by class number, in text order (sparse: a class with none has no entry). */
    private readonly hits: (Hit[] | undefined)[],
    private readonly bounds: Boundaries,
  ) {}

  /**
   * What keeping this scan holds, in units of a character: its texts, and each hit (an object of
   * four numbers, about 24) and clause mark (a number, 4). A cell of 持刀砍人 repeated has a hit
   * every few characters: counted by its characters alone, a cache of them held 100 MB.
   */
  weight(): number {
    let hits = 0;
    for (const list of this.hits) hits += list?.length ?? 0;
    const marks = this.bounds.clauseEnds.length + this.bounds.sentenceEnds.length + this.bounds.negationEnds.length;
    return this.raw.length + (this.text === this.raw ? 0 : this.text.length) + 24 * hits + 4 * marks;
  }

  /** Sets `marks[cls]` for every class with a hit. */
  markClasses(marks: boolean[]): void {
    // A loop, not forEach: this runs for every text field of every row, and a callback is one more object each time.
    for (let cls = 0; cls < this.hits.length; cls++) if (this.hits[cls]?.length) marks[cls] = true;
  }

  /** The hits of one class, in text order. */
  hitsOf(cls: number): readonly Hit[] {
    return this.hits[cls] ?? NO_HITS;
  }

  /** The span of clauses `from`..`to` (inclusive), without their closing punctuation. */
  clauseSpan(from: number, to: number): Span {
    const ends = this.bounds.clauseEnds;
    const start = from === 0 ? 0 : ends[from - 1] + 1;
    const end = to < ends.length ? ends[to] : this.text.length;
    return { start, end };
  }

  /**
   * The words quoted as evidence: the clause they stand in when it is short ("老人称要上吊寻死"),
   * else the words that fired ("扬言要砍死", "互殴致一人轻伤"), never a lone two-character keyword.
   */
  quote(span: Span, clauseFrom: number, clauseTo: number): string {
    const clauses = this.clauseSpan(clauseFrom, clauseTo);
    const trimmed = trimLead(this.raw, clauses);
    if (trimmed.end - trimmed.start <= 20) return this.raw.slice(trimmed.start, trimmed.end);
    let { start, end } = span;
    // A lone short word gets what follows it ("打伤" → "打伤李某住院"); longer spans stand as found.
    if (end - start < 4) {
      while (end - start < 6 && end < clauses.end) end++;
      while (end - start < 6 && start > clauses.start) start--;
    }
    return this.raw.slice(start, end);
  }
}

/** Leading spaces and a lone opening quote do not belong in a quotation. */
function trimLead(raw: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s“"'‘]/.test(raw[start])) start++;
  while (end > start && /\s/.test(raw[end - 1])) end--;
  return { start, end };
}
