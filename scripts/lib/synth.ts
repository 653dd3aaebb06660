/**
 * Deterministic synthetic personal data for test ledgers. Nothing here is a real person:
 * names are drawn from common surnames and given-name characters, ID numbers carry a valid
 * checksum but an impossible birth year (1900–1909), and phones sit in the 1380000xxxx block.
 */

/** mulberry32: a tiny seeded PRNG, good enough for test data and identical on every platform. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Integer in [min, max]. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '建国军华明秀英兰芳玉梅丽红志强伟勇杰磊涛斌海平刚东小文雪燕霞桂花春生福贵德成宝林山云凤娟静敏';

export function personName(rng: Rng): string {
  const sur = pick(rng, [...SURNAMES]);
  const n = chance(rng, 0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < n; i++) given += pick(rng, [...GIVEN]);
  return sur + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idChecksum(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/**
 * An 18-character ID number with a valid checksum. The region code looks ordinary (the masking
 * example in domain.md uses 640422) but the birth year 1900–1909 marks it as synthetic.
 */
export function idNumber(rng: Rng, region = '640422'): string {
  const y = 1900 + int(rng, 0, 9);
  const m = int(rng, 1, 12);
  const d = int(rng, 1, 28);
  const seq = String(int(rng, 0, 999)).padStart(3, '0');
  const first17 = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return first17 + idChecksum(first17);
}

/** A phone number in the 1380000xxxx block. */
export function phone(rng: Rng): string {
  return `1380000${String(int(rng, 0, 9999)).padStart(4, '0')}`;
}

// ---------------------------------------------------------------- dates as people type them

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseIso(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

// Big benchmark ledgers call these hundreds of thousands of times over a few hundred dates.
const addDaysCache = new Map<string, string>();

export function addDays(iso: string, days: number): string {
  const key = `${iso}|${days}`;
  let hit = addDaysCache.get(key);
  if (hit === undefined) {
    const { y, m, d } = parseIso(iso);
    hit = new Date(Date.UTC(y, m - 1, d) + days * 86400000).toISOString().slice(0, 10);
    addDaysCache.set(key, hit);
  }
  return hit;
}

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const dayNumberCache = new Map<string, number>();

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: string): number {
  let n = dayNumberCache.get(iso);
  if (n === undefined) {
    const { y, m, d } = parseIso(iso);
    n = Math.round(Date.UTC(y, m - 1, d) / 86400000);
    dayNumberCache.set(iso, n);
  }
  return n;
}

/** Text forms of a date found in real ledgers. */
export type DateTextForm = 'iso' | 'slash' | 'dot' | 'cn' | 'cnNoYear' | 'fullwidthCn';

export function dateText(iso: string, form: DateTextForm): string {
  const { y, m, d } = parseIso(iso);
  switch (form) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'cnNoYear':
      return `${m}月${d}日`;
    case 'fullwidthCn':
      return toFullWidthDigits(`${y}年${m}月${d}日`);
  }
}

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
