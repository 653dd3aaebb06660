import { cellText } from '../cells';
import type { SheetGrid } from '../model';

/**
 * Organisations that keep ledgers, as their names end. Longest first, so 青山镇人民调解委员会 is not
 * cut to 青山镇人民调解.
 */
const ORGANISATIONS = [
  '矛盾纠纷调解中心', '社会治理综合服务中心', '综合治理中心', '人民调解委员会', '社会治安综合治理委员会', '村民委员会', '居民委员会',
  '街道办事处', '人民政府', '人民法庭', '人民法院', '调解委员会', '综治中心', '派出所', '司法所', '综治办', '信访办', '调委会',
  '村委会', '居委会', '法庭', '法院', '警务室', '调解室', '工作站', '服务中心',
].sort((a, b) => b.length - a.length);

/** Where a title stops naming its unit and starts naming the table. */
const TABLE_WORDS = ['矛盾', '纠纷', '人民调解', '诉前', '调解案件', '案件', '排查', '工作台账', '台账', '登记', '信访', '关于', '情况'];
/** A place name that can stand for its unit in a title (青山镇矛盾纠纷台账). */
const PLACE_ENDINGS = ['街道', '社区', '镇', '乡', '村'];

/** "填报单位：青山镇司法所" and the like; "（盖章）" after the label is a hint, not the unit. */
const UNIT_LINE = /(?:填报|报送|上报|填表|制表|统计)?单位(?:名称)?\s*(?:[(（]\s*盖章\s*[)）])?\s*[:：]\s*(?!填报|填表|报送|统计|日期)([^\s:：]{1,60}?)(?=\s|填报|填表|报送|统计|日期|时间|[(（]盖章|$)/;

/**
 * The unit that keeps a ledger, read from the lines above its header: a 填报单位 line first, else
 * the title's opening words when they name an organisation (青山镇派出所…台账, 青山人民法庭诉前调解…)
 * or a township, village or community. Null when neither says (the caller falls back to the file name).
 */
export function findLedgerUnit(grid: SheetGrid, headerTop: number): string | null {
  const lines: string[] = [];
  for (let r = 0; r < Math.min(headerTop, 12); r++) {
    const cells = (grid.values[r] ?? []).map((v) => cellText(v ?? null).trim()).filter((t) => t !== '');
    if (cells.length) lines.push(cells.join('  '));
  }
  for (const line of lines) {
    const m = UNIT_LINE.exec(line);
    if (m && !/^[_\-—.。·\s]*$/.test(m[1])) return m[1];
  }
  for (const line of lines) {
    const unit = unitInTitle(line);
    if (unit) return unit;
  }
  return null;
}

/** The unit a title starts with, after any leading year ("2026年青山镇派出所…"). */
export function unitInTitle(title: string): string | null {
  const text = title
    .replace(/\s+/g, '')
    .replace(/^(?:(?:19|20)\d{2}\s*年(?:度)?|[(（][^()（）]*[)）])+/, '');
  const head = text.slice(0, 30);
  // The longest opening that ends in an organisation and names no table before it.
  let best = '';
  for (const org of ORGANISATIONS) {
    const at = head.indexOf(org);
    const before = head.slice(0, at);
    if (at > 0 && at + org.length > best.length && !TABLE_WORDS.some((w) => before.includes(w))) best = head.slice(0, at + org.length);
  }
  if (best) return best;
  let cut = head.length;
  for (const w of TABLE_WORDS) {
    const at = head.indexOf(w);
    if (at >= 0) cut = Math.min(cut, at);
  }
  const prefix = withoutTrailingNote(head.slice(0, cut));
  return prefix.length >= 2 && PLACE_ENDINGS.some((e) => prefix.endsWith(e)) ? prefix : null;
}

/**
 * A title's head without a bracket left open at its end ("青山镇派出所（盖章") or, without one, the
 * punctuation it ends with. Found by looking back from the end once: a pattern tried from every
 * bracket or comma of a long title cell took seconds.
 */
function withoutTrailingNote(head: string): string {
  const lastClose = Math.max(head.lastIndexOf(')'), head.lastIndexOf('）'));
  const opens = [head.indexOf('(', lastClose + 1), head.indexOf('（', lastClose + 1)].filter((at) => at >= 0);
  if (opens.length) return head.slice(0, Math.min(...opens));
  let end = head.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(head[end - 1])) end--;
  return head.slice(0, end);
}

const TRAILING_PUNCTUATION = new Set(['，', ',', '、', ':', '：', '-', '—']);

/** A file's name without its folder and extension. */
export function baseFileName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.(xlsx|xlsm|xls|csv)$/i, '');
}

/**
 * A unit's name from a file name when the ledger does not say: 青山镇司法所台账.xlsx → 青山镇司法所,
 * 金竹村调解登记.xlsx → 金竹村. A name in Latin letters (ledger-2026.xlsx) names no unit a Chinese
 * paper could print: null.
 */
export function unitFromFileName(fileName: string): string | null {
  const base = baseFileName(fileName);
  return unitInTitle(base) ?? (/\p{Script=Han}/u.test(base) && !/[A-Za-z]/.test(base) ? base : null);
}
