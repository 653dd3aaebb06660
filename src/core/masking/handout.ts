import { toHalfWidth } from '../cells/text';
import { escapeRegExp, maskNames, maskNumbers } from './mask';
import { indexPerList } from './word-index';

// Handout text. maskText hides names, ID numbers and phone numbers; a handout must also leave out
// addresses and sensitive labels (health, mental illness, key-person status, domestic violence,
// minors…: sensitive personal information under PIPL art. 28). What counts as such is data, so a
// county can extend it without code.

/** What replaces an address in a handout. */
export const ADDRESS_OMITTED = '（地址略）';
/** What replaces a sensitive label in a handout. */
export const SENSITIVE_OMITTED = '（敏感信息略）';
/** What replaces an age in a handout. */
export const AGE_OMITTED = '（年龄略）';

export interface HandoutMaskRules {
  /**
   * Words that reveal health, mental illness, key-person status, domestic violence, minors, drugs,
   * sexual offences, HIV, disability or a criminal record. Each is replaced by SENSITIVE_OMITTED
   * (Latin letters in any case).
   */
  sensitiveLabels: readonly string[];
  /** Words left out together with a label they directly follow: 精神障碍患者, 精神病史, 吸毒人员. */
  labelSuffixes: readonly string[];
  /** Place words a house number follows: 东村3组5号, 幸福小区2栋, 人民路12号. */
  addressPlaces: readonly string[];
  /** Units after a number in an address (3组, 5号, 2单元…). */
  addressUnits: readonly string[];
  /**
   * The units that make a house address rather than a place: a 村(社区) cell keeps 东村3组 (a
   * villager group, what the breakdowns count by) and leaves out 东村3组5号. Free text leaves out both.
   */
  houseUnits: readonly string[];
  /** Kinship words a personal name may follow: 女儿王小花, 其子李四. */
  kinshipWords: readonly string[];
  /**
   * Roles a personal name may follow in a ledger's text, of people who are not among its 当事人:
   * 对方赵国庆, 被申请人谢天华, 老板冯国栋 (shown in full in the handouts before).
   */
  roleWords: readonly string[];
  /**
   * Surnames (one or two characters) that start a name after a kinship word; without one there is
   * no name (女儿出嫁, 儿子上学).
   */
  surnames: readonly string[];
  /** Words after a kinship word that start with a surname but are no name: 儿子高考, 妻子马上. */
  notNames: readonly string[];
}

export const DEFAULT_HANDOUT_RULES: HandoutMaskRules = {
  sensitiveLabels: [
    // mental illness and key persons
    '精神障碍', '精神分裂', '精神病', '精神疾病', '精神异常', '精神残疾', '重性精神', '肇事肇祸', '重点人员', '重点人口',
    // health
    '抑郁症', '抑郁', '自闭症', '癫痫', '残疾', '智障', '智力障碍', '艾滋病', '艾滋', 'HIV',
    // domestic violence, minors, sexual offences
    '家暴', '家庭暴力', '未成年', '留守儿童', '性侵', '强奸', '猥亵',
    // drugs and criminal record
    '吸毒', '戒毒', '涉毒', '刑满释放', '社区矫正',
  ],
  labelSuffixes: ['患者', '病人', '病史', '人员', '人', '史'],
  addressPlaces: ['村', '社区', '小区', '街道', '大街', '街', '路', '巷', '弄', '胡同', '屯', '庄', '花园', '公寓', '大厦', '家园'],
  addressUnits: ['组', '队', '号', '号楼', '栋', '幢', '单元', '室', '楼', '层'],
  houseUnits: ['号', '号楼', '栋', '幢', '单元', '室', '楼', '层'],
  kinshipWords: [
    '女儿', '儿子', '孙女', '孙子', '外孙', '外孙女', '妻子', '丈夫', '前妻', '前夫', '父亲', '母亲',
    '儿媳', '女婿', '哥哥', '弟弟', '姐姐', '妹妹', '之子', '之女', '其子', '其女',
  ],
  roleWords: [
    '对方', '申请人', '被申请人', '当事人', '另一方', '男方', '女方', '原告', '被告', '嫌疑人',
    '老板', '包工头', '工头', '雇主', '承包人', '发包人', '负责人', '法人', '经理', '司机',
    '房东', '租户', '业主', '邻居', '村民', '同事', '债务人', '债权人', '借款人', '出借人',
  ],
  surnames: [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦方邹孟熊秦邱江尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞祝舒阮柯梅裴霍涂苗翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑晏瞿佟臧闵苟邬卞栾隋刁巫寇桑甄虞敖巩佘邝',
    '欧阳', '司马', '诸葛', '上官', '司徒', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文',
  ],
  notNames: [
    '高考', '高中', '高职', '高烧', '马上', '周末', '周岁', '周边', '许多', '钱款', '钱财', '金额', '金钱', '何时', '何处', '何事',
    '田地', '田间', '林地', '陈述', '江边', '毛病', '顾及', '曾经', '孙子', '孙女',
    // after a role word (老板高兴地说, 对方方面表示)
    '高兴', '高价', '方面', '方便', '方才', '万元', '万块', '于是', '于本', '于当', '于次', '常年', '常常', '经常', '余款', '余额',
  ],
};

