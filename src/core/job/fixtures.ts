// Test-only: a tiny evaluator for the Excel functions the conditional formats use (kept out of
// index.ts). Enough to check a formula the way Excel reads it, not a spreadsheet engine.
import { columnIndex } from '../cells';
import type { CellValue } from '../model';

/** An Excel error value such as #VALUE! (what SEARCH gives when the text is not found). */
class ExcelError {
  constructor(readonly code: string) {}
}
type Value = string | number | boolean | ExcelError;

type Token = { kind: 'string' | 'number' | 'cell' | 'name' | 'op' | 'paren' | 'comma'; text: string };

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|(\d+(?:\.\d+)?)(?![A-Za-z])|(\$?[A-Z]{1,3}\$?\d+)(?![A-Za-z(])|([A-Z][A-Z0-9.]*)(?=\()|(<>|<=|>=|=|<|>)|([()])|(,))/y;
  let at = 0;
  while (at < formula.length) {
    re.lastIndex = at;
    const m = re.exec(formula);
    if (!m) throw new SyntaxError(`cannot read the formula at "${formula.slice(at, at + 20)}"`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].replace(/""/g, '"') });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'cell', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'name', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'paren', text: m[6] });
    else tokens.push({ kind: 'comma', text: ',' });
  }
  return tokens;
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'cell'; column: number }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'compare'; op: string; left: Node; right: Node };

function parse(tokens: Token[]): Node {
  let i = 0;
  const expect = (text: string) => {
    if (tokens[i]?.text !== text) throw new SyntaxError(`expected ${text} at token ${i}`);
    i++;
  };
  const term = (): Node => {
    const t = tokens[i++];
    if (!t) throw new SyntaxError('unexpected end of formula');
    if (t.kind === 'string') return { kind: 'literal', value: t.text };
    if (t.kind === 'number') return { kind: 'literal', value: Number(t.text) };
    if (t.kind === 'cell') return { kind: 'cell', column: columnIndex(/^\$?([A-Z]+)/.exec(t.text)![1]) };
    if (t.kind === 'name') {
      expect('(');
      const args: Node[] = [];
      if (tokens[i]?.text !== ')') {
        args.push(expression());
        while (tokens[i]?.kind === 'comma') {
          i++;
          args.push(expression());
        }
      }
      expect(')');
      return { kind: 'call', name: t.text, args };
    }
    throw new SyntaxError(`unexpected ${t.text}`);
  };
  const expression = (): Node => {
    const left = term();
    if (tokens[i]?.kind !== 'op') return left;
    const op = tokens[i++].text;
    return { kind: 'compare', op, left, right: term() };
  };
  const node = expression();
  if (i !== tokens.length) throw new SyntaxError(`unexpected ${tokens[i].text} after the formula`);
  return node;
}

const asText = (v: Value): string => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
function asBoolean(v: Value): boolean {
  if (v instanceof ExcelError) throw v;
  if (typeof v === 'string') throw new ExcelError('#VALUE!');
  return Boolean(v);
}

function compare(op: string, a: Value, b: Value): boolean {
  if (a instanceof ExcelError) throw a;
  if (b instanceof ExcelError) throw b;
  // Excel: text compares case-insensitively; any text is greater than any number.
  let order: number;
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    order = x < y ? -1 : x > y ? 1 : 0;
  } else if (typeof a === 'number' && typeof b === 'number') order = Math.sign(a - b);
  else order = typeof a === 'string' ? 1 : -1;
  switch (op) {
    case '=': return order === 0;
    case '<>': return order !== 0;
    case '<': return order < 0;
    case '>': return order > 0;
    case '<=': return order <= 0;
    default: return order >= 0;
  }
}

function evaluate(node: Node, row: readonly CellValue[]): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'cell': {
      const v = row[node.column];
      return v === null || v === undefined ? '' : v;
    }
    case 'compare':
      return compare(node.op, evaluate(node.left, row), evaluate(node.right, row));
    case 'call': {
      const arg = (k: number) => evaluate(node.args[k], row);
      try {
        switch (node.name) {
          case 'AND': return node.args.every((_a, k) => asBoolean(arg(k)));
          case 'OR': return node.args.some((_a, k) => asBoolean(arg(k)));
          case 'NOT': return !asBoolean(arg(0));
          case 'IF': return asBoolean(arg(0)) ? arg(1) : arg(2);
          case 'ISNUMBER': return typeof arg(0) === 'number';
          case 'LEFT': return asText(arg(0)).slice(0, Number(arg(1)));
          case 'SEARCH': {
            const find = asText(arg(0));
            // Excel's SEARCH takes ? * ~ as wildcards; the level tokens must not contain them.
            if (/[?*~]/.test(find)) throw new Error(`wildcard in SEARCH("${find}")`);
            const at = asText(arg(1)).toLowerCase().indexOf(find.toLowerCase());
            return at < 0 ? new ExcelError('#VALUE!') : at + 1;
          }
          default:
            throw new Error(`function ${node.name} is not in the test evaluator`);
        }
      } catch (e) {
        if (e instanceof ExcelError) return e;
        throw e;
      }
    }
  }
}

/**
 * Whether a conditional-format formula is true for one sheet row. Cell references are read by
 * column from `row`, as Excel shifts a formula written for the first row down the range. An error
 * counts as false, as it does for conditional formatting.
 */
export function formulaHolds(formula: string, row: readonly CellValue[]): boolean {
  const value = evaluate(parse(tokenize(formula)), row);
  return value === true;
}
