import { parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeRecord, FieldName } from '../model';
import { DEFAULT_PRESET } from './default-preset';
import { compilePreset, firedReasons } from './evaluate';
import type { Condition, TriagePreset } from './types';
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
  // red.violence: a threat verb with an act of harm, killing said outright, a weapon in use
  ['fires red.violence on a threat to kill', desc('一方扬言要杀了对方'), ['red.violence']],
  ['fires red.violence on a threat of revenge', desc('因赔偿不到位，当事人声称要报复'), ['red.violence']],
  ['fires red.violence on 同归于尽', desc('当事人扬言同归于尽'), ['red.violence']],
  ['fires red.violence on a threat to burn a house', desc('韦某当场威胁：今晚就去把你家房子点了'), ['red.violence', 'yellow.threat']],
  ['fires red.violence on a knife held', desc('双方争执中一方持刀'), ['red.violence']],
  ['fires red.violence on a kitchen knife and a chase', desc('刘某拿菜刀追砍邻居'), ['red.violence']],
  ['fires red.violence on a weapon in the next clause', desc('张某酒后拿着铁锹，冲到李某家门口'), ['red.violence']],
  ['fires red.violence on petrol carried to a house', desc('王某提着汽油桶到村委会'), ['red.violence']],
  ['fires red.violence on poison laid', desc('吴某将老鼠药拌进邻居家鸡食'), ['red.violence']],
  ['does not fire on 扬言 without an act of harm', desc('扬言要去法院起诉'), []],
  ['does not fire when a sentence ends between 扬言 and 杀', desc('扬言要讨说法。对方杀鸡款待'), []],
  ['does not fire on pesticide and fertiliser as goods', desc('顾客与商户因农药化肥质量问题发生争执'), []],
  ['does not fire on short-measured petrol', desc('加油站汽油计量不足引发争执'), []],
  ['does not fire on a knife bought at the market', desc('集市买的刀具刀柄松动'), []],
  ['does not fire on a knife returned as goods', desc('顾客拿着菜刀到店里要求退货'), []],
  ['does not fire on an axe to a tree', desc('张某拿斧头砍了李某家的树'), []],
  ['does not fire on bargaining', desc('双方因砍价发生口角'), []],
  ['does not fire on 未发现持刀', desc('经排查未发现持刀等过激行为'), []],
  ['does not fire on a denied threat', desc('否认曾威胁对方'), []],
  ['does not fire on a denial across a list', desc('未发现持刀、扬言报复等情况'), []],
  ['does not fire on prevention', desc('加强稳控，防止发生民转刑案件'), []],
  ['fires when 无 only begins a word before it', desc('张三无故持刀'), ['red.violence']],
  ['fires when the denial belongs to the previous clause', desc('未发现异常，次日持刀上门'), ['red.violence']],
  ['fires when a 但 ends the denial', desc('否认打人但承认持刀追赶'), ['red.violence']],
  // red.injury
  ['fires red.injury on a brawl with injury', desc('双方互殴致一人轻伤'), ['red.injury']],
  ['fires red.injury on a beating that put someone in hospital', desc('张某持棍将李某打伤住院'), ['red.violence']],
  ['fires red.injury on blows and a fracture', desc('双方发生推搡，李某被推倒致左腿骨折'), ['red.injury', 'yellow.physicalConflict']],
  ['does not fire on a traffic accident with a fracture', desc('交通事故致李某左腿骨折，双方就赔偿协商'), []],
  ['does not fire on 无人受伤 after a scuffle', desc('双方发生推搡，无人受伤'), ['yellow.physicalConflict']],
  // red.selfHarm
  ['fires red.selfHarm on 以死相逼', desc('妻子以死相逼要求离婚'), ['red.selfHarm']],
  ['fires red.selfHarm on a threat to hang oneself', desc('老人称要上吊寻死'), ['red.selfHarm']],
  ['fires red.selfHarm on a threat to take poison', desc('王某称要服毒'), ['red.selfHarm']],
  ['fires red.selfHarm on drinking pesticide', desc('扬言买瓶农药喝了'), ['red.selfHarm']],
  ['fires red.selfHarm on poison set out, and drinking it said in the next clause', desc('妻子买了一瓶农药放在床头，说“你要是离婚我就喝了它”'), ['red.selfHarm']],
  ['does not fire red.selfHarm on pesticide for the crops that did not work', desc('买的农药是假药，打了没效果，庄稼都死了'), []],
  ['fires red.violence on a knife taken into a home over money lent (借给 is the loan, not the knife)', desc('王某拿着菜刀冲进李家要讨回借给他的钱'), ['red.violence']],
  ['fires nothing on knives carried to sell', desc('拿着刀具上门推销被拒后与店主争吵'), []],
  ['fires nothing on a knife taken into the kitchen', desc('李某拿着新买的菜刀冲进厨房切菜'), []],
  ['fires when a keyword is denied once and written again without', desc('此前无自杀倾向，昨日自杀未遂'), ['red.selfHarm']],
  ['does not fire on a clearance price', desc("理发店'跳楼价'促销"), []],
  ['does not fire on 无明显自杀倾向', desc('当事人无明显自杀倾向'), []],
  // A milder rule that quotes the very words of a severer one adds nothing to read and is left out.
  // red.domesticViolence
  ['fires red.domesticViolence on repeated beating at home', row({ text: { type: '婚姻家庭纠纷', description: '丈夫经常酒后殴打妻子' } }), ['red.domesticViolence']],
  ['fires red.domesticViolence on long abuse', desc('妻子长期遭受家暴'), ['red.domesticViolence']],
  // red.extreme
  ['fires red.extreme on 民转刑 named as a risk', desc('矛盾激化，存在民转刑风险'), ['red.extreme']],
  // red.group
  ['fires red.group on 30 people', row({ headcount: 30 }), ['red.group']],
  ['fires red.group on 30 people written in the text', desc('三十余人到镇政府反映'), ['red.group']],
  ['fires red.group on households written in the text', desc('56户村民联名反映饮水问题'), ['red.group']],
  ['fires red.group on a sit-in', desc('四十多名学生家长到镇政府门口静坐'), ['red.group']],
  ['fires red.group on 堵路', desc('村民堵路'), ['red.group']],
  ['fires red.group on 集体上访', desc('三十余户村民集体上访'), ['red.group']],
  ['gives 29 people yellow, not red', row({ headcount: 29 }), ['yellow.headcount']],
  ['lets the column win over the text', row({ headcount: 10, text: { description: '三十余人到场' } }), ['yellow.headcount']],
  // red.crossRegion
  ['fires red.crossRegion on 跨县', desc('跨县经营纠纷'), ['red.crossRegion']],
  ['fires red.crossRegion on 跨行业', desc('涉及跨行业合作'), ['red.crossRegion']],
  ['does not fire on a county named without 跨', desc('县城经营纠纷'), []],
  // red.escalatedPetition
  ['fires red.escalatedPetition on 越级上访', desc('曾越级上访'), ['red.escalatedPetition']],
  ['fires red.escalatedPetition on a threat to go to Beijing', desc('扬言不解决就去北京'), ['red.escalatedPetition']],
  ['fires red.escalatedPetition on 赴省 to complain', desc('多次赴省反映'), ['red.escalatedPetition']],
  ['does not fire on a trip to the provincial capital', desc('陪女儿赴省城参加考试期间家中被淹'), []],
  ['gives a petition at the county yellow, not red', desc('到县信访局上访'), ['yellow.petition']],
  // red.repeatFailure
  ['fires red.repeatFailure on three failed mediations', row({ mediationFailures: 3 }), ['red.repeatFailure']],
  ['fires red.repeatFailure on 调解3次未成 in the text', desc('村调委会调解3次未成'), ['red.repeatFailure']],
  ['fires red.repeatFailure on 多次调解未果', desc('多次调解未果'), ['red.repeatFailure']],
  ['fires red.repeatFailure on a count in the status text', row({ text: { status: '三次调解未果' } }), ['red.repeatFailure']],
  ['fires red.repeatFailure on five police calls', row({ policeCalls: 5 }), ['red.repeatFailure']],
  ['fires red.repeatFailure on 报警四五十次', desc('楼上噪音扰民，先后报警四五十次'), ['red.repeatFailure']],
  ['gives two failed mediations yellow, not red', row({ mediationFailures: 2 }), ['yellow.repeatFailure']],
  ['gives four police calls yellow, not red', row({ policeCalls: 4 }), ['yellow.repeatFailure']],
  // red.keyPerson
  ['fires red.keyPerson on 精神障碍 in the key-person column', row({ text: { keyPerson: '精神障碍' } }), ['red.keyPerson']],
  ['fires red.keyPerson on 肇事肇祸 in the description', desc('一方系肇事肇祸人员'), ['red.keyPerson']],
  ['fires red.keyPerson on 重点人员 in the remarks', row({ text: { remarks: '列为重点人员' } }), ['red.keyPerson']],
  ['fires red.keyPerson on 是 in a 是否重点人员 column', row({ text: { keyPerson: '是' } }), ['red.keyPerson']],
  ['does not fire on 否 in a 是否重点人员 column', row({ text: { keyPerson: '否' } }), []],
  ['does not fire on 无精神病史', desc('经了解当事人无精神病史'), []],
  // yellow.familyViolence
  [
    'fires yellow.familyViolence on a family dispute with beating',
    row({ text: { type: '婚姻家庭纠纷', description: '丈夫酒后殴打妻子' } }),
    ['yellow.familyViolence'],
  ],
  ['fires yellow.familyViolence on a threat in a relationship', row({ text: { type: '婚恋纠纷', description: '男方威胁女方' } }), ['yellow.familyViolence']],
  ['does not fire on a family dispute without violence', row({ text: { type: '婚姻家庭纠纷', description: '夫妻因家务琐事争吵' } }), []],
  ['does not fire on a family dispute with 无家暴', row({ text: { type: '婚姻家庭', description: '无家暴行为' } }), []],
  ['does not fire on 离婚 alone', desc('协议离婚后因财产分割发生争执'), []],
  // yellow.physicalConflict
  ['fires yellow.physicalConflict on a scuffle outside the family', desc('双方因排水问题发生推搡'), ['yellow.physicalConflict']],
  ['does not fire on a quarrel', desc('双方因排水问题发生口角'), []],
  // yellow.threat
  ['fires yellow.threat on a threat without an act of harm', desc('张某打电话恐吓对方'), ['yellow.threat']],
  // yellow.headcount
  ['fires yellow.headcount on 3 people', row({ headcount: 3 }), ['yellow.headcount']],
  ['fires yellow.headcount on 10余户 in the text', desc('10余户村民反映'), ['yellow.headcount']],
  ['does not fire on 2 people', row({ headcount: 2 }), []],
  // yellow.amount
  ['fires yellow.amount on 30000 yuan', row({ amount: 30000 }), ['yellow.amount']],
  ['fires yellow.amount on an amount in the text', desc('张某借李某3.5万未还'), ['yellow.amount']],
  ['does not fire on 29999 yuan', row({ amount: 29999 }), []],
  ['does not fire on 2.5万 in the text', desc('张某借李某2.5万未还'), []],
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
  ['does not fire on a noise complaint called 噪声污染', desc('楼下广场舞噪声污染'), []],
  // yellow.petition
  ['fires yellow.petition on 信访', desc('曾到县信访局反映'), ['yellow.petition']],
  ['does not fire on 未上访', desc('当事人未上访'), []],
  // yellow.repeatFailure
  ['fires yellow.repeatFailure on two police calls', row({ policeCalls: 2 }), ['yellow.repeatFailure']],
  ['fires yellow.repeatFailure on two failed mediations in the text', desc('经两次调解未果'), ['yellow.repeatFailure']],
  ['does not fire on one police call', row({ policeCalls: 1 }), []],
  ['does not fire on one failed mediation', row({ mediationFailures: 1 }), []],
  // yellow.overdue
  ['fires yellow.overdue 31 days after registration', row({ registered: AS_OF - 31 }), ['yellow.overdue']],
  ['does not fire 30 days after registration', row({ registered: AS_OF - 30 }), []],
  ['does not fire without a registration date', row({ registered: null }), []],
  ['does not fire on a resolved dispute', row({ registered: AS_OF - 100, status: 'resolved' }), []],
  ['does not fire on a closed dispute', row({ registered: AS_OF - 100, status: 'closed' }), []],
  // Words whose sense the clause decides
  ['fires red.selfHarm on 喝药 threatened', desc('王某因儿子不孝，多次扬言喝药'), ['red.selfHarm']],
  ['does not fire on medicine taken for an illness', desc('老人患慢性病每天喝药，两个儿子因轮流买药拌嘴'), []],
  ['does not fire on a ride called 跳楼机', desc('游乐场跳楼机项目临时停运，游客要求退票'), []],
  ['fires red.escalatedPetition on 赴京 alone', desc('王某多次赴京'), ['red.escalatedPetition']],
  // 赴京看病 is the pretext petitioners give (稳控对象以赴京看病为由离家): left red on purpose.
  ['still fires red.escalatedPetition on a trip to Beijing for treatment', desc('李某带母亲赴京看病期间，房子借给邻居住'), ['red.escalatedPetition']],
  ['fires red.group on a gate blocked', desc('村民堵门阻止养猪场开工'), ['red.group']],
  // Left red on purpose: a look-alike is excluded by its phrase only, and no phrase says 'parked'
  // without saying it of a protest too (讨薪者将车停在工地门口堵住大门).
  ['still fires red.group on a truck parked across a door', desc('李某家货车夜里停在单元门口堵门，其他住户出入不便'), ['red.group']],
  ['fires red.group on villagers blocking a road with a car', desc('村民把车停在路中间堵路'), ['red.group']],
  ['does not fire on a banner for a sale', desc('商户在门口拉横幅搞促销，邻铺不满'), []],
  // (山林 is a sensitive type too, left out: a milder rule fired by the words of a severer one.)
  ['fires red.crossRegion on a dispute across two provinces', desc('两省交界村民因山林权属争执'), ['red.crossRegion']],
  ['does not fire on goods bought online from another province', desc('顾客跨省网购家具，因物流破损与商家协商退款'), []],
  ['does not fire on a charging gun', desc('小区充电桩的充电枪被人拔下，车主与物业争执'), []],
  ['fires red.violence on a knife taken from the kitchen in a quarrel', desc('俞某与邻居争吵时，从厨房拎出一把砍刀'), ['red.violence']],
  ['fires red.injury on family violence that drew blood', desc('聂某因家务琐事对妻子家暴，妻子鼻部出血'), ['red.injury', 'yellow.familyViolence']],
  ['fires yellow.physicalConflict on 打了一架', desc('两家商户因摊位打了一架，双方均无伤'), ['yellow.physicalConflict']],
  ['fires yellow.familyViolence on 家爆, as 家暴 is often mistyped', desc('丈夫有家爆行为一次，妻子要求离婚'), ['yellow.familyViolence']],
  ['fires yellow.sensitiveType on waste water let out', desc('村民反映化工厂排放废水，鱼塘死鱼'), ['yellow.sensitiveType']],
  ['does not fire on washing water poured in a lane', desc('邻居将洗衣废水倒在巷道内'), []],
  ['does not fire on a housing estate for the resettled', desc('安置小区内两户因楼道堆放杂物口角'), []],
  ['does not fire on a shop’s banner for a sale', desc('超市门口挂着“跳楼价清仓”横幅，实际价格比平时还贵'), []],
  ['fires red.group on workers with a banner, even at a shopping mall', desc('工人在商场门口拉横幅讨薪'), ['red.group']],
  ['does not fire on stray cats gathering', desc('小区内聚集了不少流浪猫，喂猫的住户与邻居口角'), []],
  ['fires red.group on workers gathering', desc('工人聚集在项目部门口讨要工钱'), ['red.group']],
  ['still fires red.selfHarm on a cat jumping down (an animal in the clause cancels no threat)', desc('邻居家的猫从阳台跳下来，把晾的腊肉抓坏了'), ['red.selfHarm']],
  ['fires red.selfHarm on a threat to jump down from a roof', desc('张某站在楼顶扬言要跳下去'), ['red.selfHarm']],
  ['does not fire on a walk-in (来访人) by itself', desc('来访人反映邻居家的狗晚上叫个不停'), []],
  ['fires yellow.petition on a petition registered', desc('信访登记：来访人反映村务公开不及时'), ['yellow.petition']],
  ['fires red.violence on a stack of firewood set alight', desc('邻居因琐事把他家柴草垛点火烧了'), ['red.violence']],
  ['still fires red.escalatedPetition on a flight to Beijing (a ticket bought may be for a petition)', desc('原告购买的赴京航班被取消，请求赔偿改签损失'), ['red.escalatedPetition']],
  ['does not fire on stray cats that gather', desc('小区里聚集了不少流浪猫，喂猫的住户与邻居口角'), []],
  ['does not fire on a restaurant called 北京烤鸭', desc('市民来电反映：楼下“北京烤鸭”店的排风口正对其卧室窗户'), []],
  ['does not fire on 联名款 shoes', desc('在商场买的联名款运动鞋开胶，商家不予退换'), []],
  // 背后捅刀子 is said of a cheat and done with a knife: left red on purpose.
  ['still fires red.violence on a knife in the back, said or done', desc('健身房老板跑路，来电人说这是往消费者背后捅刀子'), ['red.violence']],
  ['fires yellow.physicalConflict on one punch', desc('两名司机因抢客口角，其中一人打了另一人一拳，经查未受伤'), ['yellow.physicalConflict']],
  // A context word that lets a look-alike pass never lets a threat or a protest pass
  ...(
    [
      ['a threat to drink poison over unpaid money', '老人称儿子不按时给生活费就喝药', 'red.selfHarm'],
      ['a threat to drink poison at a clinic over a refund', '王某扬言诊所不退药费就当场喝药', 'red.selfHarm'],
      ['a threat to jump over a price', '张某扬言补偿价谈不拢就从楼顶跳下去', 'red.selfHarm'],
      ['a threat to go to Beijing over a failed operation', '张某因手术失败扬言赴京讨说法', 'red.escalatedPetition'],
      ['a threat to go to Beijing over an injury at work', '刘某因务工受伤赔偿问题扬言要进京', 'red.escalatedPetition'],
      ['a road blocked with a tractor over compensation', '张某因征地补偿不满将拖拉机停在路中间堵路', 'red.group'],
      ['a gate blocked with things piled by households', '拆迁户将杂物堆在村委会门口堵门', 'red.group'],
      ['a banner over false advertising', '购房者因开发商虚假宣传在售楼部拉横幅维权', 'red.group'],
      ['a banner on a shop\'s opening day to press a debt', '张某在对方超市开业当天拉横幅讨要工程款', 'red.group'],
      ['residents gathering over flies', '因垃圾场蚊蝇滋生周边居民聚集在镇政府门口讨说法', 'red.group'],
      ['villagers swarming (蜂拥) to gather', '村民蜂拥而至聚集在镇政府门口', 'red.group'],
      ['a carrier from another province owing drivers', '外省物流公司拖欠本地货车司机运费', 'red.crossRegion'],
    ] as const
  ).map(([what, line, rule]): [string, DisputeRecord, string[]] => [`still fires ${rule} on ${what}`, desc(line), [rule]]),
  // Retractions: a report found untrue
  // 情况不实 and 消息不实 are often said of one detail of a true report (关于张某持刀砍伤李某致其死亡的
  // 消息不实): no retraction, a report found untrue is still read as reported.
  ['still fires red.group on a gathering reported and found untrue', desc('群众反映周某要纠集他人上访，经核实情况不实'), ['red.group']],
  ['does not fire on a rumour of a threat, found to be a rumour', desc('网传某村有人扬言要杀人，经民警核实系谣言'), []],
  // What a report found untrue takes back is the report, not what happened beside it.
  ['still fires on a stabbing beside a rumour found untrue', desc('张某持菜刀将李某砍伤住院，张某家属称网传砍死人消息不实'), ['red.violence']],
  ['still fires on a stabbing beside another claim found untrue', desc('张某酒后持菜刀砍伤妻子致其住院，张某所称妻子出轨一事经核实情况不实'), ['red.violence']],
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
    ['quotes the words that fired, marked with their colour', desc('刘某拿菜刀追砍邻居'), '红：人身安全威胁：“刘某拿菜刀追砍邻居”'],
    ['quotes a short clause whole', desc('老人称要上吊寻死'), '红：自杀、自残倾向：“老人称要上吊寻死”'],
    ['quotes words with what follows them in a long clause', desc('2026年3月5日晚双方在村口小卖部门前因琐事互殴致一人轻伤'), '红：暴力致伤、斗殴：“互殴致一人轻伤”'],
    ['quotes the threat and the act together', desc('张某扬言要砍死李某全家并烧掉他家的房子以泄心头之恨'), '红：人身安全威胁：“扬言要砍死”'],
    ['names the headcount column', row({ headcount: 30 }), '红：群体性纠纷：涉及30人'],
    ['quotes a headcount written in the text', desc('四十多名学生家长到镇政府门口反映'), '红：群体性纠纷：“四十多名学生家长”'],
    ['writes an amount in 万元', row({ amount: 35000 }), '黄：涉及金额较大：涉及金额3.5万元'],
    ['writes an amount below 万 in 元', row({ amount: 30050 }), '黄：涉及金额较大：涉及金额30050元'],
    ['counts the days open', row({ registered: AS_OF - 31 }), '黄：超过30天未化解：登记已31天'],
    ['says what a 调解次数 column counts', row({ mediationFailures: 3, mediationColumn: 'attempts' }), '红：多次调解未果或反复报警：已调解3次仍未化解'],
    ['says what a 调解未果次数 column counts', row({ mediationFailures: 3, mediationColumn: 'failures' }), '红：多次调解未果或反复报警：调解未果3次'],
    ['never quotes the category as evidence', row({ text: { type: '婚姻家庭', description: '丈夫威胁妻子' } }), '黄：婚姻家庭纠纷有暴力苗头，言语威胁：“丈夫威胁妻子”'],
    ['names every rule of one level that the same words fired, once', desc('当事人以喝农药相威胁'), '红：人身安全威胁，自杀、自残倾向：“当事人以喝农药相威胁”'],
  ])('%s in the reason', (_name, dispute, expected) => {
    expect(firedReasons(compilePreset(DEFAULT_PRESET), dispute, AS_OF)[0].text).toBe(expected);
  });

  it('lists red reasons before yellow ones, each marked', () => {
    const dispute = row({ registered: AS_OF - 40, text: { description: '刘某拿菜刀追砍邻居' } });
    expect(firedReasons(compilePreset(DEFAULT_PRESET), dispute, AS_OF).map((r) => r.text)).toEqual([
      '红：人身安全威胁：“刘某拿菜刀追砍邻居”',
      '黄：超过30天未化解：登记已40天',
    ]);
  });

  it.each<[string, DisputeRecord, string]>([
    ['names the headcount in English', row({ headcount: 30 }), 'Red: Group dispute: 30 people'],
    ['quotes the words in English', desc('持刀'), 'Red: Threat to life or violence: "持刀"'],
    ['counts the days open in English', row({ registered: AS_OF - 31 }), 'Yellow: Unresolved for more than 30 days: 31 days since registration'],
  ])('%s', (_name, dispute, expected) => {
    expect(firedReasons(compilePreset(DEFAULT_PRESET, 'en'), dispute, AS_OF, 'en')[0].text).toBe(expected);
  });

  it('names every word class a rule uses, and uses every class it names', () => {
    const used = new Set<string>();
    const walk = (c: Condition): void => {
      if ('words' in c) used.add(c.words);
      else if ('together' in c) [...c.together, ...(c.unless ?? [])].forEach((n) => used.add(n));
      else if ('all' in c) c.all.forEach(walk);
      else if ('any' in c) c.any.forEach(walk);
    };
    DEFAULT_PRESET.rules.forEach((r) => walk(r.when));
    expect([...used].filter((n) => !(n in DEFAULT_PRESET.classes))).toEqual([]);
    expect(Object.keys(DEFAULT_PRESET.classes).filter((n) => !used.has(n))).toEqual([]);
  });
});

