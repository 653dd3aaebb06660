import { compilePattern } from './pattern-engine';

/** Every match as [index, text], by JavaScript's own engine: what a county's pattern meant. */
function byJavaScript(pattern: string, text: string): [number, string][] {
  const regex = new RegExp(pattern, 'gu');
  const out: [number, string][] = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0] === '') regex.lastIndex++;
  }
  return out;
}
const matches = (pattern: string, text: string): [number, string][] => [...compilePattern(pattern).matches(text)].map((m) => [m.index, m.text]);

describe('compilePattern', () => {
  it.each<[string, string, string]>([
    ['a key-person cell', '^(是|√|✓|✔|[Yy]|[Yy][Ee][Ss])$', 'Yes'],
    ['words a few characters apart, greedy', '扬言.{0,10}砍', '张某扬言要砍人，李某扬言砍'],
    ['the same, lazy', '扬言.{0,10}?砍', '张某扬言要砍人，李某扬言砍'],
    ['a choice, leftmost first', '砍|砍伤', '砍伤了人'],
    ['every match of a number', '\\d+万元', '欠款3万元，另欠12万元'],
    ['a Han character written as \\u ranges', '[\\u4e00-\\u9fa5]{2}人', 'ab张三人'],
    ['a character written as \\u{…}', '\\u{9F50}+', '齐齐x齐'],
    ['a Unicode property', '\\p{Nd}+', '电话٠١٢3'],
    ['positions past a character outside the Basic Multilingual Plane', '砍', '𠮷砍𠮷砍'],
    ['an escaped backslash before u, which is no escape', '\\\\u', 'a\\ub'],
    ['a lookbehind, on JavaScript’s engine', '(?<!未)持刀', '未持刀，后持刀'],
    ['a back-reference, on JavaScript’s engine', '(甲|乙)\\1', '甲乙乙甲甲'],
  ])('finds what JavaScript finds: %s', (_name, pattern, text) => {
    expect(matches(pattern, text)).toEqual(byJavaScript(pattern, text));
  });

  it.each<[string, boolean]>([
    ['(?:\\x51|\\x51)+!', true],
    ['[^。]*扬言[^。]*砍', true],
    ['(?<!未)持刀', false],
    ['(甲|乙)\\1', false],
    ['\\p{Script=Han}+', false],
  ])('%s runs in linear time: %s', (pattern, linear) => {
    expect(compilePattern(pattern).linear).toBe(linear);
  });
});
