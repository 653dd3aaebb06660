/**
 * The demo ledger's layout and rows: a township police station's 2026 ledger, registered
 * January–November 2026, read as of 2026-11-30. Shared by make-sample-ledger (≈300 rows with a
 * scenario for every rule of domain.md's default preset) and make-big-ledger (benchmarks).
 *
 * All people are synthetic (see scripts/lib/synth.ts).
 */
import type { CellSpec, SheetSpec, StyleName } from '../lib/xlsx-writer';
import { addDays, chance, dateText, daysBetween, idNumber, int, makeRng, personName, phone, pick, toFullWidthDigits, type Rng } from '../lib/synth';

export const SAMPLE_AS_OF = '2026-11-30';
const YEAR_START = '2026-01-01';
const LAST_REGISTRATION = '2026-11-28';

export const SAMPLE_TITLE = 'XX镇派出所矛盾纠纷排查化解工作台账';
export const SAMPLE_SHEET = '矛盾纠纷台账';

/** Two header rows: parents 当事人 / 化解结果 / 回访 over their children. */
export const SAMPLE_HEADER: string[][] = [
  ['序号', '登记日期', '所属村(社区)', '纠纷类型', '纠纷简要情况', '当事人', '', '', '涉及人数', '涉及金额', '调解次数', '化解责任人', '责任单位', '调解方式', '化解结果', '', '', '回访', '', '备注'],
  ['', '', '', '', '', '姓名', '身份证号', '联系电话', '', '', '', '', '', '', '化解是否成功', '化解情况', '化解日期', '回访日期', '回访情况', ''],
];
export const SAMPLE_WIDTHS = [5, 15, 12, 12, 46, 10, 20, 13, 8, 10, 8, 9, 14, 10, 8, 9, 14, 14, 16, 12];
const WIDTH = SAMPLE_HEADER[0].length;

/** Merges of the title, the 填报 line and the header (rows 1–4). */
export function sampleMerges(): string[] {
  const L = (c: number) => String.fromCharCode(65 + c);
  const merges = ['A1:T1', 'A2:L2', 'M2:T2', 'F3:H3', 'O3:Q3', 'R3:S3'];
  for (let c = 0; c < WIDTH; c++) if (SAMPLE_HEADER[1][c] === '') merges.push(`${L(c)}3:${L(c)}4`);
  return merges;
}

const VILLAGES = ['东湾村', '西坪村', '南山村', '北岔村', '河口村', '杨庄村', '新华社区', '石桥村', '龙泉村', '柳树湾村'];
const OWNERS: [string, string][] = [
  ['王建国', 'XX镇派出所'], ['赵志强', 'XX镇派出所'], ['李秀英', 'XX镇司法所'], ['陈东', 'XX镇司法所'],
  ['刘海平', 'XX镇综治办'], ['周小红', 'XX镇综治办'], ['张伟', 'XX镇信访办'], ['马玉兰', '村调委会'],
];
const CHANNELS = ['人民调解', '人民调解', '人民调解', '司法调解', '行政调解'];
const TRIFLES = ['院墙排水', '鸡鸭啃食庄稼', '门前通道堵塞', '树木遮挡采光', '房屋漏水', '停车位', '夜间噪音', '垃圾堆放', '田间灌溉顺序', '牲畜走失'];

/** One dispute before it is laid out. Text fields are sheet text; dates are ISO unless noted. */
interface Dispute {
  registered: string;
  place: string;
  type: string;
  description: string;
  parties: string;
  headcount: number | string | null;
  amount: number | string | null;
  mediations: number | null;
  owner: [string, string];
  channel: string;
  status: '未化解' | '化解中' | '已化解' | '已销号' | '';
  resolvedOn: string | null;
  lastRevisit: string | null;
  revisitNotes: string;
  remarks: string;
}

type Scenario = Partial<Dispute> & { type: string; description: string; open?: boolean };

/**
 * One or more rows for every rule of the default preset (domain.md), red and yellow, open and
 * resolved, old and within the meeting period (November 2026). `open` keeps the dispute unresolved.
 */