describe('a ledger written in traditional characters', () => {
  const compiled = compilePreset(DEFAULT_PRESET);
  const reasons = (description: string) => firedReasons(compiled, desc(description), AS_OF);
  // Each line beside its simplified twin: the same rules fire, and the evidence quotes the ledger's own characters.
  it.each<[string, string]>([
    ['張某揚言要殺了李某全家', '张某扬言要杀了李某全家'],
    ['趙某在村口大喊“這筆賬早晚血債血償”', '赵某在村口大喊“这笔账早晚血债血偿”'],
    ['劉某拿著菜刀追砍鄰居', '刘某拿着菜刀追砍邻居'],
    ['妻子以死相逼，說要喝農藥', '妻子以死相逼，说要喝农药'],
    ['雙方互毆致一人輕傷', '双方互殴致一人轻伤'],
    ['村民三十餘人聚集在村委會門口', '村民三十余人聚集在村委会门口'],
    ['經調解三次未成', '经调解三次未成'],
    ['拖欠工程款拾貳萬元', '拖欠工程款拾贰万元'],
    ['王某揚言進京上訪', '王某扬言进京上访'],
    ['顧客與商戶因農藥化肥質量問題發生爭執', '顾客与商户因农药化肥质量问题发生争执'],
    ['經排查未發現持刀等過激行為', '经排查未发现持刀等过激行为'],
  ])('%s reads as %s', (traditional, simplified) => {
    const read = reasons(traditional);
    expect(read.map((r) => [r.rule, r.level])).toEqual(reasons(simplified).map((r) => [r.rule, r.level]));
    for (const reason of read) {
      const quoted = /“(.*)”/.exec(reason.text)?.[1];
      if (quoted) expect(traditional).toContain(quoted);
    }
  });

  it('fires on the lines above that are red in simplified characters', () => {
    expect(reasons('劉某拿著菜刀追砍鄰居')[0].text).toBe('红：人身安全威胁：“劉某拿著菜刀追砍鄰居”');
  });
});

