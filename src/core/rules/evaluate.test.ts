import { parseIsoDay } from '../cells';
import { record } from '../ledger/fixtures';
import type { DisputeRecord, DisputeStatus, Level, TriageResult } from '../model';
import { DEFAULT_PRESET } from './default-preset';
import { compilePreset, firedReasons, triageRecord } from './evaluate';
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
