import {
  ADDRESS_OMITTED,
  AGE_OMITTED,
  DEFAULT_HANDOUT_RULES,
  findKinshipNames,
  HandoutMasker,
  maskForHandout,
  maskPlaceForHandout,
  SENSITIVE_OMITTED,
  type HandoutMaskOptions,
} from './index';

const REPRODUCTION = '张三系精神障碍患者(肇事肇祸),长期家暴,其未成年女儿王小花(12岁)受伤,住东村3组5号';
const REPRODUCTION_MASKED = '张某系（敏感信息略）,长期（敏感信息略）,其（敏感信息略）女儿王某（年龄略）受伤,住（地址略）';

type Case = [string, string, HandoutMaskOptions, string];

const HANDOUT_CASES: Case[] = [
  ['leaves out the address, sensitive labels, the child’s name and age of the reviewer’s example', REPRODUCTION, { names: ['张三'], address: '东村3组5号' }, REPRODUCTION_MASKED],
  ['finds the address of the reviewer’s example by its pattern when the row has no address column', REPRODUCTION, { names: ['张三'] }, REPRODUCTION_MASKED],
  ['leaves out the row’s own address where no pattern finds it', '张三住城关镇幸福家园二期', { names: ['张三'], address: '幸福家园二期' }, '张某住城关镇（地址略）'],
  ['leaves out each part of an address cell with several addresses', '先住南岭坡上，后迁北岭坡下', { names: [], address: '南岭坡上；北岭坡下' }, '先住（地址略），后迁（地址略）'],
  ['leaves out the half-width form of a full-width address', '住A区南岭坡', { names: [], address: 'Ａ区南岭坡' }, '住（地址略）'],
  ['ignores address parts shorter than four characters, which are village names', '东村张三与李四争执', { names: ['张三', '李四'], address: '东村' }, '东村张某与李某争执'],
  ['leaves out a house in a 小区 with building, unit and room', '李四住幸福小区3栋2单元501室，与邻居发生纠纷', { names: ['李四'] }, '李某住（地址略），与邻居发生纠纷'],
  ['leaves out a road and house number', '在人民路12号门口发生口角', { names: [] }, '在（地址略）门口发生口角'],
  ['leaves out a village and group number written in Chinese numerals', '家住东村第三组', { names: [] }, '家住（地址略）'],
  ['leaves out a village and group number in free text', '东村3组村民20余人到镇政府上访', { names: [] }, '（地址略）村民20余人到镇政府上访'],
  ['leaves out a label with the word after it', '王五有精神病史，系吸毒人员', { names: ['王五'] }, '王某有（敏感信息略），系（敏感信息略）'],
  ['leaves out HIV in any case', '赵六为hiv感染者', { names: ['赵六'] }, '赵某为（敏感信息略）感染者'],
  ['writes one placeholder for labels in a row', '系精神障碍患者、肇事肇祸重点人员', { names: [] }, '系（敏感信息略）'],
  ['masks a name after a kinship word', '其子李明在外打工', { names: [] }, '其子李某在外打工'],
  ['masks a compound-surname name after a kinship word', '妻子欧阳娜娜提出离婚', { names: [] }, '妻子欧阳某提出离婚'],
  ['masks a name found after a kinship word wherever else it appears', '女儿王小花受伤，王小花现住院', { names: [] }, '女儿王某受伤，王某现住院'],
  ['takes no name after a kinship word when no surname follows', '女儿出嫁后不再往来', { names: [] }, '女儿出嫁后不再往来'],
  // People named in the text who are not among the 当事人 were shown in full in the handouts.
  ['masks a name after a role: the other side', '张三与对方赵国庆因欠款争执', { names: ['张三'] }, '张某与对方赵某因欠款争执'],
  ['masks a name after a role: the respondent', '被申请人谢天华拒不到场', { names: [] }, '被申请人谢某拒不到场'],
  ['masks a name after a role: the employer, wherever it appears again', '老板冯国栋拖欠工资，冯国栋称无钱支付', { names: [] }, '老板冯某拖欠工资，冯某称无钱支付'],
  ['takes no name after a role when no surname follows', '对方表示不同意，邻居也来劝说', { names: [] }, '对方表示不同意，邻居也来劝说'],
  ['takes no name after a role when a listed word follows', '老板高兴地说，对方方面表示同意，对方常年外出', { names: [] }, '老板高兴地说，对方方面表示同意，对方常年外出'],
  ['takes no name after a kinship word when a listed word follows', '儿子高考落榜后离家出走，妻子马上报警', { names: [] }, '儿子高考落榜后离家出走，妻子马上报警'],
  ['leaves out an age written in Chinese numerals', '七十多岁的老人', { names: [] }, '（年龄略）的老人'],
  ['leaves out an age in 周岁', '年满18周岁', { names: [] }, '年满（年龄略）'],
  ['still masks phone and ID numbers', '张三电话13812345678，身份证640422199001011234', { names: ['张三'] }, '张某电话138****5678，身份证640422********1234'],
  ['leaves amounts and dates alone', '2020年5月21日涉及30000元', { names: [] }, '2020年5月21日涉及30000元'],
  ['gives empty text for empty text', '', { names: ['张三'], address: '东村3组5号' }, ''],
  [
    'leaves out a label a county added to the rules',
    '张三系低保户',
    { names: ['张三'], rules: { ...DEFAULT_HANDOUT_RULES, sensitiveLabels: [...DEFAULT_HANDOUT_RULES.sensitiveLabels, '低保户'] } },
    '张某系（敏感信息略）',
  ],
];

