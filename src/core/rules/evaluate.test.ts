import { parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeRecord, DisputeStatus, Level, TriageResult } from '../model';
import { DEFAULT_PRESET } from './default-preset';
import { compilePreset, firedReasons, triageRecord } from './evaluate';
import { Scanner } from './text-scan';
import type { TriagePreset } from './types';
import { validatePreset } from './validate';

const AS_OF = parseIsoDay('2021-03-01')!;
const RECENT = AS_OF - 10;

/** Fires red.violence (持刀) and yellow.headcount (10 people). */
const redAndYellow = (status: DisputeStatus = 'open', manualLevel: Level | null = null): DisputeRecord =>
  record({ registered: RECENT, headcount: 10, text: { description: '一方持刀' }, status, manualLevel });

describe.each<[string, TriagePreset]>([
  ['the default preset', DEFAULT_PRESET],
  ['the default preset read back from JSON', validatePreset(JSON.parse(JSON.stringify(DEFAULT_PRESET)))],
])('triageRecord with %s', (_name, preset) => {
  const compiled = compilePreset(preset);
  const triage = (r: DisputeRecord): TriageResult => triageRecord(compiled, r, AS_OF);
  const ids = (t: TriageResult) => t.reasons.map((r) => r.rule);

  it('gives green with no reasons when no rule fires', () => {
    expect(triage(record({ registered: RECENT }))).toEqual({ suggested: 'green', reasons: [], manual: null, effective: 'green', needsReview: false });
  });

  it('gives yellow when only yellow rules fire', () => {
    const t = triage(record({ registered: RECENT, headcount: 10, amount: 50000 }));
    expect([t.suggested, t.effective, ids(t)]).toEqual(['yellow', 'yellow', ['yellow.headcount', 'yellow.amount']]);
  });

  it('gives the highest colour any rule gives and keeps every reason', () => {
    const t = triage(redAndYellow());
    expect([t.suggested, t.effective, ids(t)]).toEqual(['red', 'red', ['red.violence', 'yellow.headcount']]);
  });

  it.each<[string, DisputeStatus, string]>([
    ['moves a resolved dispute to green and keeps the reasons', 'resolved', '已化解：转绿色定期回访'],
    ['moves a closed dispute to green and keeps the reasons', 'closed', '已销号：不再回访'],
  ])('%s', (_name, status, statusText) => {
    const t = triage(redAndYellow(status));
    expect([t.suggested, t.effective, t.needsReview]).toEqual(['green', 'green', false]);
    expect(ids(t)).toEqual([`status.${status}`, 'red.violence', 'yellow.headcount']);
    expect(t.reasons[0]).toEqual({ rule: `status.${status}`, level: 'green', text: statusText });
  });

  it.each<[string, Level, Level, Level, boolean]>([
    // [name, manual level, suggested (from the rules), effective, needs review]
    ['lets a manual green win over red and flags it', 'green', 'red', 'green', true],
    ['lets a manual yellow win over red and flags it', 'yellow', 'red', 'yellow', true],
    ['lets a manual green win over yellow and flags it', 'green', 'yellow', 'green', true],
    ['lets a manual red win over green without a flag', 'red', 'green', 'red', false],
    ['lets a manual yellow win over green without a flag', 'yellow', 'green', 'yellow', false],
    ['does not flag a manual level equal to the suggestion', 'red', 'red', 'red', false],
  ])('%s', (_name, manual, suggested, effective, needsReview) => {
    const byLevel: Record<Level, Partial<DisputeRecord>> = {
      red: { headcount: 30 },
      yellow: { headcount: 10 },
      green: {},
    };
    const t = triage(record({ registered: RECENT, manualLevel: manual, ...byLevel[suggested] }));
    expect(t).toMatchObject({ suggested, manual, effective, needsReview });
  });

  it('keeps the manual level on a resolved dispute but colours it green, with no review flag', () => {
    const t = triage(redAndYellow('resolved', 'red'));
    expect([t.manual, t.effective, t.needsReview]).toEqual(['red', 'green', false]);
  });
});