export interface HandoutMaskOptions {
  /** Party names to mask (as `maskText`). */
  names: readonly string[];
  /** The row's own address cell: each part of four or more characters is left out wherever it appears. */
  address?: string;
  /** Defaults to DEFAULT_HANDOUT_RULES. */
  rules?: HandoutMaskRules;
}

const HAN = '\\p{Script=Han}';
const NUMBER = '[0-9０-９零〇一二三四五六七八九十百两]+';
// Characters that end a place name before it (住东村3组 → 东村3组) and that end a name after a
// kinship word (女儿王芳受伤 → 王芳).
const ADDRESS_PREFIX_STOP = '住在于至到往从自系是的居位址为和与及向将把对其之来回去搬迁入现原';
const NAME_STOP = '受被在因与和及系是于到去称说也已的等现住今将把对向从为有没未不又还就都曾均亦仍却则即要想会能让给跟同并而但了着过来出回上下中里外后前年月日岁次人家之其该此某';

interface Compiled {
  label: RegExp;
  address: RegExp;
  /**
   * What every address match holds, a place word with a number after it (村3, 路十): a cheap test
   * that spares most lines the address pattern, which tries its place-name prefix at every position.
   */
  addressHint: RegExp;
  house: RegExp;
  /** A name after a kinship or role word (女儿王小花, 对方赵国庆). */
  kin: RegExp;
  /** Any kinship or role word: a line without one names nobody after it, and the name pattern is not run. */
  kinHint: RegExp;
  notNames: readonly string[];
}

/**
 * A text with everything masked that depends on the text alone (addresses, labels, ages, ID and
 * phone numbers), and the names its kinship words name: what is left is to mask its row's names.
 */
interface Unnamed {
  text: string;
  kin: readonly string[];
}

/** What texts became before their row's names were masked; null for a text with nothing else to mask. */
type Seen = Map<string, Unnamed | null>;

const compiledRules = new WeakMap<HandoutMaskRules, Compiled>();

const alternation = (words: readonly string[]): string =>
  [...new Set(words.filter((w) => w !== ''))].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

function compile(rules: HandoutMaskRules): Compiled {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const units = alternation(rules.addressUnits);
  const segment = `(?:第?${NUMBER}(?:${units})|[0-9０-９]+(?:[-－—][0-9０-９]+)+(?:${units})?)`;
  const single = rules.surnames.filter((s) => [...s].length === 1);
  const compound = rules.surnames.filter((s) => [...s].length > 1);
  const surname = [...(compound.length > 0 ? [alternation(compound)] : []), ...(single.length > 0 ? [`[${single.map(escapeRegExp).join('')}]`] : [])].join('|');
  const labels = alternation(rules.sensitiveLabels);
  const suffixes = alternation(rules.labelSuffixes);
  const places = alternation(rules.addressPlaces);
  const houseUnits = alternation(rules.houseUnits);
  const nameBefore = [...rules.kinshipWords, ...rules.roleWords];
  // An empty list switches its part off (an empty alternation would match everywhere).
  const compiled: Compiled = {
    label: labels === '' ? /(?!)/g : new RegExp(`(?:${labels})${suffixes === '' ? '' : `(?:${suffixes})?`}`, 'giu'),
    address:
      places === '' || units === ''
        ? /(?!)/gu
        : new RegExp(`(?:(?![${ADDRESS_PREFIX_STOP}])[${HAN}A-Za-z]){0,8}(?:${places})(${segment}+)`, 'gu'),
    addressHint: places === '' || units === '' ? /(?!)/u : new RegExp(`(?:${places})第?${NUMBER}`, 'u'),
    house: new RegExp(`${houseUnits === '' ? '' : `${houseUnits}|`}[0-9０-９][-－—][0-9０-９]`, 'u'),
    kin:
      surname === '' || nameBefore.length === 0
        ? /(?!)/gu
        : new RegExp(`(?:${alternation(nameBefore)})((?:${surname})(?:(?![${NAME_STOP}])${HAN}){1,2})`, 'gu'),
    kinHint: surname === '' || nameBefore.length === 0 ? /(?!)/u : new RegExp(alternation(nameBefore), 'u'),
    notNames: rules.notNames,
  };
  compiledRules.set(rules, compiled);
  return compiled;
}

