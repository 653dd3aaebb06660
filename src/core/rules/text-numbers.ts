import { foldForMatching, KEYBOARD_MULTIPLIERS } from '../cells';
import type { NumericField } from './types';

/**
 * Numbers written in a ledger line, read as a count column would be: "三十余人", "四十多名学生家长",
 * "上百人", "56户", "12万元", "3.5万", "调解3次未成", "报警四五十次". Approximations count at their
 * upper end ("四五十" is 50, "几十" is 30), because a missed red is the failure to avoid.
 */

/** A number found in the text, with the words it came from. */
export interface TextNumber {
  value: number;
  /** The phrase as written, for the reason ("四十多名学生家长"). */
  phrase: string;
}

const DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 几: 3, 数: 3,
  // The capital forms of receipts and IOUs: 叁万捌仟元.
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 拾: 10, 佰: 100, 仟: 1000 };
const SECTION: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** An Arabic number, or a run of Chinese numerals with 余/多/来 inside ("十余万", "三十多"). */
const NUMERAL =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两俩三仨四五六七八九十百千几数壹贰叁肆伍陆柒捌玖拾佰仟][零〇一二两三四五六七八九十百千万亿几余多来壹贰叁肆伍陆柒捌玖拾佰仟]*)([余多来几]?)([十百千万亿]*)([余多来]?)/gu;

/**
 * The value of a Chinese numeral; adjacent digits are a range whose upper end counts (四五十 → 50).
 * A digit after the last unit counts in the unit below it, as people say it: 三万二 is 32,000,
 * 一千五 is 1,500 (and 十几 is 13: 几 counts as 3).
 */
function chineseValue(s: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastWasDigit = false;
  let lastUnit = 1;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = lastWasDigit ? Math.max(digit, DIGIT[ch]) : DIGIT[ch];
      lastWasDigit = true;
      continue;
    }
    lastWasDigit = false;
    if (ch in UNIT) {
      section += (digit || 1) * UNIT[ch];
      lastUnit = UNIT[ch];
      digit = 0;
    } else if (ch in SECTION) {
      total = (total + section + digit) * SECTION[ch];
      lastUnit = SECTION[ch];
      section = 0;
      digit = 0;
    }
  }
  const trailing = digit && lastUnit >= 100 && DIGIT_AFTER_UNIT.test(s) ? (digit * lastUnit) / 10 : digit;
  return total + section + trailing;
}
/** 三万二, 一千五: a single digit right after the last unit (not 一万零五, not 十二). */
const DIGIT_AFTER_UNIT = /[百千万亿佰仟][一二两三四五六七八九壹贰叁肆伍陆柒捌玖]$/;

const ANY_NUMERAL = /[\d零〇一二两俩三仨四五六七八九十百千几数壹贰叁肆伍陆柒捌玖拾佰仟]/;

interface Numeral {
  value: number;
  start: number;
  end: number;
}

/** Every number in the text as triage reads it (foldForMatching), with multipliers applied ("3.5万" → 35000). */
function readNumerals(text: string): Numeral[] {
  const found: Numeral[] = [];
  if (!ANY_NUMERAL.test(text)) return found;
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(text); m; m = NUMERAL.exec(text)) {
    const numeral = numeralOf(m);
    if (numeral) found.push(numeral);
  }
  return found;
}

/** The value of a match of NUMERAL (or a pattern built on it); null for a lone 数. */
function numeralOf(m: RegExpExecArray): Numeral | null {
  return numeralFrom(m[0], m[1], m[3], m.index);
}

/** The value of a numeral read as `whole` at `index`: its digits or Chinese run `head`, then `multipliers` (万, 亿…). */
function numeralFrom(whole: string, head: string, multipliers: string, index: number): Numeral | null {
  let value: number;
  if (/\d/.test(head)) {
    value = Number(head.replace(/,/g, ''));
    for (const ch of multipliers) value *= UNIT[ch] ?? SECTION[ch];
  } else if (whole === '数') return null;
  else value = chineseValue(head + multipliers);
  return { value: Number(value.toPrecision(15)), start: index, end: index + whole.length };
}