const SCENARIOS: (Scenario & { on: string })[] = [
  // red: threats, weapons, self-harm
  { on: '2026-11-03', type: '邻里纠纷', description: '{A}与{B}因宅前排水沟发生争执，{A}扬言要砍人', open: true, remarks: '每日回访' },
  { on: '2026-10-12', type: '债务纠纷', description: '{B}欠{A}货款未还，{A}持刀上门讨要，被民警当场制止', amount: '3.5万元', open: true },
  { on: '2026-11-18', type: '婚姻家庭纠纷', description: '{A}因离婚财产分割不满，以喝农药相威胁', open: true },
  { on: '2026-09-02', type: '家庭纠纷', description: '{A}与儿子发生争吵后扬言自杀，经劝导情绪稳定', status: '已化解' },
  { on: '2026-11-21', type: '邻里纠纷', description: '{A}扬言要与{B}同归于尽', open: true },
  // red: groups (≥30 people, 群体, 堵路, 聚集, 集体上访)
  { on: '2026-11-10', type: '劳资纠纷', description: '某建筑工地拖欠45名农民工工资，工人聚集讨薪', headcount: '45人', amount: '60万', open: true },
  { on: '2026-08-15', type: '征地纠纷', description: '村民因征地补偿款分配不均集体上访', headcount: 36, status: '已化解' },
  { on: '2026-11-25', type: '交通纠纷', description: '村民因货车碾压村道堵路，要求企业赔偿', headcount: 52, open: true },
  { on: '2026-06-20', type: '土地纠纷', description: '两村村民因土地承包边界发生群体冲突', headcount: 120, open: true },
  // red: across regions or industries
  { on: '2026-11-06', type: '水事纠纷', description: '{place}与邻县某村因灌溉水源使用发生争执，属跨县纠纷', headcount: 12, open: true },
  { on: '2026-07-08', type: '合同纠纷', description: '种植合作社与外省收购商货款纠纷，跨省协调', amount: 180000, status: '已化解' },
  // red: petitions above the township
  { on: '2026-10-20', type: '征地拆迁纠纷', description: '{A}对拆迁补偿标准不满，多次越级上访，扬言进京', open: true },
  { on: '2026-11-12', type: '信访事项', description: '{A}因宅基地审批问题赴省上访', open: true },
  // red: repeat failure
  { on: '2026-09-25', type: '邻里纠纷', description: '{A}与{B}因{trifle}多次发生冲突，多次调解未果', mediations: 4, open: true },
  { on: '2026-11-08', type: '相邻纠纷', description: '{A}与{B}因{trifle}发生争执', mediations: 3, open: true },
  { on: '2026-11-15', type: '邻里纠纷', description: '{A}与{B}因{trifle}反复争吵，已报警5次', open: true },
  // red: key persons
  { on: '2026-11-04', type: '赡养纠纷', description: '当事人{A}系精神障碍患者，与兄弟因赡养老人问题发生争执', open: true },
  { on: '2026-05-16', type: '邻里纠纷', description: '{A}系肇事肇祸重点人员，与邻居发生口角', status: '已销号' },
  // yellow: marriage / family with violence or threat
  { on: '2026-11-09', type: '婚姻家庭纠纷', description: '夫妻因家庭琐事争吵，丈夫{A}酒后殴打妻子', open: true },
  { on: '2026-11-22', type: '婚姻家庭纠纷', description: '女方称长期遭受家暴，要求离婚', open: true },
  { on: '2026-10-05', type: '家庭纠纷', description: '{A}威胁前妻不让探视子女', status: '已化解' },
  // yellow: 3–29 people
  { on: '2026-11-11', type: '劳资纠纷', description: '某养殖场拖欠{n}名工人工资', headcount: 8, amount: 24000, open: true },
  { on: '2026-11-19', type: '消费纠纷', description: '{n}户村民购买的化肥质量有问题，与经销商发生争执', headcount: 15, open: true },
  // yellow: amount ≥ 3万 in different spellings
  { on: '2026-11-02', type: '债务纠纷', description: '{A}借{B}3万元到期未还', amount: '3万', open: true },
  { on: '2026-11-16', type: '合同纠纷', description: '厂房租赁合同到期后承租人拒不腾退，拖欠租金', amount: '30,000元', open: true },
  { on: '2026-11-24', type: '交通事故纠纷', description: '双方因交通事故赔偿产生分歧', amount: 52000, open: true },
  // yellow: sensitive types
  { on: '2026-11-05', type: '宅基地纠纷', description: '兄弟二人因老宅宅基地分割发生争执', open: true },
  { on: '2026-11-13', type: '山林纠纷', description: '两组村民因山林界址不清发生争执', open: true },
  { on: '2026-11-20', type: '拆迁纠纷', description: '拆迁安置房分配顺序争议', open: true },
  { on: '2026-11-26', type: '劳资纠纷', description: '{A}被装修队欠薪两个月', amount: 9600, open: true },
  { on: '2026-11-17', type: '土地纠纷', description: '{A}与{B}因承包地边界划分不清发生争执', open: true },
  // yellow: petition without escalation
  { on: '2026-11-23', type: '信访事项', description: '{A}对低保评定结果不满，到县信访局上访', open: true },
  // yellow: two failed mediations / police calls
  { on: '2026-11-14', type: '邻里纠纷', description: '两家因{trifle}发生争执，经两次调解未果', mediations: 2, open: true },
  { on: '2026-11-27', type: '邻里纠纷', description: '{A}与{B}因{trifle}争吵，已报警3次', open: true },
  // yellow: unresolved more than 30 days, nothing else
  { on: '2026-09-14', type: '邻里纠纷', description: '{A}与{B}因{trifle}发生口角', open: true },
  { on: '2026-10-09', type: '消费纠纷', description: '顾客与超市因商品质量问题发生争执', open: true },
];