describe('firedReasons', () => {
  it('lists red reasons before yellow ones whatever the order of the preset', () => {
    const preset: TriagePreset = {
      ...DEFAULT_PRESET,
      rules: [
        { id: 'y', level: 'yellow', label: { zh: '黄', en: 'Y' }, when: { number: 'headcount', min: 3 } },
        { id: 'g', level: 'green', label: { zh: '绿', en: 'G' }, when: { number: 'amount', min: 1 } },
        { id: 'r', level: 'red', label: { zh: '红', en: 'R' }, when: { keywords: ['持刀'] } },
      ],
    };
    const reasons = firedReasons(compilePreset(preset), redAndYellow(), AS_OF);
    expect(reasons.map((r) => r.rule)).toEqual(['r', 'y']);
    const withAmount = firedReasons(compilePreset(preset), { ...redAndYellow(), amount: 5 }, AS_OF);
    expect(withAmount.map((r) => [r.rule, r.level])).toEqual([['r', 'red'], ['y', 'yellow'], ['g', 'green']]);
  });

  it('reads a number bound as inclusive at both ends', () => {
    const preset: TriagePreset = {
      ...DEFAULT_PRESET,
      rules: [{ id: 'band', level: 'yellow', label: { zh: '区间', en: 'band' }, when: { number: 'headcount', min: 5, max: 9 } }],
    };
    const compiled = compilePreset(preset);
    const fires = (headcount: number | null) => firedReasons(compiled, record({ headcount }), AS_OF).length === 1;
    expect([4, 5, 9, 10].map(fires)).toEqual([false, true, true, false]);
    expect(fires(null)).toBe(false);
  });

  it('searches only the fields a rule names', () => {
    const preset: TriagePreset = {
      ...DEFAULT_PRESET,
      rules: [{ id: 'place', level: 'red', label: { zh: '涉校', en: 'school' }, when: { keywords: ['学校'], fields: ['place'] } }],
    };
    const compiled = compilePreset(preset);
    expect(firedReasons(compiled, record({ text: { place: '第一学校' } }), AS_OF).map((r) => r.rule)).toEqual(['place']);
    expect(firedReasons(compiled, record({ text: { description: '学校门口' } }), AS_OF)).toEqual([]);
  });

  it('uses the negations of the preset', () => {
    const preset: TriagePreset = { ...DEFAULT_PRESET, negations: ['排除'] };
    const compiled = compilePreset(preset);
    expect(firedReasons(compiled, record({ text: { description: '排除自杀' } }), AS_OF)).toEqual([]);
    // 无 is no longer a negation in this preset.
    expect(firedReasons(compiled, record({ text: { description: '无自杀倾向' } }), AS_OF).map((r) => r.rule)).toEqual(['red.selfHarm']);
  });

  it('gives the same reasons on a second record with the same compiled pattern', () => {
    const compiled = compilePreset(DEFAULT_PRESET);
    const threat = record({ text: { description: '扬言要杀了对方' } });
    expect(firedReasons(compiled, threat, AS_OF)).toEqual(firedReasons(compiled, threat, AS_OF));
    expect(firedReasons(compiled, record({ text: { title: '扬言报复', description: '扬言报复' } }), AS_OF).map((r) => r.rule)).toEqual(['red.violence']);
  });

  it('does not change the record', () => {
    const r = redAndYellow();
    const copy = JSON.parse(JSON.stringify(r));
    triageRecord(compilePreset(DEFAULT_PRESET), r, AS_OF);
    expect(r).toEqual(copy);
  });
});

