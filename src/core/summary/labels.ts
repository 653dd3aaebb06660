import { fill } from '../messages';
import type { Level } from '../model';
import type { ChangeCategory, ChannelKind } from './types';

/** Every label the meeting sheet prints, in both languages. `{x}` marks a value put in. */
export const LABELS = {
  sheetName: { zh: '联席会议汇总', en: '联席会议汇总' },
  title: { zh: '{unit}矛盾纠纷联席会议汇总表', en: '{unit}Joint meeting dispute summary' },
  titleJoint: { zh: '{unit}三调联动联席会议矛盾纠纷汇总表', en: '{unit}Joint mediation meeting dispute summary' },
  subtitle: {
    zh: '（{span}，截至{asOf}）　小事不出村、大事不出镇、矛盾不上交',
    en: '({span}, as of {asOf})    small matters stay in the village, big ones in the township, nothing goes up',
  },
  meetingBlanks: {
    zh: '会议时间：＿＿＿＿年＿＿月＿＿日　　会议地点：＿＿＿＿＿＿＿＿＿＿　　主持人：＿＿＿＿＿＿＿＿',
    en: 'Date: ____________    Place: ____________________    Chair: ________________',
  },
  attendees: { zh: '参会单位：{units}＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿', en: 'Units present: {units}________________________' },
  footer: {
    zh: '制表人：＿＿＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日',
    en: 'Prepared by: ______________    Checked by: ______________    Date: ______________',
  },
  none: { zh: '无', en: 'None' },
  dash: { zh: '—', en: '—' },
  days: { zh: '{n}天', en: '{n} d' },
  rowRef: { zh: '第{row}行', en: 'row {row}' },

  totals: { zh: '排查调处情况（本期登记）', en: 'Screening and mediation (registered this period)' },
  metric: { zh: '指标', en: 'Measure' },
  thisPeriod: { zh: '本期', en: 'This period' },
  yearToDate: { zh: '本年累计', en: 'Year to date' },
  registered: { zh: '排查数（登记件数）', en: 'Registered' },
  handled: { zh: '调处数', en: 'Handled' },
  handledRate: { zh: '调处率', en: 'Handling rate' },
  resolved: { zh: '成功数（已化解）', en: 'Resolved' },
  resolvedRate: { zh: '成功率', en: 'Success rate' },
  totalsNote: {
    zh: '本期指登记日期在{span}的纠纷；本年累计自{yearStart}起。调处数：已化解或已销号，或已填写化解方式、化解情况的纠纷。调处率＝调处数÷排查数；成功率＝成功数÷调处数。',
    en: 'This period: disputes registered {span}; year to date from {yearStart}. Handled: resolved or closed, or with a mediation channel or status filled in. Handling rate = handled ÷ registered; success rate = resolved ÷ handled.',
  },
  shared: {
    zh: '各单位台账共{all}件，其中{shared}件纠纷同时记在两个以上单位的台账上，按一件统计（见“各单位情况”）。',
    en: 'The units’ ledgers hold {all} lines; {shared} disputes are in more than one ledger and are counted once (see “By unit”).',
  },

  open: { zh: '在办矛盾纠纷（按预警等级）', en: 'Open disputes by warning level' },
  level: { zh: '预警等级', en: 'Level' },
  openAll: { zh: '在办件数（全部）', en: 'Open (all)' },
  openInPeriod: { zh: '其中本期登记', en: 'of which registered this period' },
  periodByLevel: { zh: '本期登记件数（含已化解）', en: 'Registered this period (incl. resolved)' },
  total: { zh: '合计', en: 'Total' },
  openNote: {
    zh: '在办：截至{asOf}尚未化解的全部纠纷（不论何时登记）。已化解、已销号的纠纷计为绿色。以下各分类表的“在办”列与本表合计一致。',
    en: 'Open: every dispute not resolved on {asOf}, whenever registered. Resolved and closed disputes count as green. The “open” columns of the tables below add up to this table.',
  },

  charts: { zh: '图表', en: 'Charts' },
  chartByLevel: { zh: '本期登记纠纷（按预警等级）', en: 'Registered this period, by level' },
  chartByType: { zh: '本期登记纠纷（按类型）', en: 'Registered this period, by type' },
  chartByUnit: { zh: '本期登记纠纷（按单位）', en: 'Registered this period, by unit' },
  chartHistory: { zh: '历次会议在办红色、黄色纠纷', en: 'Open red and yellow disputes at each meeting' },
  history: { zh: '历次会议在办红色、黄色纠纷', en: 'Open red and yellow disputes at each meeting' },
  meetingPeriod: { zh: '会议期间', en: 'Meeting period' },

  byUnit: { zh: '各单位情况', en: 'By unit' },
  unit: { zh: '单位', en: 'Unit' },
  ledgerLines: { zh: '台账件数', en: 'Ledger lines' },
  overdueShort: { zh: '红黄逾期回访', en: 'Red/yellow revisits overdue' },
  sharedShort: { zh: '与他单位重复', en: 'Also in another ledger' },
  byUnitNote: {
    zh: '各单位按本单位台账统计；同一纠纷记在几个单位的，各单位都计入，合计行按一件统计。',
    en: 'Each unit as its own ledger counts; a dispute held by several units counts in each, and once in the total.',
  },

  byType: { zh: '按纠纷类型', en: 'By dispute type' },
  byPlace: { zh: '按村（社区）/单位', en: 'By village / unit' },
  byOwner: { zh: '按责任单位/责任人', en: 'By responsible unit / person' },
  byChannel: { zh: '按化解方式（三调联动：人民调解、司法调解、行政调解）', en: 'By mediation channel' },
  type: { zh: '纠纷类型', en: 'Type' },
  place: { zh: '村（社区）', en: 'Village' },
  ownerName: { zh: '责任单位/责任人', en: 'Responsible' },
  channel: { zh: '化解方式', en: 'Channel' },
  periodRegistered: { zh: '本期登记', en: 'Registered' },
  periodResolved: { zh: '本期已化解', en: 'Resolved' },
  resolvedShare: { zh: '化解率', en: 'Resolved %' },
  openRed: { zh: '在办红', en: 'Open red' },
  openYellow: { zh: '在办黄', en: 'Open yellow' },
  openGreen: { zh: '在办绿', en: 'Open green' },
  openTotal: { zh: '在办合计', en: 'Open total' },
  blank: { zh: '未填', en: '(blank)' },
  statusClosed: { zh: '已销号', en: 'Closed' },
  statusResolved: { zh: '已化解', en: 'Resolved' },
  noEscalation: { zh: '现有情况未见升级因素', en: 'Nothing in the present situation calls for a higher level' },
  breakdownNote: {
    zh: '“本期登记”“本期已化解”统计本期登记的纠纷，合计与一、排查数、成功数一致；“在办”各列统计全部在办纠纷，合计与二一致。化解率＝本期已化解÷本期登记。',
    en: '“Registered” and “Resolved” count disputes registered this period (totals as in 1); the open columns count every open dispute (totals as in 2). Resolved % = resolved ÷ registered.',
  },

  headcount: { zh: '按涉及人数（本期登记）', en: 'By number of people involved (registered this period)' },
  people: { zh: '涉及人数', en: 'People involved' },
  count: { zh: '件数', en: 'Count' },
  under50: { zh: '50人以下', en: 'Under 50' },
  from50to100: { zh: '50–100人', en: '50–100' },
  from101to500: { zh: '101–500人', en: '101–500' },
  over500: { zh: '500人以上', en: 'Over 500' },

  settlement: { zh: '化解层级（本期登记并已化解）', en: 'Where resolved disputes were settled (registered this period)' },
  tier: { zh: '化解层级', en: 'Settled' },
  share: { zh: '占比', en: 'Share' },
  village: { zh: '村（社区）就地化解', en: 'In the village' },
  township: { zh: '镇（街道）化解', en: 'In the township' },
  escalated: { zh: '上交县级及以上', en: 'Escalated above the township' },
  settlementNote: {
    zh: '按化解方式、责任人、责任单位、化解情况、督办情况中的关键词归类。',
    en: 'Placed by keywords in channel, owner, unit, status and supervision text.',
  },

  keyCases: { zh: '突出矛盾纠纷台账（全部在办红色、黄色纠纷，红色在前）', en: 'Key cases (every open red and yellow dispute, reds first)' },
  serial: { zh: '序号', en: 'No.' },
  registeredOn: { zh: '登记日期', en: 'Registered' },
  daysOpen: { zh: '在办天数', en: 'Days open' },
  brief: { zh: '简要情况', en: 'Summary' },
  reasons: { zh: '判定依据', en: 'Why this level' },
  owner: { zh: '责任单位/责任人', en: 'Responsible' },
  nextRevisit: { zh: '应回访日期', en: 'Revisit due' },
  overdueDays: { zh: '逾期天数', en: 'Days overdue' },
  statusText: { zh: '化解情况', en: 'Progress' },
  keyCasesNote: {
    zh: '序号为各单位台账中的序号（案件编号）；台账无序号的注明行号。',
    en: 'No. is the ledger’s own serial (case number); a ledger without one is referred to by row.',
  },

  overdue: { zh: '逾期未回访（红色每日、黄色每周回访）', en: 'Overdue revisits (red daily, yellow weekly)' },
  overdueCount: {
    zh: '逾期未回访共{all}件：红色{red}件、黄色{yellow}件（以下全部列出），绿色{green}件（见“回访清单”）。',
    en: '{all} revisits overdue: {red} red, {yellow} yellow (all listed below), {green} green (see the 回访清单 sheet).',
  },

  changes: { zh: '较上次会议变化', en: 'Changes since the previous meeting' },
  changesSince: {
    zh: '与上次会议数据比较：上次会议期间{span}（来自{source}）。',
    en: 'Compared with the previous meeting’s data: {span} (from {source}).',
  },
  // The workbook's own name for itself as the source of the previous meeting's data.
  thisWorkbook: { zh: '本工作簿', en: 'this workbook' },
  noPrevious: {
    zh: '未找到上次会议数据，本次未作比较；本次会议数据已保存，下次会议将据此比较。',
    en: 'No previous meeting’s data was found, so nothing is compared; this meeting’s data is kept for the next one.',
  },
  category: { zh: '类别', en: 'Change' },
  previousLevel: { zh: '原等级', en: 'Was' },
  currentLevel: { zh: '现等级', en: 'Now' },
  why: { zh: '变化原因', en: 'Why' },
  newRed: { zh: '新增红色', en: 'New red' },
  escalatedChange: { zh: '等级上升', en: 'Escalated' },
  deEscalated: { zh: '等级下降', en: 'De-escalated' },
  resolvedChange: { zh: '已化解', en: 'Resolved' },
  absent: { zh: '（新登记）', en: '(new)' },
  notFoundBefore: { zh: '（上次未找到）', en: '(not found last time)' },

  nextSteps: { zh: '下步工作', en: 'Next steps' },
  stepRed: {
    zh: '{n}件在办红色纠纷：逐件落实包案领导和责任人，每日回访，化解前不得销号。',
    en: '{n} open red disputes: a leader and a person responsible for each, revisited daily, not closed before resolved.',
  },
  stepOverdue: {
    zh: '{n}件红色、黄色纠纷逾期未回访：责任人于会后三日内补访，结果报综治中心。',
    en: '{n} red and yellow revisits overdue: the person responsible revisits within three days and reports to the centre.',
  },
  stepEscalated: {
    zh: '{n}件纠纷较上次会议等级上升或新增红色：会上逐件研判，明确人民调解、司法调解、行政调解衔接责任。',
    en: '{n} disputes escalated or newly red since the last meeting: reviewed one by one, with the mediation channel assigned.',
  },
  stepBlank: { zh: '{n}．', en: '{n}. ' },

  red: { zh: '红', en: 'Red' },
  yellow: { zh: '黄', en: 'Yellow' },
  green: { zh: '绿', en: 'Green' },

  people_channel: { zh: '人民调解', en: 'People’s mediation' },
  judicial_channel: { zh: '司法调解', en: 'Judicial mediation' },
  administrative_channel: { zh: '行政调解', en: 'Administrative mediation' },
  other_channel: { zh: '其他', en: 'Other' },
  blank_channel: { zh: '未填', en: '(blank)' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type LabelKey = keyof typeof LABELS;

export const CHANGE_LABEL: Readonly<Record<ChangeCategory, LabelKey>> = {
  newRed: 'newRed',
  escalated: 'escalatedChange',
  deEscalated: 'deEscalated',
  resolved: 'resolvedChange',
};

export const CHANNEL_LABEL: Readonly<Record<ChannelKind, LabelKey>> = {
  people: 'people_channel',
  judicial: 'judicial_channel',
  administrative: 'administrative_channel',
  other: 'other_channel',
  blank: 'blank_channel',
};

export const LEVEL_LABEL: Readonly<Record<Level, LabelKey>> = { red: 'red', yellow: 'yellow', green: 'green' };

/** The label in a language, with `{name}` placeholders filled in. */
export function label(language: 'zh' | 'en', key: LabelKey, values: Record<string, string> = {}): string {
  return fill(LABELS[key][language], values);
}