function fill(template: string, rng: Rng, ctx: { a: string; b: string; place: string; n: number }): string {
  return template
    .replace(/\{A\}/g, `${ctx.a[0]}某`)
    .replace(/\{B\}/g, `${ctx.b[0]}某`)
    .replace(/\{place\}/g, ctx.place)
    .replace(/\{n\}/g, String(ctx.n))
    .replace(/\{trifle\}/g, () => pick(rng, TRIFLES));
}

/** An ordinary dispute: the bulk of any ledger, mostly green once settled. */
function ordinary(rng: Rng): { type: string; description: string; amount: number | string | null } {
  const k = int(rng, 0, 9);
  switch (k) {
    case 0:
      return { type: '消费纠纷', description: '顾客与商户因{trifleGoods}质量问题发生争执'.replace('{trifleGoods}', pick(rng, ['家电', '农药化肥', '手机', '建材', '衣物'])), amount: int(rng, 2, 50) * 100 };
    case 1:
      return { type: '合同纠纷', description: '{A}与{B}因农资买卖货款结算发生争议', amount: pick(rng, [3000, 5000, '8000元', '1.2万元', 15000]) };
    case 2:
      return { type: '债务纠纷', description: '{A}向{B}借款到期未还', amount: pick(rng, [2000, '5000元', 10000, '2万', 26000]) };
    case 3:
      return { type: '交通事故纠纷', description: '双方因轻微交通事故赔偿产生分歧', amount: int(rng, 5, 40) * 100 };
    case 4:
      return { type: '婚姻家庭纠纷', description: `夫妻因${pick(rng, ['彩礼返还', '子女教育', '家务分担', '外出务工'])}问题发生争执`, amount: null };
    case 5:
      return { type: '赡养纠纷', description: '兄弟姐妹因赡养老人费用分摊发生争执', amount: null };
    case 6:
      return { type: '物业纠纷', description: '业主与物业因停车收费发生争执', amount: null };
    default:
      return { type: pick(rng, ['邻里纠纷', '邻里纠纷', '相邻纠纷']), description: '{A}与{B}因{trifle}发生口角', amount: null };
  }
}

function partyNames(rng: Rng, a: string, b: string): string {
  const r = rng();
  if (r < 0.15) return `${a}、${b}`;
  if (r < 0.2) return `${a}\n${b}`;
  return a;
}

/** Status and dates for a dispute registered on `reg`, as of SAMPLE_AS_OF. */
function outcome(rng: Rng, reg: string, open: boolean, forced?: Dispute['status']): Pick<Dispute, 'status' | 'resolvedOn' | 'lastRevisit' | 'revisitNotes'> {
  const age = daysBetween(reg, SAMPLE_AS_OF);
  let status: Dispute['status'];
  if (forced) status = forced;
  else if (open) status = pick(rng, ['未化解', '化解中', '化解中']);
  else if (age > 45) status = chance(rng, 0.55) ? '已销号' : '已化解';
  else if (age > 14) status = pick(rng, ['已化解', '已化解', '化解中', '已销号']);
  else status = pick(rng, ['化解中', '未化解', '已化解', '']);
  if (status === '已化解' || status === '已销号') {
    const resolvedOn = addDays(reg, Math.min(int(rng, 0, 25), Math.max(age - 1, 0)));
    const sinceResolved = daysBetween(resolvedOn, SAMPLE_AS_OF);
    const lastRevisit = sinceResolved > 3 ? addDays(resolvedOn, int(rng, 1, Math.min(sinceResolved, 40))) : null;
    return { status, resolvedOn, lastRevisit, revisitNotes: lastRevisit ? pick(rng, ['双方履行协议，无反复', '电话回访，当事人满意', '入户回访，关系缓和']) : '' };
  }
  const lastRevisit = age > 2 && chance(rng, 0.7) ? addDays(reg, int(rng, 1, Math.max(1, age - 1))) : null;
  return { status, resolvedOn: null, lastRevisit, revisitNotes: lastRevisit ? pick(rng, ['仍在协调中', '当事人情绪稳定', '已约定再次调解']) : '' };
}

