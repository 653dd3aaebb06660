/**
 * Whether a preset's regular expression may backtrack for minutes on one cell. JavaScript's engine
 * tries every way a repeated group can divide the text before it gives up, so a repeat is safe only
 * when each repetition can start in one way:
 *
 * - a repeat of a repeat — (\d+)+, (a*)*, (\s?\d+){2,}, (?:\d+){12} — divides a run of digits in
 *   exponentially many ways (a ledger line of digits with no 元 ran for minutes; 40 digits against
 *   (?:\d+){12}x, 92 s);
 * - a repeated choice whose options may start with the same character — (甲|甲)*, (\d|1)+,
 *   (a?b|b)+, (a|)* — tries each option at each character (30 characters against (?:甲|甲)*乙,
 *   85 s); (a|ab)+ is refused with them, as the check cannot tell it from (a|aa)+;
 * - a repeated group of varying length with no character that tells where a repetition ends —
 *   (甲甲?)+, (\d\d?)+, (\s?\d\d?)+, (b?,b?)+ — ends one at different places (38 characters
 *   against (甲甲?)+乙, 8 s).
 *
 * What a county writes is taken: (砍|杀)+, (\d|X){18}, (?:\d|[Xx])+号, (\d{1,3},){2}\d{3}元,
 * \d{4}(?:[-./年]\d{1,2}){2}. Two characters are told apart by trying both atoms on PROBES and on
 * the pattern's own characters. Patterns whose cost grows only as a power of the text (\d+\d+x) are
 * not refused.
 */
export function backtracksBadly(pattern: string): boolean {
  const probes = [...new Set([...PROBES, ...pattern])];
  // Innermost groups first: a group's body is checked, then the group becomes one atom of its
  // parent: REPEATING_GROUP when its body repeats, VARYING_GROUP when its length varies else, GROUP.
  const atom = String.raw`(?:\\.|\[(?:\\.|[^\]\\])*\]|[^()\\])`;
  const innermost = new RegExp(String.raw`\((?:\?(?:[:=!]|<[=!]?\w*>?))?(${atom}*)\)(${QUANTIFIER.source})?`, 'g');
  let found = false;
  for (let rest = pattern, before = ''; before !== rest && !found; ) {
    before = rest;
    rest = rest.replace(innermost, (_whole, body: string, outer: string | undefined) => {
      const options = optionsOf(body);
      const repeats = options.some((o) => o.some((a) => isUnbounded(a.quantifier) || a.text === REPEATING_GROUP));
      const varies = repeats || options.some((o) => o.some((a) => isVarying(a.quantifier) || a.text === VARYING_GROUP)) || new Set(options.map(fixedLength)).size > 1;
      if (outer !== undefined && maxOf(outer) > 1 && (repeats || !startsApart(options, probes) || (varies && !everyOptionAnchored(options, probes)))) found = true;
      return repeats ? REPEATING_GROUP : varies ? VARYING_GROUP : GROUP;
    });
  }
  return found;
}

/** A group already looked at, as one atom of its parent (characters no preset's pattern holds). */
const GROUP = '\uE000';
const VARYING_GROUP = '\uE001';
const REPEATING_GROUP = '\uE002';
const GROUPS = [GROUP, VARYING_GROUP, REPEATING_GROUP];

/** Characters tried on two atoms to find one both match (with the pattern's own characters). */
const PROBES = [...'0123456789０１２３４５６７８９aAbBeExXyYzZ _-+,.，。、/\\:：;；()（）[]\t\n年月日时元人万千百十一二三四五六七八九零两甲乙丙某号村组伤砍杀打', '\u3000'];

const QUANTIFIER = /(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

interface Atom {
  text: string;
  quantifier: string;
}

/** A body's options (split at its top-level `|`), each as its atoms with their quantifiers. */
function optionsOf(body: string): Atom[][] {
  const options: Atom[][] = [[]];
  const token = new RegExp(String.raw`(\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[\s\S])|\[(?:\\[\s\S]|[^\]\\])*\]|\||[\s\S])(${QUANTIFIER.source})?`, 'gu');
  for (const m of body.matchAll(token)) {
    if (m[1] === '|') options.push([]);
    else options[options.length - 1].push({ text: m[1], quantifier: m[2] ?? '' });
  }
  return options;
}

function isUnbounded(quantifier: string): boolean {
  return /^(?:[*+]|\{\d+,\})/.test(quantifier);
}

function isVarying(quantifier: string): boolean {
  if (quantifier.startsWith('?')) return true;
  const range = /^\{(\d+),(\d*)\}/.exec(quantifier);
  return range !== null && range[1] !== range[2];
}

/** The most times a quantifier lets its atom stand (Infinity when unbounded). */
function maxOf(quantifier: string): number {
  if (quantifier.startsWith('?')) return 1;
  if (quantifier.startsWith('*') || quantifier.startsWith('+')) return Infinity;
  const [, , max] = /^\{(\d+)(?:,(\d*))?\}/.exec(quantifier)!;
  return max === undefined ? Number(/^\{(\d+)/.exec(quantifier)![1]) : max === '' ? Infinity : Number(max);
}

/** An option's length in atoms when none varies (NaN when one does). */
function fixedLength(option: Atom[]): number {
  return option.some((a) => isVarying(a.quantifier) || isUnbounded(a.quantifier) || a.text === VARYING_GROUP || a.text === REPEATING_GROUP) ? NaN : option.length;
}

/** Whether an atom so quantified may match nothing: ?, *, {0…}. */
function mayBeAbsent(quantifier: string): boolean {
  return /^(?:[?*]|\{0)/.test(quantifier);
}

/** Whether each option starts with an atom that always stands and that no other option's first atom matches alike. */
function startsApart(options: Atom[][], probes: string[]): boolean {
  if (options.length === 1) return true;
  const firsts: Atom[] = [];
  for (const option of options) {
    const first = option[0];
    if (!first || mayBeAbsent(first.quantifier)) return false;
    if (firsts.some((other) => overlap(other.text, first.text, probes))) return false;
    firsts.push(first);
  }
  return true;
}

/**
 * Whether each option has an anchor: an atom that always stands once, that no other atom of the
 * option matches alike, with nothing before it that may match what something after it matches.
 * Then where each repetition ends is told by where its anchor stands: (,\d{1,3})+, (\d{1,3},)+.
 * (b?,b?)+ has none: a b between two commas ends one repetition or starts the next.
 */
function everyOptionAnchored(options: Atom[][], probes: string[]): boolean {
  return options.every((option) =>
    option.some((anchor, i) => {
      if (GROUPS.includes(anchor.text) || !/^(?:\{[1-9]\d*\})?$/.test(anchor.quantifier)) return false;
      if (option.some((other, k) => k !== i && overlap(anchor.text, other.text, probes))) return false;
      const before = option.slice(0, i);
      return option.slice(i + 1).every((after) => before.every((b) => !overlap(b.text, after.text, probes)));
    }),
  );
}

/** Whether two atoms may match one character (a group may match anything). */
function overlap(a: string, b: string, probes: string[]): boolean {
  if (GROUPS.includes(a) || GROUPS.includes(b) || a === '.' || b === '.') return true;
  const matchA = single(a);
  const matchB = single(b);
  if (!matchA || !matchB) return true;
  return probes.some((ch) => matchA.test(ch) && matchB.test(ch));
}

/** An atom as a test of one character; undefined when it is no atom the engine takes alone. */
function single(atom: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${atom})$`, 'u');
  } catch {
    return undefined;
  }
}