/** Words counting people or households after a number; 人民 and 人次 are not a count of people. */
const PERSONS = '人|工人|村民|群众|人员|业主|家长|老人|妇女|学生|孩子|小孩|员工|农民工|商户|租户|住户|合伙人|股东|亲戚|邻居|同事|工友|子女';
const PEOPLE_UNIT = `(?:个人|人(?!民)|名|户|位|家|口人|兄弟|姐妹|兄妹|姐弟|子女|(?:号|个)(?=${PERSONS}))`;
/** NUMERAL's Chinese runs: the characters that start one, and those that go on with it. */
const CHINESE_FIRST = '零〇一二两俩三仨四五六七八九十百千几数壹贰叁肆伍陆柒捌玖拾佰仟';
const CHINESE_REST = '零〇一二两三四五六七八九十百千万亿几余多来壹贰叁肆伍陆柒捌玖拾佰仟';
const CHINESE_BOTH = [...CHINESE_FIRST].filter((c) => CHINESE_REST.includes(c)).join('');
const CHINESE_FIRST_ONLY = [...CHINESE_FIRST].filter((c) => !CHINESE_REST.includes(c)).join('');
/**
 * A number right before a unit of people: NUMERAL's readings, each tried only where its run starts
 * and a Chinese run taken whole (a lookahead's capture, which is never given back). As NUMERAL
 * followed by the unit, the pattern was tried again from every character of a long run and every
 * split of it: a 5,000-character cell of 十 ran for 75 s. Groups: 1 the number, 4 its multipliers.
 */
const NUMBER_OF_PEOPLE = new RegExp(
  `((?<!\\d{3},)(?:(?<!\\d)\\d{1,3}|\\d{3})(?:,\\d{3})+(?:\\.\\d+)?|(?<!\\d)\\d+(?:\\.\\d+)?|(?=((?:(?<![${CHINESE_BOTH}])[${CHINESE_FIRST}]|[${CHINESE_FIRST_ONLY}])[${CHINESE_REST}]*))\\2)` +
    `([余多来几]?)([十百千万亿]*)([余多来]?)(?=${PEOPLE_UNIT})`,
  'gu',
);
/** A sum of money after a number, or 万/亿 not followed by another unit (拖欠3.5万，). */
const MONEY_UNIT = /^(?:元|块|圆|人民币)/;
const OTHER_UNIT_AFTER_WAN = /^(?:人(?!民)|名|户|位|家|亩|平|米|斤|吨|公里|头|只|株|棵|箱|个|件|册|字|步|次|余人|多人|余户|多户|余名|多名)/;

/** Before a number: 第三次 is an ordinal, 110 is the police line, a year or a date is no count. */
const NOT_A_COUNT_BEFORE = /(?:第|编号|号码|电话|手机|拨打)$/;

/** The longest phrase around a number worth quoting: the number and the few words after it. */
function phraseAt(text: string, raw: string, start: number, end: number): string {
  const clauseEnd = text.slice(end).search(/[，,、。；;！!？?\s]/);
  const stop = clauseEnd < 0 ? text.length : end + clauseEnd;
  return raw.slice(start, Math.min(stop, end + 5));
}

/** "人数过百", "人数达40": a number after 人数 counts people whatever follows it. */
const AFTER_HEADCOUNT_WORD = new RegExp(`人数(?:已|已经)?(?:过|超过|超|达|达到|约|近|有)?${NUMERAL.source}`, 'gu');

/** "多名村民", "数户", "几位老人": several, at least three (domain.md's "多名村民" is yellow). */
const SEVERAL = /(?:多|数|几|若干)(?:名|个人|人|户|位|家)/gu;

/** People or households named in the text; the largest count is the headcount ("8户30人" → 30). */
export function headcountInText(raw: string): TextNumber | null {
  // No unit of people, no headcount: one cheap test spares the numeral scan on most lines (the
  // traditional forms too, as the text is folded only after it).
  if (!/[人名户位家号个兄姐子数戶個號數]/.test(raw)) return null;
  const text = foldForMatching(raw);
  let best: TextNumber | null = null;
  SEVERAL.lastIndex = 0;
  for (let m = SEVERAL.exec(text); m && !best; m = SEVERAL.exec(text)) {
    if (text.startsWith('人民', m.index + m[0].length - 1)) continue;
    best = { value: 3, phrase: phraseAt(text, raw, m.index, m.index + m[0].length - 1) };
  }
  AFTER_HEADCOUNT_WORD.lastIndex = 0;
  for (let m = AFTER_HEADCOUNT_WORD.exec(text); m; m = AFTER_HEADCOUNT_WORD.exec(text)) {
    const head = m[1];
    const value = /\d/.test(head) ? Number(head.replace(/,/g, '')) : chineseValue(head + (m[3] ?? ''));
    if (!best || value > best.value) best = { value, phrase: phraseAt(text, raw, m.index, m.index + m[0].length) };
  }
  NUMBER_OF_PEOPLE.lastIndex = 0;
  for (let m = NUMBER_OF_PEOPLE.exec(text); m; m = NUMBER_OF_PEOPLE.exec(text)) {
    const n = numeralFrom(m[0], m[1], m[4], m.index);
    if (!n || NOT_A_COUNT_BEFORE.test(text.slice(Math.max(0, n.start - 3), n.start))) continue;
    if (!best || n.value > best.value) best = { value: n.value, phrase: phraseAt(text, raw, n.start, n.end) };
  }
  return best;
}

