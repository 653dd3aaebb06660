import type { TriagePreset } from './types';

/**
 * The "333 default" preset of domain.md. A dispute gets the highest colour any rule gives it.
 * Counties change these values in a JSON preset (`tricolor run --rules`), not here.
 */
export const DEFAULT_PRESET: TriagePreset = {
  version: 1,
  name: '333 default',
  textFields: ['title', 'description', 'type', 'parties', 'keyPerson', 'remarks'],
  negations: ['无', '未', '没有', '不存在', '否认', '排除', '未发现', '无明显', '尚无', '暂无'],
  rules: [
    {
      id: 'red.violence',
      level: 'red',
      label: { zh: '人身安全威胁', en: 'Threat to life or violence' },
      when: {
        any: [
          { pattern: '(扬言|声称|放话|威胁)[^。；;！!]{0,10}?(杀|砍|捅|弄死|报复|同归于尽)' },
          { keywords: ['同归于尽', '持刀', '持械', '刀具', '农药', '汽油', '纵火', '爆炸'] },
          { keywords: ['自杀', '轻生', '跳楼', '喝药'] },
        ],
      },
    },
    {
      id: 'red.group',
      level: 'red',
      label: { zh: '群体性纠纷', en: 'Group dispute' },
      when: { any: [{ number: 'headcount', min: 30 }, { keywords: ['群体', '集体上访', '聚集', '堵路'] }] },
    },
    {
      id: 'red.crossRegion',
      level: 'red',
      label: { zh: '跨区域、跨行业', en: 'Crosses regions or industries' },
      when: { keywords: ['跨区域', '跨地区', '跨县', '跨市', '跨乡', '跨镇', '跨省', '跨行业'] },
    },
    {
      id: 'red.escalatedPetition',
      level: 'red',
      label: { zh: '越级上访', en: 'Petition above the township' },
      when: { keywords: ['越级上访', '进京', '赴省', '赴京'] },
    },
    {
      id: 'red.repeatFailure',
      level: 'red',
      label: { zh: '多次调解未果或反复报警', en: 'Repeated failed mediation or police calls' },
      when: {
        any: [
          { number: 'mediationFailures', min: 3 },
          { keywords: ['多次调解未果', '多次调解无果', '屡调不成'] },
          { number: 'policeCalls', min: 5 },
        ],
      },
    },
    {
      id: 'red.keyPerson',
      level: 'red',
      label: { zh: '涉重点人员', en: 'Involves a key person' },
      when: {
        any: [
          { keywords: ['精神障碍', '精神病', '肇事肇祸', '重点人员'] },
          // A yes in a 是否重点人员 column is the flag itself (domain.md: "a party flagged as a key person").
          { pattern: '^(是|√|✓|✔|[Yy]|[Yy][Ee][Ss])$', fields: ['keyPerson'] },
        ],
      },
    },
    {
      id: 'yellow.familyViolence',
      level: 'yellow',
      label: { zh: '婚姻家庭纠纷有暴力苗头', en: 'Family dispute with signs of violence' },
      when: {
        all: [
          { keywords: ['婚姻家庭', '家庭', '婚恋', '夫妻', '离婚'] },
          { keywords: ['家暴', '殴打', '打骂', '威胁'] },
        ],
      },
    },
    {
      id: 'yellow.headcount',
      level: 'yellow',
      label: { zh: '涉及多人', en: 'Several people involved' },
      when: { number: 'headcount', min: 3, max: 29 },
    },
    {
      id: 'yellow.amount',
      level: 'yellow',
      label: { zh: '涉及金额较大', en: 'Large amount at stake' },
      when: { number: 'amount', min: 30000 },
    },
    {
      id: 'yellow.sensitiveType',
      level: 'yellow',
      label: { zh: '敏感类型', en: 'Sensitive type' },
      when: {
        keywords: ['土地', '山林', '林地', '宅基地', '征地', '拆迁', '欠薪', '劳资', '拖欠工资'],
        fields: ['type', 'title', 'description'],
      },
    },
    {
      id: 'yellow.petition',
      level: 'yellow',
      label: { zh: '涉信访', en: 'Petition' },
      // "At or below the county, without escalation": 越级上访, 集体上访 and 进京上访 are red rules' business.
      when: { pattern: '信访|(?<!越级|集体|进京|赴省|赴京|到省|去京)上访' },
    },
    {
      id: 'yellow.repeatFailure',
      level: 'yellow',
      label: { zh: '调解未果或多次报警', en: 'Failed mediation or repeated police calls' },
      when: { any: [{ number: 'mediationFailures', min: 2 }, { number: 'policeCalls', min: 2, max: 4 }] },
    },
    {
      id: 'yellow.overdue',
      level: 'yellow',
      label: { zh: '超过30天未化解', en: 'Unresolved for more than 30 days' },
      when: { openForMoreThanDays: 30 },
    },
  ],
  cadenceDays: { red: 1, yellow: 7, green: 30 },
  handling: {
    red: {
      zh: '每日回访；启动联调机制，党委政府牵头、专班推进直至化解',
      en: 'Revisit daily; joint mediation led by the Party committee and government, with a task force, until resolved',
    },
    yellow: {
      zh: '每周回访；派出所联合综治、信访、司法跟进调处直至化解',
      en: 'Revisit weekly; the station follows up with the 综治, 信访 and 司法 offices until resolved',
    },
    green: {
      zh: '定期回访；社区民警、警务专干、村调委会现场调处或推送相关部门',
      en: 'Revisit periodically; settle on the spot or pass to the competent department',
    },
    resolved: {
      zh: '定期回访，防止调解不彻底引发新的矛盾',
      en: 'Revisit periodically so that a badly settled dispute does not flare up again',
    },
  },
};
