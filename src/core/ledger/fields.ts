import type { Catalogue } from '../messages';
import type { FieldName } from '../model';

/**
 * Column names by canonical field (GB/T 31000-2015 names first, then local aliases seen in real
 * ledgers). Headers are compared after `normalizeHeader` (no spaces, half-width brackets).
 * `exact` names must equal the header; `contains` names may appear inside a longer header.
 */
export interface FieldAliases {
  exact: string[];
  contains: string[];
}

export const FIELD_ALIASES: Readonly<Record<FieldName, FieldAliases>> = {
  serial: {
    exact: ['序号', '编号', '案件编号', '事件编号', '纠纷编号', '案号', '受理编号', '登记编号', 'no', 'no.'],
    contains: ['序号', '编号', '案号'],
  },
  title: { exact: ['事件名称', '案件标题', '纠纷名称', '事项名称', '标题'], contains: ['事件名称', '案件标题', '纠纷名称'] },
  description: {
    exact: [
      '事件简述', '简要情况', '基本情况', '主要情况', '纠纷情况', '案情简介', '事由', '纠纷事由', '主要内容', '反映问题', '反映内容', '主要诉求',
      '诉求', '问题描述', '纠纷内容', '矛盾纠纷内容', '事件内容', '纠纷概况', '矛盾纠纷概况', '案件概况', '具体情况', '情况简介', '事件概述',
      '纠纷简况', '简况', '事件经过', '主要矛盾', '警情摘要', '警情内容', '处警情况',
      // A 司法所's narrative beside its 调解结果; alone, the status (its own alias there scores higher).
      '调解情况',
    ],
    contains: [
      '纠纷简要情况', '矛盾纠纷简要情况', '简要情况', '事件简述', '基本情况', '案情', '简述', '简要', '反映问题', '反映内容', '诉求', '纠纷内容',
      '事件内容', '纠纷概况', '基本概况', '事件概述', '简况', '情况简介', '警情摘要',
      // 案由 names the type first; beside a type column of its own, its column is the description.
      '案由',
    ],
  },
  type: {
    exact: ['事件类别', '纠纷类型', '纠纷类别', '矛盾纠纷类型', '矛盾纠纷类别', '调解类别', '类型', '类别', '纠纷种类', '案由', '纠纷案由'],
    contains: ['纠纷类型', '纠纷类别', '事件类别', '事件类型', '纠纷种类', '类型', '类别', '案由'],
  },
  registered: {
    // Most telling first: with both 发生日期 and 受理日期, revisits count from registration (受理/登记).
    exact: [
      '登记日期', '受理日期', '受理时间', '登记时间', '收案日期', '立案日期', '收案时间', '排查日期', '排查时间', '申请日期',
      '接报日期', '报警日期', '来访日期', '来信日期', '信访日期', '接访日期', '反映日期', '发生日期', '发生时间', '调解日期', '日期', '时间',
    ],
    contains: ['登记日期', '受理日期', '收案日期', '立案日期', '排查日期', '发生日期', '受理时间', '登记时间', '收案时间', '排查时间', '发生时间'],
  },
  place: {
    exact: [
      '所属区域', '村(社区)', '村(居)', '所属村', '发生地', '发生地点', '所属网格', '单位', '村', '社区', '地点', '村组', '所在村',
      '单位/村', '村/社区', '社区(村)', '所属社区', '所在社区', '村居', '村(居)委会', '村社区', '乡镇/村',
    ],
    contains: ['所属区域', '村(社区)', '所属村', '发生地', '所属网格', '村(居)', '村/社区', '社区(村)', '所属社区', '单位/村', '地点', '区域', '网格'],
  },
  parties: {
    exact: ['当事人', '主要当事人', '主要当事人姓名', '当事人姓名', '双方当事人', '姓名', '当事人姓名姓名', '申请人', '申请人姓名', '原告', '原告姓名', '反映人', '信访人', '来访人'],
    contains: ['当事人姓名', '当事人', '姓名', '申请人', '原告', '信访人'],
  },
  // The other side where a ledger gives each side its column (司法所: 申请人/被申请人; 法庭: 原告/被告).
  otherParties: {
    exact: ['被申请人', '被申请人姓名', '被告', '被告姓名', '对方当事人', '被反映人', '被诉人'],
    contains: ['被申请人', '被告', '对方当事人', '被反映人'],
  },
  idNumber: { exact: ['证件号码', '身份证号', '身份证号码', '公民身份号码'], contains: ['身份证', '证件号'] },
  phone: { exact: ['联系电话', '联系方式', '电话', '手机', '手机号', '电话号码'], contains: ['电话', '联系方式', '手机'] },
  address: { exact: ['住址', '家庭住址', '现住址', '户籍地址', '地址'], contains: ['住址', '地址'] },
  headcount: { exact: ['涉及人数', '涉及人员', '人数', '涉事人数'], contains: ['涉及人数', '人数'] },
  amount: { exact: ['涉及金额', '争议标的', '标的额', '金额', '涉案金额', '争议金额'], contains: ['涉及金额', '争议标的', '标的', '金额'] },
  manualLevel: {
    exact: ['风险等级', '预警等级', '纠纷等级', '预警级别', '风险级别', '等级', '级别', '预警颜色', '三色预警', '人工定级'],
    contains: ['风险等级', '预警等级', '纠纷等级', '预警级别', '风险级别', '三色预警', '预警'],
  },
  owner: {
    exact: [
      '化解责任人', '责任人', '包案领导', '包案责任人', '包案人', '承办人', '调解员', '经办人', '负责人', '承办法官', '调解人',
      '调解人员', '经办民警', '责任民警', '办案民警',
    ],
    contains: ['化解责任人', '包案领导', '责任人', '包案', '承办人', '调解员', '承办', '调解人', '民警'],
  },
  ownerUnit: {
    exact: ['责任单位', '化解组织', '受理机构', '化解单位', '承办单位', '调解组织', '牵头单位', '交办单位', '责任部门', '主办单位'],
    contains: ['责任单位', '化解组织', '受理机构', '承办单位', '调解组织', '牵头单位', '交办单位', '责任部门'],
  },
  channel: { exact: ['化解方式', '调解方式', '调处方式', '处置方式', '化解途径'], contains: ['化解方式', '调解方式', '调处方式', '化解途径'] },
  resolvedFlag: {
    exact: ['化解是否成功', '是否化解', '是否化解成功', '是否成功', '调解是否成功', '是否调解成功', '是否办结'],
    contains: ['是否化解', '是否成功', '化解是否成功', '调解是否成功', '是否办结'],
  },
  status: {
    exact: [
      '化解状态', '状态', '化解情况', '办理状态', '化解结果', '调处结果', '处置情况', '调解结果', '办理情况', '进展情况', '处理结果', '处理情况',
      '办理结果', '办结情况', '处置结果', '调处情况', '调解情况', '化解进展', '化解进度', '办理进度', '处理进度', '进展',
    ],
    contains: ['化解状态', '化解情况', '化解结果', '调处结果', '调解结果', '办理状态', '状态', '处理结果', '处理情况', '办理结果', '办结情况', '处置结果', '调处情况', '化解进展'],
  },
  resolvedOn: {
    exact: ['化解日期', '化解时间', '办结日期', '办结时间', '调结日期', '结案日期', '结案时间'],
    contains: ['化解日期', '化解时间', '办结', '结案日期', '结案时间'],
  },
  deadline: { exact: ['化解时限', '办结时限', '时限', '化解期限'], contains: ['时限', '期限'] },
  lastRevisit: {
    exact: ['回访日期', '回访时间', '最近回访', '最近回访日期', '最近回访时间', '上次回访'],
    contains: ['回访日期', '回访时间', '最近回访', '上次回访'],
  },
  revisitNotes: { exact: ['回访情况', '回访记录', '回访结果'], contains: ['回访情况', '回访记录', '回访结果'] },
  supervision: { exact: ['督办情况', '督办'], contains: ['督办'] },
  closure: { exact: ['销号情况', '是否销号', '销号'], contains: ['销号'] },
  mediationCount: {
    exact: ['调解次数', '调解未果次数', '调解失败次数', '未果次数', '调处次数'],
    contains: ['调解次数', '未果次数', '调处次数', '调解失败次数'],
  },
  policeCalls: { exact: ['报警次数', '警情次数', '接处警次数', '报警求助次数'], contains: ['报警次数', '警情次数', '接处警'] },
  keyPerson: { exact: ['重点人员', '是否重点人员', '人员类别', '重点人员类别'], contains: ['重点人员'] },
  remarks: { exact: ['备注', '其他', '说明'], contains: ['备注'] },
};