/** Registration dates spread over the year, in ledger order. */
function registrationDates(rng: Rng, count: number): string[] {
  const span = daysBetween(YEAR_START, LAST_REGISTRATION);
  const days = Array.from({ length: count }, () => int(rng, 0, span)).sort((a, b) => a - b);
  return days.map((d) => addDays(YEAR_START, d));
}

/** Disputes for a ledger: the scenarios (when asked) woven into ordinary rows by date. */
export function makeDisputes(count: number, seed: number, withScenarios: boolean, openShare = 0.03): Dispute[] {
  const rng = makeRng(seed);
  const scenarios = withScenarios ? SCENARIOS : [];
  const dates = registrationDates(rng, Math.max(0, count - scenarios.length));
  const plain: Dispute[] = dates.map((reg) => {
    const a = personName(rng);
    const b = personName(rng);
    const place = pick(rng, VILLAGES);
    const o = ordinary(rng);
    const owner = pick(rng, OWNERS);
    // A few old disputes stay open: they must come up as "unresolved more than 30 days".
    const open = daysBetween(reg, SAMPLE_AS_OF) > 30 && chance(rng, openShare);
    return {
      registered: reg,
      place,
      type: o.type,
      description: fill(o.description, rng, { a, b, place, n: 0 }),
      parties: partyNames(rng, a, b),
      headcount: chance(rng, 0.85) ? 2 : pick(rng, [1, 2, '2人']),
      amount: o.amount,
      mediations: chance(rng, 0.6) ? 1 : null,
      owner,
      channel: pick(rng, CHANNELS),
      ...outcome(rng, reg, open),
      remarks: '',
    };
  });
  const special: Dispute[] = scenarios.map((s) => {
    const a = personName(rng);
    const b = personName(rng);
    const place = pick(rng, VILLAGES);
    const headcount = s.headcount ?? 2;
    return {
      registered: s.on,
      place,
      type: s.type,
      description: fill(s.description, rng, { a, b, place, n: typeof headcount === 'number' ? headcount : 2 }),
      parties: partyNames(rng, a, b),
      headcount,
      amount: s.amount ?? null,
      mediations: s.mediations ?? 1,
      owner: pick(rng, OWNERS),
      channel: pick(rng, CHANNELS),
      ...outcome(rng, s.on, !!s.open, s.status),
      remarks: s.remarks ?? '',
    };
  });
  return [...plain, ...special].sort((x, y) => (x.registered < y.registered ? -1 : x.registered > y.registered ? 1 : 0));
}

// ---------------------------------------------------------------- laying rows out

type DateForm = 'serial' | 'slash' | 'dot' | 'cn' | 'iso';

function dateCell(rng: Rng, iso: string, forms: [DateForm, number][]): CellSpec {
  let r = rng();
  let form: DateForm = forms[0][0];
  for (const [f, p] of forms) {
    if (r < p) {
      form = f;
      break;
    }
    r -= p;
  }
  if (form === 'serial') {
    const style: StyleName = pick(rng, ['date', 'dateBuiltin', 'dateCn']);
    return { date: iso, style };
  }
  return { v: dateText(iso, form), style: 'body' };
}

const REGISTERED_FORMS: [DateForm, number][] = [['serial', 0.6], ['slash', 0.12], ['dot', 0.12], ['cn', 0.12], ['iso', 0.04]];
const OTHER_FORMS: [DateForm, number][] = [['serial', 0.7], ['slash', 0.1], ['dot', 0.1], ['cn', 0.1]];

