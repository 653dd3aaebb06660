import type { CellValue, DisputeStatus } from '../model';
import { cellText } from './text';

// Phrases about closure or revisits say nothing about whether the dispute itself is settled:
// "已化解，待回访" is resolved, "已化解，未销号" is resolved, not open.
const NOT_CLOSED = /(?:尚未|暂未|未|待|不予|没有|不能)销号/g;
const REVISIT = /(?:待|定期|跟踪|继续|持续|已)?回访/g;

// Negative forms are checked first because they contain the positive ones:
// '未化解' contains '化解', '调解不成功' contains '成功', '未达成协议' contains '达成协议'.
const OPEN_TOKENS = [
  '未化解', '化解中', '调解中', '处理中', '办理中', '进行中', '未果', '无果', '失败', '不成功', '未成功',
  '未解决', '未处理', '未调解', '未达成', '无法', '尚未', '拒绝', '正在', '跟进', '待',
];
const RESOLVED_TOKENS = [
  '化解成功', '已化解', '调解成功', '已调解', '已调处', '已解决', '已处理', '已办结', '办结', '成功',
  '达成协议', '已结案', '结案', '息诉', '化解',
];

/**
 * A 化解情况 / 状态 text as a status: closed for 已销号, open for failed or ongoing mediation,
 * resolved for a settled one; null for blank or text that says neither (callers count that as open).
 */
export function parseStatusText(text: CellValue): DisputeStatus | null {
  const t = cellText(text);
  if (t === '') return null;
  const settled = t.replace(NOT_CLOSED, '');
  if (settled.includes('销号')) return 'closed';
  const rest = settled.replace(REVISIT, '');
  if (OPEN_TOKENS.some((w) => rest.includes(w))) return 'open';
  if (RESOLVED_TOKENS.some((w) => rest.includes(w))) return 'resolved';
  return null;
}

const YES = new Set(['是', '√', '✓', '✔', '☑', 'y', 'yes', 'true', '1', '成功', '已', '已化解', '化解', '已解决', '对', 'ok']);
const NO = new Set(['否', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '未成功', '不成功', '失败', '未', '未化解', '未解决']);

/**
 * A yes/no column such as 化解是否成功: 是/否, √/×, Y/N, 1/0, 成功/失败, 已/未. Longer text falls back
 * to a leading 是/否 ("是（已签协议）") and then to the status words (已化解 → yes, 调解中 → no).
 * Null for blank or unreadable text.
 */
export function parseYesNo(text: CellValue): boolean | null {
  const t = cellText(text).toLowerCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  if (/^是(?![否])/.test(t)) return true;
  if (/^否/.test(t)) return false;
  const status = parseStatusText(t);
  return status === null ? null : status !== 'open';
}