export const FIELD_NAMES = Object.keys(FIELD_ALIASES) as FieldName[];

/**
 * Each field's name in both languages, a catalogue of the one shape (core/messages). The Chinese
 * is the name ledgers write; the English says what the field is.
 */
export const FIELD_LABELS = {
  serial: { zh: '序号', en: 'Serial no.' },
  title: { zh: '事件名称', en: 'Title' },
  description: { zh: '简要情况', en: 'Description' },
  type: { zh: '纠纷类型', en: 'Type' },
  registered: { zh: '登记日期', en: 'Registered on' },
  place: { zh: '村(社区)', en: 'Village / community' },
  parties: { zh: '当事人', en: 'Parties' },
  otherParties: { zh: '被申请人/被告', en: 'Respondent / defendant' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '联系电话', en: 'Phone' },
  address: { zh: '住址', en: 'Address' },
  headcount: { zh: '涉及人数', en: 'People involved' },
  amount: { zh: '涉及金额', en: 'Amount' },
  manualLevel: { zh: '风险等级', en: 'Manual level' },
  owner: { zh: '责任人', en: 'Responsible person' },
  ownerUnit: { zh: '责任单位', en: 'Responsible unit' },
  channel: { zh: '化解方式', en: 'Mediation channel' },
  resolvedFlag: { zh: '化解是否成功', en: 'Resolved (yes/no)' },
  status: { zh: '化解情况', en: 'Status' },
  resolvedOn: { zh: '化解日期', en: 'Resolved on' },
  deadline: { zh: '化解时限', en: 'Deadline' },
  lastRevisit: { zh: '回访日期', en: 'Last revisit' },
  revisitNotes: { zh: '回访情况', en: 'Revisit notes' },
  supervision: { zh: '督办情况', en: 'Supervision' },
  closure: { zh: '销号情况', en: 'Closure' },
  mediationCount: { zh: '调解次数', en: 'Mediations' },
  policeCalls: { zh: '报警次数', en: 'Police calls' },
  keyPerson: { zh: '重点人员', en: 'Key person' },
  remarks: { zh: '备注', en: 'Remarks' },
} as const satisfies Catalogue<FieldName>;

/** The add-in's own columns, found again by these headers on a re-run. */
export const OWN_COLUMN_HEADERS = {
  suggested: '建议等级',
  reasons: '判定依据',
  nextRevisit: '下次回访日期',
  manual: '人工定级',
} as const;
export type OwnColumn = keyof typeof OWN_COLUMN_HEADERS;