describe('a line with a space, an invisible character or a look-alike inside a word', () => {
  const compiled = compilePreset(DEFAULT_PRESET);
  const rules = (description: string) => firedReasons(compiled, desc(description), AS_OF).map((r) => [r.rule, r.level]);
  // As the reader gives them: an invisible character is read as a space (cells/text.ts).
  it.each<[string, string]>([
    ['妻子以死 相逼', '妻子以死相逼'],
    ['妻子以 死 相 逼', '妻子以死相逼'],
    ['张某扬 言报复', '张某扬言报复'],
    ['王某称要去跳 楼', '王某称要去跳楼'],
    ['王某扬言要喝农 药', '王某扬言要喝农药'],
    ['张三拿菜⼑追赶邻居', '张三拿菜刀追赶邻居'],
  ])('%s reads as %s', (written, plain) => {
    expect(rules(written)).toEqual(rules(plain));
    expect(rules(written)[0]).toEqual(expect.arrayContaining(['red']));
  });

  it('reads no exclusion across a space written where a comma goes', () => {
    // 厮打 车主: 打车 (a taxi) is no exclusion here; the blows and the bite stand.
    expect(rules('车位被占双方厮打 车主手指被对方咬伤 到卫生院包扎')[0]).toEqual(['red.injury', 'red']);
  });

  it('quotes the words as written, space and all', () => {
    expect(firedReasons(compiled, desc('妻子以死 相逼'), AS_OF)[0].text).toBe('红：自杀、自残倾向：“妻子以死 相逼”');
  });
});

