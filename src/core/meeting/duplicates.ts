import { splitParties } from '../masking';
import type { Day, TriagedDispute } from '../model';

/** A dispute as one unit's ledger holds it. */
export interface UnitDispute {
  /** Index of the unit (ledger) in the meeting. */
  unit: number;
  dispute: TriagedDispute;
}

/**
 * Registrations this many days apart or fewer can be the same dispute passed on: 派出所 to 司法所
 * takes a day or two, a failed mediation to the 法庭's 诉前调解 a week or so.
 */
export const SAME_DISPUTE_DAYS = 10;

/** Words in a parties cell that name nobody in particular. */
const NOT_A_NAME = /^(?:村民|群众|居民|业主|家属|双方|多人|某某|不详|无|对方|商户|顾客|工人|农民工|村委会|居委会)$/;
/** A masked or placeholder name (张某, 王某某, 李X, 赵*) tells two people apart from nobody. */
const MASKED_NAME = /[某×xX*＊]/;

/**
 * What a dispute is about, in words several units use differently: 邻里纠纷 at the 派出所 is
 * 相邻关系纠纷 at the 法庭, 借款 is 民间借贷. Two types match when they share a group, or one
 * contains the other once 纠纷 and the like are dropped.
 */
const TYPE_GROUPS: readonly (readonly string[])[] = [
  ['邻里', '相邻', '排水', '通行', '采光', '宅前', '围墙'],
  ['婚姻', '离婚', '家庭', '赡养', '抚养', '扶养', '继承', '婚恋', '彩礼'],
  ['借贷', '借款', '欠款', '债务', '民间借贷', '货款', '买卖', '合同'],
  ['劳动', '劳资', '工资', '欠薪', '劳务', '报酬', '工钱'],
  ['土地', '宅基地', '山林', '林地', '承包', '地界', '边界'],
  ['交通', '事故', '机动车'],
  ['医疗', '医患'],
  ['物业', '租赁', '房屋', '租金'],
  ['人身', '伤害', '殴打', '侵权', '损害'],
  ['消费', '产品', '质量'],
  ['拆迁', '征地', '补偿', '安置'],
];
const TYPE_NOISE = /纠纷|矛盾|案件|争议|问题|类|民事|其他/g;
/** What follows a village's name: 金竹村5组, 龙潭村网格, 河湾村委会 all stand for 金竹, 龙潭, 河湾. */
const PLACE_SUFFIXES = ['村民委员会', '居民委员会', '村委会', '居委会', '网格', '社区', '村', '屯'];
/** A 组 or 队 with its number (5组, 三队). */
const GROUP_NUMERALS = new Set('0123456789一二三四五六七八九十');

function typeGroups(type: string): Set<number> {
  const groups = new Set<number>();
  TYPE_GROUPS.forEach((words, i) => {
    if (words.some((w) => type.includes(w))) groups.add(i);
  });
  return groups;
}

/** What a dispute is about: its type, or where the ledger has no type column (a 信访 list), its text. */
function typeText(d: TriagedDispute): string {
  const t = d.record.text;
  return t.type || [t.title, t.description].filter(Boolean).join('\n');
}

/** What a dispute's type is compared by: its text without the words every type has, and the groups its words fall in. */
interface TypeFacts {
  text: string;
  core: string;
  groups: Set<number>;
}

function typeFactsOf(d: TriagedDispute): TypeFacts {
  let facts = typeFacts.get(d);
  if (facts === undefined) {
    const text = typeText(d);
    typeFacts.set(d, (facts = { text, core: text.replace(TYPE_NOISE, ''), groups: typeGroups(text) }));
  }
  return facts;
}
/**
 * Each line's type facts, worked out once: made again for every pair that shares a party, two
 * ledgers of 50 lines sharing 1,500 names, each with a type of 16,000 characters, took 101 s.
 */
const typeFacts = new WeakMap<TriagedDispute, TypeFacts>();

function sameType(a: TypeFacts, b: TypeFacts): boolean {
  if (a.text === '' || b.text === '') return false;
  const x = a.core;
  const y = b.core;
  if (x.length >= 2 && y.length >= 2 && (x.includes(y) || y.includes(x))) return true;
  for (const g of b.groups) if (a.groups.has(g)) return true;
  return false;
}

/**
 * The place without what follows a village's name, taken off from the end one at a time: a look
 * back from the end, as a pattern with `$` tried from every character (and again for each suffix
 * taken off) made a 32,767-character place cell take minutes.
 */
function placeCore(place: string): string {
  const text = place.trim();
  let end = text.length;
  for (;;) {
    const word = PLACE_SUFFIXES.find((w) => text.endsWith(w, end));
    if (word) end -= word.length;
    else if (end > 0 && (text[end - 1] === '组' || text[end - 1] === '队')) {
      end--;
      while (end > 0 && GROUP_NUMERALS.has(text[end - 1])) end--;
    } else return text.slice(0, end);
  }
}

/** Where a dispute happened: its place column, else the parties' address (a register without one). */
function placeOf(d: TriagedDispute): string {
  let place = places.get(d);
  if (place === undefined) places.set(d, (place = placeCore(d.record.text.place || d.record.text.address || '')));
  return place;
}
/** Each line's place, worked out once: it is compared with every line that shares a party. */
const places = new WeakMap<TriagedDispute, string>();

function samePlace(a: TriagedDispute, b: TriagedDispute): boolean {
  const pa = placeOf(a);
  const pb = placeOf(b);
  if (pa.length >= 2 && pb.length >= 2) return pa.includes(pb) || pb.includes(pa);
  // A ledger without a place column (a court's list) may name the village in its text.
  const known = pa.length >= 2 ? pa : pb.length >= 2 ? pb : '';
  if (known === '') return false;
  const other = pa.length >= 2 ? b : a;
  return [other.record.text.description, other.record.text.title, other.record.text.address].some((t) => (t ?? '').includes(known));
}

