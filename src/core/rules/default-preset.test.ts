import { parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeRecord, FieldName } from '../model';
import { DEFAULT_PRESET } from './default-preset';
import { compilePreset, firedReasons } from './evaluate';
import type { TriagePreset } from './types';
import { validatePreset } from './validate';

// The "333 default" of domain.md, rule by rule: a row built to fire each rule and a near miss
// that does not. Each case lists every rule that fires, worked out from domain.md.
const AS_OF = parseIsoDay('2021-03-01')!;
/** Registered ten days before the as-of date: too recent for the 30-day rule. */
const RECENT = AS_OF - 10;

type Spec = Partial<Omit<DisputeRecord, 'text'>> & { text?: Partial<Record<FieldName, string>> };
const row = (spec: Spec): DisputeRecord => record({ registered: RECENT, ...spec });
const desc = (description: string): DisputeRecord => row({ text: { description } });

const CASES: [string, DisputeRecord, string[]][] = [
  // red.violence
  ['fires red.violence on a threat to kill', desc('一方扬言要杀了对方'), ['red.violence']],
  ['fires red.violence on a threat of revenge', desc('因赔偿不到位，当事人声称要报复'), ['red.violence']],
  ['fires red.violence on 同归于尽', desc('当事人扬言同归于尽'), ['red.violence']],
  ['fires red.violence on a knife', desc('双方争执中一方持刀'), ['red.violence']],
  ['fires red.violence on pesticide', desc('家中备有农药'), ['red.violence']],
  ['fires red.violence on self-harm', desc('当事人曾喝药轻生'), ['red.violence']],
  ['does not fire on 扬言 without a threat to harm', desc('扬言要去法院起诉'), []],
  ['does not fire when a sentence ends between 扬言 and 杀', desc('扬言要讨说法。对方杀鸡款待'), []],
  ['does not fire when 杀 is more than ten characters after 扬言', desc('扬言要讨个说法，后来双方一起杀鸡'), []],
  ['does not fire on 无自杀倾向', desc('当事人无自杀倾向'), []],
  ['does not fire on 无明显自杀倾向', desc('当事人无明显自杀倾向'), []],
  ['does not fire on 未发现持刀', desc('现场未发现持刀'), []],
  ['does not fire on 没有持刀行为', desc('没有持刀行为'), []],
  ['does not fire on 暂无轻生念头', desc('暂无轻生念头'), []],
  ['does not fire on a negated threat', desc('当事人未扬言报复'), []],
  ['fires when a keyword is negated once and written again without', desc('此前无自杀倾向，昨日自杀未遂'), ['red.violence']],
  ['fires when the negation is earlier in the sentence', desc('无业人员扬言自杀'), ['red.violence']],
  ['does not fire when a denial stands a few characters before', desc('经排查未发现有自杀倾向'), []],
  ['does not fire when the party denies it', desc('当事人否认有持刀'), []],
  ['fires when 无 only begins a word before it', desc('张三无故持刀'), ['red.violence']],
  ['fires when the denial belongs to the previous clause', desc('未发现异常，次日扬言自杀'), ['red.violence']],
  // red.group
  ['fires red.group on 30 people', row({ headcount: 30 }), ['red.group']],
  ['fires red.group on 群体', desc('群体性纠纷'), ['red.group']],
  ['fires red.group on 聚集', desc('村民聚集村委会'), ['red.group']],
  ['fires red.group on 堵路', desc('村民堵路'), ['red.group']],
  // yellow.petition is for petitions without escalation (domain.md), so it stays quiet here.
  ['fires red.group on 集体上访', desc('三十余户村民集体上访'), ['red.group']],
  ['gives 29 people yellow, not red', row({ headcount: 29 }), ['yellow.headcount']],
  // red.crossRegion
  ['fires red.crossRegion on 跨县', desc('跨县经营纠纷'), ['red.crossRegion']],
  ['fires red.crossRegion on 跨行业', desc('涉及跨行业合作'), ['red.crossRegion']],
  ['does not fire on a county named without 跨', desc('县城经营纠纷'), []],
  // red.escalatedPetition
  ['fires red.escalatedPetition on 越级上访', desc('曾越级上访'), ['red.escalatedPetition']],
  ['fires red.escalatedPetition on 进京', desc('扬言进京'), ['red.escalatedPetition']],
  ['fires red.escalatedPetition on 赴省', desc('多次赴省反映'), ['red.escalatedPetition']],
  ['gives a petition at the county yellow, not red', desc('到县信访局上访'), ['yellow.petition']],
  // red.repeatFailure
  // yellow.repeatFailure fires on the same count; its reason repeats the red one and is left out.
  ['fires red.repeatFailure on three failed mediations', row({ mediationFailures: 3 }), ['red.repeatFailure']],
  ['fires red.repeatFailure on 多次调解未果', desc('多次调解未果'), ['red.repeatFailure']],
  ['fires red.repeatFailure on five police calls', row({ policeCalls: 5 }), ['red.repeatFailure']],
  ['gives two failed mediations yellow, not red', row({ mediationFailures: 2 }), ['yellow.repeatFailure']],
  ['gives four police calls yellow, not red', row({ policeCalls: 4 }), ['yellow.repeatFailure']],
  // red.keyPerson
  ['fires red.keyPerson on 精神障碍 in the key-person column', row({ text: { keyPerson: '精神障碍' } }), ['red.keyPerson']],
  ['fires red.keyPerson on 肇事肇祸 in the description', desc('一方系肇事肇祸人员'), ['red.keyPerson']],
  ['fires red.keyPerson on 重点人员 in the remarks', row({ text: { remarks: '列为重点人员' } }), ['red.keyPerson']],
  ['fires red.keyPerson on 是 in a 是否重点人员 column', row({ text: { keyPerson: '是' } }), ['red.keyPerson']],
  ['does not fire on 否 in a 是否重点人员 column', row({ text: { keyPerson: '否' } }), []],
  // yellow.familyViolence
  [
    'fires yellow.familyViolence on a family dispute with beating',
    row({ text: { type: '婚姻家庭纠纷', description: '丈夫酒后殴打妻子' } }),
    ['yellow.familyViolence'],
  ],
  ['fires yellow.familyViolence on a threat in a relationship', row({ text: { type: '婚恋纠纷', description: '男方威胁女方' } }), ['yellow.familyViolence']],
  ['does not fire on a family dispute without violence', row({ text: { type: '婚姻家庭纠纷', description: '夫妻因家务琐事争吵' } }), []],
  ['does not fire on beating outside the family', desc('双方因排水问题发生殴打'), []],
  ['does not fire on a family dispute with 无家暴', row({ text: { type: '婚姻家庭', description: '无家暴行为' } }), []],
  // yellow.headcount
  ['fires yellow.headcount on 3 people', row({ headcount: 3 }), ['yellow.headcount']],
  ['does not fire on 2 people', row({ headcount: 2 }), []],
  // yellow.amount
  ['fires yellow.amount on 30000 yuan', row({ amount: 30000 }), ['yellow.amount']],
  ['does not fire on 29999 yuan', row({ amount: 29999 }), []],
  // yellow.sensitiveType
  ['fires yellow.sensitiveType on a land type', row({ text: { type: '土地承包纠纷' } }), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 山林', row({ text: { type: '山林权属' } }), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 宅基地 in the description', desc('宅基地界址不清'), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 征地', row({ text: { title: '征地补偿' } }), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 拆迁', row({ text: { type: '拆迁安置' } }), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 欠薪', desc('工地欠薪'), ['yellow.sensitiveType']],
  ['fires yellow.sensitiveType on 劳资', row({ text: { type: '劳资纠纷' } }), ['yellow.sensitiveType']],
  ['does not fire on a neighbour dispute', row({ text: { type: '邻里纠纷' } }), []],
  ['does not fire on 土地 only in the remarks', row({ text: { remarks: '涉及土地' } }), []],
  // yellow.petition
  ['fires yellow.petition on 信访', desc('曾到县信访局反映'), ['yellow.petition']],
  ['does not fire on 未上访', desc('当事人未上访'), []],
  // yellow.repeatFailure
  ['fires yellow.repeatFailure on two police calls', row({ policeCalls: 2 }), ['yellow.repeatFailure']],
  ['does not fire on one police call', row({ policeCalls: 1 }), []],
  ['does not fire on one failed mediation', row({ mediationFailures: 1 }), []],
  // yellow.overdue
  ['fires yellow.overdue 31 days after registration', row({ registered: AS_OF - 31 }), ['yellow.overdue']],
  ['does not fire 30 days after registration', row({ registered: AS_OF - 30 }), []],
  ['does not fire without a registration date', row({ registered: null }), []],
  ['does not fire on a resolved dispute', row({ registered: AS_OF - 100, status: 'resolved' }), []],
  ['does not fire on a closed dispute', row({ registered: AS_OF - 100, status: 'closed' }), []],
  // green
  ['fires nothing on an ordinary dispute', row({ text: { type: '邻里纠纷', description: '因排水问题发生口角' } }), []],
];

const PRESETS: [string, TriagePreset][] = [
  ['the default preset', DEFAULT_PRESET],
  ['the default preset read back from JSON', validatePreset(JSON.parse(JSON.stringify(DEFAULT_PRESET)))],
];

describe.each(PRESETS)('%s', (_name, preset) => {
  const compiled = compilePreset(preset);
  it.each(CASES)('%s', (_case, dispute, expected) => {
    expect(firedReasons(compiled, dispute, AS_OF).map((r) => r.rule)).toEqual(expected);
  });
});

describe('the default preset', () => {
  it('has a case above for every rule', () => {
    const covered = new Set(CASES.flatMap(([, , ids]) => ids));
    expect(DEFAULT_PRESET.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('revisits red daily, yellow weekly and green monthly', () => {
    expect(DEFAULT_PRESET.cadenceDays).toEqual({ red: 1, yellow: 7, green: 30 });
  });

  it.each<[string, DisputeRecord, string]>([
    ['quotes the keyword', desc('双方争执中一方持刀'), '人身安全威胁：“持刀”'],
    ['quotes the words that matched a pattern', desc('一方扬言要杀了对方'), '人身安全威胁：“扬言要杀”'],
    ['names the headcount', row({ headcount: 30 }), '群体性纠纷：涉及30人'],
    ['writes an amount in 万元', row({ amount: 35000 }), '涉及金额较大：涉及金额3.5万元'],
    ['writes an amount below 万 in 元', row({ amount: 30050 }), '涉及金额较大：涉及金额30050元'],
    ['counts the days open', row({ registered: AS_OF - 31 }), '超过30天未化解：登记已31天'],
    ['joins the evidence of an all-rule', row({ text: { type: '婚姻家庭', description: '殴打' } }), '婚姻家庭纠纷有暴力苗头：“婚姻家庭”、“殴打”'],
  ])('%s in the reason', (_name, dispute, expected) => {
    expect(firedReasons(compilePreset(DEFAULT_PRESET), dispute, AS_OF)[0].text).toBe(expected);
  });

  it.each<[string, DisputeRecord, string]>([
    ['names the headcount in English', row({ headcount: 30 }), 'Group dispute: 30 people'],
    ['quotes the keyword in English', desc('持刀'), 'Threat to life or violence: "持刀"'],
    ['counts the days open in English', row({ registered: AS_OF - 31 }), 'Unresolved for more than 30 days: 31 days since registration'],
  ])('%s', (_name, dispute, expected) => {
    expect(firedReasons(compilePreset(DEFAULT_PRESET, 'en'), dispute, AS_OF, 'en')[0].text).toBe(expected);
  });
});

describe('the petition rules', () => {
  const compiled = compilePreset(DEFAULT_PRESET);
  const rules = (description: string) => firedReasons(compiled, row({ text: { description } }), AS_OF).map((r) => r.rule);
  it.each<[string, string, string[]]>([
    ['an escalated petition is red only, not also yellow', '欲越级上访', ['red.escalatedPetition']],
    ['a petition to Beijing is red only', '扬称要进京上访', ['red.escalatedPetition']],
    ['a group petition is red (group) only', '组织集体上访', ['red.group']],
    ['a petition at the county is yellow', '多次到县信访局上访', ['yellow.petition']],
  ])('%s', (_name, description, expected) => {
    expect(rules(description)).toEqual(expected);
  });
});