const AGE = /(?:[0-9０-９]{1,3}|[零〇一二三四五六七八九十两百]{1,4})(?:多|余)?周?岁半?/g;
/** Every placeholder ends so: a line without it has no placeholder to tidy. */
const PLACEHOLDER_END = '略）';

const PLACEHOLDERS = [ADDRESS_OMITTED, SENSITIVE_OMITTED, AGE_OMITTED].map(escapeRegExp).join('|');
// "(肇事肇祸)" becomes "(（敏感信息略）)": drop the outer brackets.
const BRACKETED_PLACEHOLDER = new RegExp(`[（(]\\s*(${PLACEHOLDERS})\\s*[)）]`, 'g');
// "精神障碍患者(肇事肇祸)" becomes two placeholders in a row: keep one.
const REPEATED_PLACEHOLDER = new RegExp(`(${PLACEHOLDERS})(?:[\\s、/]*\\1)+`, 'g');

/** The parts of a row's address cell looked for in its text, longest first. */
function ownAddressParts(address: string | undefined): readonly string[] {
  if (!address) return NO_NAMES;
  const parts = address
    .split(/[、,，;；/\n]+/)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 4);
  return [...new Set([...parts, ...parts.map(toHalfWidth)])].sort((a, b) => b.length - a.length);
}

/** The parts of a row's address that occur in `text`, longest first, found in one pass (an address cell may list thousands). */
function occurringParts(parts: readonly string[], text: string): readonly string[] {
  if (parts.length === 0) return NO_NAMES;
  const found = partIndexOf(parts).occurring(text);
  if (found.length === 0) return NO_NAMES;
  if (found.length === 1) return found;
  const occurs = new Set(found);
  return parts.filter((part) => occurs.has(part));
}
const partIndexOf = indexPerList();

function removeOwnAddress(text: string, parts: readonly string[]): string {
  let out = text;
  for (const part of parts) out = out.split(part).join(ADDRESS_OMITTED);
  return out;
}

function maskHandout(text: string, options: HandoutMaskOptions, placeCell: boolean, memo?: HandoutMasker): string {
  if (text === '') return text;
  const c = compile(options.rules ?? DEFAULT_HANDOUT_RULES);
  const own = occurringParts(memo ? memo.addressParts(options.address) : ownAddressParts(options.address), text);
  let unnamed: Unnamed | null;
  if (own.length > 0) unnamed = withoutAddressesAndNumbers(removeOwnAddress(text, own), c, placeCell);
  else if (memo && !options.rules) unnamed = memo.unnamed(text, placeCell, () => withoutAddressesAndNumbers(text, c, placeCell));
  else unnamed = withoutAddressesAndNumbers(text, c, placeCell);
  const out = unnamed === null ? maskNames(text, options.names) : maskNames(unnamed.text, unnamed.kin.length === 0 ? options.names : [...options.names, ...unnamed.kin]);
  if (!out.includes(PLACEHOLDER_END)) return out;
  return out.replace(BRACKETED_PLACEHOLDER, '$1').replace(REPEATED_PLACEHOLDER, '$1');
}

/**
 * Texts a masker remembers per kind of cell, at most (then it starts again). A handout's lists
 * show the same places, units, owners and statuses on line after line, and the same dispute on
 * two lists: the patterns run once for each text instead of once for each line (with three
 * quarters of 100,000 disputes due, some 400,000 cells). The texts are the ledger's own, kept by
 * it anyway.
 */
const SEEN_TEXTS = 1 << 17;

/**
 * `maskForHandout` and `maskPlaceForHandout` for the lines of one report, the same masked text
 * for the same text and names, made faster by remembering what each text becomes before its
 * row's names and address are masked (which depends on the text alone), and the last address's
 * parts (a line masks several cells of one row). For the default rules; other rules are not remembered.
 * One per report, let go with it: nothing of a ledger outlives the report that shows it.
 */
