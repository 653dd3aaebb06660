import { LEVEL_TOKENS } from '../cells';
import type { Level } from '../model';

/** What the 建议等级 column says for a dispute that is no longer open: green, and why. */
export const SETTLED_SUGGESTION = { resolved: '绿（已化解）', closed: '绿（已销号）' } as const;
/** Prefix shared by both settled texts; a conditional format tests it to force green. */
const SETTLED_PREFIX = '绿（';

/**
 * Conditional-format formulas that colour a row by its effective level, written for the first
 * data row with absolute columns, so Excel and LibreOffice shift them down the range.
 *
 * They follow `parseLevel` exactly: a manual cell counts for a level when it contains one of that
 * level's tokens (SEARCH), red tokens before yellow before green. Rules are added red first with
 * the highest priority, so a cell holding tokens of two levels shows the more severe one, as
 * parseLevel reads it. A settled dispute (绿（已化解）) is green whatever the manual level says.
 */
export function levelFormulas(manualCell: string, suggestedCell: string): Record<Level, string> {
  const contains = (level: Level) => LEVEL_TOKENS[level].map((t) => `ISNUMBER(SEARCH("${t}",${manualCell}))`).join(',');
  const manualAny = `OR(${contains('red')},${contains('yellow')},${contains('green')})`;
  const settled = `LEFT(${suggestedCell},2)="${SETTLED_PREFIX}"`;
  const open = `AND(${suggestedCell}<>"",NOT(${settled}))`;
  const formula = (level: Level, zh: string) => `AND(${open},IF(${manualAny},OR(${contains(level)}),${suggestedCell}="${zh}"))`;
  return {
    red: formula('red', '红'),
    yellow: formula('yellow', '黄'),
    green: `OR(${settled},${formula('green', '绿')})`,
  };
}

/** A revisit date before today is overdue; TODAY() keeps the mark live between runs. */
export function overdueFormula(dateCell: string): string {
  return `AND(ISNUMBER(${dateCell}),${dateCell}<TODAY())`;
}

/**
 * The add-in's conditional formats carry this in their formula, so a re-run recognises them by what
 * they are. Their ids cannot do it: an id is the format's current position, renumbered by every
 * add, delete or priority change and different after a reopen
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member).
 * N("…") is 0, so AND(rule, N("…")=0) is the rule. The pane writes them so; the file host writes
 * them bare, and knows both.
 */
export const FORMAT_MARKER = 'N("三色台账")=0';
const MARKED = /N\(\s*"三色台账"\s*\)\s*=\s*0/;

export function markedFormula(formula: string): string {
  return `=AND(${formula},${FORMAT_MARKER})`;
}

/**
 * The rule of a formula written by markedFormula, or null for anyone else's formula. With or
 * without its leading '=': Office.js gives it, a file's <formula> leaves it out.
 */
export function unmarkedFormula(formula: string | null | undefined): string | null {
  if (!formula || !MARKED.test(formula)) return null;
  const m = /^=?AND\((.*),\s*N\(\s*"三色台账"\s*\)\s*=\s*0\s*\)$/.exec(formula.trim());
  return m ? m[1] : formula;
}