/** A preset of two classes and the rules under test, to see the language itself at work. */
function languagePreset(rules: TriagePreset['rules'], extra: Partial<TriagePreset> = {}): TriagePreset {
  return {
    ...DEFAULT_PRESET,
    classes: {
      threat: { label: { zh: '扬言', en: 'threat' }, words: ['扬言', '威胁'] },
      harm: { label: { zh: '伤害', en: 'harm' }, words: ['砍', '砍死', '报复'] },
      goods: { label: { zh: '商品', en: 'goods' }, words: ['质量', '购买'] },
      knife: { label: { zh: '刀', en: 'knife' }, words: ['菜刀', '刀'], exclude: ['刀口'] },
    },
    exclusions: ['砍价'],
    negations: ['未', '否认', '未发现'],
    notNegations: ['未果', '未成年'],
    retractions: ['传言不实'],
    rules,
    ...extra,
  };
}
const rule = (when: TriagePreset['rules'][number]['when']): TriagePreset['rules'] => [{ id: 'r', level: 'red', label: { zh: '规则', en: 'rule' }, when }];
const firesOn = (preset: TriagePreset, description: string) => firedReasons(compilePreset(preset), record({ text: { description } }), AS_OF).map((r) => r.text);

describe('the scanner', () => {
  const lists = { exclusions: [], negations: [], notNegations: [] };
  it.each<[string, string[], string]>([
    ['a word listed twice', ['杀人', '杀人'], '要杀人'],
    ['a word listed in both its forms', ['杀人', '殺人'], '要殺人'],
  ])('finds %s once where it stands', (_name, words, text) => {
    expect(new Scanner({ classes: [{ words }], ...lists }).scan(text).hitsOf(0)).toEqual([{ start: 1, end: 3, clause: 0, sentence: 0 }]);
  });
});