export class HandoutMasker {
  private readonly seen: [Seen, Seen] = [new Map(), new Map()];
  private readonly kin = new Map<string, readonly string[]>();
  private lastAddress: string | undefined;
  private lastParts: readonly string[] = NO_NAMES;

  /** As `maskForHandout`. */
  text(text: string, options: HandoutMaskOptions): string {
    return maskHandout(text, options, false, this);
  }

  /** As `maskPlaceForHandout`. */
  place(text: string, options: HandoutMaskOptions): string {
    return maskHandout(text, options, true, this);
  }

  /**
   * As `findKinshipNames` of the texts joined with line breaks, each text's names remembered: no
   * kinship word, label or age reaches across a line break, so the names are those of each text
   * in turn, each once.
   */
  kinshipNames(texts: readonly string[]): string[] {
    const found: string[] = [];
    for (const text of texts) {
      let names = this.kin.get(text);
      if (names === undefined) {
        names = text === '' ? NO_NAMES : findKinshipNames(text);
        if (this.kin.size >= SEEN_TEXTS) this.kin.clear();
        this.kin.set(text, names.length === 0 ? NO_NAMES : names);
      }
      for (const name of names) if (!found.includes(name)) found.push(name);
    }
    return found;
  }

  addressParts(address: string | undefined): readonly string[] {
    if (address !== this.lastAddress) {
      this.lastAddress = address;
      this.lastParts = ownAddressParts(address);
    }
    return this.lastParts;
  }

  unnamed(text: string, placeCell: boolean, make: () => Unnamed): Unnamed | null {
    const seen = this.seen[placeCell ? 1 : 0];
    let found = seen.get(text);
    if (found === undefined) {
      const made = make();
      found = made.text === text && made.kin.length === 0 ? null : made;
      if (seen.size >= SEEN_TEXTS) seen.clear();
      seen.set(text, found);
    }
    return found;
  }
}

const NO_NAMES: readonly string[] = [];

/** Addresses, labels, ages, ID and phone numbers masked, and the names after kinship words: all the text alone decides. */
function withoutAddressesAndNumbers(text: string, c: Compiled, placeCell: boolean): Unnamed {
  let out = text;
  if (c.addressHint.test(out))
    out = out.replace(c.address, (whole: string, segments: string) => (placeCell && !c.house.test(segments) ? whole : ADDRESS_OMITTED));
  out = withoutLabels(out, c);
  const kin = kinshipNames(out, c);
  return { text: maskNumbers(out), kin };
}

function withoutLabels(text: string, c: Compiled): string {
  // An age always ends in 岁: most lines have none, and skip the pattern.
  const withoutAge = text.includes('岁') ? text.replace(AGE, AGE_OMITTED) : text;
  return withoutAge.replace(c.label, SENSITIVE_OMITTED);
}

function kinshipNames(text: string, c: Compiled): string[] {
  if (!c.kinHint.test(text)) return [];
  const found = new Set<string>();
  for (const m of text.matchAll(c.kin)) if (!c.notNames.some((w) => m[1].startsWith(w))) found.add(m[1]);
  return [...found];
}

/**
 * The personal names that follow a kinship word in the text (女儿王小花 → 王小花), read after
 * sensitive labels are left out (儿子艾滋病患者 names nobody). A handout passes them with the
 * parties when masking the other cells of the same dispute, where the kinship word is missing.
 */
export function findKinshipNames(text: string, rules: HandoutMaskRules = DEFAULT_HANDOUT_RULES): string[] {
  const c = compile(rules);
  return kinshipNames(withoutLabels(text, c), c);
}

/**
 * Free text leaving the ledger for a handout (简要情况, 化解情况, 督办情况…). On top of `maskText`
 * (names, ID numbers, phone numbers): the row's own address and house addresses (东村3组5号,
 * 幸福小区3栋2单元501室) become ADDRESS_OMITTED, sensitive labels (精神障碍, 家暴, 未成年…)
 * SENSITIVE_OMITTED, ages (12岁) AGE_OMITTED, and a name after a kinship word (女儿王小花) is
 * masked like a party's, wherever it appears.
 */
export function maskForHandout(text: string, options: HandoutMaskOptions): string {
  return maskHandout(text, options, false);
}

/**
 * A 村(社区) / 单位 / 发生地 cell for a handout: as `maskForHandout`, except that a place without a
 * house number is kept (东村3组 is a villager group, and the breakdowns count by it), while a house
 * address (东村3组5号) and the row's own address are left out.
 */
export function maskPlaceForHandout(text: string, options: HandoutMaskOptions): string {
  return maskHandout(text, options, true);
}
