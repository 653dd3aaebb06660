import type { Level } from '../model';
import type { ChangeCategory, ChannelKind } from './types';

/** Every label the meeting sheet prints, in both languages. `{x}` marks a value put in. */
export const LABELS = {
  sheetName: { zh: '联席会议汇总', en: '联席会议汇总' },
  title: { zh: '{unit}联席会议矛盾纠纷汇总（{from} 至 {to}）', en: '{unit}Joint meeting dispute summary ({from} to {to})' },
  subtitle: {
    zh: '截至 {asOf}　　小事不出村、大事不出镇、矛盾不上交',
    en: 'As of {asOf}    小事不出村、大事不出镇、矛盾不上交 (small matters stay in the village, big ones in the township, nothing goes up)',
  },
  none: { zh: '无', en: 'None' },
  dash: { zh: '—', en: '—' },

  totals: { zh: '排查调处情况', en: 'Screening and mediation' },
  metric: { zh: '指标', en: 'Measure' },
  thisPeriod: { zh: '本期', en: 'This period' },
  yearToDate: { zh: '本年累计', en: 'Year to date' },
  registered: { zh: '排查数', en: 'Registered' },
  handled: { zh: '调处数', en: 'Handled' },
  handledRate: { zh: '调处率', en: 'Handling rate' },
  resolved: { zh: '成功数', en: 'Resolved' },
  resolvedRate: { zh: '成功率', en: 'Success rate' },
  totalsNote: {
    zh: '本期按登记日期统计；本年累计自 {yearStart} 起。调处数：已化解或已销号，或已填写化解方式或化解情况的纠纷。调处率 = 调处数 ÷ 排查数；成功率 = 成功数 ÷ 调处数。',
    en: 'Counted by registration date; year to date from {yearStart}. Handled: resolved or closed, or with a mediation channel or status text filled in. Handling rate = handled ÷ registered; success rate = resolved ÷ handled.',
  },

  open: { zh: '在办矛盾纠纷（按预警等级）', en: 'Open disputes by warning level' },
  level: { zh: '等级', en: 'Level' },
  count: { zh: '件数', en: 'Count' },
  total: { zh: '合计', en: 'Total' },
  openNote: { zh: '截至 {asOf} 尚未化解的全部纠纷（不限登记期间）。', en: 'All disputes still open on {asOf}, whenever registered.' },

  byType: { zh: '按纠纷类型', en: 'By dispute type' },
  byPlace: { zh: '按单位/村（社区）', en: 'By village / unit' },
  byChannel: { zh: '按化解方式（三调联动）', en: 'By mediation channel' },
  type: { zh: '纠纷类型', en: 'Type' },
  place: { zh: '单位/村', en: 'Village / unit' },
  channel: { zh: '化解方式', en: 'Channel' },
  openRed: { zh: '在办红', en: 'Open red' },
  openYellow: { zh: '在办黄', en: 'Open yellow' },
  openGreen: { zh: '在办绿', en: 'Open green' },
  blank: { zh: '未填', en: '(blank)' },

  headcount: { zh: '按涉及人数', en: 'By number of people involved' },
  people: { zh: '涉及人数', en: 'People involved' },
  under50: { zh: '50人以下', en: 'Under 50' },
  from50to100: { zh: '50–100人', en: '50–100' },
  from101to500: { zh: '101–500人', en: '101–500' },
  over500: { zh: '500人以上', en: 'Over 500' },

  settlement: { zh: '化解层级（小事不出村、大事不出镇、矛盾不上交）', en: 'Where resolved disputes were settled (小事不出村、大事不出镇、矛盾不上交)' },
  tier: { zh: '化解层级', en: 'Settled' },
  share: { zh: '占比', en: 'Share' },
  village: { zh: '村（社区）就地化解', en: 'In the village' },
  township: { zh: '镇（街道）化解', en: 'In the township' },
  escalated: { zh: '上交县级及以上', en: 'Escalated above the township' },
  settlementNote: {
    zh: '本期登记并已化解（含销号）的纠纷，按化解方式、责任人、责任单位、化解情况、督办情况中的关键词归类。',
    en: 'Disputes registered this period and resolved or closed, placed by keywords in channel, owner, unit, status and supervision text.',
  },

  keyCases: { zh: '突出矛盾纠纷台账（在办红色、黄色）', en: 'Key cases (open red and yellow)' },
  serial: { zh: '序号', en: 'No.' },
  brief: { zh: '简要情况', en: 'Summary' },
  owner: { zh: '责任单位/责任人（包案）', en: 'Responsible unit / person' },
  deadline: { zh: '化解时限', en: 'Deadline' },
  statusText: { zh: '化解情况', en: 'Progress' },
  supervision: { zh: '督办情况', en: 'Supervision' },
  closure: { zh: '销号情况', en: 'Closure' },

  overdue: { zh: '逾期未回访', en: 'Overdue revisits' },
  overdueCount: { zh: '逾期件数', en: 'Overdue' },
  overdueMore: { zh: '另有 {more} 件逾期回访未列出，完整名单见“回访清单”工作表', en: '{more} more overdue revisits are not listed; see the 回访清单 sheet' },
  ledgerRow: { zh: '台账行', en: 'Ledger row' },
  villageColumn: { zh: '村', en: 'Village' },
  person: { zh: '责任人', en: 'Responsible' },
  dueDate: { zh: '应回访日期', en: 'Revisit due' },
  overdueDays: { zh: '逾期天数', en: 'Days overdue' },

  changes: { zh: '较上次会议变化', en: 'Changes since the previous meeting' },
  changesSince: { zh: '上次会议期间：{from} 至 {to}', en: 'Previous meeting period: {from} to {to}' },
  noPrevious: {
    zh: '无上次会议快照，本次未作比较；本次快照已保存，下次会议将据此比较。',
    en: 'No snapshot of a previous meeting exists, so nothing is compared; this meeting’s snapshot is kept for the next one.',
  },
  category: { zh: '类别', en: 'Change' },
  previousLevel: { zh: '原等级', en: 'Was' },
  currentLevel: { zh: '现等级', en: 'Now' },
  newRed: { zh: '新增红色', en: 'New red' },
  escalatedChange: { zh: '等级上升', en: 'Escalated' },
  deEscalated: { zh: '等级下降', en: 'De-escalated' },
  resolvedChange: { zh: '已化解', en: 'Resolved' },
  absent: { zh: '（新登记）', en: '(new)' },

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
  return LABELS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