/** Sums of money in the text; the largest counts ("拖欠工程款12万元", "借款3.5万"). */
export function amountInText(raw: string): TextNumber | null {
  if (!/[元块圆币万亿塊圓幣萬億wW]/.test(raw)) return null;
  const text = foldForMatching(raw);
  let best: TextNumber | null = null;
  for (const numeral of readNumerals(text)) {
    const n = withLatinMultiplier(text, numeral);
    const after = text.slice(n.end);
    const written = text.slice(n.start, n.end);
    const latin = n !== numeral;
    const money =
      MONEY_UNIT.test(after) ||
      (latin ? /[wW]$/.test(written) && MONEY_WORD_BEFORE.test(text.slice(Math.max(0, n.start - 6), n.start)) : /[万亿]/.test(written) && !OTHER_UNIT_AFTER_WAN.test(after));
    if (!money) continue;
    if (!best || n.value > best.value) best = { value: n.value, phrase: phraseAt(text, raw, n.start, n.end) };
  }
  return best;
}

/** Words of money just before a number: 欠款3.5w is money, a 5W lamp is not. */
const MONEY_WORD_BEFORE = /(?:款|钱|资|费|赔|偿|金|账|债|损失|价|欠|借|还)[^，,。；;！!？?]{0,4}$/;

/**
 * 万 and 千 as typed on a keyboard after an Arabic number (欠款3.5w, 35k元), as the amount column
 * reads them (cells/numbers.ts). Before 元 or 块 either is money; w without them only after a word
 * of money (watts are written 5W too), k never (35km).
 */
function withLatinMultiplier(text: string, n: Numeral): Numeral {
  const multiplier = KEYBOARD_MULTIPLIERS[text[n.end]];
  if (multiplier === undefined || /[A-Za-z]/.test(text[n.end + 1] ?? '')) return n;
  if (!/^\d[\d,.]*$/.test(text.slice(n.start, n.end))) return n;
  return { value: Number((n.value * multiplier).toPrecision(15)), start: n.start, end: n.end + 1 };
}

/** A count starts where no numeral stands before it: 二十余次 is twenty, not 十余. */
const WHOLE = '(?<![\\d零〇一二两三四五六七八九十百几数壹贰叁肆伍陆柒捌玖拾多好很])';

/** 多次、反复、屡次: at least three, as domain.md reads 多次调解未果. */
const MANY = '(?:多|反复|屡|数|几|无数|好几|好多|很多|三番五)';
const COUNT = `(?:\\d+|[零〇一二两三四五六七八九十百几数壹贰叁肆伍陆柒捌玖拾]+[余多来]?)`;
/**
 * COUNT only where its run starts: a later start reads a part of the run, worth no more than the
 * whole, which is read first. Where nothing before the count bounds it (第三次调解…), COUNT was tried
 * from every character of a long run, each try reading to the run's end: quadratic (a cell of
 * 32,767 一 after 调 took 4 s, sixteen such rows 65 s).
 */
const COUNT_AT_RUN_START = `(?:(?<!\\d)\\d+|(?<![零〇一二两三四五六七八九十百几数壹贰叁肆伍陆柒捌玖拾])[零〇一二两三四五六七八九十百几数壹贰叁肆伍陆柒捌玖拾]+[余多来]?)`;
const MEDIATE = '(?:调解|调处|协调|协商|化解|调停|说和|劝解|劝和|组织调解|做工作|做思想工作|坐下来谈|谈判|面谈|调)';
const FAILED =
  '(?:未果|无果|失败|未成|不成|未达成|未能|均未|仍未|都未|没有成功|没成|没谈拢|谈不拢|无效|破裂|未调成|未化解|不下来|无结果|未有结果|闭门羹|拒绝|不配合|未见成效|没有效果|差距仍大|差距较大|分歧较大|仍有分歧|不接受|僵持|不同意|没有进展|无进展|各执一词|互不相让|互不让步|不肯让步|未达成一致|谈崩|崩了|没谈成|不欢而散|没调成|调不成|调不下来|仍坚持|依然坚持|仍要求|仍不同意|仍不接受|仍不满意|一步不让|不让步|不松口|没个结果|没结果|悬着|不肯|不答应|不买账|没露面|不露面|不到场|没来)';