describe('the rule language', () => {
  const together = languagePreset(rule({ together: ['threat', 'harm'] }));
  it.each<[string, string, boolean]>([
    ['one clause', '张某扬言要砍人', true],
    ['either order', '要砍死他，张某扬言', true],
    ['two neighbouring clauses of one sentence', '张某扬言，要报复李某', true],
    ['not two sentences', '张某扬言要讨说法。李某砍了树', false],
    ['not three clauses apart', '张某扬言，喝了酒，后来，砍柴', false],
    ['not when an exclusion covers the word', '张某扬言砍价', false],
    ['not when a negation denies it', '张某否认扬言报复', false],
    ['a negation reaches across 、', '未发现威胁、报复等情况', false],
    ['a negation stops at a comma', '调解未成功，张某扬言报复', true],
    ['a word that only starts like a negation denies nothing', '调解未果扬言报复', true],
    ['a 但 ends the denial', '否认砍人但扬言报复', true],
    ['not when a retraction later in the sentence takes it back', '“扬言要砍人”的传言不实', false],
    ['a retraction takes back the clauses before it', '网传张某扬言，要报复李某，经查传言不实', false],
    ['a retraction takes back nothing after a 但', '张某称传言不实，但当晚扬言要砍人', true],
    ['nor anything after it', '传言不实，张某扬言要砍人', true],
    ['nor another sentence', '张某扬言要砍人。另一则传言不实', true],
  ])('together: %s', (_name, text, fires) => {
    expect(firesOn(together, text).length > 0).toBe(fires);
  });

  it.each<[string, string[] | undefined, string, boolean]>([
    ['without report words, takes back all its sentence said before it', undefined, '张某扬言要砍死李某，经查传言不实', false],
    ['with report words, not what no report said', ['网传'], '张某扬言要砍死李某，经查传言不实', true],
    ['with report words, what a report said', ['网传'], '网传张某扬言要砍死李某，经查传言不实', false],
    ['with report words, what its own clause says', ['网传'], '“张某扬言要砍死李某”的传言不实', false],
    ['with report words, not past a party contesting it', ['网传', '举报'], '举报称张某扬言要砍死李某，张某辩解：传言不实', true],
  ])('a retraction, %s', (_name, reports, text, fires) => {
    const preset = languagePreset(rule({ together: ['threat', 'harm'] }), { reports });
    expect(firesOn(preset, text).length > 0).toBe(fires);
  });

  it('together with clauses: 1 needs one clause', () => {
    const tight = languagePreset(rule({ together: ['threat', 'harm'], clauses: 1 }));
    expect(firesOn(tight, '张某扬言，要报复李某')).toEqual([]);
    expect(firesOn(tight, '张某扬言要报复李某')).toHaveLength(1);
  });

  it('together with ordered keeps the listed order', () => {
    const ordered = languagePreset(rule({ together: ['threat', 'harm'], ordered: true }));
    expect(firesOn(ordered, '要砍死他，张某扬言')).toEqual([]);
    expect(firesOn(ordered, '张某扬言要砍死他')).toHaveLength(1);
  });

  it('together with unless: not when the clause says the thing is goods', () => {
    const weapon = languagePreset(rule({ together: ['knife'], unless: ['goods'] }));
    expect(firesOn(weapon, '购买的菜刀质量差')).toEqual([]);
    expect(firesOn(weapon, '购买了菜刀，回家后持菜刀上门')).toHaveLength(1);
  });

  it('a class exclusion covers the word it contains, not a longer word of the class', () => {
    const knife = languagePreset(rule({ words: 'knife' }));
    expect(firesOn(knife, '术后刀口感染')).toEqual([]);
    expect(firesOn(knife, '拿菜刀')).toHaveLength(1);
  });

  it('quotes the clause, never a word used as context only', () => {
    const family = languagePreset(rule({ all: [{ words: 'goods', quote: false }, { words: 'threat' }] }));
    expect(firesOn(family, '因质量问题争执，店主威胁顾客')).toEqual(['红：规则：“店主威胁顾客”']);
  });

  it('keywords (version 1) run as an anonymous class with the same negation', () => {
    const keywords = languagePreset(rule({ keywords: ['持刀'] }));
    expect(firesOn(keywords, '经排查未发现持刀')).toEqual([]);
    expect(firesOn(keywords, '酒后持刀')).toEqual(['红：规则：“酒后持刀”']);
  });

  it('a number condition reads the text of the fields it names when the column is blank', () => {
    const preset = languagePreset(rule({ number: 'mediationFailures', min: 3, fields: ['status'] }));
    const compiled = compilePreset(preset);
    const fired = (text: Partial<Record<'status' | 'description', string>>, mediationFailures: number | null = null) =>
      firedReasons(compiled, record({ text, mediationFailures }), AS_OF).map((r) => r.text);
    expect(fired({ status: '调解3次未成' })).toEqual(['红：规则：“调解3次未成”']);
    expect(fired({ description: '调解3次未成' })).toEqual([]);
    expect(fired({ status: '调解3次未成' }, 1)).toEqual([]); // the column wins
  });
});

describe('triageRecord says when a level was set by hand', () => {
  const compiled = compilePreset(DEFAULT_PRESET);
  it.each<[string, DisputeRecord, string[]]>([
    ['a manual red where no rule fired', record({ registered: RECENT, manualLevel: 'red' }), ['人工定级：红', '规则未触发预警']],
    [
      'a manual green over a red suggestion, with the rule that fired',
      record({ registered: RECENT, manualLevel: 'green', text: { description: '张某拿菜刀追砍邻居' } }),
      ['人工定级：绿', '红：人身安全威胁：“张某拿菜刀追砍邻居”'],
    ],
  ])('%s', (_name, dispute, texts) => {
    expect(triageRecord(compiled, dispute, AS_OF).reasons.map((r) => r.text)).toEqual(texts);
  });

  it('in English', () => {
    const t = triageRecord(compilePreset(DEFAULT_PRESET, 'en'), record({ registered: RECENT, manualLevel: 'yellow' }), AS_OF, 'en');
    expect(t.reasons.map((r) => r.text)).toEqual(['Set by hand: Yellow', 'No warning rule fired']);
  });
});