/** One ledger row (20 cells) for a dispute. */
function disputeRow(rng: Rng, d: Dispute, serial: number): CellSpec[] {
  const body = (v: string | number | null): CellSpec => ({ v: v === '' ? null : v, style: 'body' });
  const id = idNumber(rng);
  const resolved = d.status === '已化解' || d.status === '已销号';
  let revisit: CellSpec = body(null);
  if (d.lastRevisit) {
    // Revisit dates are often typed without the year ("5月21日").
    revisit = chance(rng, 0.25) ? body(dateText(d.lastRevisit, 'cnNoYear')) : dateCell(rng, d.lastRevisit, OTHER_FORMS);
  }
  return [
    body(serial),
    dateCell(rng, d.registered, REGISTERED_FORMS),
    body(d.place),
    body(d.type),
    body(d.description),
    body(d.parties),
    { v: id, style: 'text' },
    { v: phone(rng), style: 'text' },
    body(d.headcount),
    body(d.amount),
    body(d.mediations),
    body(d.owner[0]),
    body(d.owner[1]),
    body(d.channel),
    body(d.status === '' ? null : resolved ? '是' : '否'),
    body(d.status),
    d.resolvedOn ? dateCell(rng, d.resolvedOn, OTHER_FORMS) : body(null),
    revisit,
    body(d.revisitNotes),
    body(d.remarks),
  ];
}

export interface SampleSheetOptions {
  rows: number;
  seed: number;
  /** Include the rule scenarios and the deliberate bad cells (the demo sample). */
  scenarios: boolean;
  /** The share of disputes over 30 days old left open (3% when not given). */
  openShare?: number;
}

/** The ledger sheet: title, 填报 line, two header rows, then the disputes (streamed). */
export function sampleLedgerSheet(o: SampleSheetOptions): SheetSpec {
  const disputes = makeDisputes(o.rows, o.seed, o.scenarios, o.openShare);
  const rowRng = makeRng(o.seed ^ 0x5eed);
  function* rows(): Generator<CellSpec[]> {
    yield [{ v: SAMPLE_TITLE, style: 'title' }];
    const unit: CellSpec[] = Array.from({ length: WIDTH }, () => ({ v: null }));
    unit[0] = { v: '填报单位：XX镇派出所（盖章）', style: 'left' };
    unit[12] = { v: '填报日期：2026年11月30日', style: 'left' };
    yield unit;
    for (const hr of SAMPLE_HEADER) yield hr.map((h) => ({ v: h || null, style: 'header' as const }));
    for (let i = 0; i < disputes.length; i++) {
      const row = disputeRow(rowRng, disputes[i], i + 1);
      if (o.scenarios) badCells(row, i, disputes.length, disputes[i]);
      yield row;
    }
  }
  return {
    name: SAMPLE_SHEET,
    rows: rows(),
    merges: sampleMerges(),
    colWidths: SAMPLE_WIDTHS,
    freeze: 'C5',
    rowHeights: { 1: 32, 3: 20, 4: 20 },
    print: { landscape: true, fitToWidth: true },
  };
}

/** The deliberate mistakes real ledgers contain, at fixed rows of the demo sample. */
function badCells(row: CellSpec[], i: number, total: number, d: Dispute): void {
  const at = (k: number) => i === Math.floor((total * k) / 10);
  // An impossible date, typed as text (February has no 30th).
  if (at(1)) row[1] = { v: '2026-02-30', style: 'body' };
  // A head count nobody counted.
  if (at(2)) row[8] = { v: '若干', style: 'body' };
  // Full-width digits and a trailing space, as pasted from a Word report.
  if (at(3)) row[1] = { v: toFullWidthDigits(dateText(d.registered, 'cn')), style: 'body' };
  if (at(4) && typeof row[2].v === 'string') row[2] = { v: `${row[2].v} `, style: 'body' };
  // A revisit note with no date in the date column.
  if (at(5)) row[17] = { v: '已回访', style: 'body' };
}

/** A short sheet of filling instructions, as many real workbooks carry before or after the ledger. */
export function instructionsSheet(): SheetSpec {
  const lines = [
    '填表说明',
    '1. 每起矛盾纠纷登记一行，序号连续编排。',
    '2. 登记日期填写受理或排查发现的日期。',
    '3. 化解情况填写：未化解、化解中、已化解、已销号。',
    '4. 化解是否成功填写“是”或“否”。',
    '5. 回访日期填写最近一次回访的日期。',
    '6. 当事人个人信息仅限内部使用，不得外传。',
  ];
  return { name: '填表说明', rows: lines.map((l, i) => [{ v: l, style: i === 0 ? 'header' : 'default' }]), colWidths: [60] };
}