/** Mediations that failed, within one clause: "调解3次未成", "经三次调解均未达成协议", "第4次调解仍未果". */
const MEDIATION_PATTERNS = [
  // 村、镇两级调解均未成功: each level mediated once.
  new RegExp(`([二两三四五2-5])级[^，,。；;！!？?]{0,6}?${MEDIATE}[^。；;！!？?]{0,12}?${FAILED}`, 'gu'),
  // The gap before the count is greedy: of 调了一轮又一轮，少说也有四五次，仍然没个结果 the count is 四五次.
  new RegExp(`${MEDIATE}[^。；;！!？?]{0,12}${WHOLE}(${COUNT}|${MANY})(?:次|回|轮|趟|遍)[^。；;！!？?]{0,12}?${FAILED}`, 'gu'),
  new RegExp(`(?:第)?(${COUNT_AT_RUN_START}|${MANY})(?:次|回|轮)[^，,。；;！!？?]{0,8}?${MEDIATE}[^。；;！!？?]{0,12}?${FAILED}`, 'gu'),
  new RegExp(`(屡|多次|反复|几经|数次|多番)[^，,。；;！!？?]{0,3}?${MEDIATE}[^。；;！!？?]{0,10}?(?:${FAILED}|不成|不下)`, 'gu'),
];
const POLICE = '(?:报警|报110|拨打110|打110|求助110|110报警|出警|接警|警情|110)';
/** Police calls about the dispute: "报警8次", "第5次报警", "先后报警四五十次", "多次报警". */
const POLICE_PATTERNS = [
  new RegExp(`${POLICE}[^。；;！!？?]{0,12}?(${COUNT}|${MANY})(?:次|回|起|趟|遍)`, 'gu'),
  // 报了六回警, 报过三次警.
  new RegExp(`报[了过]?(${COUNT}|${MANY})(?:次|回|趟)警`, 'gu'),
  new RegExp(`(?:第)?(${COUNT_AT_RUN_START}|${MANY})(?:次|回|趟)[^，,。；;！!？?]{0,8}?${POLICE}`, 'gu'),
];

/** "3" → 3, "四五十" → 50; 多、反复、屡、几经 and the like → 3, 无数 → 10. */
function countFrom(word: string): number {
  if (/^\d/.test(word)) return Number(word);
  if (word === '无数') return 10;
  if (/^(?:多|反复|屡|几经|数次|多番|几|数|好几|好多|很多|三番五)$/.test(word) || word === '多次') return 3;
  return chineseValue(word.replace(/[余多来]$/, ''));
}

function firstCount(raw: string, patterns: RegExp[]): TextNumber | null {
  const text = foldForMatching(raw);
  let best: TextNumber | null = null;
  for (const p of patterns) {
    p.lastIndex = 0;
    for (let m = p.exec(text); m; m = p.exec(text)) {
      const value = countFrom(m[1]);
      if (!best || value > best.value) best = { value, phrase: raw.slice(m.index, m.index + m[0].length) };
      // Matches may overlap: "调了一轮又一轮，少说也有四五次，仍然没个结果" first matches at 一轮, then at 四五次.
      p.lastIndex = m.index + 1;
    }
  }
  return best;
}

/** Failed mediations written in the text; "多次调解未果" and "屡调不成" count as three. */
export function mediationFailuresInText(raw: string): TextNumber | null {
  // Most lines say nothing of mediation: one cheap test before the patterns.
  return /调|协|化解|说和|劝|做工作|谈|調|協|說和|勸|談/.test(raw) ? firstCount(raw, MEDIATION_PATTERNS) : null;
}

/** Police calls written in the text; "多次报警" counts as three. */
export function policeCallsInText(raw: string): TextNumber | null {
  if (!/警|110|１１０/.test(raw)) return null;
  const single = firstCount(raw, POLICE_PATTERNS);
  const byMonth = monthlyCalls(raw);
  return byMonth && (!single || byMonth.value > single.value) ? byMonth : single;
}

/** A tally by month in a sentence about police calls: "警情：1月2起、2月3起、3月1起" is 6. */
const MONTH_TALLY = new RegExp(`(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月份?(${COUNT})(?:起|次)`, 'gu');
const POLICE_WORD = new RegExp(POLICE);
function monthlyCalls(raw: string): TextNumber | null {
  // A tally names its months: without 月 there is none, and the text is not cut into sentences.
  if (!raw.includes('月')) return null;
  const text = foldForMatching(raw);
  for (const sentence of text.split(/[。；;！!？?\n]/)) {
    if (!POLICE_WORD.test(sentence)) continue;
    const counts = [...sentence.matchAll(MONTH_TALLY)].map((m) => countFrom(m[1]));
    if (counts.length >= 2) {
      const at = text.indexOf(sentence);
      return { value: counts.reduce((a, b) => a + b, 0), phrase: raw.slice(at, at + sentence.length) };
    }
  }
  return null;
}

/** The reader of each number field in text. */
export const TEXT_NUMBER_READERS: Readonly<Record<NumericField, (raw: string) => TextNumber | null>> = {
  headcount: headcountInText,
  amount: amountInText,
  mediationFailures: mediationFailuresInText,
  policeCalls: policeCallsInText,
};
