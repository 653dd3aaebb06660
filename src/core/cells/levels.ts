import type { CellValue, Level } from '../model';
import { cellText } from './text';

/**
 * Substrings that mark a level in a manual-level cell, lower-case. The same lists become Excel
 * conditional-format rules elsewhere (one case-insensitive SEARCH per token, red rule first), so
 * parsing must stay exactly "the cell text contains the token, first match in the order red,
 * yellow, green": anything cleverer would colour a cell differently from how it was read.
 * So "红转绿" reads as red, "中高" as red, "一般" as green.
 */
export const LEVEL_TOKENS: Readonly<Record<Level, readonly string[]>> = {
  red: ['红', '高', '重大', '一级', 'Ⅰ', 'red'],
  yellow: ['黄', '中', '较大', '二级', 'Ⅱ', 'yellow'],
  green: ['绿', '低', '一般', '三级', 'Ⅲ', 'green'],
};

const ORDER: readonly Level[] = ['red', 'yellow', 'green'];

/** A manual level cell as a level; null when blank or no token is found. */
export function parseLevel(v: CellValue): Level | null {
  const text = cellText(v).toLowerCase();
  if (text === '') return null;
  for (const level of ORDER) {
    if (LEVEL_TOKENS[level].some((token) => text.includes(token.toLowerCase()))) return level;
  }
  return null;
}
