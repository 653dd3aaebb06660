import type { CellValue, DisputeStatus } from '../model';
import { cellText, wordsOnly } from './text';

// Phrases about closure or revisits say nothing about whether the dispute itself is settled:
// "已化解，待回访" is resolved, "已化解，未销号" is resolved, not open.
// "申请销号", "拟销号", "销号申请中": closure asked for or planned is no closure — the revisits go on.
const NOT_CLOSED = /(?:尚未|暂未|未|待|不予|没有|不能|申请|拟|准备|建议|提请|报请|等待)销号|销号(?:申请|待批|待审)/g;
const REVISIT = /(?:待|定期|跟踪|继续|持续|已)?回访/g;

// The tiers below are read in order; the first tier with a word in the text decides.
//
// 1. Failure and negation: they contain settled words ('未化解' contains '化解', '未调解成功' contains
//    '调解成功', '调解不成功' contains '成功', '未达成协议' contains '达成协议'), so they come first.
const FAILED_TOKENS = [
  '未化解', '未调解成功', '调解不成功', '不成功', '未成功', '失败', '未果', '无果', '未达成', '拒绝调解',
  '未解决', '未处理', '未调解', '调解不成', '转立案', '转诉讼', '转入诉讼',
  // An agreement one side went back on (达成协议后对方反悔) is no settlement.
  '反悔', '毁约', '不履行', '拒不履行',
  // Settled in part, or for now, is not settled: the revisits go on and a red stays red.
  // (Not 初步调解: the first step of mediation, after which a dispute may well be settled.)
  '部分化解', '部分解决', '部分成功', '部分达成', '初步化解', '初步解决', '基本化解', '基本解决', '暂时化解', '暂时平息',
];
// "未能化解", "没有化解", "尚未达成", "无法调解": a negation right before a settling verb. 履行 is not
// among the verbs: "已达成协议，尚未履行" is settled, with the agreement still to be carried out.
const NEGATED_SETTLING = /(?:未|没|没有|尚未|仍未|暂未|不能|未能|无法|难以)(?:能|够)?(?:化解|调解|调处|解决|处理|达成|调结|结案|和解)/;
// "调解成功，但当事人扬言还要报复": a settlement the next words take back (but a threat, a refusal) is none.
const UNSETTLED_AFTER_ALL = /(?:但|却|仍|又)[^，,。；;]{0,12}(?<!不再|不会|停止|没有|未|不)(?:扬言|威胁|报复|不服|闹事|上访|缠访|纠缠)/;
// 2. Settled phrases. They win over follow-up words that may stand beside them: "调解成功，正在履行",
//    "已化解，持续跟进", "已达成协议，待回访".
const SETTLED_PHRASES = [
  '化解成功', '调解成功', '已化解', '已调解', '已调处', '已解决', '已处理', '已办结', '达成协议', '达成调解协议',
  '已调结', '调结', '履行完毕', '已履行', '已结案', '息诉罢访', '握手言和', '自行和解', '已和解', '撤诉',
];
// 3. Mediation still going on.
const ONGOING_TOKENS = ['化解中', '调解中', '处理中', '办理中', '进行中', '正在', '跟进', '尚未', '无法', '拒绝', '待'];
// 4. Bare settled words, read only when nothing above matched ('化解中' contains '化解').
const SETTLED_WORDS = ['办结', '结案', '息诉', '成功', '化解', '和解', '撤回'];

/**
 * A 化解情况 / 状态 text as a status: closed for 已销号; open for failed mediation; resolved for a
 * settled one, even when follow-up words stand beside it (调解成功，正在履行); open for mediation
 * still going on; null for blank or text that says neither (callers count that as open).
 */
export function parseStatusText(text: CellValue): DisputeStatus | null {
  return readStatusText(text).status;
}

/** A status text's reading; `unsettled` when the mediation failed or settled only in part. */
export interface StatusReading {
  status: DisputeStatus | null;
  /**
   * 未化解, 调解未果, 部分化解: said beside a 是 in 化解是否成功, it outweighs the 是. Words of work
   * going on (正在履行协议) read open but do not.
   */
  unsettled: boolean;
}

/** parseStatusText's reading with why it is open, for a row that has a yes/no column too. */
export function readStatusText(text: CellValue): StatusReading {
  const t = wordsOnly(cellText(text));
  if (t === '') return { status: null, unsettled: false };
  const settled = t.replace(NOT_CLOSED, '');
  if (settled.includes('销号')) return { status: 'closed', unsettled: false };
  const rest = settled.replace(REVISIT, '');
  if (includesAny(rest, FAILED_TOKENS) || NEGATED_SETTLING.test(rest) || UNSETTLED_AFTER_ALL.test(rest)) return { status: 'open', unsettled: true };
  const status = includesAny(rest, SETTLED_PHRASES) ? 'resolved' : includesAny(rest, ONGOING_TOKENS) ? 'open' : includesAny(rest, SETTLED_WORDS) ? 'resolved' : null;
  return { status, unsettled: false };
}

// A description that closes with its status, as staff write it in a ledger with one text column:
// the last clause is the status and nothing else ("…，经调解达成协议，纠纷已化解。", "…，已销号").
// 办结 and 结案 are left out: they close a police or petition case, not the dispute.
const CLOSING_STATUS = /(?:^|[，,。；;！!])\s*((?:现|目前|该纠纷|此纠纷|纠纷|矛盾|双方矛盾|双方纠纷)?(?:已|均已|现已|已经)(?:成功|妥善)?(?:化解|销号)(?:完毕)?|(?:化解|调解)成功)\s*[。；;！!]?\s*$/;

/**
 * The status a ledger description states of itself, for a ledger with no status cell filled in:
 * its last clause, when that is a status and nothing else. Null when it states none. A status at
 * the start ("已化解：…", "状态：已化解。…") is not read: what follows it may be a new incident staff
 * added later ("已化解。次日张某持刀…"), and a red missed is the failure that matters most. Even the
 * last clause is only a claim: a red signal before it keeps the dispute open (settleStatedStatus).
 */
export function statusStatedIn(description: string): DisputeStatus | null {
  const closing = CLOSING_STATUS.exec(description);
  return closing ? parseStatusText(closing[1]) : null;
}

/** A loop rather than `words.some(…)`: read for every dispute, and a callback per call adds up. */
function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

const LEADING_YES = /^是(?![否])/;
/** A template's choice left unmade: 是/否, 是□否□, 成功/失败. */
const BOTH_OFFERED = /^(?:是[□☐]?[/、|或]?否[□☐]?|否[□☐]?[/、|或]?是[□☐]?|成功[/、|或]失败|√[/、|或]×)$/;
const LEADING_NO = /^否/;
const YES = new Set(['是', '√', '✓', '✔', '☑', 'y', 'yes', 'true', '1', '成功', '已', '已化解', '化解', '已解决', '对', 'ok']);
const NO = new Set(['否', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '未成功', '不成功', '失败', '未', '未化解', '未解决']);

/**
 * A yes/no column such as 化解是否成功: 是/否, √/×, Y/N, 1/0, 成功/失败, 已/未. Longer text falls back
 * to a leading 是/否 ("是（已签协议）") and then to the status words (已化解 → yes, 调解中 → no).
 * Null for blank or unreadable text.
 */
export function parseYesNo(text: CellValue): boolean | null {
  const t = wordsOnly(cellText(text)).toLowerCase();
  if (t === '' || BOTH_OFFERED.test(t)) return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (LEADING_YES.test(t)) return true;
  if (LEADING_NO.test(t)) return false;
  const status = parseStatusText(t);
  return status === null ? null : status !== 'open';
}