/** The names a dispute's parties cell gives, fit to tell one person from another. */
export function distinctNames(d: TriagedDispute): string[] {
  return splitParties(d.record.text.parties ?? '').filter((n) => [...n].length >= 2 && !MASKED_NAME.test(n) && !NOT_A_NAME.test(n));
}

/** Masked names (张某, 王某某): a weak sign, enough only with the same type and the same place. */
function maskedNames(d: TriagedDispute): string[] {
  return splitParties(d.record.text.parties ?? '').filter((n) => [...n].length >= 2 && MASKED_NAME.test(n) && HAN_START.test(n));
}
const HAN_START = /^\p{Script=Han}/u;

/** Phone numbers of seven or more digits in a dispute's phone cell. */
function phones(d: TriagedDispute): string[] {
  return (d.record.text.phone ?? '').match(/\d{7,}/g) ?? [];
}

/**
 * A party (or phone) in more lines than this does not tell one dispute from another: an employer in
 * a wave of wage claims, a 村委会, a company's hotline. Lines are joined by their other parties;
 * joined by it, every pair of them was a candidate (two ledgers of 2,500 such lines made six
 * million pairs and ran out of memory).
 */
const MAX_LINES_SHARING_A_PARTY = 100;

interface Candidate {
  a: number;
  b: number;
  days: number;
}

/**
 * Disputes that several units' ledgers hold, as groups of indexes into `all` (each group from
 * different units, earliest registration first). Two lines are one dispute when they share a party
 * (or a phone number), were registered within SAME_DISPUTE_DAYS of each other, and are of the same
 * type or happened in the same place; a ledger that masks its names (张某) needs both. Lines of one unit are never joined: a ledger's own duplicates
 * are its keeper's to merge. Near lines are looked up through a name index, so a meeting of large
 * ledgers costs no more than the pairs that share a name.
 */
export function findSharedDisputes(all: readonly UnitDispute[]): number[][] {
  const byKey = new Map<string, number[]>();
  const keyCount = new Uint32Array(all.length);
  all.forEach((x, i) => {
    if (x.dispute.record.registered === null) return;
    const keys = [...distinctNames(x.dispute).map((n) => `n:${n}`), ...phones(x.dispute).map((p) => `p:${p}`), ...maskedNames(x.dispute).map((n) => `m:${n}`)];
    keyCount[i] = keys.length;
    for (const key of keys) {
      const list = byKey.get(key);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else byKey.set(key, [i]);
    }
  });

  const candidates = new Map<string, Candidate>();
  // Whether a pair is of the same type and place, kept for pairs that may be met again under
  // another key (both lines have several): two lines sharing 1,500 names, with types of 16,000
  // characters, were compared under each (101 s). Lines with one key each, the common case, are
  // met once, and nothing is kept for them (kept for every pair, 100,000 lines in groups of 100
  // held 395 MB).
  const compared = new Map<number, number>();
  const SAME_TYPE = 1;
  const SAME_PLACE = 2;
  for (const [key, list] of byKey) {
    if (list.length < 2 || list.length > MAX_LINES_SHARING_A_PARTY) continue;
    const weak = key.startsWith('m:');
    const sorted = [...list].sort((i, j) => registeredOf(all[i]) - registeredOf(all[j]));
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++) {
        const a = sorted[x];
        const b = sorted[y];
        const days = registeredOf(all[b]) - registeredOf(all[a]);
        if (days > SAME_DISPUTE_DAYS) break;
        if (all[a].unit === all[b].unit) continue;
        const id = a < b ? `${a}:${b}` : `${b}:${a}`;
        if (candidates.has(id)) continue;
        const again = keyCount[a] > 1 && keyCount[b] > 1;
        const pair = Math.min(a, b) * all.length + Math.max(a, b);
        let same = again ? compared.get(pair) : undefined;
        if (same === undefined) {
          const da = all[a].dispute;
          const db = all[b].dispute;
          same = (sameType(typeFactsOf(da), typeFactsOf(db)) ? SAME_TYPE : 0) | (samePlace(da, db) ? SAME_PLACE : 0);
          if (again) compared.set(pair, same);
        }
        const type = (same & SAME_TYPE) !== 0;
        const place = (same & SAME_PLACE) !== 0;
        if (weak ? !(type && place) : !(type || place)) continue;
        candidates.set(id, { a: Math.min(a, b), b: Math.max(a, b), days });
      }
    }
  }

  // Closest registrations first; a join that would put two lines of one unit together is skipped.
  const parent = all.map((_, i) => i);
  const unitsOf = all.map((x) => new Set([x.unit]));
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const c of [...candidates.values()].sort((x, y) => x.days - y.days || x.a - y.a || x.b - y.b)) {
    const ra = root(c.a);
    const rb = root(c.b);
    if (ra === rb || [...unitsOf[rb]].some((u) => unitsOf[ra].has(u))) continue;
    parent[rb] = ra;
    for (const u of unitsOf[rb]) unitsOf[ra].add(u);
  }
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort((i, j) => registeredOf(all[i]) - registeredOf(all[j]) || all[i].unit - all[j].unit))
    .sort((g, h) => registeredOf(all[g[0]]) - registeredOf(all[h[0]]) || g[0] - h[0]);
}

function registeredOf(x: UnitDispute): Day {
  return x.dispute.record.registered ?? Infinity;
}