describe('maskForHandout', () => {
  it.each<Case>(HANDOUT_CASES)('%s', (_name, text, options, expected) => {
    expect(maskForHandout(text, options)).toBe(expected);
  });

  it('names its placeholders', () => {
    expect([ADDRESS_OMITTED, SENSITIVE_OMITTED, AGE_OMITTED]).toEqual(['（地址略）', '（敏感信息略）', '（年龄略）']);
  });
});

const PLACE_CASES: Case[] = [
  ['keeps a village', '东村', { names: [] }, '东村'],
  ['keeps a villager group, which the breakdowns count by', '东村3组', { names: [] }, '东村3组'],
  ['leaves out a house address', '东村3组5号', { names: [] }, '（地址略）'],
  ['leaves out the row’s own address', '东村3组', { names: [], address: '东村3组' }, '（地址略）'],
  ['masks a party name', '张三家门口', { names: ['张三'] }, '张某家门口'],
];

describe('maskPlaceForHandout', () => {
  it.each<Case>(PLACE_CASES)('%s', (_name, text, options, expected) => {
    expect(maskPlaceForHandout(text, options)).toBe(expected);
  });
});

describe('findKinshipNames', () => {
  it.each<[string, string, string[]]>([
    ['finds the name after each kinship word once', '女儿王小花受伤，其子李明在外，女儿王小花已出院', ['王小花', '李明']],
    ['finds a two-character name before a word that ends names', '丈夫张伟在外打工', ['张伟']],
    ['reads no name in a sensitive label after a kinship word', '儿子艾滋病患者', []],
    ['reads no name in a listed word after a kinship word', '儿子高考落榜', []],
    ['finds nothing in text without kinship words', '张三与李四因宅基地发生纠纷', []],
  ])('%s', (_name, text, expected) => {
    expect(findKinshipNames(text)).toEqual(expected);
  });
});

describe('HandoutMasker', () => {
  // One masker for every case, each asked twice: the second answer comes from what it remembers.
  const masker = new HandoutMasker();
  it.each<Case>(HANDOUT_CASES)('masks as maskForHandout, first and second time: %s', (_name, text, options, expected) => {
    expect(masker.text(text, options)).toBe(expected);
    expect(masker.text(text, options)).toBe(expected);
  });
  it.each<Case>(PLACE_CASES)('masks as maskPlaceForHandout, first and second time: %s', (_name, text, options, expected) => {
    expect(masker.place(text, options)).toBe(expected);
    expect(masker.place(text, options)).toBe(expected);
  });

  it.each<[string, string, HandoutMaskOptions[], string[]]>([
    ['masks each row’s own names in a text two rows share', '张三与李四争执', [{ names: ['张三'] }, { names: ['李四'] }, { names: [] }], ['张某与李四争执', '张三与李某争执', '张三与李四争执']],
    [
      'leaves out a row’s own address only on that row',
      '住幸福家园二期',
      [{ names: [], address: '幸福家园二期' }, { names: [] }, { names: [], address: '幸福家园二期' }],
      ['住（地址略）', '住幸福家园二期', '住（地址略）'],
    ],
    [
      'masks a name after a kinship word on every row, beside each row’s own',
      '女儿王小花与张三争执',
      [{ names: ['张三'] }, { names: [] }],
      ['女儿王某与张某争执', '女儿王某与张三争执'],
    ],
    ['masks ID and phone numbers on every row', '张三电话13812345678', [{ names: ['张三'] }, { names: [] }], ['张某电话138****5678', '张三电话138****5678']],
  ])('%s', (_name, text, rows, expected) => {
    const fresh = new HandoutMasker();
    expect(rows.map((options) => fresh.text(text, options))).toEqual(expected);
    expect(rows.map((options) => maskForHandout(text, options))).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['two texts with a kinship name each', ['女儿王小花受伤', '其子李明在外']],
    ['the same name in both', ['女儿王小花受伤', '女儿王小花已出院，其子李明在外']],
    ['an empty text and a label', ['', '儿子艾滋病患者，妻子欧阳娜娜']],
    ['an age at a text’s end', ['老人七十岁', '女儿王小花']],
  ])('finds the kinship names of several texts as findKinshipNames of them joined: %s', (_name, texts) => {
    const fresh = new HandoutMasker();
    const joined = findKinshipNames(texts.join('\n'));
    expect(joined.length).toBeGreaterThan(0);
    expect(fresh.kinshipNames(texts)).toEqual(joined);
    expect(fresh.kinshipNames(texts)).toEqual(joined);
  });
});
