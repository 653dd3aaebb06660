import type { CellValue, Level } from '../model';
import { cellText } from './text';

/**
 * Substrings that mark a level in a manual-level cell, lower-case. The same lists become Excel
 * conditional-format rules elsewhere (one case-insensitive SEARCH per token, red rule first), so
 * parsing must stay exactly "the cell text contains the token, first match in the order red,
 * yellow, green": anything cleverer would colour a cell differently from how it was read.
 * So "红转绿" reads as red, "中高" as red, "一般" as green; a cell with a NOT_A_LEVEL mark, as none.
 */
export const LEVEL_TOKENS: Readonly<Record<Level, readonly string[]>> = {
  red: ['红', '高', '重大', '一级', 'Ⅰ', 'red'],
  yellow: ['黄', '中', '较大', '二级', 'Ⅱ', 'yellow'],
  green: ['绿', '低', '一般', '三级', 'Ⅲ', 'green'],
};

/**
 * What makes a manual-level cell say no level, whatever token it holds: a negation (不高, 非红色,
 * 不是重大 read as red) and work going on (稳控中, 观察中 read as yellow by their 中). Such a cell is
 * unreadable, said so, and the suggestion stands. Tested by SEARCH too (level-formulas.ts).
 */
export const NOT_A_LEVEL: readonly string[] = ['不', '非', '未', '没', '控中', '察中', '踪中', '解中', '理中', '行中', '注中', '访中', '定中'];

const ORDER: readonly Level[] = ['red', 'yellow', 'green'];

/** A manual level cell as a level; null when blank, when no token is found, or when it says no level (NOT_A_LEVEL). */
export function parseLevel(v: CellValue): Level | null {
  const text = cellText(v).toLowerCase();
  if (text === '' || NOT_A_LEVEL.some((mark) => text.includes(mark))) return null;
  for (const level of ORDER) {
    if (LEVEL_TOKENS[level].some((token) => text.includes(token.toLowerCase()))) return level;
  }
  return null;
}