describe('the petition rules', () => {
  const compiled = compilePreset(DEFAULT_PRESET);
  const rules = (description: string) => firedReasons(compiled, row({ text: { description } }), AS_OF).map((r) => r.rule);
  it.each<[string, string, string[]]>([
    ['an escalated petition is red only, not also yellow', '欲越级上访', ['red.escalatedPetition']],
    ['a petition to Beijing is red; its yellow twin quotes the same words and is left out', '扬称要进京上访', ['red.escalatedPetition']],
    ['a group petition is red (group) only', '组织集体上访', ['red.group']],
    ['a petition at the county is yellow', '多次到县信访局上访', ['yellow.petition']],
  ])('%s', (_name, description, expected) => {
    expect(rules(description)).toEqual(expected);
  });
});

describe('docs/adding-a-rule.md, step by step', () => {
  const county = JSON.parse(JSON.stringify(DEFAULT_PRESET)) as TriagePreset;
  const reasons = (preset: TriagePreset, description: string) => firedReasons(compilePreset(preset), desc(description), AS_OF).map((r) => r.text);

  it('a dialect word added to a class is known to every rule that uses the class', () => {
    const line = '王某薅着砍刀站在李某家门口';
    expect(reasons(county, line)).toEqual([]);
    county.classes.weaponUse.words.push('薅着');
    expect(reasons(validatePreset(JSON.parse(JSON.stringify(county))), line)).toEqual(['红：人身安全威胁：“王某薅着砍刀站在李某家门口”']);
  });

  it('an exclusion makes a look-alike phrase no evidence', () => {
    const line = '舞狮队挥舞关公大刀表演时与围观者发生口角';
    expect(reasons(county, line)).toEqual(['红：人身安全威胁：“舞狮队挥舞关公大刀表演时与围观者发生口角”']);
    county.exclusions.push('关公大刀');
    expect(reasons(validatePreset(JSON.parse(JSON.stringify(county))), line)).toEqual([]);
  });
});
